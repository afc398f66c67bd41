package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReasonTest {

  static Stream<Arguments> formattedValues() {
    return Stream.of(
        argumentSet("whole number without a decimal point", 182_000.0, "182000"),
        argumentSet("zero", 0.0, "0"),
        argumentSet("negative whole number", -3.0, "-3"),
        argumentSet("fraction kept", 0.25, "0.25"),
        argumentSet("a sum's binary noise rounded away", 7800.789999999999, "7800.79"),
        argumentSet("small fraction kept to 12 digits", 0.000123456789012345, "0.000123456789012"),
        argumentSet("large whole number below 1e15", 999_999_999_999_999.0, "999999999999999"),
        argumentSet("1e15 and beyond in scientific form", 1e15, "1.0E15"),
        argumentSet("text as is", "C10", "C10"),
        argumentSet("date in ISO form", LocalDate.of(1997, 1, 31), "1997-01-31"),
        argumentSet("integer as is", 7, "7"));
  }

  @ParameterizedTest
  @MethodSource("formattedValues")
  void of_formats_the_observed_value_for_people(Object value, String shown) {
    Reason r = Reason.of(StandardFeatures.REVENUE_12M, value, ">= 50000", "sentence");
    assertThat(r.value()).isEqualTo(shown);
    assertThat(r.feature()).isEqualTo("revenue_12m");
    assertThat(r.threshold()).isEqualTo(">= 50000");
    assertThat(r.text()).isEqualTo("sentence");
    assertThat(r.isMissing()).isFalse();
  }

  @Test
  void missing_names_the_feature_and_has_no_value_or_threshold() {
    Reason r = Reason.missing(StandardFeatures.OVERDUE_DAYS, "No credit data: risk not assessed");

    assertThat(r.isMissing()).isTrue();
    assertThat(r.value()).isNull();
    assertThat(r.feature()).isEqualTo("overdue_days");
    assertThat(r.threshold()).isEmpty();
    assertThat(r.text()).isEqualTo("No credit data: risk not assessed");
  }

  @Test
  void a_derived_quantity_can_be_named_directly() {
    Reason r = new Reason("growth", "0.12", ">= 0.1", "Revenue grew 12%");
    assertThat(r.isMissing()).isFalse();
    assertThat(r.feature()).isEqualTo("growth");
  }

  @Test
  void null_parts_other_than_the_value_are_named() {
    assertThatThrownBy(() -> new Reason(nullString(), "1", "", "t"))
        .isInstanceOf(NullPointerException.class).hasMessage("feature");
    assertThatThrownBy(() -> new Reason("f", "1", nullString(), "t"))
        .isInstanceOf(NullPointerException.class).hasMessage("threshold");
    assertThatThrownBy(() -> new Reason("f", "1", "", nullString()))
        .isInstanceOf(NullPointerException.class).hasMessage("text");
  }

  private static String nullString() {
    return null;
  }
}
