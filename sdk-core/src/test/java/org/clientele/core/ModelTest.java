package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

  private static final String CONFIG =
      "{\"dimensions\": {\"spend\": {\"provider\": \"median\"}, \"threshold\": {\"threshold\": 2500}},"
          + " \"strategy\": {\"provider\": \"simple\"}}";

  @Test
  void aCalibratedModelRoundTripsThroughJsonAndClassifiesIdentically(@TempDir Path dir) throws Exception {
    List<Customer> population = Fixtures.population(11, 5_001);
    EngineBuilder builder = Engine.builder().configuration(CONFIG, "cfg.json");
    Model calibrated = builder.calibrate(population);
    Path file = dir.resolve("model.json");
    calibrated.write(file);

    Model reloaded = Model.read(file);
    Engine original = builder.model(calibrated).build();
    Engine live = Engine.builder().model(reloaded).build();

    assertThat(reloaded).isEqualTo(calibrated);
    assertThat(reloaded.toJson()).isEqualTo(calibrated.toJson());
    assertThat(live.model()).isEqualTo(original.model());
    for (Customer c : population) {
      assertThat(live.classify(c)).isEqualTo(original.classify(c));
    }
  }

  @Test
  void calibrationIsStoredUnderTheDimensionAndDocumentedForm() {
    Model calibrated =
        Engine.builder().configuration(CONFIG, "cfg.json").calibrate(Fixtures.population(11, 5_001));

    assertThat(calibrated.dimensions().get(0).settings()).containsOnlyKeys("calibration");
    assertThat(calibrated.dimensions().get(1).settings()).isEqualTo(Map.of("threshold", 2500L));
    assertThat(calibrated.toJson())
        .startsWith("{\n  \"format\" : 1,\n  \"dimensions\" : {\n    \"spend\" : {\n      \"provider\" : \"median\",\n"
            + "      \"calibration\" : {\n");
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3})
  void calibrationGivesTheSameModelForAnyThreadCount(int threads) {
    List<Customer> population = Fixtures.population(19, 10_000);
    Model sequential = Engine.builder().parallelism(1).configuration(CONFIG, "cfg.json").calibrate(population);

    Model parallel =
        Engine.builder().parallelism(threads).chunkSize(97).configuration(CONFIG, "cfg.json").calibrate(population);

    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void recalibratingReplacesTheOldCalibration() {
    EngineBuilder builder = Engine.builder().configuration(CONFIG, "cfg.json");
    Model first = builder.calibrate(Fixtures.population(1, 1_001));
    List<Customer> secondPopulation = Fixtures.population(2, 3_001);
    long withRevenue = secondPopulation.stream().filter(c -> c.has(org.clientele.api.StandardFeatures.REVENUE_12M)).count();

    Model second = builder.model(first).calibrate(secondPopulation);

    Object firstCalibration = first.dimensions().get(0).settings().get("calibration");
    Object secondCalibration = second.dimensions().get(0).settings().get("calibration");
    assertThat(secondCalibration).isInstanceOf(Map.class).isNotEqualTo(firstCalibration);
    assertThat(((Map<?, ?>) secondCalibration).get("population")).isEqualTo(withRevenue);
  }

  @Test
  void noStrategyAndErrorPolicyRoundTrip() {
    Model model = Model.fromJson("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null, \"errorPolicy\": \"fail-fast\"}", "x");

    Model back = Model.fromJson(model.toJson(), "y");

    assertThat(back).isEqualTo(model);
    assertThat(back.strategy()).isEmpty();
    assertThat(back.errorPolicy()).isEqualTo(ErrorPolicy.FAIL_FAST);
    assertThat(Engine.builder().model(back).build().classify(Customer.builder("a").build()).plan().isEmpty()).isTrue();
  }

  @Test
  void aModelBuiltInCodeEqualsTheSameModelReadFromJson() {
    Model inCode =
        Model.builder()
            .dimension("spend", "median", Map.of())
            .dimension("threshold", Map.of("threshold", 2500))
            .strategy("simple", Map.of())
            .build();

    assertThat(Model.fromJson(CONFIG, "cfg.json")).isEqualTo(inCode);
    assertThat(Model.fromJson(inCode.toJson(), "again")).isEqualTo(inCode);
  }

  @Test
  void inputAndOutputSectionsAreKeptForTheCommandLineTool() {
    Model model =
        Model.fromJson("{\"dimensions\": {\"threshold\": {}}, \"input\": {\"transactions\": {\"delimiter\": \";\"}}}", "cfg.json");

    assertThat(model.section("input").section("transactions").string("delimiter", ",")).isEqualTo(";");
    assertThat(model.section("input").section("transactions").path()).isEqualTo("$.input.transactions");
    assertThat(Model.fromJson(model.toJson(), "again")).isEqualTo(model);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "Value", "1st", "credit risk", "\u00e9t\u00e9"})
  void anInvalidDimensionIdIsAConfigurationErrorSoEveryLoadedModelRoundTrips(String id) {
    String json = "{\"dimensions\": {\"" + id + "\": {\"provider\": \"threshold\"}}, \"strategy\": null}";

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Model.fromJson(json, "cfg.json"))
        .isInstanceOf(org.clientele.api.ConfigurationException.class)
        .hasMessageStartingWith("cfg.json $.dimensions." + id + ": invalid dimension id \"" + id + "\"");
  }
}
