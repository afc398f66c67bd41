package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Feature;
import org.clientele.api.spi.DidYouMean;
import org.clientele.api.spi.PluginConfig;

/**
 * Reads the playbook JSON (segments and rules) into unbound definitions. Checks everything that
 * does not depend on the engine's dimensions; every error names the rule (or segment) and the
 * field.
 */
final class PlaybookParser {

  private PlaybookParser() {}

  record ParsedSegment(CrossSegment segment, PluginConfig section) {}

  /**
   * Where a rule comes from and what its author declared about dimensions: those a host may not
   * configure ({@code optional}) and every label a dimension may have across its classifier's
   * schemes ({@code labels}). Each rule is bound under its own origin's declarations.
   */
  record Origin(String name, Set<String> optional, Map<String, List<String>> labels) {
    Origin {
      optional = Set.copyOf(optional);
      labels = Rule.copy(labels);
    }

    /** Reads {@code optional} and {@code labels} from a playbook document. */
    static Origin read(PluginConfig config, String name) {
      return new Origin(name, new LinkedHashSet<>(config.strings("optional", List.of())), PlaybookParser.labels(config, "labels"));
    }
  }

  record ParsedRule(
      String id,
      String description,
      String segment,
      Map<String, List<String>> when,
      Map<String, List<String>> unless,
      List<FeatureCondition> features,
      int priority,
      Rule.Combine combine,
      List<Action> actions,
      List<String> vetoes,
      Rule.Basis basis,
      Origin origin,
      PluginConfig section) {}

  /**
   * Parses the {@code segments} of a document: the new ones, each checked against the segments
   * it may not redefine ({@code inherited}).
   */
  static List<ParsedSegment> segments(PluginConfig config, Map<String, ParsedSegment> inherited) {
    List<ParsedSegment> segments = new ArrayList<>();
    Map<String, ParsedSegment> seen = new LinkedHashMap<>(inherited);
    for (PluginConfig s : config.sections("segments")) {
      ParsedSegment parsed = parseSegment(s);
      if (seen.putIfAbsent(parsed.segment().id(), parsed) != null) {
        String where = inherited.containsKey(parsed.segment().id()) ? "; the playbook it extends already defines it" : "";
        throw s.error("id", "segment '" + parsed.segment().id() + "' is defined twice; segment ids must be unique" + where);
      }
      segments.add(parsed);
    }
    return List.copyOf(segments);
  }

