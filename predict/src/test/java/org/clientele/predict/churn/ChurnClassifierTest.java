package org.clientele.predict.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.predict.PredictedFeatures;
import org.junit.jupiter.api.Test;

class ChurnClassifierTest {

  private static final ChurnClassifierProvider PROVIDER = new ChurnClassifierProvider();

  private static Classifier calibrated(Map<String, ?> settings, List<Customer> population) {
    PluginConfig config = PluginConfig.of("churn", settings);
    Calibrator a = PROVIDER.calibrator(config).orElseThrow();
    Calibrator b = PROVIDER.calibrator(config).orElseThrow();
    for (int i = 0; i < population.size(); i++) {
      (i % 2 == 0 ? a : b).observe(population.get(i));
    }
    a.merge(b);
    return PROVIDER.create(config.with(ClassifierProvider.CALIBRATION_KEY, a.result()));
  }

  private static Customer history(double x, double tx, double t) {
    return Customer.builder("c").set(ChurnContractTest.X, x).set(ChurnContractTest.TX, tx)
        .set(ChurnContractTest.T, t).set(ChurnContractTest.M, x > 0 ? 30.0 : 0).build();
  }

  @Test
  void aFrequentBuyerWhoStoppedLongAgoIsChurnedAndTheExplanationGivesTheNumbers() {
    Classifier c = calibrated(Map.of("model", "bgnbd"), ChurnContractTest.simulated(3_000, 7));
    Assignment gone = c.explain(history(6, 5, 38));
    assertThat(gone.label()).isEqualTo("CHURNED");
    assertThat(gone.reasons().get(0).text())
        .contains("P(alive) 0.")
        .contains("6 repeat purchases in 38.0 weeks, none in the last 33.0")
        .contains("BG/NBD r=")
        .contains("standard errors r ");
    Assignment fresh = c.explain(history(6, 37, 38));
    assertThat(fresh.label()).isEqualTo("ACTIVE");
    assertThat(fresh.score()).isGreaterThan(gone.score());
  }

  @Test
  void paretoNbdIsTheDefaultAndLabelsOneTimeBuyersByHowLongAgoTheyBought() {
    Classifier c = calibrated(Map.of(), ChurnContractTest.simulated(3_000, 11));
    assertThat(c.explain(history(0, 0, 38)).reasons().get(0).text()).contains("Pareto/NBD");
    assertThat(c.explain(history(0, 0, 38)).score()).isLessThan(c.explain(history(0, 0, 2)).score());
  }

  @Test
  void thresholdsAreConfigurable() {
    List<Customer> pop = ChurnContractTest.simulated(2_000, 5);
    Customer one = history(2, 20, 38);
    double score = calibrated(Map.of(), pop).explain(one).score();
    Classifier strict = calibrated(Map.of("active", 0.99, "cooling", 0.98, "atRisk", Math.min(0.97, score + 1e-6)), pop);
    assertThat(strict.explain(one).label()).isEqualTo("CHURNED");
  }

  @Test
  void aCustomerWithoutHistoryIsNoHistoryNotChurned() {
    Classifier c = calibrated(Map.of(), ChurnContractTest.simulated(1_000, 3));
    Assignment a = c.explain(Customer.builder("prospect").build());
    assertThat(a.label()).isEqualTo("NO_HISTORY");
    assertThat(a.reasons().get(0).text()).contains("no purchase history").contains("for lack of data");
    assertThat(a.fallback()).as("NO_HISTORY is decided for lack of data").isTrue();
    assertThat(fallback(c, Customer.builder("prospect").build())).as("classify agrees").isTrue();
    assertThat(c.explain(history(6, 37, 38)).fallback()).as("a predicted label is measured").isFalse();
    assertThat(fallback(c, history(6, 37, 38))).isFalse();
  }

