package com.example.clientele.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatClassification;
import static org.clientele.testkit.ClienteleAssertions.assertThatExplanation;

import org.clientele.api.ConfigurationException;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;

/**
 * The engine finds the plugin through ServiceLoader: the host names the dimension in its
 * configuration and writes no code for it (no {@code register(...)} call).
 */
class EngineFindsThePluginTest {

  private static final String CONFIG = """
      {
        "dimensions": {
          "acme-geography": { "regions": { "Tibet": "REMOTE" } }
        },
        "strategy": null
      }
      """;

  @Test
  void aConfigurationNamingTheDimensionIsEnoughForTheEngine() {
    Engine engine = Engine.builder().configuration(CONFIG, "clientele.json").build();

    assertThat(engine.dimensions()).extracting(d -> d.id()).containsExactly("acme-geography");
    assertThatClassification(engine.classify(Customers.established("C-1").build())).hasLabel("acme-geography", "CITY");
    assertThatClassification(engine.classify(Customers.established("C-2").set(StandardFeatures.REGION, "Tibet").build()))
        .hasLabel("acme-geography", "REMOTE");
    assertThatExplanation(engine.explain(Customers.prospect("C-3").build())).assignment("acme-geography")
        .hasLabel("RURAL").hasReasonAbout("region_type");
  }

  @Test
  void theDimensionCanBeConfiguredUnderAnotherIdWithTheProviderKey() {
    Engine engine = Engine.builder()
        .configuration("{\"dimensions\": {\"area\": {\"provider\": \"acme-geography\"}}, \"strategy\": null}", "clientele.json")
        .build();

    assertThatClassification(engine.classify(Customers.prospect("C-1").build())).hasLabel("area", "RURAL");
  }

  @Test
  void aMisspelledKeyIsRejectedByTheEngine() {
    assertThatThrownBy(() -> Engine.builder()
            .configuration("{\"dimensions\": {\"acme-geography\": {\"region_types\": {}}}, \"strategy\": null}", "clientele.json")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientele.json $.dimensions.acme-geography.region_types: unknown key");
  }
}
