package com.example.clientele.host;

import static org.clientele.testkit.ClienteleAssertions.assertThatClassification;

import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;

/**
 * The built-in playbook writes rules on the plugin's dimension like on any other: the host only
 * configures them. Neither the plugin nor the playbook is named in code.
 */
class PlaybookUsesPluginLabelsTest {

  private static final String CONFIG = """
      {
        "dimensions": { "acme-geography": { "regions": { "Tibet": "REMOTE" } } },
        "strategy": {
          "provider": "playbook",
          "rules": [
            { "id": "remote-by-video", "priority": 60, "when": { "acme-geography": "REMOTE" },
              "rationale": "Remote customers are served at a distance.",
              "actions": [ { "code": "video-call", "category": "channel", "description": "Meet by video call." } ] },
            { "id": "city-visit", "priority": 50, "when": { "acme-geography": ["CITY"] },
              "rationale": "City customers are cheap to visit.",
              "actions": [ { "code": "in-person-visit", "category": "channel", "description": "Visit in person." } ] }
          ]
        }
      }
      """;

  @Test
  void aPlaybookRuleOnTheGeographyLabelsDecidesThePlan() {
    Engine engine = Engine.builder().configuration(CONFIG, "clientele.json").build();

    assertThatClassification(engine.classify(Customers.established("C-1").set(StandardFeatures.REGION, "Tibet").build()))
        .hasLabel("acme-geography", "REMOTE").plan().hasActionsInOrder("video-call");
    assertThatClassification(engine.classify(Customers.established("C-2").build()))
        .hasLabel("acme-geography", "CITY").plan().hasActionsInOrder("in-person-visit");
    assertThatClassification(engine.classify(Customers.prospect("C-3").build()))
        .hasLabel("acme-geography", "RURAL").plan().isEmpty();
  }
}