  /**
   * The churn rules state facts (P(alive) falls, a high or low value): they fire on measured labels
   * only, so a customer whose value was labelled for lack of data is not told "newsletter only".
   */
  @Test
  void theChurnRulesFireOnMeasuredLabelsOnly() throws java.io.IOException {
    try (java.io.InputStream in = ChurnClassifier.class.getResourceAsStream("/META-INF/clientele/playbook-rules.json")) {
      com.fasterxml.jackson.databind.JsonNode rules = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.util.Objects.requireNonNull(in)).get("rules");
      assertThat(rules).isNotEmpty();
      rules.forEach(r -> assertThat(r.path("basis").asText()).as(r.get("id").asText()).isEqualTo("measured"));
    }
  }

  /** Whether classify labels the customer for lack of data. */
  static boolean fallback(Classifier c, Customer customer) {
    boolean[] fallback = {false};
    c.classify(customer, new org.clientele.api.LabelSink() {
      @Override
      public void accept(int labelIndex, double score) {}

      @Override
      public void acceptFallback(int labelIndex, double score) {
        fallback[0] = true;
      }
    });
    return fallback[0];
  }

  @Test
  void predictedFeaturesComeFromTheSameFit() {
    Classifier c = calibrated(Map.of(), ChurnContractTest.simulated(2_000, 9));
    Customer out = ChurnClassifierProvider.predict(c, history(3, 30, 38));
    assertThat(out.number(PredictedFeatures.P_ALIVE, Double.NaN)).isEqualTo(c.explain(history(3, 30, 38)).score());
    assertThat(out.number(PredictedFeatures.CHURN_RISK, Double.NaN)).isBetween(0.0, 1.0);
    assertThat(out.number(PredictedFeatures.PREDICTED_CLV, Double.NaN)).isPositive();
  }

  @Test
  void withoutCalibrationCreateNamesTheKey() {
    assertThatThrownBy(() -> PROVIDER.create(PluginConfig.of("churn", Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("calibration");
  }

  @Test
  void unorderedThresholdsAreAConfigurationError() {
    assertThatThrownBy(() -> PROVIDER.dimension(PluginConfig.of("churn", Map.of("active", 0.2, "cooling", 0.5))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("active >= cooling >= atRisk");
  }

  /**
   * {@code source: "features"}: no fit of its own (no calibrator), the label cuts the {@code
   * p_alive} the predictions step added, a customer without it is NO_HISTORY, and the model keys
   * belong to the step, so they are unknown here.
   */
  @Test
  void withSourceFeaturesTheLabelCutsThePredictionsStepsPAlive() {
    PluginConfig config = PluginConfig.of("churn", Map.of("source", "features"));
    assertThat(PROVIDER.calibrator(config)).isEmpty();
    Classifier c = PROVIDER.create(config);
    assertThat(config.unreadKeys()).isEmpty();
    Customer cooling = Customer.builder("a").set(PredictedFeatures.P_ALIVE, 0.55).set(PredictedFeatures.CHURN_RISK, 0.8).build();
    Assignment a = c.explain(cooling);
    assertThat(a.label()).isEqualTo("COOLING");
    assertThat(a.reasons().get(0).text()).contains("P(alive) 0.55 (COOLING >= 0.4 and < 0.7), from the predictions step: p_alive 0.55, churn_risk 0.80");
    assertThat(c.explain(Customer.builder("b").build()).label()).isEqualTo("NO_HISTORY");
    assertThat(c.explain(Customer.builder("b").build()).fallback()).isTrue();
    assertThat(fallback(c, Customer.builder("b").build())).isTrue();
    assertThat(a.fallback()).isFalse();
    assertThat(fallback(c, cooling)).isFalse();

    Classifier byRisk = PROVIDER.create(PluginConfig.of("churn", Map.of("source", "features", "basis", "purchase_probability")));
    assertThat(byRisk.explain(cooling).label()).isEqualTo("AT_RISK"); // 1 - churn_risk = 0.2
  }

  @Test
  void withSourceFeaturesAModelKeyIsRefusedAsUnknown() {
    PluginConfig config = PluginConfig.of("churn", Map.of("source", "features", "model", "bgnbd"));
    PROVIDER.create(config);
    assertThat(config.unreadKeys()).singleElement().asString().contains("model");
  }
}
