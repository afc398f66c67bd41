package com.example.clientele.needs;

import static com.example.clientele.needs.NeedsFeatures.PRODUCT_LINES;
import static com.example.clientele.needs.NeedsFeatures.PROJECT_PURCHASES;
import static com.example.clientele.needs.NeedsFeatures.SERVICE_SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.CalibrationException;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;

class NeedsClassifierTest {

  private static final long SEED = 20_261_129L;

  private static Classifier fixed(double threshold) {
    return new NeedsClassifierProvider().create(
        PluginConfig.of("acme-needs", "clientele.json", "$.dimensions.acme-needs", Map.of("serviceThreshold", threshold)));
  }

  private static Customer customer(String id, double projects, double lines, double share) {
    Customer.Builder b = Customer.builder(id);
    if (!Double.isNaN(projects)) {
      b.set(PROJECT_PURCHASES, projects);
    }
    if (!Double.isNaN(lines)) {
      b.set(PRODUCT_LINES, lines);
    }
    if (!Double.isNaN(share)) {
      b.set(SERVICE_SHARE, share);
    }
    return b.build();
  }

  @Test
  void projectBuyersAcrossSeveralLinesNeedASolutionWhateverTheirServiceShare() {
    assertThatAssignment(fixed(0.3).explain(customer("C1", 2, 4, 0.9)))
        .hasLabel("SOLUTION").hasReasonAbout("project_purchases").hasReasonAbout("product_lines");
    assertThatAssignment(fixed(0.3).explain(customer("C2", 2, 2, 0.1))).hasLabel("PRODUCT");
  }

  @Test
  void aServiceShareAtOrAboveTheCutoffNeedsServiceBelowItProduct() {
    assertThatAssignment(fixed(0.3).explain(customer("C1", 0, 1, 0.3))).hasLabel("SERVICE").hasReasonAbout("service_ticket_share");
    assertThatAssignment(fixed(0.3).explain(customer("C2", 0, 1, 0.29))).hasLabel("PRODUCT");
  }

  @Test
  void missingInputsAreNamedAndAllMissingIsUnknown() {
    assertThatAssignment(fixed(0.3).explain(customer("C1", Double.NaN, Double.NaN, Double.NaN))).hasLabel("UNKNOWN");
    assertThatAssignment(fixed(0.3).explain(customer("C2", 1, 5, Double.NaN)))
        .hasLabel("SOLUTION");
    assertThatAssignment(fixed(0.3).explain(customer("C3", Double.NaN, Double.NaN, 0.5)))
        .hasLabel("SERVICE").hasReasonAboutMissing(PROJECT_PURCHASES).hasReasonAboutMissing(PRODUCT_LINES);
    assertThatAssignment(fixed(0.3).explain(customer("C4", 0, 1, Double.NaN)))
        .hasLabel("PRODUCT").hasReasonAboutMissing(SERVICE_SHARE);
  }

  /** 2,000 customers, 400 of whom lean on service: the calibrated top 20% labels exactly those SERVICE. */
  @Test
  void theCalibratedCutoffLabelsTheTopShareService() {
    Random random = new Random(SEED);
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      double share = i < 400 ? 0.5 + 0.4 * random.nextDouble() : 0.3 * random.nextDouble();
      customers.add(customer(String.format("N%04d", i), 0, 1 + random.nextInt(2), share));
    }
    EngineBuilder builder = Engine.builder()
        .configuration("{\"dimensions\": {\"acme-needs\": {}}, \"strategy\": null}", "clientele.json");
    Model model = builder.calibrate(customers);
    Engine engine = builder.model(Model.fromJson(model.toJson(), "model.json")).build();
    long service = customers.stream().filter(c -> engine.classify(c).labels().get("acme-needs").equals("SERVICE")).count();
    assertThat(service).as("seed %s", SEED).isEqualTo(400);
    assertThat(model.dimensions().get(0).settings()).containsKey("calibration");
    assertThatAssignment(engine.explain(customers.get(0)).assignment("acme-needs"))
        .hasLabel("SERVICE").hasReasonAbout("service_ticket_share");
  }

  @Test
  void aPopulationWithoutTheServiceColumnIsACalibrationFailureNotASilentCutoff() {
    List<Customer> customers = List.of(customer("A", 0, 2, Double.NaN), customer("B", 1, 4, Double.NaN));
    EngineBuilder builder = Engine.builder()
        .configuration("{\"dimensions\": {\"acme-needs\": {}}, \"strategy\": null}", "clientele.json");
    assertThatThrownBy(() -> builder.calibrate(customers))
        .isInstanceOf(CalibrationException.class)
        .hasMessageContaining("acme-needs")
        .hasStackTraceContaining("no customer of the calibration population had service_ticket_share");
  }

  @Test
  void aFixedThresholdAndACalibratedShareTogetherAreRefused() {
    assertThatThrownBy(() -> new NeedsClassifierProvider().create(PluginConfig.of("acme-needs", "clientele.json",
            "$.dimensions.acme-needs", Map.of("serviceThreshold", 0.3, "serviceTopShare", 0.2))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.acme-needs.serviceTopShare: set serviceThreshold (a fixed cut-off) or"
            + " serviceTopShare (a calibrated one), not both");
  }

  @Test
  void aCalibratedConfigurationWithoutItsCalibrationSaysHowToGetOne() {
    assertThatThrownBy(() -> new NeedsClassifierProvider().create(PluginConfig.of("acme-needs", "clientele.json",
            "$.dimensions.acme-needs", Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.acme-needs.calibration: missing")
        .hasMessageContaining("set a fixed serviceThreshold");
  }
}
