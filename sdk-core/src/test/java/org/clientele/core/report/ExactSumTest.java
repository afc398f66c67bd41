package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

  @Test
  void cancellationThatNaiveSummationGetsWrongIsExact() {
    ExactSum sum = new ExactSum();
    for (double v : new double[] {1e16, 1.0, -1e16, 0.1, 0.2}) {
      sum.add(v);
    }

    assertThat(1e16 + 1.0 - 1e16 + 0.1 + 0.2).isNotEqualTo(1.3); // why the report does not sum naively
    assertThat(sum.value()).isEqualTo(1.3);
  }

  @Test
  void emptyAndCancellingSumsArePositiveZero() {
    ExactSum sum = new ExactSum();
    assertThat(Double.doubleToRawLongBits(sum.value())).isZero();
    sum.add(-2.5);
    sum.add(2.5);
    assertThat(Double.doubleToRawLongBits(sum.value())).isZero();
  }

  /** Property: any order of adds and merges gives the correctly rounded exact sum. */
  @Test
  void anyOrderOfAddsAndMergesGivesTheCorrectlyRoundedSum() {
    long base = System.nanoTime();
    for (int run = 0; run < 200; run++) {
      long seed = base + run;
      Random random = new Random(seed);
      List<Double> values = new ArrayList<>();
      int n = 1 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        double magnitude = Math.pow(10, random.nextInt(30) - 10);
        values.add((random.nextBoolean() ? 1 : -1) * magnitude * random.nextDouble());
      }
      BigDecimal exact = BigDecimal.ZERO;
      for (double v : values) {
        exact = exact.add(new BigDecimal(v));
      }

      ExactSum inOrder = new ExactSum();
      values.forEach(inOrder::add);
      Collections.shuffle(values, random);
      ExactSum left = new ExactSum();
      ExactSum right = new ExactSum();
      for (double v : values) {
        (random.nextBoolean() ? left : right).add(v);
      }
      right.merge(left);

      String context = "seed " + seed;
      assertThat(right.value()).as(context).isEqualTo(inOrder.value());
      double got = inOrder.value();
      BigDecimal error = exact.subtract(new BigDecimal(got)).abs();
      BigDecimal halfUlp = new BigDecimal(Math.ulp(got)).divide(BigDecimal.valueOf(2), MathContext.UNLIMITED);
      assertThat(error).as(context + ": within half an ulp of the exact sum").isLessThanOrEqualTo(halfUlp);
    }
  }
}
