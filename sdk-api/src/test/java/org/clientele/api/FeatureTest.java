package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

// Features are interned JVM-wide, so every name declared here starts with "ft_" to stay clear of
// the other test classes that share the JVM.
class FeatureTest {

  @Test
  void the_same_name_and_kind_gives_the_same_instance_and_keeps_the_first_description() {
    Feature<Double> first = Feature.number("ft_distance_km", "Distance from the nearest branch");
    Feature<Double> again = Feature.number("ft_distance_km", "Another description");

    assertThat(again).isSameAs(first);
    assertThat(again.description()).isEqualTo("Distance from the nearest branch");
    assertThat(first.name()).isEqualTo("ft_distance_km");
    assertThat(first.kind()).isEqualTo(Feature.Kind.NUMBER);
    assertThat(first).hasToString("ft_distance_km");
  }

  @Test
  void each_kind_declares_a_feature_of_that_kind() {
    assertThat(Feature.text("ft_kind_text", "t").kind()).isEqualTo(Feature.Kind.TEXT);
    assertThat(Feature.date("ft_kind_date", "d").kind()).isEqualTo(Feature.Kind.DATE);
    assertThat(Feature.number("ft_kind_number", "n").kind()).isEqualTo(Feature.Kind.NUMBER);
  }

  @Test
  void kinds_report_their_java_types() {
    assertThat(Feature.Kind.NUMBER.type()).isEqualTo(Double.class);
    assertThat(Feature.Kind.TEXT.type()).isEqualTo(String.class);
    assertThat(Feature.Kind.DATE.type()).isEqualTo(LocalDate.class);
  }

