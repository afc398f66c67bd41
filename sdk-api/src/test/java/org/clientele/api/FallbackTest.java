package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A label decided for lack of data is told apart from a measured one everywhere the API carries a label. */
class FallbackTest {

  private static final Dimension RISK = Dimension.of("risk", "LOW", "NORMAL", "HIGH", "UNRATED");
  private static final Dimension VALUE = Dimension.of("value", "CORE", "LOW");

  @Test
  void fixedSegmentsKeepTheBasisPerDimensionAndUnclassifiedIsNeverAFallback() {
    Segments s = Segments.of(List.of(RISK, VALUE), new int[] {0, -1}, new double[] {Double.NaN, Double.NaN},
        new boolean[] {true, true});
    assertThat(s.isFallback("risk")).isTrue();
    assertThat(s.isFallback(1)).as("UNCLASSIFIED is a failure, not a fallback").isFalse();
    assertThat(Segments.of(List.of(RISK, VALUE), 0, 1).isFallback("risk")).isFalse();
    assertThat(s.toString()).contains("risk=LOW (fallback)");
    assertThatThrownBy(() -> Segments.of(List.of(RISK), new int[] {0}, new double[] {0}, new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fallback flags");
  }

  @Test
  void anAssignmentSaysWhetherItsLabelWasMeasured() {
    Assignment measured = Assignment.of(RISK, "LOW", 0, List.of());
    assertThat(measured.fallback()).isFalse();
    assertThat(measured.withFallback(true).fallback()).isTrue();
    assertThat(measured.withFallback(true).withDetail("x").fallback()).as("kept by withDetail").isTrue();
    assertThat(Assignment.unclassified(RISK, "failed").withFallback(true).fallback()).isFalse();
  }

  @Test
  void aSinkThatDoesNotRecordTheBasisStillGetsTheLabel() {
    int[] got = {-2};
    LabelSink plain = (label, score) -> got[0] = label;
    plain.acceptFallback(3, Double.NaN);
    assertThat(got[0]).isEqualTo(3);
  }
}
