package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentTest {

  private static final Dimension VALUE = Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW");
  private static final Reason REASON =
      Reason.of(StandardFeatures.REVENUE_12M, 182_000.0, ">= 50000", "Revenue 182,000 is at or above 50,000");

  @Test
  void of_resolves_the_label_name() {
    Assignment a = Assignment.of(VALUE, "POTENTIAL", 12.5, List.of(REASON));

    assertThat(a.dimension()).isSameAs(VALUE);
    assertThat(a.labelIndex()).isEqualTo(2);
    assertThat(a.label()).isEqualTo("POTENTIAL");
    assertThat(a.score()).isEqualTo(12.5);
    assertThat(a.detail()).isEmpty();
    assertThat(a.reasons()).containsExactly(REASON);
  }

  @Test
  void of_an_unknown_label_lists_the_labels_of_the_dimension() {
    assertThatThrownBy(() -> Assignment.of(VALUE, "GOLD", 1.0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'GOLD' is not a label of dimension 'value': [CORE, IMPORTANT, POTENTIAL, LOW]");
  }

  @Test
  void of_does_not_accept_unclassified_by_name() {
    assertThatThrownBy(() -> Assignment.of(VALUE, Dimension.UNCLASSIFIED, Double.NaN, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'UNCLASSIFIED' is not a label of dimension 'value': [CORE, IMPORTANT, POTENTIAL, LOW]");
  }

  @Test
  void unclassified_carries_the_reason_and_no_score() {
    Assignment a = Assignment.unclassified(VALUE, "Classifier 'value' failed: boom");

    assertThat(a.labelIndex()).isEqualTo(-1);
    assertThat(a.label()).isEqualTo(Dimension.UNCLASSIFIED);
    assertThat(a.score()).isNaN();
    assertThat(a.detail()).isEmpty();
    assertThat(a.reasons()).extracting(Reason::text).containsExactly("Classifier 'value' failed: boom");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, -1})
  void accepts_label_indexes_of_the_dimension_and_minus_one(int index) {
    assertThat(new Assignment(VALUE, index, 0, "", List.of()).label()).isEqualTo(VALUE.label(index));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 100, -2, Integer.MIN_VALUE})
  void rejects_label_indexes_outside_the_dimension(int index) {
    assertThatThrownBy(() -> new Assignment(VALUE, index, 0, "", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Label index " + index + " is outside dimension 'value'");
  }

  @Test
  void null_parts_are_named() {
    assertThatThrownBy(() -> new Assignment(nullDimension(), 0, 0, "", List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dimension");
    assertThatThrownBy(() -> new Assignment(VALUE, 0, 0, nullString(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("detail");
  }

  @Test
  void with_detail_returns_a_refined_copy() {
    Assignment a = Assignment.of(VALUE, "CORE", 545, List.of(REASON));
    Assignment refined = a.withDetail("545");

    assertThat(refined.detail()).isEqualTo("545");
    assertThat(refined.labelIndex()).isEqualTo(a.labelIndex());
    assertThat(refined.score()).isEqualTo(a.score());
    assertThat(refined.reasons()).isEqualTo(a.reasons());
    assertThat(a.detail()).isEmpty();
  }

  @Test
  void copies_the_reasons() {
    List<Reason> reasons = new ArrayList<>(List.of(REASON));
    Assignment a = Assignment.of(VALUE, "CORE", 1, reasons);
    reasons.clear();

    assertThat(a.reasons()).containsExactly(REASON);
    assertThatThrownBy(() -> a.reasons().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  private static Dimension nullDimension() {
    return null;
  }

  private static String nullString() {
    return null;
  }
}
