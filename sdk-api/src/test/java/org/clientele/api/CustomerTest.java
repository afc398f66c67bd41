package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.clientele.api.StandardFeatures.AGE;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.api.StandardFeatures.OVERDUE_DAYS;
import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REVENUE_12M;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerTest {

  private static Customer acme() {
    return Customer.builder("ACME-001")
        .set(REVENUE_12M, 182_000.0)
        .set(INDUSTRY_CODE, "C10")
        .set(FIRST_PURCHASE_DATE, LocalDate.of(1997, 1, 1))
        .build();
  }

  @Nested
  class Identity {

    @Test
    void keeps_the_id() {
      assertThat(acme().id()).isEqualTo("ACME-001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blank_id_is_rejected(String id) {
      assertThatThrownBy(() -> Customer.builder(id))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Customer id must not be blank");
    }

    @Test
    void null_id_is_named() {
      assertThatThrownBy(() -> Customer.builder(nullString()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("id");
    }

    @Test
    void a_customer_without_features_is_valid() {
      Customer c = Customer.builder("prospect").build();
      assertThat(c.featureCount()).isZero();
      assertThat(c.features()).isEmpty();
      assertThat(c.has(REVENUE_12M)).isFalse();
    }
  }

  @Nested
  class MissingIsNotZero {

    private final Customer zero = Customer.builder("c").set(OVERDUE_DAYS, 0.0).build();
    private final Customer missing = Customer.builder("c").build();

    @Test
    void has_tells_them_apart() {
      assertThat(zero.has(OVERDUE_DAYS)).isTrue();
      assertThat(missing.has(OVERDUE_DAYS)).isFalse();
    }

    @Test
    void get_tells_them_apart() {
      assertThat(zero.get(OVERDUE_DAYS)).contains(0.0);
      assertThat(missing.get(OVERDUE_DAYS)).isEmpty();
    }

    @Test
    void get_or_null_tells_them_apart() {
      assertThat(zero.getOrNull(OVERDUE_DAYS)).isEqualTo(0.0);
      assertThat(missing.getOrNull(OVERDUE_DAYS)).isNull();
    }

    @Test
    void number_returns_the_value_or_the_callers_fallback() {
      assertThat(zero.number(OVERDUE_DAYS, Double.NaN)).isEqualTo(0.0);
      assertThat(missing.number(OVERDUE_DAYS, Double.NaN)).isNaN();
      assertThat(missing.number(OVERDUE_DAYS, -1)).isEqualTo(-1.0);
      assertThat(zero.number(OVERDUE_DAYS, -1)).isEqualTo(0.0);
    }

    @Test
    void missing_and_zero_customers_are_not_equal() {
      assertThat(zero).isNotEqualTo(Customer.builder("c").build());
    }

    @Test
    void a_feature_declared_after_the_customer_was_built_is_missing() {
      Customer early = Customer.builder("early").set(REVENUE_12M, 1.0).build();
      Feature<Double> late = Feature.number("ct_declared_late", "Declared after the customer");
      Feature<String> lateText = Feature.text("ct_declared_late_text", "Declared after the customer");

      assertThat(early.has(late)).isFalse();
      assertThat(early.get(lateText)).isEmpty();
      assertThat(early.getOrNull(late)).isNull();
      assertThat(early.number(late, 7.0)).isEqualTo(7.0);
    }
  }

  @Nested
  class Values {

    @Test
    void reads_values_of_every_kind() {
      Customer c = acme();
      assertThat(c.get(REVENUE_12M)).contains(182_000.0);
      assertThat(c.get(INDUSTRY_CODE)).contains("C10");
      assertThat(c.get(FIRST_PURCHASE_DATE)).contains(LocalDate.of(1997, 1, 1));
      assertThat(c.number(REVENUE_12M, Double.NaN)).isEqualTo(182_000.0);
      assertThat(c.featureCount()).isEqualTo(3);
    }

    @Test
    void set_replaces_an_earlier_value() {
      Customer c = Customer.builder("c").set(REVENUE_12M, 1.0).set(REVENUE_12M, 2.0).build();
      assertThat(c.get(REVENUE_12M)).contains(2.0);
      assertThat(c.featureCount()).isEqualTo(1);
    }

    @Test
    void the_boxed_and_primitive_setters_agree() {
      Customer boxed = Customer.builder("c").set(REVENUE_12M, Double.valueOf(5)).build();
      Customer primitive = Customer.builder("c").set(REVENUE_12M, 5).build();
      assertThat(boxed).isEqualTo(primitive);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void non_finite_numbers_are_rejected_at_set_naming_the_feature(double value) {
      Customer.Builder b = Customer.builder("c");
      String message = "Feature 'revenue_12m' must be a finite number, not " + value + "; leave it out if unknown";

      assertThatThrownBy(() -> b.set(REVENUE_12M, value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> b.set(REVENUE_12M, Double.valueOf(value)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
      assertThatThrownBy(() -> b.setOrRemove(REVENUE_12M, Double.valueOf(value)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }

    @Test
    void a_rejected_value_leaves_the_earlier_value_in_place() {
      Customer.Builder b = Customer.builder("c").set(REVENUE_12M, 5.0);
      assertThatThrownBy(() -> b.set(REVENUE_12M, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
      assertThat(b.build().get(REVENUE_12M)).contains(5.0);
    }

    @Test
    void blank_text_is_rejected_at_set_naming_the_feature() {
      assertThatThrownBy(() -> Customer.builder("c").set(REGION, "  "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Feature 'region' must not be blank; leave it out if unknown");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void a_value_of_the_wrong_type_smuggled_past_generics_is_rejected() {
      Feature raw = REVENUE_12M;
      assertThatThrownBy(() -> Customer.builder("c").set(raw, "182000"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Feature 'revenue_12m' holds Double values, not String");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void a_text_feature_read_as_a_number_fails_whether_present_or_not() {
      Feature raw = INDUSTRY_CODE;
      Feature<Double> smuggled = (Feature<Double>) raw;
      // Present or missing, the same mistake gets the same error, not a fallback for some rows.
      for (Customer c : new Customer[] {acme(), Customer.builder("c").build()}) {
        assertThatThrownBy(() -> c.number(smuggled, 0.0))
            .isInstanceOf(ClassCastException.class)
            .hasMessage("Feature 'industry_code' holds String values, not numbers");
      }
      assertThatThrownBy(() -> Customer.builder("c").set(smuggled, 1.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Feature 'industry_code' holds String values, not Double");
    }

    @Test
    void a_number_read_through_get_or_null_is_the_value_set() {
      Customer c = Customer.builder("c").set(REVENUE_12M, -0.0).set(OVERDUE_DAYS, 12.5).build();
      assertThat(c.getOrNull(OVERDUE_DAYS)).isEqualTo(12.5);
      // -0.0 is stored as 0.0: one amount, one value
      assertThat(c.getOrNull(REVENUE_12M)).isEqualTo(0.0);
      assertThat(Double.doubleToRawLongBits(c.number(REVENUE_12M, Double.NaN))).isZero();
    }

    @Test
    void null_feature_or_value_is_named() {
      assertThatThrownBy(() -> Customer.builder("c").set(nullFeature(), 1.0))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("feature");
      assertThatThrownBy(() -> Customer.builder("c").set(REVENUE_12M, nullDouble()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("revenue_12m");
    }

    @Test
    void set_or_remove_sets_a_value_and_removes_on_null() {
      Customer set = Customer.builder("c").setOrRemove(REGION, "North").build();
      Customer removed = Customer.builder("c").set(REGION, "North").setOrRemove(REGION, null).build();

      assertThat(set.get(REGION)).contains("North");
      assertThat(removed.has(REGION)).isFalse();
      assertThat(removed.featureCount()).isZero();
    }

    @Test
    void remove_of_a_feature_never_set_is_harmless() {
      Customer c = Customer.builder("c").set(REVENUE_12M, 1.0).remove(AGE).remove(Feature.number("ct_unused", "u")).build();
      assertThat(c).isEqualTo(Customer.builder("c").set(REVENUE_12M, 1.0).build());
    }
  }

  @Nested
  class Immutability {

    @Test
    void changing_the_builder_after_build_does_not_change_the_built_customer() {
      Customer.Builder b = Customer.builder("c").set(REVENUE_12M, 1.0).set(REGION, "North");
      Customer first = b.build();

      b.set(REVENUE_12M, 2.0).remove(REGION).set(AGE, 40.0).set(OVERDUE_DAYS, 3.0);
      Customer second = b.build();

      assertThat(first.features()).containsExactly(entry(REVENUE_12M, 1.0), entry(REGION, "North"));
      assertThat(first.featureCount()).isEqualTo(2);
      assertThat(second.features())
          .containsExactly(entry(REVENUE_12M, 2.0), entry(OVERDUE_DAYS, 3.0), entry(AGE, 40.0));
    }

    @Test
    void build_can_be_called_twice_and_gives_equal_customers() {
      Customer.Builder b = Customer.builder("c").set(REVENUE_12M, 1.0);
      assertThat(b.build()).isEqualTo(b.build()).isNotSameAs(b.build());
    }

    @Test
    void to_builder_copies_id_and_features_and_leaves_the_original_alone() {
      Customer original = acme();
      Customer changed = original.toBuilder().set(REVENUE_12M, 1.0).remove(INDUSTRY_CODE).set(AGE, 3.0).build();

      assertThat(original.toBuilder().build()).isEqualTo(original);
      assertThat(original.get(REVENUE_12M)).contains(182_000.0);
      assertThat(original.get(INDUSTRY_CODE)).contains("C10");
      assertThat(original.has(AGE)).isFalse();
      assertThat(changed.id()).isEqualTo("ACME-001");
      assertThat(changed.features())
          .containsExactly(entry(REVENUE_12M, 1.0), entry(FIRST_PURCHASE_DATE, LocalDate.of(1997, 1, 1)), entry(AGE, 3.0));
    }

    @Test
    void features_map_is_unmodifiable() {
      Map<Feature<?>, Object> features = acme().features();
      assertThatThrownBy(() -> features.put(AGE, 1.0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> features.remove(REVENUE_12M)).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Equality {

    @Test
    void the_order_of_set_calls_does_not_matter() {
      Customer a = Customer.builder("c").set(REVENUE_12M, 1.0).set(REGION, "North").set(AGE, 30.0).build();
      Customer b = Customer.builder("c").set(AGE, 30.0).set(REGION, "North").set(REVENUE_12M, 1.0).build();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void a_customer_that_had_its_last_feature_removed_equals_one_that_never_had_it() {
      // AGE is the last standard feature, so it sits at the end of the value array.
      Customer removed = Customer.builder("c").set(REVENUE_12M, 1.0).set(AGE, 30.0).remove(AGE).build();
      Customer never = Customer.builder("c").set(REVENUE_12M, 1.0).build();
      assertThat(removed).isEqualTo(never).hasSameHashCodeAs(never);
    }

    @Test
    void a_customer_that_had_a_middle_feature_removed_equals_one_that_never_had_it() {
      Customer removed =
          Customer.builder("c").set(REVENUE_12M, 1.0).set(REGION, "North").set(AGE, 30.0).remove(REGION).build();
      Customer never = Customer.builder("c").set(REVENUE_12M, 1.0).set(AGE, 30.0).build();
      assertThat(removed).isEqualTo(never).hasSameHashCodeAs(never);
    }

    @Test
    void removal_through_to_builder_equals_never_having_it() {
      Customer late = Customer.builder("c").set(Feature.number("ct_late_removed", "l"), 1.0).build();
      Customer removed = late.toBuilder().remove(Feature.number("ct_late_removed", "l")).build();
      Customer never = Customer.builder("c").build();
      assertThat(removed).isEqualTo(never).hasSameHashCodeAs(never);
      assertThat(removed.featureCount()).isZero();
    }

    @Test
    void customers_differ_by_id_value_or_feature() {
      Customer base = Customer.builder("c").set(REVENUE_12M, 1.0).build();
      assertThat(base)
          .isNotEqualTo(Customer.builder("d").set(REVENUE_12M, 1.0).build())
          .isNotEqualTo(Customer.builder("c").set(REVENUE_12M, 2.0).build())
          .isNotEqualTo(Customer.builder("c").set(OVERDUE_DAYS, 1.0).build())
          .isNotEqualTo(Customer.builder("c").set(REVENUE_12M, 1.0).set(AGE, 1.0).build())
          .isNotEqualTo("c")
          .isEqualTo(base);
    }
  }

  @Nested
  class FeaturesView {

    @Test
    void lists_present_features_in_declaration_order_whatever_the_set_order() {
      Customer c = Customer.builder("c").set(AGE, 40.0).set(INDUSTRY_CODE, "C10").set(REVENUE_12M, 5.0).build();
      assertThat(c.features())
          .containsExactly(entry(REVENUE_12M, 5.0), entry(INDUSTRY_CODE, "C10"), entry(AGE, 40.0));
      assertThat(c.featureCount()).isEqualTo(c.features().size());
    }

    @Test
    void leaves_out_removed_features() {
      Customer c = Customer.builder("c").set(REVENUE_12M, 5.0).set(REGION, "North").remove(REVENUE_12M).build();
      assertThat(c.features()).containsExactly(entry(REGION, "North"));
      assertThat(c.featureCount()).isEqualTo(1);
    }
  }

  @Test
  void to_string_shows_id_and_feature_names_but_never_values() {
    Customer c = Customer.builder("ACME-001")
        .set(REVENUE_12M, 182_345.67)
        .set(INDUSTRY_CODE, "SECRET-C10")
        .set(FIRST_PURCHASE_DATE, LocalDate.of(1997, 3, 14))
        .build();

    assertThat(c.toString())
        .isEqualTo("Customer[id=ACME-001, features=[revenue_12m, first_purchase_date, industry_code]]")
        .doesNotContain("182")
        .doesNotContain("SECRET")
        .doesNotContain("1997");
  }

  private static String nullString() {
    return null;
  }

  private static Double nullDouble() {
    return null;
  }

  private static Feature<Double> nullFeature() {
    return null;
  }
}
