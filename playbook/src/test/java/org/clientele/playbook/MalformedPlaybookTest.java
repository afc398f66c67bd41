package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import java.util.stream.Stream;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed user playbook fails with the file, the JSON path, the rule and the field. */
class MalformedPlaybookTest {

  private static final List<Dimension> DIMS = List.of(VALUE, RISK);
  private static final String ACTION = "{'code': 'vip', 'category': 'service', 'description': 'd'}";

  private static String rule(String body) {
    return "{'rules': [{'id': 'core-vip', " + body + "}]}";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.argumentSet("rule without id",
            "{'rules': [{'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]}]}",
            "clientele.json $.strategy.rules[0].id: rule #1 has no id"),
        Arguments.argumentSet("duplicate rule id",
            "{'rules': [{'id': 'a', 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]},"
                + "{'id': 'a', 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]}]}",
            "$.strategy.rules[1].id: rule 'a' is defined twice"),
        Arguments.argumentSet("bad rule id",
            "{'rules': [{'id': 'Core VIP', 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]}]}",
            "$.strategy.rules[0].id: rule id 'Core VIP' must be lowercase"),
        Arguments.argumentSet("missing priority",
            rule("'rationale': 'r', 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].priority: rule 'core-vip' has no priority"),
        Arguments.argumentSet("priority not a whole number",
            rule("'priority': 'high', 'rationale': 'r', 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].priority: rule 'core-vip': expected a whole number, found \"high\""),
        Arguments.argumentSet("unknown category",
            rule("'priority': 1, 'rationale': 'r', 'actions': [{'code': 'vip', 'category': 'perks', 'description': 'd'}]"),
            "$.strategy.rules[0].actions[0].category: rule 'core-vip': expected one of [product, pricing, channel, promotion, service, follow_up, risk_control], found \"perks\""),
        Arguments.argumentSet("action without category",
            rule("'priority': 1, 'rationale': 'r', 'actions': [{'code': 'vip', 'description': 'd'}]"),
            "$.strategy.rules[0].actions[0].category: rule 'core-vip', action 'vip': no category"),
        Arguments.argumentSet("action without description",
            rule("'priority': 1, 'rationale': 'r', 'actions': [{'code': 'vip', 'category': 'service'}]"),
            "$.strategy.rules[0].actions[0].description: rule 'core-vip', action 'vip': missing description"),
        Arguments.argumentSet("action code not kebab case",
            rule("'priority': 1, 'rationale': 'r', 'actions': [{'code': 'VIP Service', 'category': 'service', 'description': 'd'}]"),
            "$.strategy.rules[0].actions[0].code: rule 'core-vip': Action code 'VIP Service' must be lowercase"),
        Arguments.argumentSet("no rationale anywhere",
            rule("'priority': 1, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].actions[0].rationale: rule 'core-vip', action 'vip': no rationale"),
        Arguments.argumentSet("neither actions nor vetoes",
            rule("'priority': 1, 'rationale': 'r'"),
            "$.strategy.rules[0].actions: rule 'core-vip' has neither actions nor vetoes"),
        Arguments.argumentSet("unknown dimension",
            rule("'priority': 1, 'rationale': 'r', 'when': {'loyalty': 'HIGH'}, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].when.loyalty: rule 'core-vip' names dimension 'loyalty', which is not configured; configured: [value, risk]"),
        Arguments.argumentSet("unknown label",
            rule("'priority': 1, 'rationale': 'r', 'when': {'value': ['CORE', 'GOLD']}, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].when.value: rule 'core-vip' names label 'GOLD', which is not a label of dimension 'value'; its labels: [CORE, IMPORTANT, POTENTIAL, LOW]"),
        Arguments.argumentSet("unknown label in unless",
            rule("'priority': 1, 'rationale': 'r', 'unless': {'risk': 'SEVERE'}, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].unless.risk: rule 'core-vip' names label 'SEVERE'"),
        Arguments.argumentSet("labels not strings",
            rule("'priority': 1, 'rationale': 'r', 'when': {'value': 3}, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].when.value: rule 'core-vip': expected an array of strings, found 3"),
        Arguments.argumentSet("empty label list",
            rule("'priority': 1, 'rationale': 'r', 'when': {'value': []}, 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].when.value: rule 'core-vip': expected at least one label of dimension 'value'"),
        Arguments.argumentSet("unknown feature",
            rule("'priority': 1, 'rationale': 'r', 'features': [{'feature': 'order_value', 'op': '>', 'value': 1}], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].features[0].feature: rule 'core-vip' names feature 'order_value', which is not declared"),
        Arguments.argumentSet("unknown operator",
            rule("'priority': 1, 'rationale': 'r', 'features': [{'feature': 'orders_12m', 'op': '=>', 'value': 1}], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].features[0].op: rule 'core-vip': operator \"=>\" is not one of"),
        Arguments.argumentSet("threshold not a number",
            rule("'priority': 1, 'rationale': 'r', 'features': [{'feature': 'orders_12m', 'op': '>', 'value': 'many'}], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].features[0].value: rule 'core-vip': expected a number, found \"many\""),
        Arguments.argumentSet("ordering a text feature",
            rule("'priority': 1, 'rationale': 'r', 'features': [{'feature': 'channel', 'op': '>', 'value': 'online'}], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].features[0].op: rule 'core-vip': text feature 'channel' can only be compared with = or !="),
        Arguments.argumentSet("veto of an unknown code",
            rule("'priority': 1, 'rationale': 'r', 'vetoes': ['credit'], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].vetoes[0]: rule 'core-vip' vetoes action 'credit', which no rule produces; known codes: [vip]"),
        Arguments.argumentSet("veto of its own action",
            rule("'priority': 1, 'rationale': 'r', 'vetoes': ['vip'], 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].vetoes[0]: rule 'core-vip' vetoes its own action 'vip'"),
        Arguments.argumentSet("one code in two categories",
            "{'rules': [{'id': 'a', 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]},"
                + "{'id': 'b', 'priority': 1, 'rationale': 'r', 'actions': [{'code': 'vip', 'category': 'pricing', 'description': 'd'}]}]}",
            "$.strategy.rules[1].actions[0].category: rule 'b': action 'vip' is PRICING here but SERVICE in rule 'a'"),
        Arguments.argumentSet("unknown segment",
            rule("'priority': 1, 'rationale': 'r', 'segment': 'stars', 'actions': [" + ACTION + "]"),
            "$.strategy.rules[0].segment: rule 'core-vip' names segment 'stars', which is not defined; defined: []"),
        Arguments.argumentSet("segment on an unknown dimension",
            "{'segments': [{'id': 'stars', 'when': {'value': 'CORE', 'loyalty': 'HIGH'}}],"
                + " 'rules': [{'id': 'core-vip', 'segment': 'stars', 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]}]}",
            "$.strategy.segments[0].when.loyalty: rule 'core-vip' (through segment 'stars') names dimension 'loyalty', which is not configured"),
        Arguments.argumentSet("rule repeats its segment's dimension",
            "{'segments': [{'id': 'stars', 'when': {'value': 'CORE'}}],"
                + " 'rules': [{'id': 'core-vip', 'segment': 'stars', 'when': {'value': 'LOW'}, 'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]}]}",
            "$.strategy.rules[0].when.value: rule 'core-vip' repeats dimension 'value', which its segment 'stars' already constrains"),
        Arguments.argumentSet("empty rules",
            "{'rules': []}",
            "$.strategy.rules: a playbook needs at least one rule"),
        Arguments.argumentSet("rules not an array",
            "{'rules': {'id': 'x'}}",
            "$.strategy.rules: expected an array of objects, found an object"),
        Arguments.argumentSet("rules and file",
            "{'file': 'p.json', " + rule("'priority': 1, 'rationale': 'r', 'actions': [" + ACTION + "]").substring(1),
            "$.strategy.file: give the playbook either inline (rules, segments, extends...) or in a file, not both"),
        Arguments.argumentSet("alias to an unknown dimension",
            "{'dimensions': {'behaviour': 'activity'}}",
            "$.strategy.dimensions.behaviour: maps 'behaviour' to dimension 'activity', which is not configured; configured: [value, risk]"),
        Arguments.argumentSet("unknown coverage mode",
            "{'coverage': 'strict'}",
            "$.strategy.coverage: expected one of [warn, fail, off], found \"strict\""));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void failsNamingTheRuleAndTheField(String json, String message) {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(json), DIMS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aTypoInsideARuleIsLeftUnreadForTheEngineToReject() {
    PluginConfig config = Fixtures.config(rule("'priority': 1, 'rationale': 'r', 'descripton': 'typo', 'actions': [" + ACTION + "]"));
    Playbook.create(config, DIMS);
    assertThat(config.unreadKeys()).containsExactly("$.strategy.rules[0].descripton");
  }

  @Test
  void everyAcceptedKeyIsRead() {
    PluginConfig config = Fixtures.config("""
        {'coverage': 'off', 'dimensions': {'worth': 'value'},
         'segments': [{'id': 'top', 'description': 'd', 'when': {'worth': 'CORE'}}],
         'rules': [{'id': 'a', 'description': 'd', 'segment': 'top', 'unless': {'risk': 'HIGH'}, 'priority': 1,
                    'rationale': 'r', 'features': [{'feature': 'orders_12m', 'op': '>', 'value': 1, 'ifMissing': true}],
                    'actions': [{'code': 'vip', 'category': 'service', 'description': 'd', 'rationale': 'r2'}]},
                   {'id': 'b', 'priority': 2, 'vetoes': ['vip']}]}
        """);
    Playbook.create(config, DIMS);
    assertThat(config.unreadKeys()).isEmpty();
  }
}
