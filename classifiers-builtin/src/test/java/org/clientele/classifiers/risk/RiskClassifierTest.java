package org.clientele.classifiers.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.api.StandardFeatures.CREDIT_LIMIT;
import static org.clientele.api.StandardFeatures.CREDIT_USED;
import static org.clientele.api.StandardFeatures.DEFAULT_COUNT;
import static org.clientele.api.StandardFeatures.OVERDUE_DAYS;
import static org.clientele.api.StandardFeatures.RISK_WARNINGS;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Feature;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RiskClassifierTest {

  private final Classifier risk = new RiskClassifierProvider().create(PluginConfig.empty("risk"));

  static Stream<Arguments> boundaries() {
    return Stream.of(
        Arguments.of("defaults below 1", DEFAULT_COUNT, 0.0, "LOW"),
        Arguments.of("defaults at 1", DEFAULT_COUNT, 1.0, "NORMAL"),
        Arguments.of("defaults below 2", DEFAULT_COUNT, 1.5, "NORMAL"),
        Arguments.of("defaults at 2", DEFAULT_COUNT, 2.0, "HIGH"),
        Arguments.of("defaults above 2", DEFAULT_COUNT, 3.0, "HIGH"),
        Arguments.of("overdue below 30", OVERDUE_DAYS, 29.0, "LOW"),
        Arguments.of("overdue at 30", OVERDUE_DAYS, 30.0, "LOW"),
        Arguments.of("overdue above 30", OVERDUE_DAYS, 31.0, "NORMAL"),
        Arguments.of("overdue at 90", OVERDUE_DAYS, 90.0, "NORMAL"),
        Arguments.of("overdue above 90", OVERDUE_DAYS, 91.0, "HIGH"),
        Arguments.of("warnings below 1", RISK_WARNINGS, 0.0, "LOW"),
        Arguments.of("warnings at 1", RISK_WARNINGS, 1.0, "NORMAL"),
        Arguments.of("warnings at 2", RISK_WARNINGS, 2.0, "HIGH"),
        Arguments.of("huge overdue", OVERDUE_DAYS, 1e12, "HIGH"),
        Arguments.of("negative overdue (paid early)", OVERDUE_DAYS, -10.0, "LOW"));
  }

  @ParameterizedTest(name = "{0}: {1} = {2} -> {3}")
  @MethodSource("boundaries")
  void rules(String name, Feature<Double> feature, double value, String expected) {
    // The other two inputs are known and clean, so the one under test decides.
    Map<Feature<Double>, Double> clean = new java.util.HashMap<>(Map.of(DEFAULT_COUNT, 0.0, OVERDUE_DAYS, 0.0, RISK_WARNINGS, 0.0));
    clean.put(feature, value);
    Assignment a = both(risk, customer(DEFAULT_COUNT, clean.get(DEFAULT_COUNT), OVERDUE_DAYS, clean.get(OVERDUE_DAYS),
        RISK_WARNINGS, clean.get(RISK_WARNINGS)));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.reasons()).anySatisfy(r -> {
      assertThat(r.feature()).isEqualTo(feature.name());
      assertThat(r.threshold()).isNotEmpty();
    });
  }

  @Test
  void noCreditDataIsUnratedOrTheConfiguredLabel() {
    Assignment a = both(risk, customer());
    assertThat(a.label()).isEqualTo("UNRATED");
    assertThat(a.score()).isNaN();
    Classifier low = new RiskClassifierProvider().create(PluginConfig.of("risk", Map.of("ifNoData", "low")));
    assertThat(both(low, customer()).label()).isEqualTo("LOW");
  }

  @Test
  void aLabelTheMissingSignalsCouldRaiseIsForLackOfData() {
    // Overdue 5 days and nothing else known: LOW on what was read, but "no defaults" was never seen.
    assertThat(both(risk, customer(OVERDUE_DAYS, 5.0)).fallback()).isTrue();
    // A signal read at NORMAL is measured, whatever else is missing.
    assertThat(both(risk, customer(RISK_WARNINGS, 1.0)).label()).isEqualTo("NORMAL");
    assertThat(both(risk, customer(RISK_WARNINGS, 1.0)).fallback()).isFalse();
    assertThat(both(risk, customer()).fallback()).as("UNRATED (ifNoData)").isTrue();
    // Every signal read, or one already at HIGH: measured.
    assertThat(both(risk, customer(DEFAULT_COUNT, 0.0, OVERDUE_DAYS, 0.0, RISK_WARNINGS, 0.0)).fallback()).isFalse();
    Assignment high = both(risk, customer(DEFAULT_COUNT, 3.0));
    assertThat(high.label()).isEqualTo("HIGH");
    assertThat(high.fallback()).isFalse();
  }

  @Test
  void partialDataUsesWhatIsKnownAndNamesTheRest() {
    Assignment a = both(risk, customer(OVERDUE_DAYS, 5.0));
    assertThat(a.label()).isEqualTo("LOW");
    assertThat(a.reasons()).filteredOn(Reason::isMissing).extracting(Reason::feature)
        .containsExactly("default_count", "risk_warnings", "credit_limit");
  }

  static Stream<Arguments> utilisation() {
    return Stream.of(
        Arguments.of("well within the limit", 500.0, 1000.0, "LOW", "credit utilisation 50% (credit_used 500 / credit_limit 1000; <= 0.9)"),
        Arguments.of("at 90%", 900.0, 1000.0, "LOW", "credit utilisation 90% "),
        Arguments.of("above 90%", 901.0, 1000.0, "NORMAL", "credit utilisation 90.1% "),
        Arguments.of("at the limit", 1000.0, 1000.0, "NORMAL", "credit utilisation 100% (credit_used 1000 / credit_limit 1000; > 0.9)"),
        Arguments.of("over the limit", 1200.0, 1000.0, "HIGH",
            "credit utilisation 120% (credit_used 1200 / credit_limit 1000, over the limit by 200; > 1): HIGH"),
        Arguments.of("credit balance", -50.0, 1000.0, "LOW", "credit utilisation -5% "));
  }

  @ParameterizedTest(name = "{0}: used {1} of {2} -> {3}")
  @MethodSource("utilisation")
  void creditUtilisationRaisesRiskWithTheOtherSignals(String name, double used, double limit, String expected,
      String reason) {
    Assignment a = both(risk, customer(DEFAULT_COUNT, 0.0, OVERDUE_DAYS, 0.0, RISK_WARNINGS, 0.0,
        CREDIT_USED, used, CREDIT_LIMIT, limit));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.reasons()).filteredOn(r -> r.feature().equals("credit_utilisation"))
        .singleElement().satisfies(r -> assertThat(r.text()).startsWith(reason));
    // Utilisation alone is credit data: the customer is rated, not UNRATED.
    assertThat(both(risk, customer(CREDIT_USED, used, CREDIT_LIMIT, limit)).label()).isEqualTo(expected);
  }

  @Test
  void aLimitOfZeroOrMissingIsNeverAUtilisation() {
    Assignment zero = both(risk, customer(CREDIT_USED, 500.0, CREDIT_LIMIT, 0.0));
    assertThat(zero.label()).isEqualTo("UNRATED");
    assertThat(zero.reasons()).filteredOn(Reason::isMissing).extracting(Reason::text)
        .anyMatch(t -> t.startsWith("credit_limit is 0 with credit_used 500: credit utilisation is undefined"));
    Assignment noLimit = both(risk, customer(OVERDUE_DAYS, 40.0, CREDIT_USED, 500.0));
    assertThat(noLimit.label()).isEqualTo("NORMAL");
    assertThat(noLimit.reasons()).filteredOn(Reason::isMissing).extracting(Reason::text)
        .contains("credit_limit is missing: credit utilisation (credit_used / credit_limit) not assessed");
    Assignment noUse = both(risk, customer(CREDIT_LIMIT, 1000.0));
    assertThat(noUse.label()).isEqualTo("UNRATED");
    assertThat(noUse.reasons()).extracting(Reason::text).anyMatch(t -> t.startsWith("credit_used is missing"));
  }

  @Test
  void utilisationThresholdsAreConfigurableAndOrdered() {
    Classifier lenient = new RiskClassifierProvider().create(PluginConfig.of("risk",
        Map.of("high", Map.of("utilisation", 1.1), "normal", Map.of("utilisation", 1.0))));
    assertThat(both(lenient, customer(CREDIT_USED, 1050.0, CREDIT_LIMIT, 1000.0)).label()).isEqualTo("NORMAL");
    assertThat(both(lenient, customer(CREDIT_USED, 1000.0, CREDIT_LIMIT, 1000.0)).label()).isEqualTo("LOW");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RiskClassifierProvider().create(PluginConfig.of("risk",
        Map.of("normal", Map.of("utilisation", 1.5)))))
        .isInstanceOf(org.clientele.api.ConfigurationException.class).hasMessageContaining("utilisation")
        .hasMessageContaining("must not exceed high.utilisation");
  }

  @Test
  void scoreAddsTheLevelsAndThresholdsAreConfigurable() {
    assertThat(both(risk, customer(DEFAULT_COUNT, 1.0, OVERDUE_DAYS, 100.0, RISK_WARNINGS, 0.0)).score()).isEqualTo(3);
    Classifier strict = new RiskClassifierProvider().create(PluginConfig.of("risk",
        Map.of("high", Map.of("overdueDays", 60), "normal", Map.of("overdueDays", 0))));
    assertThat(both(strict, customer(OVERDUE_DAYS, 61.0)).label()).isEqualTo("HIGH");
    assertThat(both(strict, customer(OVERDUE_DAYS, 1.0)).label()).isEqualTo("NORMAL");
  }
}
