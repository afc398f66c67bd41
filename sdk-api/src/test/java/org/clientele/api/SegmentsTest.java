package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  /** The smallest Segments a strategy author might write in a test. */
  private record FakeSegments(List<Dimension> dimensions, int[] labels) implements Segments {
    @Override
    public int size() {
      return dimensions.size();
    }

    @Override
    public Dimension dimension(int position) {
      return dimensions.get(position);
    }

    @Override
    public int labelIndex(int position) {
      return labels[position];
    }

    @Override
    public double score(int position) {
      return Double.NaN;
    }
  }

  private static final Dimension VALUE = Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW");
  private static final Dimension RISK = Dimension.of("credit-risk", "LOW", "MEDIUM", "HIGH");
  private static final Dimension LIFECYCLE = Dimension.of("lifecycle", "NEW", "MATURE", "LOST");

  private final Segments segments = new FakeSegments(List.of(VALUE, RISK, LIFECYCLE), new int[] {1, -1, 2});

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
    assertThat(new FakeSegments(List.of(), new int[0]).position("value")).isEqualTo(-1);
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
  void label_of_an_unknown_dimension_is_null() {
    assertThat(segments.label("loyalty")).isNull();
  }
}