  /**
   * Parses the rules under {@code key} (an array): ids unique within the array, segments resolved
   * against {@code segments}.
   */
  static List<ParsedRule> rules(PluginConfig config, String key, Origin origin, Map<String, ParsedSegment> segments) {
    List<PluginConfig> ruleSections = config.sections(key);
    List<ParsedRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < ruleSections.size(); i++) {
      ParsedRule rule = parseRule(ruleSections.get(i), i, segments, origin);
      if (!ids.add(rule.id())) {
        throw rule.section().error("id", "rule '" + rule.id() + "' is defined twice; rule ids must be unique");
      }
      rules.add(rule);
    }
    return List.copyOf(rules);
  }

  /** The segments by id, in order. */
  static Map<String, ParsedSegment> byId(List<ParsedSegment> segments) {
    Map<String, ParsedSegment> out = new LinkedHashMap<>();
    for (ParsedSegment s : segments) {
      out.put(s.segment().id(), s);
    }
    return out;
  }

  private static ParsedSegment parseSegment(PluginConfig s) {
    String id = s.string("id", "");
    if (id.isBlank()) {
      throw s.error("id", "every segment needs an id, for example \"high-value-loyal\"");
    }
    return inside(
        "segment '" + id + "'",
        () -> {
          String description = s.string("description", "");
          Map<String, List<String>> when = labels(s, "when");
          if (when.isEmpty()) {
            throw s.error("when", "segment '" + id + "' needs at least one condition, for example {\"value\": [\"CORE\"]}");
          }
          try {
            return new ParsedSegment(new CrossSegment(id, description, when), s);
          } catch (IllegalArgumentException e) {
            throw s.error("id", Objects.requireNonNullElse(e.getMessage(), e.toString()));
          }
        });
  }

  private static ParsedRule parseRule(PluginConfig r, int index, Map<String, ParsedSegment> segments, Origin origin) {
    String id = r.string("id", "");
    if (id.isBlank()) {
      throw r.error("id", "rule #" + (index + 1) + " has no id; give every rule a unique id such as \"core-vip-service\"");
    }
    if (!Rule.ID.matcher(id).matches()) {
      throw r.error("id", "rule id '" + id + "' must be lowercase kebab or snake case ([a-z0-9][a-z0-9_.-]*)");
    }
    String who = "rule '" + id + "'";
    return inside(
        who,
        () -> {
          String description = r.string("description", "");
          String segment = r.string("segment", "");
          Map<String, List<String>> when = new LinkedHashMap<>();
          if (!segment.isEmpty()) {
            ParsedSegment s = segments.get(segment);
            if (s == null) {
              throw r.error("segment", who + " names segment '" + segment + "', which is not defined; defined: " + segments.keySet()
                  + DidYouMean.suffix(segment, segments.keySet()));
            }
            when.putAll(s.segment().when());
          }
          Map<String, List<String>> own = labels(r, "when");
          for (Map.Entry<String, List<String>> e : own.entrySet()) {
            if (when.containsKey(e.getKey())) {
              throw r.error(
                  "when." + e.getKey(),
                  who + " repeats dimension '" + e.getKey() + "', which its segment '" + segment
                      + "' already constrains; use another segment or drop the segment");
            }
            when.put(e.getKey(), e.getValue());
          }
          Map<String, List<String>> unless = labels(r, "unless");
          List<FeatureCondition> features = new ArrayList<>();
          List<PluginConfig> featureSections = r.sections("features");
          for (PluginConfig f : featureSections) {
            features.add(feature(f, who));
          }
          if (!r.has("priority")) {
            throw r.error("priority", who + " has no priority; give a whole number (higher wins a category)");
          }
          int priority = r.integer("priority", 0);
          Rule.Combine combine = r.choice("combine", Rule.Combine.class, Rule.Combine.COMPETE);
          String rationale = r.string("rationale", "");
          List<Action> actions = new ArrayList<>();
          Set<String> codes = new HashSet<>();
          for (PluginConfig a : r.sections("actions")) {
            Action action = action(a, id, priority, rationale);
            if (!codes.add(action.code())) {
              throw a.error("code", who + " lists action '" + action.code() + "' twice");
            }
            actions.add(action);
          }
          List<String> vetoes = r.strings("vetoes", List.of());
          if (actions.isEmpty() && vetoes.isEmpty()) {
            throw r.error("actions", who + " has neither actions nor vetoes; add at least one action");
          }
          Rule.Basis basis = r.choice("basis", Rule.Basis.class, Rule.Basis.ANY);
          if (basis != Rule.Basis.ANY && when.isEmpty() && unless.isEmpty()) {
            throw r.error("basis", who + " sets basis " + basis.name().toLowerCase(java.util.Locale.ROOT)
                + " but names no dimension in when or unless: the basis is about the labels the rule reads;"
                + " name them, or drop basis");
          }
          return new ParsedRule(
              id, description, segment, when, unless, features, priority, combine, actions, vetoes, basis, origin, r);
        });
  }

  private static Action action(PluginConfig a, String ruleId, int priority, String ruleRationale) {
    String who = "rule '" + ruleId + "'";
    String code = required(a, "code", who, "a lowercase code such as \"vip-service\"");
    if (!a.has("category")) {
      throw a.error("category", who + ", action '" + code + "': no category; expected one of " + categories());
    }
    ActionCategory category = a.choice("category", ActionCategory.class, ActionCategory.SERVICE);
    String description = required(a, "description", who + ", action '" + code + "'", "what to do, in a sentence");
    String rationale = a.string("rationale", ruleRationale);
    if (rationale.isBlank()) {
      throw a.error("rationale", who + ", action '" + code + "': no rationale; give one on the action or the rule");
    }
    try {
      return new Action(code, category, description, priority, ruleId, rationale);
    } catch (IllegalArgumentException e) {
      throw a.error("code", who + ": " + e.getMessage());
    }
  }

  private static FeatureCondition feature(PluginConfig f, String who) {
    String name = required(f, "feature", who, "a feature name such as \"average_order_value\"");
    Feature<?> feature =
        Feature.lookup(name)
            .orElseThrow(() -> f.error("feature", who + " names feature '" + name + "', which is not declared; standard features: " + standardNames()));
    String symbol = required(f, "op", who, "one of >, >=, <, <=, =, !=");
    FeatureCondition.Operator op = FeatureCondition.Operator.ofSymbol(symbol);
    if (op == null) {
      throw f.error("op", who + ": operator \"" + symbol + "\" is not one of >, >=, <, <=, =, !=");
    }
    if (!f.has("value")) {
      throw f.error("value", who + ": the condition on '" + name + "' has no value to compare with");
    }
    boolean ifMissing = f.flag("ifMissing", false);
    switch (feature.kind()) {
      case NUMBER:
        return new FeatureCondition(name, op, f.number("value", 0), null, ifMissing);
      case TEXT:
        if (op != FeatureCondition.Operator.EQ && op != FeatureCondition.Operator.NE) {
          throw f.error("op", who + ": text feature '" + name + "' can only be compared with = or !=");
        }
        return new FeatureCondition(name, op, null, f.string("value", ""), ifMissing);
      default:
        throw f.error("feature", who + ": feature '" + name + "' holds dates; conditions work on numeric and text features");
    }
  }

  /** Reads {@code {"dim": "LABEL"}} or {@code {"dim": ["A", "B"]}}. */
  static Map<String, List<String>> labels(PluginConfig owner, String key) {
    PluginConfig s = owner.section(key);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : s.keys()) {
      Object raw = s.asMap().get(dim);
      List<String> labels = raw instanceof String ? List.of(s.string(dim, "")) : s.strings(dim, List.of());
      if (labels.isEmpty()) {
        throw s.error(dim, "expected at least one label of dimension '" + dim + "'");
      }
      out.put(dim, labels);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Checks that one action code belongs to one category across {@code rules} and the rules they
   * came with ({@code vocabulary}: a base playbook's rules, including any an extension removed or
   * overrode), and that every veto of {@code rules} names a code of the vocabulary.
   */
  static void checkActionCodes(List<ParsedRule> rules, List<ParsedRule> vocabulary) {
    Map<String, ActionCategory> categoryByCode = new HashMap<>();
    Map<String, String> firstRule = new HashMap<>();
    List<ParsedRule> all = new ArrayList<>(rules);
    all.addAll(vocabulary);
    for (ParsedRule r : all) {
      for (int i = 0; i < r.actions().size(); i++) {
        Action a = r.actions().get(i);
        ActionCategory before = categoryByCode.putIfAbsent(a.code(), a.category());
        firstRule.putIfAbsent(a.code(), r.id());
        if (before != null && before != a.category()) {
          throw r.section().error(
              "actions[" + i + "].category",
              "rule '" + r.id() + "': action '" + a.code() + "' is " + a.category()
                  + " here but " + before + " in rule '" + firstRule.get(a.code())
                  + "'; one code, one category (vetoes name codes)");
        }
      }
    }
    for (ParsedRule r : rules) {
      for (int i = 0; i < r.vetoes().size(); i++) {
        String code = r.vetoes().get(i);
        if (!categoryByCode.containsKey(code)) {
          throw r.section().error(
              "vetoes[" + i + "]",
              "rule '" + r.id() + "' vetoes action '" + code + "', which no rule produces"
                  + DidYouMean.suffix(code, categoryByCode.keySet()) + "; known codes: "
                  + new TreeSet<>(categoryByCode.keySet()));
        }
        for (Action a : r.actions()) {
          if (a.code().equals(code)) {
            throw r.section().error("vetoes[" + i + "]", "rule '" + r.id() + "' vetoes its own action '" + code + "'");
          }
        }
      }
    }
  }

  private static String required(PluginConfig c, String key, String who, String expected) {
    String v = c.string(key, "");
    if (v.isBlank()) {
      throw c.error(key, who + ": missing " + key + "; expected " + expected);
    }
    return v;
  }

  /** Runs a parse step, adding {@code who} to PluginConfig's own type errors, which name only the path. */
  private static <T> T inside(String who, Supplier<T> step) {
    try {
      return step.get();
    } catch (ConfigurationException e) {
      String message = String.valueOf(e.getMessage());
      String prefix = e.location().isEmpty() ? "" : e.location() + ": ";
      String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
      if (problem.contains(who)) {
        throw e;
      }
      throw new ConfigurationException(e.location(), who + ": " + problem, e);
    }
  }

  private static List<String> categories() {
    List<String> out = new ArrayList<>();
    for (ActionCategory c : ActionCategory.values()) {
      out.add(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
    return out;
  }

  private static List<String> standardNames() {
    return org.clientele.api.StandardFeatures.all().stream().map(Feature::name).toList();
  }
}
