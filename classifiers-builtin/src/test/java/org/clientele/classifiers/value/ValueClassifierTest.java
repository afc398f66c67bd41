package org.clientele.classifiers.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.PREDICTED_VALUE;
import static org.clientele.api.StandardFeatures.PROFIT_12M;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.REVENUE_PREV_12M;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;
import static org.clientele.classifiers.Fixtures.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueClassifierTest {

  private final ValueClassifierProvider provider = new ValueClassifierProvider();

  private Classifier threshold() {
    return provider.create(PluginConfig.of("value", Map.of("method", "threshold")));
  }

  static Stream<Arguments> thresholdBoundaries() {
    return Stream.of(
        Arguments.of("below important", 9_999.99, "LOW"),
        Arguments.of("at important", 10_000.0, "IMPORTANT"),
        Arguments.of("above important", 10_000.01, "IMPORTANT"),
        Arguments.of("below core", 99_999.99, "IMPORTANT"),
        Arguments.of("at core", 100_000.0, "CORE"),
        Arguments.of("above core", 100_000.01, "CORE"),
        Arguments.of("huge", 1e300, "CORE"),
        Arguments.of("zero", 0.0, "LOW"),
        Arguments.of("negative (loss-making)", -5e6, "LOW"));
  }

  @ParameterizedTest(name = "{0}: revenue_12m {1} -> {2}")
  @MethodSource("thresholdBoundaries")
  void thresholdRules(String name, double revenue, String expected) {
    Assignment a = both(threshold(), customer(REVENUE_12M, revenue));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.score()).isEqualTo(revenue);
    assertThat(a.reasons().get(0).feature()).isEqualTo("revenue_12m");
    assertThat(a.reasons().get(0).threshold()).isNotEmpty();
  }

  static Stream<Arguments> growthBoundaries() {
    return Stream.of(
        Arguments.of("growth below 20%", 119.99, "LOW"),
        Arguments.of("growth at 20%", 120.0, "POTENTIAL"),
        Arguments.of("growth above 20%", 120.01, "POTENTIAL"),
        Arguments.of("decline", 50.0, "LOW"));
  }

  @ParameterizedTest(name = "{0}: 100 -> {1} gives {2}")
  @MethodSource("growthBoundaries")
  void growthMakesPotential(String name, double current, String expected) {
    Assignment a = both(threshold(), customer(REVENUE_12M, current, REVENUE_PREV_12M, 100.0));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.feature()).isEqualTo("growth"));
  }

  @Test
  void growthRateIsConfigurable() {
    Classifier c = provider.create(PluginConfig.of("value",
        Map.of("method", "threshold", "potential", Map.of("growthRate", 0.5))));
    assertThat(label(c, customer(REVENUE_12M, 149.0, REVENUE_PREV_12M, 100.0))).isEqualTo("LOW");
    assertThat(label(c, customer(REVENUE_12M, 150.0, REVENUE_PREV_12M, 100.0))).isEqualTo("POTENTIAL");
  }

  static Stream<Arguments> predictedBoundaries() {
    return Stream.of(
        Arguments.of("predicted below important cut-off", 9_999.0, "LOW"),
        Arguments.of("predicted at important cut-off", 10_000.0, "POTENTIAL"),
        Arguments.of("predicted above", 1e9, "POTENTIAL"));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("predictedBoundaries")
  void predictedValueMakesPotential(String name, double predicted, String expected) {
    assertThat(label(threshold(), customer(REVENUE_12M, 500.0, PREDICTED_VALUE, predicted)))
        .isEqualTo(expected);
  }

  @Test
  void previousRevenueOfZeroLeavesGrowthUndefinedAndSaysSo() {
    Assignment a = both(threshold(), customer(REVENUE_12M, 500.0, REVENUE_PREV_12M, 0.0));
    assertThat(a.label()).isEqualTo("LOW");
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).contains("undefined"));
  }

  @Test
  void missingMetricIsNamedAndGivesTheIfMissingLabel() {
    Assignment a = both(threshold(), customer(REVENUE_PREV_12M, 100.0));
    assertThat(a.label()).isEqualTo("LOW");
    assertThat(a.score()).isNaN();
    assertThat(a.reasons()).filteredOn(Reason::isMissing).extracting(Reason::feature)
        .contains("revenue_12m", "predicted_value");

    Classifier potential = provider.create(PluginConfig.of("value",
        Map.of("method", "threshold", "ifMissing", "potential")));
    assertThat(label(potential, customer())).isEqualTo("POTENTIAL");
  }

  @Test
  void missingMetricCanStillBePotentialByPrediction() {
    assertThat(label(threshold(), customer(PREDICTED_VALUE, 50_000.0))).isEqualTo("POTENTIAL");
  }

  @Test
  void metricIsConfigurable() {
    Classifier c = provider.create(PluginConfig.of("value",
        Map.of("method", "threshold", "metric", "profit_12m", "core", 10.0, "important", 5.0)));
    assertThat(label(c, customer(PROFIT_12M, 10.0, REVENUE_12M, 1.0))).isEqualTo("CORE");
    assertThat(c.features()).contains(PROFIT_12M);
    assertThat(c.dimension().labels()).containsExactly("CORE", "IMPORTANT", "POTENTIAL", "LOW");
  }

  @Test
  void potentialRulesCanBeDisabled() {
    Classifier c = provider.create(PluginConfig.of("value",
        Map.of("method", "threshold", "potential", Map.of("enabled", false))));
    assertThat(label(c, customer(REVENUE_12M, 500.0, PREDICTED_VALUE, 1e9))).isEqualTo("LOW");
  }

  @Test
  void badConfigurationNamesTheKey() {
    assertThatThrownBy(() -> provider.create(PluginConfig.of("value",
            Map.of("method", "threshold", "core", 5.0, "important", 10.0))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.important");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("value", Map.of("method", "abc"))))
        .hasMessageContaining("$.method").hasMessageContaining("pareto");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("value",
            Map.of("method", "threshold", "metric", "industry_code"))))
        .hasMessageContaining("$.metric").hasMessageContaining("numeric");
  }

  @Test
  void keysOfAnotherMethodStayUnreadSoTheEngineFlagsThem() {
    PluginConfig config = PluginConfig.of("value", Map.of("method", "threshold", "coreShare", 0.8));
    provider.create(config);
    assertThat(config.unreadKeys()).containsExactly("$.coreShare");
  }

  @Test
  void populationMethodsNeedCalibration() {
    assertThat(provider.calibrator(PluginConfig.of("value", Map.of("method", "threshold")))).isEmpty();
    assertThatThrownBy(() -> provider.create(PluginConfig.empty("value")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.calibration")
        .hasMessageContaining("needs a calibration");
  }

  // --- calibrated methods

  private static List<Customer> revenues(double... values) {
    List<Customer> out = new ArrayList<>();
    for (double v : values) {
      out.add(customer(REVENUE_12M, v));
    }
    return out;
  }

  @Test
  void paretoCutsAtCumulativeShares() {
    // Total 100: 50 and 30 make 80% (CORE), adding 10, 5 and 5 reaches 95% only with both 5s.
    Map<String, Object> result = Fixtures.calibrate(provider, PluginConfig.empty("value"),
        revenues(5, 50, 10, 30, 5), 1);
    assertThat(result).containsEntry("core", 30.0).containsEntry("important", 5.0)
        .containsEntry("exact", true).containsEntry("population", 5L);
    Classifier c = provider.create(PluginConfig.empty("value").with("calibration", result));
    assertThat(label(c, customer(REVENUE_12M, 29.99))).isEqualTo("IMPORTANT");
    assertThat(label(c, customer(REVENUE_12M, 30.0))).isEqualTo("CORE");
    assertThat(label(c, customer(REVENUE_12M, 4.99))).isEqualTo("LOW");
    assertThat(label(c, customer(REVENUE_12M, 5.0))).isEqualTo("IMPORTANT");
  }

  @Test
  void paretoIgnoresNonPositiveValuesAndNeverGivesThemATier() {
    Map<String, Object> result = Fixtures.calibrate(provider, PluginConfig.empty("value"),
        revenues(-100, 0, 0, 10), 1);
    assertThat(result).containsEntry("core", 10.0).containsEntry("important", 10.0);
    Classifier c = provider.create(PluginConfig.empty("value").with("calibration", result));
    assertThat(label(c, customer(REVENUE_12M, 0.0))).isEqualTo("LOW");
  }

  @Test
  void calibrationWithoutAnyValueIsRejectedAtCreate() {
    Map<String, Object> result = Fixtures.calibrate(provider, PluginConfig.empty("value"), List.of(), 1);
    assertThatThrownBy(() -> provider.create(PluginConfig.empty("value").with("calibration", result)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("calibration.core");
  }

  @Test
  void quantileCutsAtTopShares() {
    PluginConfig config = PluginConfig.of("value", Map.of("method", "quantile"));
    Map<String, Object> result = Fixtures.calibrate(provider, config,
        revenues(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 3);
    // Top 20% of 10 customers = 2 customers (9, 10); top 50% = 5 customers (6..10).
    assertThat(result).containsEntry("core", 9.0).containsEntry("important", 6.0);
    Classifier c = provider.create(config.with("calibration", result));
    assertThat(label(c, customer(REVENUE_12M, 8.99))).isEqualTo("IMPORTANT");
    assertThat(label(c, customer(REVENUE_12M, 9.0))).isEqualTo("CORE");
    assertThat(label(c, customer(REVENUE_12M, 5.99))).isEqualTo("LOW");
    assertThat(label(c, customer(REVENUE_12M, 6.0))).isEqualTo("IMPORTANT");
  }

  @Test
  void staleCalibrationIsRejected() {
    PluginConfig config = PluginConfig.of("value", Map.of("method", "quantile"));
    Map<String, Object> result = Fixtures.calibrate(provider, config, revenues(1, 2, 3), 1);
    assertThatThrownBy(() -> provider.create(PluginConfig.empty("value").with("calibration", result)))
        .hasMessageContaining("calibration.method").hasMessageContaining("quantile");
    assertThatThrownBy(() -> provider.create(
            PluginConfig.of("value", Map.of("method", "quantile", "metric", "profit_12m"))
                .with("calibration", result)))
        .hasMessageContaining("calibration.metric");
  }

  @Test
  void calibratedConfigLeavesNoUnreadKey() {
    PluginConfig config = PluginConfig.of("value",
        Map.of("method", "pareto", "sketch", Map.of("exactLimit", 10)));
    Map<String, Object> result = Fixtures.calibrate(provider, config, revenues(1, 2, 3), 1);
    PluginConfig model = config.with("calibration", result);
    provider.create(model);
    assertThat(model.unreadKeys()).isEmpty();
  }

  /**
   * A calibrated value dimension is checked before calibration through its calibrator and {@code
   * dimension(config)}: those must read the POTENTIAL keys too, or {@code potential.predictedValue:
   * "predicted_clv"} (docs/predictions.md) would be refused as unknown, while a typo there must
   * still be named.
   */
  @Test
  void aConfigurationCheckedBeforeCalibrationAcceptsThePotentialKeysAndNamesATypo() {
    PluginConfig ok = PluginConfig.of("value", Map.of("potential", Map.of("predictedValue", "predicted_clv"), "ifMissing", "LOW"));
    provider.calibrator(ok);
    provider.dimension(ok);
    assertThat(ok.unreadKeys()).isEmpty();

    PluginConfig typo = PluginConfig.of("value", Map.of("potential", Map.of("predictedVlaue", "predicted_clv")));
    provider.calibrator(typo);
    provider.dimension(typo);
    assertThat(typo.unreadKeys()).singleElement().asString().contains("predictedVlaue");
  }
}
