package org.clientele.classifiers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.clientele.api.spi.QuantileSketch;
import org.junit.jupiter.api.Test;

/** What a plugin gets from {@link QuantileSketch#create}: the built-ins' distribution, found by ServiceLoader. */
class QuantileSketchTest {

  private static final long SEED = 20_261_129L;

  @Test
  void createFindsTheBuiltInDistribution() {
    assertThat(QuantileSketch.create()).isInstanceOf(DistributionSketch.class);
  }

  @Test
  void exactUpToTheLimitAndIndependentOfHowThePopulationWasSplit() {
    Random random = new Random(SEED);
    double[] values = new double[1_001];
    QuantileSketch whole = QuantileSketch.create();
    QuantileSketch left = QuantileSketch.create();
    QuantileSketch right = QuantileSketch.create();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(random.nextGaussian());
      whole.add(values[i]);
      (i % 3 == 0 ? left : right).add(values[i]);
    }
    whole.add(Double.NaN); // a missing feature read with a NaN fallback is not a value
    left.merge(right);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(whole.count()).isEqualTo(1_001);
    assertThat(whole.exact()).isTrue();
    assertThat(whole.rankError()).isZero();
    assertThat(whole.quantile(0.5)).as("seed %s", SEED).isEqualTo(sorted[500]);
    assertThat(whole.topShareCutoff(0.2)).isEqualTo(sorted[1_001 - 201]);
    assertThat(left.quantile(0.5)).isEqualTo(whole.quantile(0.5));
    assertThat(left.topShareCutoff(0.2)).isEqualTo(whole.topShareCutoff(0.2));
  }

  @Test
  void aboveTheLimitTheRankErrorIsWithinTheDocumentedBound() {
    Random random = new Random(SEED);
    int n = 50_000;
    double[] values = new double[n];
    QuantileSketch sketch = QuantileSketch.create(1_000, QuantileSketch.DEFAULT_K);
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() * 100;
      sketch.add(values[i]);
    }
    Arrays.sort(values);
    assertThat(sketch.exact()).isFalse();
    assertThat(sketch.rankError()).isBetween(0.005, 0.02);
    double cutoff = sketch.topShareCutoff(0.2);
    long atOrAbove = Arrays.stream(values).filter(v -> v >= cutoff).count();
    assertThat((double) atOrAbove / n).as("seed %s", SEED).isCloseTo(0.2, org.assertj.core.data.Offset.offset(sketch.rankError()));
  }

  @Test
  void emptyGivesNaNAndStrangersAreRefused() {
    QuantileSketch empty = QuantileSketch.create();
    assertThat(empty.quantile(0.5)).isNaN();
    assertThat(empty.topShareCutoff(0.2)).isNaN();
    assertThatThrownBy(() -> empty.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> empty.topShareCutoff(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> empty.merge(QuantileSketch.create(10, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same parameters");
  }
}
