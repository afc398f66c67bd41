package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.LIFECYCLE;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Action;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A user's playbook that extends the default one: adds, overrides and removes rules by id. */
class ExtendingPlaybookTest {

  private static final List<Dimension> DIMS = List.of(VALUE, LOYALTY, LIFECYCLE, RISK);

  private static final String CORE_CALL =
      "{'id': 'core-quarterly-call', 'priority': 58, 'when': {'value': 'CORE'}, 'rationale': 'Keep in touch.',"
          + " 'actions': [{'code': 'quarterly-call', 'category': 'follow-up', 'description': 'Call every quarter.'}]}";

  private static List<String> codes(Playbook p, String labels) {
    return Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, labels)));
  }

  @Test
  void anExtensionAddsOverridesAndRemovesRulesAndKeepsTheRest() {
    Playbook p = Playbook.create(Fixtures.config("""
        {'extends': 'default',
         'remove': ['behaviour-prospect'],
         'override': [{'id': 'value-core', 'priority': 70, 'when': {'value': 'CORE'}, 'rationale': 'Our own terms.',
                       'actions': [{'code': 'preferential-terms', 'category': 'pricing', 'description': 'Net 60.'}]}],
         'rules': [%s]}
        """.formatted(CORE_CALL)), DIMS);

    Playbook defaults = Playbook.defaults(DIMS);
    assertThat(p.isDefault()).isFalse();
    assertThat(p.rules()).extracting(Rule::id)
        .doesNotContain("behaviour-prospect")
        .contains("core-quarterly-call")
        .hasSize(defaults.rules().size());
    // Overridden in place: the same position among equal priorities, the new actions.
    assertThat(p.rules().indexOf(p.rule("value-core"))).isEqualTo(defaults.rules().indexOf(defaults.rule("value-core")));
    assertThat(p.rule("value-core").actions()).extracting(Action::description).containsExactly("Net 60.");

    assertThat(codes(p, "value=CORE behaviour=ACTIVE risk=LOW"))
        // Service falls to behaviour-active now that value-core has none; quarterly-call beats it in follow-up.
        .contains("preferential-terms", "quarterly-call", "customised-service")
        .doesNotContain("vip-service", "dedicated-account-manager", "account-reviews", "periodic-recommendations");
    assertThat(codes(p, "value=LOW behaviour=PROSPECT")).doesNotContain("proactive-contact", "product-information");
    // The default's veto of preferential-terms still applies to the overriding rule's action.
    assertThat(codes(p, "value=CORE behaviour=ACTIVE risk=HIGH")).doesNotContain("preferential-terms");
    assertThat(p.diagnostics()).contains(
        "Playbook clientele.json $.strategy extends the default playbook: added [core-quarterly-call],"
            + " overridden [value-core], removed [behaviour-prospect]");
  }

  @Test
  void anExtensionWithoutChangesIsTheDefaultPlaybookAndItsRulesUseTheDefaultSegments() {
    Playbook p = Playbook.create(Fixtures.config("""
        {'extends': 'default', 'rules': [{'id': 'loyal-core-gift', 'segment': 'high-value-loyal', 'priority': 20,
          'combine': 'also', 'rationale': 'r', 'actions': [{'code': 'gift', 'category': 'promotion', 'description': 'd'}]}]}
        """), DIMS);
    assertThat(codes(p, "value=CORE loyalty=HIGH behaviour=ACTIVE")).contains("loyalty-rewards", "gift");
    assertThat(Playbook.create(Fixtures.config("{'extends': 'default'}"), DIMS).rules())
        .isEqualTo(Playbook.defaults(DIMS).rules());
  }

  @Test
  void anExtensionCanComeFromAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("mine.json"), "{\"extends\": \"default\", \"remove\": [\"risk-unrated\"]}");
    Playbook p = Playbook.create(Fixtures.config(Map.of("file", file.toString())), DIMS);
    assertThat(p.rule("risk-unrated")).isNull();
    assertThat(p.rule("risk-normal")).isNotNull();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.argumentSet("remove names an unknown rule",
            "{'extends': 'default', 'remove': ['value-cor']}",
            "$.strategy.remove[0]: removes rule 'value-cor', which the default playbook does not have; did you mean 'value-core'?"),
        Arguments.argumentSet("override names an unknown rule",
            "{'extends': 'default', 'override': [" + CORE_CALL.replace("core-quarterly-call", "risk-hihg") + "]}",
            "$.strategy.override[0].id: overrides rule 'risk-hihg', which the default playbook does not have; did you mean 'risk-high'?"),
        Arguments.argumentSet("a new rule reuses a default id",
            "{'extends': 'default', 'rules': [" + CORE_CALL.replace("core-quarterly-call", "value-core") + "]}",
            "$.strategy.rules[0].id: rule 'value-core' is already in the default playbook (Default playbook); to replace it, put it under \"override\""),
        Arguments.argumentSet("removed and overridden",
            "{'extends': 'default', 'remove': ['value-core'], 'override': [" + CORE_CALL.replace("core-quarterly-call", "value-core") + "]}",
            "rule 'value-core' is both removed and overridden"),
        Arguments.argumentSet("removed twice",
            "{'extends': 'default', 'remove': ['value-core', 'value-core']}",
            "$.strategy.remove[1]: rule 'value-core' is listed twice"),
        Arguments.argumentSet("remove without extends",
            "{'remove': ['value-core'], 'rules': [" + CORE_CALL + "]}",
            "$.strategy.remove: \"remove\" changes the playbook this one extends; add \"extends\": \"default\""),
        Arguments.argumentSet("extends something else",
            "{'extends': 'mine.json'}",
            "$.strategy.extends: extends 'mine.json'; the playbook to extend is \"default\""),
        Arguments.argumentSet("a segment the default already defines",
            "{'extends': 'default', 'segments': [{'id': 'high-value-loyal', 'when': {'value': 'CORE'}}]}",
            "$.strategy.segments[0].id: segment 'high-value-loyal' is defined twice; segment ids must be unique; the playbook it extends already defines it"),
        Arguments.argumentSet("a new code in a default code's other category",
            "{'extends': 'default', 'rules': [" + CORE_CALL.replace("quarterly-call', 'category': 'follow-up", "vip-service', 'category': 'follow-up") + "]}",
            "rule 'core-quarterly-call': action 'vip-service' is FOLLOW_UP here but SERVICE in rule 'value-core'"),
        Arguments.argumentSet("a veto of an unknown code",
            "{'extends': 'default', 'rules': [{'id': 'no-vip', 'priority': 1, 'vetoes': ['vip-servce']}]}",
            "$.strategy.rules[0].vetoes[0]: rule 'no-vip' vetoes action 'vip-servce', which no rule produces; did you mean 'vip-service'?"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void aMistakeInAnExtensionIsAnErrorNamingThePathAndTheFix(String json, String message) {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(json), DIMS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aRemovedRulesCodeMayStillBeVetoed() {
    // risk-high vetoes preferential-terms; removing value-core, its only source, must not break the default's veto.
    Playbook p = Playbook.create(Fixtures.config("{'extends': 'default', 'remove': ['value-core']}"), DIMS);
    assertThat(p.rule("value-core")).isNull();
    assertThat(p.rule("risk-high").vetoes()).containsExactly("preferential-terms");
  }

  @Test
  void everyExtensionKeyIsRead() {
    PluginConfig config = Fixtures.config("""
        {'extends': 'default', 'optional': ['needs'], 'labels': {'behaviour': ['PASSIVE']}, 'remove': ['risk-unrated'],
         'override': [{'id': 'risk-normal', 'priority': 40, 'when': {'risk': 'NORMAL'}, 'rationale': 'r',
                       'actions': [{'code': 'periodic-credit-review', 'category': 'risk-control', 'description': 'd'}]}],
         'rules': [{'id': 'x', 'priority': 1, 'combine': 'also', 'rationale': 'r',
                    'actions': [{'code': 'x', 'category': 'service', 'description': 'd'}]}]}
        """);
    Playbook.create(config, DIMS);
    assertThat(config.unreadKeys()).isEmpty();
  }

  /** Issue 14: the shipped default playbook, copied out, loads as a user file, under either behaviour scheme. */
  @ParameterizedTest
  @MethodSource("hosts")
  void theDefaultPlaybookCopiedOutLoadsAsAUserFileAndPlansAsTheDefault(List<Dimension> dims, @TempDir Path dir) throws IOException {
    Path copy = dir.resolve("my-playbook.json");
    try (InputStream in = Playbook.class.getResourceAsStream(Playbook.DEFAULT_RESOURCE)) {
      Files.copy(java.util.Objects.requireNonNull(in, "the default playbook resource"), copy);
    }
    Path configFile = Files.writeString(dir.resolve("clientele.json"), "{}");
    PluginConfig config = PluginConfig.of("playbook", configFile.toString(), "$.strategy", Map.of("file", "my-playbook.json", "coverage", "fail"));

    Playbook fromFile = Playbook.create(config, dims);
    Playbook defaults = Playbook.defaults(dims);

    assertThat(fromFile.isDefault()).isFalse();
    assertThat(fromFile.source()).endsWith("my-playbook.json");
    assertThat(fromFile.rules()).isEqualTo(defaults.rules());
    assertThat(fromFile.coverage().isClean()).isTrue();
    // What the copy adjusted (the other scheme's labels, absent dimensions) it says, as the default does.
    assertThat(fromFile.diagnostics()).hasSameSizeAs(defaults.diagnostics())
        .allMatch(d -> d.startsWith("Playbook " + fromFile.source() + ": "));
  }

  static Stream<Arguments> hosts() {
    return Stream.of(
        Arguments.argumentSet("lifecycle scheme", DIMS),
        Arguments.argumentSet("activity scheme", List.of(VALUE, LOYALTY, Fixtures.ACTIVITY, RISK)),
        Arguments.argumentSet("value and risk only", List.of(VALUE, RISK)),
        Arguments.argumentSet("every built-in dimension, purchase pattern and industry included", Fixtures.ALL));
  }
}
