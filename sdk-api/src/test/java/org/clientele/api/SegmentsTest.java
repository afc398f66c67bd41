package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  private static final Dimension VALUE = Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW");
  private static final Dimension RISK = Dimension.of("credit-risk", "LOW", "MEDIUM", "HIGH");
  private static final Dimension LIFECYCLE = Dimension.of("lifecycle", "NEW", "MATURE", "LOST");

  private final Segments segments = Segments.of(List.of(VALUE, RISK, LIFECYCLE), 1, -1, 2);

  @Test
  void position_finds_each_dimension_by_id() {
    assertThat(segments.position("value")).isZero();
    assertThat(segments.position("credit-risk")).isEqualTo(1);
    assertThat(segments.position("lifecycle")).isEqualTo(2);
  }

  @Test
  void position_of_an_unknown_dimension_is_minus_one() {
    assertThat(segments.position("loyalty")).isEqualTo(-1);
    assertThat(segments.position("Value")).isEqualTo(-1);
    assertThat(Segments.of(List.of()).position("value")).isEqualTo(-1);
  }

  @Test
  void label_gives_the_label_name_by_dimension_id() {
    assertThat(segments.label("value")).isEqualTo("IMPORTANT");
    assertThat(segments.label("lifecycle")).isEqualTo("LOST");
  }

  @Test
  void label_of_a_failed_dimension_is_unclassified() {
    assertThat(segments.label("credit-risk")).isEqualTo(Dimension.UNCLASSIFIED);
  }

  @Test
  void label_of_an_unknown_dimension_throws_naming_the_dimensions() {
    assertThatThrownBy(() -> segments.label("loyalty")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[value, credit-risk, lifecycle]");
  }

  @Test
  void score_by_id_reads_the_given_scores() {
    Segments scored = Segments.of(List.of(VALUE, RISK), new int[] {0, 2}, new double[] {182_000, Double.NaN});
    assertThat(scored.score("value")).isEqualTo(182_000);
    assertThat(scored.score("credit-risk")).isNaN();
    assertThat(segments.score("value")).isNaN();
  }

  @Test
  void of_copies_its_arrays() {
    int[] labels = {0, 0, 0};
    Segments fixed = Segments.of(List.of(VALUE, RISK, LIFECYCLE), labels);
    labels[0] = 3;
    assertThat(fixed.label("value")).isEqualTo("CORE");
  }

  @Test
  void of_refuses_a_label_outside_its_dimension_or_mismatched_lengths_or_repeated_ids() {
    assertThatThrownBy(() -> Segments.of(List.of(VALUE, RISK), 4, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label index 4 is outside dimension 'value'");
    assertThatThrownBy(() -> Segments.of(List.of(VALUE, RISK), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 dimensions need as many labels");
    assertThatThrownBy(() -> Segments.of(List.of(VALUE, VALUE), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'value' appears twice");
  }
}
