package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.LIFECYCLE;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.clientele.api.Action;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Engine;
import org.clientele.core.Explanation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar ships playbook rules for its own dimension in {@value Playbook#PLUGIN_RULES_RESOURCE}:
 * they join the default playbook where that dimension is configured and are skipped, with a
 * diagnostic, where it is not. The "jar" is a folder on a class loader of its own, as a plugin
 * directory would be.
 */
class PluginRulesTest {

  private static final Dimension NEEDS = OptionalDimensionsTest.NEEDS;
  private static final List<Dimension> WITH = List.of(VALUE, LOYALTY, LIFECYCLE, RISK, NEEDS);
  private static final List<Dimension> WITHOUT = List.of(VALUE, LOYALTY, LIFECYCLE, RISK);

  /** What a "needs" plugin ships: one rule beside the winner, one that competes with value-core. */
  static final String NEEDS_RULES = """
      {
        "dimension": "needs",
        "description": "Rules of the needs plugin",
        "optional": ["value"],
        "rules": [
          { "id": "needs-solution-workshop", "priority": 45, "combine": "also", "when": { "needs": "SOLUTION" },
            "rationale": "Solution buyers decide with their experts in the room.",
            "actions": [ { "code": "solution-workshop", "category": "service",
                           "description": "Offer a joint solution workshop." } ] },
          { "id": "needs-core-solution-architect", "priority": 72, "when": { "needs": "SOLUTION", "value": "CORE" },
            "rationale": "A core account buying solutions needs an architect, not only an account manager.",
            "actions": [ { "code": "solution-architect", "category": "channel",
                           "description": "Assign a solution architect beside the account team." } ] }
        ]
      }
      """;

  @TempDir Path jar;

  private ClassLoader plugin(String rules) {
    try {
      Path file = jar.resolve(Playbook.PLUGIN_RULES_RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, rules);
      return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A second "jar" (folder) of its own, beside the one {@link #plugin} writes. */
  private ClassLoader twoJars(String first, String second) {
    try {
      ClassLoader one = plugin(first);
      Path other = jar.resolve("second-jar");
      Path file = other.resolve(Playbook.PLUGIN_RULES_RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, second);
      return new URLClassLoader(new URL[] {other.toUri().toURL()}, one);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rules of a second plugin about dimension {@code dimension}, with ids of their own. */
  private static String otherRules(String dimension, String idPrefix) {
    return "{\"dimension\": \"" + dimension + "\", \"rules\": [{\"id\": \"" + idPrefix + "-workshop\", \"priority\": 44,"
        + " \"combine\": \"also\", \"when\": {\"" + dimension + "\": \"SOLUTION\"}, \"rationale\": \"r\","
        + " \"actions\": [{\"code\": \"" + idPrefix + "-workshop\", \"category\": \"service\", \"description\": \"d\"}]}]}";
  }

  private static <T> T with(ClassLoader loader, Supplier<T> step) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return step.get();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static List<String> codes(Playbook p, String labels) {
    return Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(p.dimensions(), labels)));
  }

  @Test
  void pluginRulesJoinTheDefaultPlaybookWhereTheirDimensionIsConfigured() {
    Playbook p = with(plugin(NEEDS_RULES), () -> Playbook.defaults(WITH));

    assertThat(p.rules()).extracting(Rule::id).contains("needs-solution-workshop", "needs-core-solution-architect");
    assertThat(p.diagnostics()).anyMatch(d -> d.startsWith("Plugin rules ")
        && d.endsWith(" for dimension 'needs' added [needs-solution-workshop, needs-core-solution-architect]"));
    assertThat(codes(p, "value=CORE behaviour=ACTIVE risk=LOW needs=SOLUTION"))
        .contains("solution-workshop", "vip-service", "solution-architect")
        .doesNotContain("dedicated-account-manager");
    assertThat(codes(p, "value=CORE behaviour=ACTIVE risk=LOW needs=PRODUCT"))
        .contains("vip-service", "dedicated-account-manager")
        .doesNotContain("solution-workshop", "solution-architect");
    // The default playbook with the plugin's rules still serves every category everywhere.
    assertThat(p.coverage().isClean()).as(p.coverage().toText(20)).isTrue();
    assertThat(p.coverage().dimensions()).contains("needs");
  }

  /**
   * A fat jar (maven-shade's AppendingTransformer, Gradle shadow's append) merges the rules files
   * of several plugins into one resource, one JSON object after another, with or without a line
   * between them. Each is a plugin's file; before, all but one were lost when the jar was built.
   */
  @Test
  void aResourceThatAFatJarAppendedFromSeveralPluginsHasTheRulesOfEach() {
    String appended = NEEDS_RULES.strip() + otherRules("churn", "churn") + "\n";

    Playbook p = with(plugin(appended), () -> Playbook.defaults(WITH));

    assertThat(p.rules()).extracting(Rule::id).contains("needs-solution-workshop", "needs-core-solution-architect");
    assertThat(p.diagnostics())
        .anyMatch(d -> d.contains("playbook-rules.json (document 1 of 2) for dimension 'needs' added"))
        .anyMatch(d -> d.contains("playbook-rules.json (document 2 of 2) skipped: they are about dimension 'churn'"));
  }

  @Test
  void aValueInAnAppendedResourceThatIsNotAnObjectIsAnErrorNamingTheDocument() {
    ClassLoader broken = plugin(NEEDS_RULES + "\n[\"churn\"]\n");

    assertThatThrownBy(() -> with(broken, () -> Playbook.defaults(WITH)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(Playbook.PLUGIN_RULES_RESOURCE)
        .hasMessageContaining("expected a JSON object at the top level (document 2)");
  }

  /** Two resources about one dimension both apply, never one silently over the other, and say so. */
  @Test
  void twoRuleSetsAboutOneDimensionFromTwoJarsBothApplyWithAWarning() {
    Playbook p = with(twoJars(NEEDS_RULES, otherRules("needs", "needs-other")), () -> Playbook.defaults(WITH));

    assertThat(p.rules()).extracting(Rule::id).contains("needs-solution-workshop", "needs-other-workshop");
    assertThat(p.diagnostics()).anyMatch(d -> d.contains(" are about dimension 'needs', as are ")
        && d.endsWith(": the rules of both apply; remove one of the jars if one dimension should have one rule set"));
  }

  /** The same plugin twice (a plugin folder and a fat jar): the repeated rule id is an error naming both. */
  @Test
  void theSameRulesFromTwoJarsAreAnErrorNotASilentOverwrite() {
    ClassLoader twice = twoJars(NEEDS_RULES, NEEDS_RULES);

    assertThatThrownBy(() -> with(twice, () -> Playbook.defaults(WITH)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("rule 'needs-solution-workshop' is already defined by Plugin rules ");
  }

  @Test
  void pluginRulesAreSkippedWithADiagnosticWhereTheirDimensionIsNotConfigured() {
    Playbook p = with(plugin(NEEDS_RULES), () -> Playbook.defaults(WITHOUT));

    assertThat(p.rules()).isEqualTo(Playbook.defaults(WITHOUT).rules());
    assertThat(p.diagnostics()).anyMatch(d -> d.startsWith("Plugin rules ") && d.endsWith(
        " skipped: they are about dimension 'needs', which is not configured [value, loyalty, behaviour, risk]"));
  }

  @Test
  void aPlaybookThatReplacesTheDefaultSaysItLeftThePluginRulesOutAndOneThatExtendsItCanRemoveThem() {
    ClassLoader loader = plugin(NEEDS_RULES);
    String own = "{'rules': [{'id': 'care', 'priority': 1, 'rationale': 'r',"
        + " 'actions': [{'code': 'care', 'category': 'service', 'description': 'd'}]}]}";

    Playbook replacing = with(loader, () -> Playbook.create(Fixtures.config(own), WITH));
    assertThat(replacing.rules()).extracting(Rule::id).containsExactly("care");
    assertThat(replacing.diagnostics()).anyMatch(d -> d.contains(" for dimension 'needs' not applied: the playbook clientele.json"
        + " $.strategy replaces the default playbook; add \"extends\": \"default\" to use them"));

    Playbook extending = with(loader, () -> Playbook.create(Fixtures.config(
        "{'extends': 'default', 'remove': ['needs-core-solution-architect']}"), WITH));
    assertThat(extending.rules()).extracting(Rule::id).contains("needs-solution-workshop").doesNotContain("needs-core-solution-architect");
  }

  @Test
  void aPluginRuleThatReusesAnIdOrLeavesOutItsDimensionIsAnErrorNamingTheFile() {
    ClassLoader clash = plugin(NEEDS_RULES.replace("needs-core-solution-architect", "value-core"));
    assertThatThrownBy(() -> with(clash, () -> Playbook.defaults(WITH)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(Playbook.PLUGIN_RULES_RESOURCE + " $.rules[1].id: rule 'value-core' is already defined by Default playbook;"
            + " give plugin rules ids of their own, for example prefixed with the dimension (\"needs-...\")");

    ClassLoader anonymous = plugin(NEEDS_RULES.replace("\"dimension\": \"needs\",", ""));
    assertThatThrownBy(() -> with(anonymous, () -> Playbook.defaults(WITH)))
        .hasMessageContaining(Playbook.PLUGIN_RULES_RESOURCE + " $.dimension: plugin rules must name the dimension they are about");

    ClassLoader typo = plugin(NEEDS_RULES.replace("\"optional\"", "\"optinal\""));
    assertThatThrownBy(() -> with(typo, () -> Playbook.defaults(WITH)))
        .hasMessageContaining("$.optinal: unknown key; did you mean 'optional'?");
  }

  @Test
  void aFileOfSeveralRuleSetsAppliesEachOnlyWhereItsDimensionIsConfigured() {
    String other = NEEDS_RULES.replace("\"dimension\": \"needs\"", "\"dimension\": \"channel\"")
        .replace("needs-solution-workshop", "channel-a").replace("needs-core-solution-architect", "channel-b")
        .replace("{ \"needs\": \"SOLUTION\"", "{ \"channel\": \"ONLINE\"");
    ClassLoader two = plugin("{\"description\": \"two dimensions\", \"rulesets\": [" + NEEDS_RULES + ", " + other + "]}");

    Playbook p = with(two, () -> Playbook.defaults(WITH));

    assertThat(p.rules()).extracting(Rule::id).contains("needs-solution-workshop").doesNotContain("channel-a", "channel-b");
    assertThat(p.diagnostics())
        .anyMatch(d -> d.endsWith(" for dimension 'needs' added [needs-solution-workshop, needs-core-solution-architect]"))
        .anyMatch(d -> d.contains(" skipped: they are about dimension 'channel', which is not configured"));
    assertThat(p.coverage().isClean()).as(p.coverage().toText(20)).isTrue();
  }

  @Test
  void aFileOfRuleSetsWithOtherKeysOrNoSetIsAnErrorNamingTheKey() {
    ClassLoader stray = plugin("{\"dimension\": \"needs\", \"rulesets\": [" + NEEDS_RULES + "]}");
    assertThatThrownBy(() -> with(stray, () -> Playbook.defaults(WITH)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(Playbook.PLUGIN_RULES_RESOURCE + " $.dimension: a file of several rule sets has only"
            + " \"description\" and \"rulesets\" at the top");

    ClassLoader empty = plugin("{\"rulesets\": []}");
    assertThatThrownBy(() -> with(empty, () -> Playbook.defaults(WITH)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.rulesets: no rule set");

    ClassLoader nested = plugin("{\"rulesets\": [" + NEEDS_RULES.replace("\"optional\"", "\"optinal\"") + "]}");
    assertThatThrownBy(() -> with(nested, () -> Playbook.defaults(WITH)))
        .hasMessageContaining("$.rulesets[0].optinal: unknown key");
  }

  /** "needs": SOLUTION for everyone; enough to run an engine with the plugin's dimension. */
  static final class NeedsProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "needs";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension dimension = new Dimension(config.id(), NEEDS.labels());
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return dimension;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          out.accept(2, 1.0);
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(dimension, "SOLUTION", 1.0, List.of());
        }
      };
    }
  }

  @Test
  void anEngineGivenThePluginsClassLoaderPlansAndExplainsWithThePluginRules() {
    Engine engine = Engine.builder()
        .discover(false)
        .classLoader(plugin(NEEDS_RULES))
        .register(new NeedsProvider())
        .register(new PlaybookStrategyProvider())
        .configuration("{\"dimensions\": {\"needs\": {}}, \"strategy\": {\"provider\": \"playbook\"}}", "cfg.json")
        .build();

    Explanation e = engine.explain(Customer.builder("C-1").build());

    assertThat(e.plan().actions()).extracting(Action::code).containsExactly("solution-workshop");
    assertThat(e.planExplanation().rules(RuleStatus.MATCHED_ALSO)).singleElement()
        .satisfies(r -> assertThat(r.sentence()).isEqualTo(
            "Rule needs-solution-workshop (priority 45, combine also) added solution-workshop to service (no rule won the category)."));
    assertThat(engine.strategyDiagnostics()).anyMatch(d -> d.contains("for dimension 'needs' added [needs-solution-workshop"));
  }
}
