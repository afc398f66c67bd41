package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;

/**
 * Fuzzes the configuration and model loader: {@link Model#fromJson} on arbitrary text, then {@link
 * EngineBuilder#build()} (and calibration when a dimension asks for it) with the test providers.
 * The only exception allowed out is {@link ConfigurationException}; a model that loads writes
 * itself back equal, and an engine that builds classifies.
 *
 * <p>The default build replays the corpus in {@code src/test/resources/.../ModelFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/guarantees.md for the command).
 */
class ModelFuzzTest {

  private static final List<Customer> POPULATION = Fixtures.population(11, 50);

  @FuzzTest
  void configuration(FuzzedDataProvider data) {
    String json = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    Model model;
    try {
      model = Model.fromJson(json, "fuzz.json");
    } catch (ConfigurationException expected) {
      assertThat(expected.getMessage()).startsWith("fuzz.json");
      return;
    }
    assertThat(Model.fromJson(model.toJson(), "again.json")).isEqualTo(model);
    EngineBuilder builder =
        Engine.builder()
            .discover(false)
            .register(new Fixtures.ThresholdProvider())
            .register(new Fixtures.MedianProvider())
            .register(new Fixtures.FaultyProvider())
            .register(new Fixtures.SimpleStrategyProvider())
            .parallelism(1)
            .model(model);
    Engine engine;
    try {
      engine = builder.build();
    } catch (ConfigurationException notBuilt) {
      if (!String.valueOf(notBuilt.getMessage()).contains("needs calibration")) {
        return;
      }
      try {
        engine = builder.model(builder.calibrate(POPULATION)).build();
      } catch (ConfigurationException stillNot) {
        return;
      }
    }
    assertThat(engine.dimensions()).hasSize(engine.model().dimensions().size());
    for (Customer c : POPULATION.subList(0, 5)) {
      assertThat(engine.classify(c).labels()).hasSize(engine.dimensions().size());
    }
  }
}
