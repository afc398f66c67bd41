package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * A decision table from a customer's labels (and optionally features) to a plan of actions, bound
 * to the engine's dimensions. Thread-safe and immutable; {@link #plan} allocates nothing.
 *
 * <h2>Conflict semantics</h2>
 *
 * For one customer:
 *
 * <ol>
 *   <li>Every rule whose conditions hold <em>matches</em>.
 *   <li><b>Vetoes first.</b> An action whose code is in the {@code vetoes} of any matching rule is
 *       removed, whatever its priority. This is how risk control caps pricing: the HIGH-risk rule
 *       vetoes the CORE rule's {@code preferential-terms} (credit terms), whatever priorities a
 *       later edit gives them.
 *   <li><b>One rule per category.</b> In each {@link ActionCategory}, the matching rule with the
 *       highest priority that still has an action there wins, and the plan holds all of its
 *       remaining actions in that category; lower rules' actions in that category are dropped. At
 *       equal priority the rule listed first wins. A rule whose actions in a category were all
 *       vetoed does not win it: the next rule does.
 *   <li><b>Beside the winner.</b> A matching rule with {@code "combine": "also"} ({@link
 *       Rule.Combine#ALSO}) does not compete: its actions that are not vetoed join the plan beside
 *       the category's winner, whatever the priorities; a code already in the plan is not repeated.
 *   <li>Every action names its rule ({@link Action#rule()}) and carries its rule's priority.
 * </ol>
 *
 * <p>{@link #explain} (and, for the engine, {@link #explainPlan}) shows these decisions for one
 * customer; {@link #coverage()} checks the table over all label combinations (dead zones, shadowed
 * rules).
 *
 * <p>Inside, three steps each have one home: the loader ({@code PlaybookLoader}: where the rules
 * come from, reading and validating the definition), the binder ({@code PlaybookBinder}: dimension
 * ids and labels to the engine's positions) and the decision table ({@code DecisionTable}: the
 * compiled rules and the one evaluator behind {@link #plan}, {@link #explain} and {@link
 * #explainPlan}, with the {@code RuleBits} masks as the hot path up to 64 rules).
 *
 * <h2>Configuration</h2>
 *
 * The strategy section of the engine's configuration: {@code rules} and {@code segments} inline,
 * or {@code file} naming a playbook JSON file, or neither for the {@linkplain #DEFAULT_RESOURCE
 * default playbook}; {@code "extends": "default"} with {@code rules}, {@code override} and {@code
 * remove} to change the default playbook by rule id; {@code dimensions} maps dimension ids used in
 * the rules to the engine's ids; {@code coverage} is {@code warn} (default), {@code fail} or {@code
 * off}. Plugin jars add rules for their own dimension ({@value #PLUGIN_RULES_RESOURCE}) to the
 * default playbook where that dimension is configured.
 *
 * <p>Unknown dimensions and labels: a rule naming a dimension that is not configured, or a label
 * the dimension does not have, is an error naming the rule and the dimension or label, unless the
 * playbook that holds the rule declares the dimension {@code optional} (the rule is dropped, with a
 * diagnostic) or lists the label among the dimension's {@code labels} (the label is ignored, with a
 * diagnostic). The default playbook declares its four dimensions optional and both behaviour
 * schemes' labels, so that an engine with only some dimensions still gets the rules that apply to
 * it, and so that a copy of it loads as a user file.
 */
public final class Playbook implements Strategy {

  /** The class-path resource, beside this class, holding the default playbook. */
  public static final String DEFAULT_RESOURCE = "default-playbook.json";

  /**
   * The class-path resource in which a plugin jar ships playbook rules for its own dimension:
   * {@code {"dimension": "needs", "rules": [...]}}. They join the default playbook (and playbooks
   * that extend it) when that dimension is configured, and are skipped with a diagnostic when it is
   * not.
   *
   * @since 0.1.0
   */
  public static final String PLUGIN_RULES_RESOURCE = "META-INF/clientele/playbook-rules.json";

  /** What to do with coverage findings when the playbook is created. */
  public enum CoverageMode {
    /** Log findings as a warning (the default). */
    WARN,
    /** Fail creation with a {@link ConfigurationException} listing the findings. */
    FAIL,
    /** Do not analyse at creation; {@link Playbook#coverage()} still works on demand. */
    OFF
  }

  private final String source;
  private final boolean defaults;
  private final List<Dimension> dimensions;
  private final List<CrossSegment> segments;
  private final List<Rule> rules;
  private final List<String> diagnostics;
  private final List<String> warnings;
  /** The compiled rules and how they decide; shared by copies. */
  final DecisionTable table;

  private volatile @Nullable CoverageReport coverage;
  /** Dimensions that rules named but this engine does not have (their rules were dropped). */
  final Set<String> absentDimensions;

  Playbook(
      String source,
      boolean defaults,
      List<Dimension> dimensions,
      List<CrossSegment> segments,
      DecisionTable table,
      List<String> diagnostics,
      List<String> warnings,
      Set<String> absentDimensions) {
    this.source = source;
    // Sorted: the coverage hint names them, and Set.copyOf's order changes from run to run.
    this.absentDimensions = Collections.unmodifiableSortedSet(new TreeSet<>(absentDimensions));
    this.defaults = defaults;
    this.dimensions = List.copyOf(dimensions);
    this.segments = List.copyOf(segments);
    this.table = table;
    List<Rule> compiledRules = new ArrayList<>(table.compiled.length);
    for (CompiledRule c : table.compiled) {
      compiledRules.add(c.rule);
    }
    this.rules = Collections.unmodifiableList(compiledRules);
    this.diagnostics = List.copyOf(diagnostics);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The same playbook, with the coverage findings of its load-time check among its diagnostics
   * and {@code warning}, their summary for a person, among its warnings.
   */
  Playbook withCoverageFindings(CoverageReport report, String warning) {
    List<String> all = new ArrayList<>(diagnostics);
    for (CoverageReport.DeadZone z : report.deadZones()) {
      all.add("Coverage: " + z.describe());
    }
    for (CoverageReport.ShadowedRule r : report.shadowed()) {
      all.add("Coverage: " + r.describe());
    }
    if (!report.skipped().isEmpty()) {
      all.add("Coverage: not analysed: " + report.skipped());
    }
    List<String> warned = new ArrayList<>(warnings);
    warned.add(warning);
    Playbook copy = new Playbook(source, defaults, dimensions, segments, table, all, warned, absentDimensions);
    copy.coverage = report;
    return copy;
  }

  /**
   * Creates a playbook from the strategy section of a configuration.
   *
   * @param config the strategy section ({@code $.strategy}), without {@code provider}
   * @param dimensions the engine's dimensions, in the positions {@link Segments} reports
   * @return the playbook
   * @throws ConfigurationException naming the rule and field if the playbook is malformed, names a
   *     dimension or label the engine does not have (user playbooks), or has coverage findings
   *     under {@code "coverage": "fail"}
   */
  public static Playbook create(PluginConfig config, List<Dimension> dimensions) {
    return PlaybookLoader.load(config, dimensions);
  }

  /**
   * Creates the default playbook for the given dimensions, with the plugin rules of those
   * dimensions, dropping rules on dimensions that are not configured.
   *
   * @param dimensions the engine's dimensions
   * @return the playbook
   */
  public static Playbook defaults(List<Dimension> dimensions) {
    return PlaybookLoader.defaults(PluginConfig.empty("playbook"), List.copyOf(dimensions), Map.of());
  }

  /**
   * Chooses the actions for one customer. Allocation-free: it compares the customer's label
   * indexes with masks built at creation and hands out prebuilt actions.
   */
  @Override
  public void plan(Customer customer, Segments segments, PlanSink out) {
    table.plan(customer, segments, out);
  }

  /** True unless a rule has a condition on features: rules otherwise read only labels and bases. */
  @Override
  public boolean planReadsLabelsOnly() {
    return table.readsLabelsOnly();
  }

  /**
   * Explains the plan for one customer: the matching rules and, per category, the winner, the
   * rules it outranked and the vetoed actions. Allocates; not for the hot path.
   *
   * @param customer the customer
   * @param segments the customer's labels
   * @return the trace, whose actions equal what {@link #plan} emits
   */
  public PlanTrace explain(Customer customer, Segments segments) {
    return table.trace(customer, segments).planTrace();
  }

  /**
   * Explains the plan for one customer rule by rule, for the engine ({@code Engine.explain}): every
   * action of a matching rule that won its category, was outranked, or was vetoed, with a sentence.
   * The same decisions as {@link #explain}; allocates.
   *
   * @param customer the customer
   * @param segments the customer's labels
   * @return the explanation
   * @since 0.1.0
   */
  @Override
  public PlanExplanation explainPlan(Customer customer, Segments segments) {
    return table.trace(customer, segments).explanation();
  }

  /**
   * Analyses coverage over every combination of labels of the configured dimensions that the
   * rules tell apart: dead zones per category and shadowed rules. Computed once, then cached.
   *
   * @return the report
   */
  public CoverageReport coverage() {
    CoverageReport report = coverage;
    if (report == null) {
      report = CoverageAnalysis.analyse(this);
      coverage = report;
    }
    return report;
  }

  /**
   * Returns the active rules (after dropping default rules on dimensions not configured), in
   * playbook order.
   *
   * @return the rules
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Finds an active rule by id.
   *
   * @param id the rule's id
   * @return the rule, or null if no active rule has that id
   */
  public @Nullable Rule rule(String id) {
    for (Rule r : rules) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Returns the named cross segments the playbook defines.
   *
   * @return the segments, in playbook order
   */
  public List<CrossSegment> segments() {
    return segments;
  }

  /**
   * Returns the engine's dimensions this playbook was bound to.
   *
   * @return the dimensions, in engine order
   */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /**
   * Returns what was found at load: plugin rules added, skipped or not applied, what an extension
   * changed, what was adjusted while binding (rules dropped because an {@code optional} dimension
   * is not configured, labels ignored because the dimension lacks them), then the findings of the
   * coverage check (dead zones, shadowed rules; each starting {@code Coverage:}) when it ran at
   * load and was not clean.
   *
   * @return one sentence per adjustment or finding
   */
  @Override
  public List<String> diagnostics() {
    return diagnostics;
  }

  /**
   * Returns the findings a person must act on: the coverage warning, when the load-time check
   * found label combinations that get no action in a category (or rules that can never win) and
   * {@code "coverage"} is {@code "warn"}, with what to do about them; plugin rules that do not
   * apply because this playbook replaces the default one; two jars with rules for one dimension.
   * Rules dropped for a dimension the run does not have are routine and only in {@link
   * #diagnostics()}.
   *
   * @return the warnings, or empty
   */
  @Override
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Returns where the rules came from.
   *
   * @return {@code default playbook}, a file name, or the configuration's file and path
   */
  public String source() {
    return source;
  }

  /**
   * Tells whether this is the built-in default playbook.
   *
   * @return true if no rules were configured (an extension of the default playbook is not the
   *     default)
   */
  public boolean isDefault() {
    return defaults;
  }

  @Override
  public String toString() {
    return "Playbook[" + source + ", " + rules.size() + " rules, dimensions " + PlaybookBinder.ids(dimensions) + "]";
  }
}