  @Test
  void redeclaring_a_name_with_another_kind_names_both_kinds() {
    Feature.text("ft_conflict", "first as text");

    assertThatThrownBy(() -> Feature.number("ft_conflict", "then as number"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Feature 'ft_conflict' is already declared as TEXT, not NUMBER");
    assertThatThrownBy(() -> Feature.date("ft_conflict", "then as date"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Feature 'ft_conflict' is already declared as TEXT, not DATE");
    // The failed attempts did not replace the original declaration.
    assertThat(Feature.lookup("ft_conflict")).get().extracting(Feature::kind).isEqualTo(Feature.Kind.TEXT);
  }

  @Test
  void a_plugin_cannot_redeclare_a_standard_feature_with_another_kind() {
    assertThatThrownBy(() -> Feature.text("revenue_12m", "Revenue as text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Feature 'revenue_12m' is already declared as NUMBER, not TEXT");
  }

  @Test
  void a_plugin_redeclaring_a_standard_feature_with_its_kind_gets_the_standard_instance() {
    assertThat(Feature.number("revenue_12m", "whatever")).isSameAs(StandardFeatures.REVENUE_12M);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Revenue", "revenueTotal", "1st_purchase", "_private", "rev-12m", "rev 12m", "", " ", "revenue_12m ", "café"})
  void malformed_names_are_rejected_and_not_declared(String name) {
    assertThatThrownBy(() -> Feature.number(name, "bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Feature name '" + name + "' is not lowercase snake case ([a-z][a-z0-9_]*)");
    assertThat(Feature.lookup(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ft_a", "ft_x9", "ft_trailing_", "ft__double"})
  void well_formed_names_are_accepted(String name) {
    assertThat(Feature.number(name, "ok").name()).isEqualTo(name);
  }

  @Test
  void null_name_or_description_is_named_in_the_exception() {
    assertThatThrownBy(() -> Feature.number(nullString(), "d"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> Feature.text("ft_no_description", nullString()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("description");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        argumentSet("number given a String", StandardFeatures.REVENUE_12M, "182000",
            "Feature 'revenue_12m' holds Double values, not String"),
        argumentSet("number given an Integer", StandardFeatures.REVENUE_12M, 182_000,
            "Feature 'revenue_12m' holds Double values, not Integer"),
        argumentSet("number given a Long", StandardFeatures.ORDERS_12M, 3L,
            "Feature 'orders_12m' holds Double values, not Long"),
        argumentSet("text given a Double", StandardFeatures.INDUSTRY_CODE, 10.0,
            "Feature 'industry_code' holds String values, not Double"),
        argumentSet("date given a String", StandardFeatures.FIRST_PURCHASE_DATE, "2024-01-31",
            "Feature 'first_purchase_date' holds LocalDate values, not String"),
        argumentSet("date given a LocalDateTime", StandardFeatures.LAST_PURCHASE_DATE,
            LocalDate.of(2024, 1, 31).atStartOfDay(),
            "Feature 'last_purchase_date' holds LocalDate values, not LocalDateTime"));
  }

  @ParameterizedTest
  @MethodSource("wrongTypes")
  void cast_rejects_a_value_of_the_wrong_type_naming_feature_and_both_types(
      Feature<?> feature, Object value, String message) {
    assertThatThrownBy(() -> feature.cast(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void cast_rejects_non_finite_numbers_and_says_to_leave_the_feature_out(double value) {
    assertThatThrownBy(() -> StandardFeatures.REVENUE_12M.cast(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Feature 'revenue_12m' must be a finite number, not " + value + "; leave it out if unknown");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", " \n "})
  void cast_rejects_blank_text_and_says_to_leave_the_feature_out(String value) {
    assertThatThrownBy(() -> StandardFeatures.INDUSTRY_CODE.cast(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Feature 'industry_code' must not be blank; leave it out if unknown");
  }

  @Test
  void cast_returns_valid_values_unchanged() {
    Double zero = 0.0;
    Double negative = -12.5;
    Double huge = Double.MAX_VALUE;
    String code = " C10 ";
    LocalDate date = LocalDate.of(1997, 1, 1);

    assertThat(StandardFeatures.REVENUE_12M.cast(zero)).isSameAs(zero);
    assertThat(StandardFeatures.REVENUE_12M.cast(negative)).isSameAs(negative);
    assertThat(StandardFeatures.REVENUE_12M.cast(huge)).isSameAs(huge);
    assertThat(StandardFeatures.INDUSTRY_CODE.cast(code)).isSameAs(code);
    assertThat(StandardFeatures.FIRST_PURCHASE_DATE.cast(date)).isSameAs(date);
  }

  @Test
  void cast_of_null_names_the_feature() {
    assertThatThrownBy(() -> StandardFeatures.REVENUE_12M.cast(nullString()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("revenue_12m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"revenue_12m", "industry_code", "first_purchase_date", "age", "overdue_days"})
  void lookup_finds_standard_features(String name) {
    assertThat(Feature.lookup(name)).get().extracting(Feature::name).isEqualTo(name);
  }

  @Test
  void lookup_returns_the_interned_instance() {
    assertThat(Feature.lookup("revenue_12m")).containsSame(StandardFeatures.REVENUE_12M);
    Feature<LocalDate> plugin = Feature.date("ft_contract_end", "Contract end date");
    assertThat(Feature.lookup("ft_contract_end")).containsSame(plugin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ft_never_declared", "Revenue_12m", "revenue12m", ""})
  void lookup_of_an_unknown_name_is_empty(String name) {
    assertThat(Feature.lookup(name)).isEmpty();
  }

  @Test
  void concurrent_declarations_of_one_name_agree_on_one_instance() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Feature<Double>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return Feature.number("ft_raced", "declared by many threads at once");
        }));
      }
      start.countDown();
      Feature<Double> first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<Feature<Double>> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void standard_features_have_unique_names_and_every_one_is_found_by_lookup() {
    List<Feature<?>> all = StandardFeatures.all();
    var names = new HashSet<String>();
    for (Feature<?> f : all) {
      assertThat(names.add(f.name())).as("duplicate standard feature %s", f).isTrue();
      assertThat(Feature.lookup(f.name())).as(f.name()).containsSame(f);
      assertThat(f.description()).as(f.name()).isNotBlank();
    }
    assertThat(all).hasSize(32);
  }

  @Test
  void standard_features_cover_the_vocabulary_the_domain_promises() {
    assertThat(StandardFeatures.all())
        .extracting(Feature::name)
        .contains(
            "revenue_12m", "orders_12m", "revenue_prev_12m", "visits_12m", "first_purchase_date",
            "last_purchase_date", "days_since_last_purchase", "tenure_days", "overdue_days",
            "default_count", "risk_warnings", "satisfaction", "complaints_12m", "industry_code",
            "organisation_type", "region");
    assertThat(StandardFeatures.FIRST_PURCHASE_DATE.kind()).isEqualTo(Feature.Kind.DATE);
    assertThat(StandardFeatures.INDUSTRY_CODE.kind()).isEqualTo(Feature.Kind.TEXT);
    assertThat(StandardFeatures.SATISFACTION.kind()).isEqualTo(Feature.Kind.NUMBER);
  }

  @Test
  void standard_feature_list_is_unmodifiable() {
    assertThatThrownBy(() -> StandardFeatures.all().add(StandardFeatures.AGE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // Hides a null behind a method so the null checks can be tested.
  private static String nullString() {
    return null;
  }
}
