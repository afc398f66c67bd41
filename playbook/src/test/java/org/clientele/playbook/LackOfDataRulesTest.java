package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule's {@code "basis"}: a rule whose rationale states a fact fires on measured labels only, a
 * rule for the customers we lack data on fires on fallback labels only, on the bit tables and on
 * the general path (more than 64 rules) alike.
 */
class LackOfDataRulesTest {

  private static final List<Dimension> DIMS = List.of(VALUE, LOYALTY, RISK);

  private static final String RULES = """
      {'id': 'good-credit', 'priority': 40, 'when': {'risk': 'LOW'}, 'basis': 'measured', 'rationale': 'Good credit', 'actions': [
        {'code': 'credit-terms', 'category': 'risk-control', 'description': 'd'}]},
      {'id': 'not-assessed', 'priority': 40, 'when': {'risk': 'LOW'}, 'basis': 'lack-of-data', 'rationale': 'Unknown', 'actions': [
        {'code': 'credit-check', 'category': 'risk-control', 'description': 'd'}]},
      {'id': 'fickle', 'priority': 30, 'when': {'value': 'CORE', 'loyalty': 'LOW'}, 'basis': 'measured', 'rationale': 'May leave', 'actions': [
        {'code': 'win-back', 'category': 'promotion', 'description': 'd'}]},
      {'id': 'either', 'priority': 20, 'when': {'loyalty': 'LOW'}, 'rationale': 'r', 'actions': [
        {'code': 'survey', 'category': 'follow-up', 'description': 'd'}]}
      """;

  /** The rules, padded with rules that never match to take the general path past 64. */
  private static Playbook playbook(int rules) {
    StringBuilder padding = new StringBuilder();
    for (int i = 4; i < rules; i++) {
      padding.append(",{'id': 'pad-").append(i).append("', 'priority': 1, 'when': {'risk': 'HIGH', 'value': 'POTENTIAL'},")
          .append(" 'rationale': 'r', 'actions': [{'code': 'pad-").append(i).append("', 'category': 'service', 'description': 'd'}]}");
    }
    return Playbook.create(Fixtures.config("{'coverage': 'off', 'rules': [" + RULES + padding + "]}"), DIMS);
  }

  private static List<String> codes(Playbook p, String labels) {
    return Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, labels)));
  }

  @ParameterizedTest(name = "{0} rules")
  @ValueSource(ints = {4, 70})
  void factRulesFireOnMeasuredLabelsAndLackOfDataRulesOnTheOthers(int rules) {
    Playbook p = playbook(rules);
    assertThat(codes(p, "value=CORE loyalty=LOW risk=LOW")).containsExactlyInAnyOrder("credit-terms", "win-back", "survey");
    assertThat(codes(p, "value=CORE loyalty=LOW risk=LOW?")).containsExactlyInAnyOrder("credit-check", "win-back", "survey");
    // One fallback among the dimensions a measured rule names is enough to keep it out.
    assertThat(codes(p, "value=CORE? loyalty=LOW risk=LOW")).containsExactlyInAnyOrder("credit-terms", "survey");
    assertThat(codes(p, "value=CORE loyalty=LOW? risk=LOW?")).containsExactlyInAnyOrder("credit-check", "survey");
    // A fallback on a dimension the rule does not name does not matter to it.
    assertThat(codes(p, "value=LOW? loyalty=HIGH risk=LOW")).containsExactly("credit-terms");
  }

  @Test
  void theTraceAgreesWithThePlan() {
    Playbook p = playbook(4);
    assertThat(p.explain(Fixtures.NOBODY, Fixtures.segments(DIMS, "value=CORE loyalty=LOW risk=LOW?")).matchedRules())
        .containsExactly("not-assessed", "fickle", "either");
  }

  @Test
  void aBasisWithoutConditionsIsRefused() {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config("{'rules': [{'id': 'all', 'priority': 1, 'basis': 'measured',"
        + " 'rationale': 'r', 'actions': [{'code': 'x', 'category': 'service', 'description': 'd'}]}]}"), DIMS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("basis")
        .hasMessageContaining("names no dimension");
  }
}
