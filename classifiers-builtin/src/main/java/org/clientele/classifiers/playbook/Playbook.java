package org.clientele.classifiers.playbook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.playbook.PlaybookParser.Definition;
import org.clientele.classifiers.playbook.PlaybookParser.ParsedRule;
import org.clientele.classifiers.playbook.PlaybookParser.ParsedSegment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *   <li>Every action names its rule ({@link Action#rule()}) and carries its rule's priority.
 * </ol>
 *
 * <p>{@link #explain} shows these decisions for one customer; {@link #coverage()} checks the table
 * over all label combinations (dead zones, shadowed rules).
 *
 * <h2>Configuration</h2>
 *
 * The strategy section of the engine's configuration: {@code rules} and {@code segments} inline,
 * or {@code file} naming a playbook JSON file, or neither for the {@linkplain #DEFAULT_RESOURCE
 * default playbook}; {@code dimensions} maps dimension ids used in the rules to the engine's ids;
 * {@code coverage} is {@code warn} (default), {@code fail} or {@code off}.
 *
 * <p>Unknown dimensions and labels: in a user's playbook (inline or file) a rule naming a dimension
 * that is not configured, or a label the dimension does not have, is an error naming the rule and
 * the dimension or label. In the default playbook such rules are dropped (and such labels
 * ignored) with a diagnostic, so that an engine with only some dimensions still gets the rules
 * that apply to it.
 *
 * @since 0.1.0
 */
public final class Playbook implements Strategy {

  /** The class-path resource, beside this class, holding the default playbook. */
  public static final String DEFAULT_RESOURCE = "default-playbook.json";

  private static final Logger LOG = LoggerFactory.getLogger(Playbook.class);
  private static final ActionCategory[] CATEGORIES = ActionCategory.values();
  private static final Set<String> FILE_KEYS = Set.of("description", "segments", "rules");
  /**
   * Reads playbook files as plain trees (no default typing), bounded: 64 levels of nesting, strings
   * up to 1,000,000 characters, numbers up to 64 digits, files up to 64 MiB.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxNumberLength(64)
                          .maxStringLength(1_000_000)
                          .maxDocumentLength(64L * 1024 * 1024)
                          .build())
                  .build())
          .build();

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
  final CompiledRule[] compiled;
  /** Per category ordinal: the rules with actions in it, best first. */
  final Entry[][] byCategory;
  /** The same table as bit masks, for the hot path; null above 64 rules. */
  private final @Nullable RuleBits bits;

  private volatile @Nullable CoverageReport coverage;

  private Playbook(
      String source,
      boolean defaults,
      List<Dimension> dimensions,
      List<CrossSegment> segments,
      List<CompiledRule> compiled,
      List<String> diagnostics) {
    this.source = source;
    this.defaults = defaults;
    this.dimensions = List.copyOf(dimensions);
    this.segments = List.copyOf(segments);
    this.compiled = compiled.toArray(new CompiledRule[0]);
    this.rules = compiled.stream().map(c -> c.rule).toList();
    this.diagnostics = List.copyOf(diagnostics);
    this.byCategory = entries(this.compiled);
    this.bits = RuleBits.of(this.compiled, byCategory, this.dimensions);
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
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dimensions, "dimensions");
    List<Dimension> dims = List.copyOf(dimensions);
    Map<String, String> aliases = config.textMap("dimensions");
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      if (positionOf(dims, e.getValue()) < 0) {
        throw config.error(
            "dimensions." + e.getKey(),
            "maps '" + e.getKey() + "' to dimension '" + e.getValue() + "', which is not configured; configured: " + ids(dims));
      }
    }
    CoverageMode mode = config.choice("coverage", CoverageMode.class, CoverageMode.WARN);
    String file = config.string("file", "");
    boolean inline = config.has("rules") | config.has("segments");

    Playbook playbook;
    if (!file.isEmpty()) {
      if (inline) {
        throw config.error("file", "give the rules either inline (rules, segments) or in a file, not both");
      }
      Path path = resolve(config, file);
      PluginConfig fromFile = readJson(config.id(), path.toString(), () -> Files.newInputStream(path));
      playbook = build(fromFile, dims, aliases, false, true, path.toString());
    } else if (inline) {
      playbook = build(config, dims, aliases, false, false, config.source() + " " + config.path());
    } else {
      playbook = defaults(dims, aliases);
    }
    // The default playbook drops rules for dimensions an engine does not configure by design: that
    // is routine, so it is logged at DEBUG; Playbook.diagnostics() still lists every one.
    playbook.diagnostics.forEach(d -> {
      if (playbook.isDefault()) {
        LOG.debug("{}", d);
      } else {
        LOG.info("{}", d);
      }
    });
    if (mode != CoverageMode.OFF) {
      CoverageReport report = playbook.coverage();
      if (!report.isClean()) {
        if (mode == CoverageMode.FAIL) {
          throw config.error("coverage", "the playbook " + playbook.source + " has coverage findings (set \"coverage\": \"warn\" to allow them):\n" + report.toText(20));
        }
        LOG.warn("Playbook {}: {}", playbook.source, report.toText(20));
      }
    }
    return playbook;
  }

  /**
   * Creates the default playbook for the given dimensions, dropping rules on dimensions that are
   * not configured.
   *
   * @param dimensions the engine's dimensions
   * @return the playbook
   */
  public static Playbook defaults(List<Dimension> dimensions) {
    return defaults(List.copyOf(dimensions), Map.of());
  }

  private static Playbook defaults(List<Dimension> dims, Map<String, String> aliases) {
    PluginConfig resource =
        readJson("playbook", DEFAULT_RESOURCE, () -> {
          InputStream in = Playbook.class.getResourceAsStream(DEFAULT_RESOURCE);
          if (in == null) {
            throw new IOException("resource " + DEFAULT_RESOURCE + " is missing from the jar");
          }
          return in;
        });
    return build(resource, dims, aliases, true, true, "default playbook");
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static PluginConfig readJson(String id, String source, Opener opener) {
    Map<String, Object> map;
    try (InputStream in = opener.open()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> read = JSON.readValue(in, Map.class);
      map = read;
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(source, "not a valid playbook JSON object: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException(source, "cannot read the playbook: " + e.getMessage(), e);
    }
    if (map == null) {
      throw new ConfigurationException(source, "the playbook file is empty");
    }
    return PluginConfig.of(id, source, "$", map);
  }

  private static Path resolve(PluginConfig config, String file) {
    Path path = Path.of(file);
    if (path.isAbsolute()) {
      return path;
    }
    // Relative to the configuration file when there is one, so a config and its playbook travel together.
    try {
      Path parent = Path.of(config.source()).toAbsolutePath().getParent();
      if (parent != null && Files.isRegularFile(Path.of(config.source()))) {
        return parent.resolve(path);
      }
    } catch (RuntimeException notAPath) {
      // the source is a description such as <inline>: resolve against the working directory
    }
    return path;
  }

  private static Playbook build(
      PluginConfig config,
      List<Dimension> dims,
      Map<String, String> aliases,
      boolean lenient,
      boolean ownFile,
      String source) {
    if (ownFile) {
      // A file or resource of our own: nobody else checks it for typos.
      for (String key : config.keys()) {
        if (!FILE_KEYS.contains(key)) {
          throw config.error(key, "unknown key; a playbook file holds " + FILE_KEYS.stream().sorted().toList());
        }
      }
      config.has("description");
    }
    Definition definition = PlaybookParser.parse(config);
    if (ownFile) {
      Set<String> unread = config.unreadKeys();
      if (!unread.isEmpty()) {
        throw new ConfigurationException(source, "unknown keys (typos?): " + unread);
      }
    }
    Binder binder = new Binder(dims, aliases, lenient);
    List<CrossSegment> segments = new ArrayList<>();
    for (ParsedSegment s : definition.segments()) {
      segments.add(s.segment());
    }
    List<CompiledRule> compiled = new ArrayList<>();
    for (ParsedRule r : definition.rules()) {
      CompiledRule c = binder.bind(r, compiled.size(), definition);
      if (c != null) {
        compiled.add(c);
      }
    }
    if (compiled.isEmpty()) {
      throw new ConfigurationException(
          source, "no rule of the playbook applies to the configured dimensions " + ids(dims));
    }
    return new Playbook(source, lenient, dims, segments, compiled, binder.diagnostics);
  }

  /** Resolves dimension ids and labels; strict for user playbooks, lenient for the default one. */
  private static final class Binder {
    private final List<Dimension> dims;
    private final Map<String, String> aliases;
    private final boolean lenient;
    final List<String> diagnostics = new ArrayList<>();

    Binder(List<Dimension> dims, Map<String, String> aliases, boolean lenient) {
      this.dims = dims;
      this.aliases = aliases;
      this.lenient = lenient;
    }

    @Nullable CompiledRule bind(ParsedRule r, int order, Definition definition) {
      String who = "rule '" + r.id() + "'";
      PluginConfig segmentSection = null;
      if (!r.segment().isEmpty()) {
        for (ParsedSegment s : definition.segments()) {
          if (s.segment().id().equals(r.segment())) {
            segmentSection = s.section();
          }
        }
      }
      Map<Integer, boolean[]> allowed = new LinkedHashMap<>();
      Map<Integer, Boolean> unclassified = new LinkedHashMap<>();
      Map<String, List<String>> when = new LinkedHashMap<>();
      Map<String, List<String>> unless = new LinkedHashMap<>();

      for (Map.Entry<String, List<String>> e : r.when().entrySet()) {
        String dim = e.getKey();
        boolean fromSegment = segmentSection != null && !r.section().section("when").keys().contains(dim);
        PluginConfig where = fromSegment && segmentSection != null ? segmentSection.section("when") : r.section().section("when");
        String whoHere = fromSegment ? who + " (through segment '" + r.segment() + "')" : who;
        int position = position(dim);
        if (position < 0) {
          if (lenient) {
            diagnostics.add("Default playbook: " + who + " dropped: dimension '" + dim + "' is not configured " + ids(dims));
            return null;
          }
          throw where.error(dim, whoHere + " names dimension '" + dim + "', which is not configured; configured: " + ids(dims) + missingHint(dim));
        }
        Dimension d = dims.get(position);
        boolean[] mask = new boolean[d.size()];
        boolean unc = false;
        List<String> kept = new ArrayList<>();
        for (String label : e.getValue()) {
          if (label.equals(Dimension.UNCLASSIFIED)) {
            unc = true;
            kept.add(label);
            continue;
          }
          int index = d.indexOf(label);
          if (index < 0) {
            if (lenient) {
              diagnostics.add("Default playbook: " + who + ": label '" + label + "' is not a label of dimension '" + d.id() + "' " + d.labels() + "; ignored");
              continue;
            }
            throw where.error(dim, whoHere + " names label '" + label + "', which is not a label of dimension '" + d.id() + "'; its labels: " + d.labels());
          }
          mask[index] = true;
          kept.add(label);
        }
        if (kept.isEmpty()) {
          diagnostics.add("Default playbook: " + who + " dropped: none of its labels " + e.getValue() + " is a label of dimension '" + d.id() + "' " + d.labels());
          return null;
        }
        allowed.put(position, mask);
        unclassified.put(position, unc);
        when.put(dim, kept);
      }

      for (Map.Entry<String, List<String>> e : r.unless().entrySet()) {
        String dim = e.getKey();
        int position = position(dim);
        PluginConfig where = r.section().section("unless");
        if (position < 0) {
          if (lenient) {
            // Nobody can carry a label of a dimension that is not configured: the exclusion always holds.
            diagnostics.add("Default playbook: " + who + ": condition unless " + dim + " ignored: dimension '" + dim + "' is not configured " + ids(dims));
            continue;
          }
          throw where.error(dim, who + " names dimension '" + dim + "', which is not configured; configured: " + ids(dims) + missingHint(dim));
        }
        Dimension d = dims.get(position);
        boolean[] mask = allowed.get(position);
        if (mask == null) {
          mask = new boolean[d.size()];
          Arrays.fill(mask, true);
          allowed.put(position, mask);
          unclassified.put(position, false);
        }
        List<String> kept = new ArrayList<>();
        for (String label : e.getValue()) {
          if (label.equals(Dimension.UNCLASSIFIED)) {
            unclassified.put(position, false);
            kept.add(label);
            continue;
          }
          int index = d.indexOf(label);
          if (index < 0) {
            if (lenient) {
              diagnostics.add("Default playbook: " + who + ": label '" + label + "' is not a label of dimension '" + d.id() + "' " + d.labels() + "; ignored");
              continue;
            }
            throw where.error(dim, who + " names label '" + label + "', which is not a label of dimension '" + d.id() + "'; its labels: " + d.labels());
          }
          mask[index] = false;
          kept.add(label);
        }
        if (!kept.isEmpty()) {
          unless.put(dim, kept);
        }
      }

      List<CompiledRule.FeatureTest> tests = new ArrayList<>();
      for (FeatureCondition f : r.features()) {
        Feature<?> feature = Feature.lookup(f.feature()).orElseThrow();
        tests.add(new CompiledRule.FeatureTest(f, feature));
      }
      Rule rule;
      try {
        rule = new Rule(r.id(), r.description(), r.segment(), when, unless, r.features(), r.priority(), r.actions(), r.vetoes());
      } catch (IllegalArgumentException e) {
        throw r.section().error("id", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
      int[] positions = allowed.keySet().stream().mapToInt(Integer::intValue).toArray();
      boolean[][] masks = allowed.values().toArray(new boolean[0][]);
      boolean[] unc = new boolean[positions.length];
      for (int i = 0; i < positions.length; i++) {
        unc[i] = Objects.requireNonNull(unclassified.get(positions[i]), "allowed and unclassified share their keys");
      }
      return new CompiledRule(rule, order, positions, masks, unc, tests.toArray(new CompiledRule.FeatureTest[0]));
    }

    private int position(String playbookDimension) {
      return positionOf(dims, aliases.getOrDefault(playbookDimension, playbookDimension));
    }

    private String missingHint(String dim) {
      return dims.isEmpty()
          ? ""
          : "; configure it under $.dimensions, or map it to a configured id with $.strategy.dimensions, for example {\""
              + dim + "\": \"" + dims.get(0).id() + "\"}";
    }
  }

  /** The rules with actions in one category, and who may veto each action. */
  static final class Entry {
    final CompiledRule rule;
    final Action[] actions;
    final CompiledRule[][] vetoers;

    Entry(CompiledRule rule, Action[] actions, CompiledRule[][] vetoers) {
      this.rule = rule;
      this.actions = actions;
      this.vetoers = vetoers;
    }
  }

  private static Entry[][] entries(CompiledRule[] rules) {
    Entry[][] out = new Entry[CATEGORIES.length][];
    for (ActionCategory category : CATEGORIES) {
      List<Entry> entries = new ArrayList<>();
      for (CompiledRule r : rules) {
        List<Action> actions = r.rule.actions(category);
        if (actions.isEmpty()) {
          continue;
        }
        CompiledRule[][] vetoers = new CompiledRule[actions.size()][];
        for (int i = 0; i < actions.size(); i++) {
          String code = actions.get(i).code();
          vetoers[i] = Arrays.stream(rules).filter(v -> v.rule.vetoes().contains(code)).toArray(CompiledRule[]::new);
        }
        entries.add(new Entry(r, actions.toArray(new Action[0]), vetoers));
      }
      entries.sort(Comparator.comparingInt((Entry e) -> -e.rule.rule.priority()).thenComparingInt(e -> e.rule.order));
      out[category.ordinal()] = entries.toArray(new Entry[0]);
    }
    return out;
  }

  /**
   * Chooses the actions for one customer. Allocation-free: it compares the customer's label
   * indexes with masks built at creation and hands out prebuilt actions.
   */
  @Override
  public void plan(Customer customer, Segments segments, PlanSink out) {
    RuleBits b = bits;
    if (b != null) {
      b.plan(customer, segments, out);
      return;
    }
    for (Entry[] entries : byCategory) {
      for (Entry e : entries) {
        if (!e.rule.matches(customer, segments)) {
          continue;
        }
        boolean emitted = false;
        for (int i = 0; i < e.actions.length; i++) {
          if (!vetoed(e.vetoers[i], customer, segments)) {
            out.add(e.actions[i]);
            emitted = true;
          }
        }
        if (emitted) {
          break;
        }
      }
    }
  }

  private static boolean vetoed(CompiledRule[] vetoers, Customer customer, Segments segments) {
    for (CompiledRule v : vetoers) {
      if (v.matches(customer, segments)) {
        return true;
      }
    }
    return false;
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
    List<String> matched = new ArrayList<>();
    for (CompiledRule r : compiled) {
      if (r.matches(customer, segments)) {
        matched.add(r.id());
      }
    }
    List<PlanTrace.CategoryDecision> decisions = new ArrayList<>();
    for (ActionCategory category : CATEGORIES) {
      String winner = "";
      List<Action> actions = new ArrayList<>();
      List<String> outranked = new ArrayList<>();
      List<String> vetoed = new ArrayList<>();
      for (Entry e : byCategory[category.ordinal()]) {
        if (!e.rule.matches(customer, segments)) {
          continue;
        }
        if (!winner.isEmpty()) {
          outranked.add(e.rule.id());
          continue;
        }
        List<Action> kept = new ArrayList<>();
        for (int i = 0; i < e.actions.length; i++) {
          List<String> by = new ArrayList<>();
          for (CompiledRule v : e.vetoers[i]) {
            if (v.matches(customer, segments)) {
              by.add(v.id());
            }
          }
          if (by.isEmpty()) {
            kept.add(e.actions[i]);
          } else {
            vetoed.add(e.actions[i].code() + " (rule " + e.rule.id() + ") vetoed by " + String.join(", ", by));
          }
        }
        if (!kept.isEmpty()) {
          winner = e.rule.id();
          actions = kept;
        }
      }
      decisions.add(new PlanTrace.CategoryDecision(category, winner, actions, outranked, vetoed));
    }
    return new PlanTrace(matched, decisions);
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
   * Returns what was adjusted while binding the default playbook: rules dropped because their
   * dimension is not configured, labels ignored because the dimension lacks them. Empty for user
   * playbooks, where those are errors.
   *
   * @return one sentence per adjustment
   */
  public List<String> diagnostics() {
    return diagnostics;
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
   * @return true if no rules were configured
   */
  public boolean isDefault() {
    return defaults;
  }

  static int positionOf(List<Dimension> dims, String id) {
    for (int i = 0; i < dims.size(); i++) {
      if (dims.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> ids(List<Dimension> dims) {
    return dims.stream().map(Dimension::id).toList();
  }

  @Override
  public String toString() {
    return "Playbook[" + source + ", " + rules.size() + " rules, dimensions " + ids(dimensions) + "]";
  }
}
