package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DimensionTest {

  private static final Dimension VALUE = Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW");

  enum Lifecycle {
    NEW,
    GROWING,
    MATURE,
    DECLINING,
    LOST
  }

  @Test
  void keeps_id_and_labels_in_order() {
    assertThat(VALUE.id()).isEqualTo("value");
    assertThat(VALUE.labels()).containsExactly("CORE", "IMPORTANT", "POTENTIAL", "LOW");
    assertThat(VALUE.size()).isEqualTo(4);
  }

  @Test
  void of_an_enum_uses_its_constant_names_in_declaration_order() {
    Dimension lifecycle = Dimension.of("lifecycle", Lifecycle.class);
    assertThat(lifecycle.labels()).containsExactly("NEW", "GROWING", "MATURE", "DECLINING", "LOST");
    assertThat(lifecycle).isEqualTo(Dimension.of("lifecycle", "NEW", "GROWING", "MATURE", "DECLINING", "LOST"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"value", "v", "credit-risk", "rfm_2", "a-b_c9"})
  void accepts_lowercase_ids(String id) {
    assertThat(Dimension.of(id, "A").id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Value", "VALUE", "1value", "-value", "_value", "", "credit risk", "value.sub", "wert\u00e4"})
  void rejects_malformed_ids_with_the_accepted_form(String id) {
    assertThatThrownBy(() -> Dimension.of(id, "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dimension id '" + id + "' must be lowercase ([a-z][a-z0-9_-]*)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "Core", "1ST", "_CORE", "CORE-PLUS", "CORE PLUS", ""})
  void rejects_malformed_labels_naming_label_and_dimension(String label) {
    assertThatThrownBy(() -> Dimension.of("value", "LOW", label))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Label '" + label + "' of dimension 'value' must be upper snake case ([A-Z][A-Z0-9_]*)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "CORE", "TOP_20", "A1_B2_"})
  void accepts_upper_snake_case_labels(String label) {
    assertThat(Dimension.of("value", label).labels()).containsExactly(label);
  }

  @Test
  void rejects_no_labels() {
    assertThatThrownBy(() -> Dimension.of("value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dimension 'value' needs at least one label");
  }

  @Test
  void rejects_duplicate_labels() {
    assertThatThrownBy(() -> Dimension.of("value", "CORE", "LOW", "CORE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Label 'CORE' appears twice in dimension 'value'");
  }

  @Test
  void rejects_the_reserved_unclassified_label() {
    assertThatThrownBy(() -> Dimension.of("value", "CORE", Dimension.UNCLASSIFIED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Label UNCLASSIFIED of dimension 'value' is reserved for failures");
  }

  @Test
  void null_id_is_named() {
    assertThatThrownBy(() -> new Dimension(nullString(), List.of("A")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  @Test
  void copies_the_labels_so_later_changes_to_the_source_do_not_leak_in() {
    List<String> source = new ArrayList<>(List.of("A", "B"));
    Dimension d = new Dimension("d", source);
    source.add("C");

    assertThat(d.labels()).containsExactly("A", "B");
    assertThatThrownBy(() -> d.labels().add("C")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void index_of_finds_labels_and_returns_minus_one_for_others() {
    assertThat(VALUE.indexOf("CORE")).isZero();
    assertThat(VALUE.indexOf("LOW")).isEqualTo(3);
    assertThat(VALUE.indexOf("core")).isEqualTo(-1);
    assertThat(VALUE.indexOf("MISSING")).isEqualTo(-1);
    assertThat(VALUE.indexOf(Dimension.UNCLASSIFIED)).isEqualTo(-1);
  }

  @Test
  void label_maps_indexes_back_and_minus_one_to_unclassified() {
    for (int i = 0; i < VALUE.size(); i++) {
      assertThat(VALUE.indexOf(VALUE.label(i))).isEqualTo(i);
    }
    assertThat(VALUE.label(-1)).isEqualTo(Dimension.UNCLASSIFIED).isEqualTo("UNCLASSIFIED");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, -2, Integer.MIN_VALUE})
  void label_outside_the_dimension_is_an_index_error(int index) {
    assertThatThrownBy(() -> VALUE.label(index)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void contains_is_true_exactly_for_label_indexes() {
    assertThat(VALUE.contains(0)).isTrue();
    assertThat(VALUE.contains(3)).isTrue();
    assertThat(VALUE.contains(4)).isFalse();
    assertThat(VALUE.contains(-1)).as("UNCLASSIFIED is not a label of the dimension").isFalse();
  }

  @Test
  void equal_when_id_and_labels_are_equal() {
    assertThat(VALUE).isEqualTo(Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW"));
    assertThat(VALUE).isNotEqualTo(Dimension.of("value", "IMPORTANT", "CORE", "POTENTIAL", "LOW"));
    assertThat(VALUE).isNotEqualTo(Dimension.of("worth", "CORE", "IMPORTANT", "POTENTIAL", "LOW"));
  }

  private static String nullString() {
    return null;
  }
}
