package org.clientele.playbook;

import static org.clientele.playbook.PlaybookBinder.ids;
import static org.clientele.playbook.PlaybookBinder.positionOf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.spi.DidYouMean;
import org.clientele.api.spi.PluginConfig;
import org.clientele.playbook.Playbook.CoverageMode;
import org.clientele.playbook.PlaybookParser.Origin;
import org.clientele.playbook.PlaybookParser.ParsedRule;
import org.clientele.playbook.PlaybookParser.ParsedSegment;

/**
 * Loads a playbook: chooses where the rules come from (inline, a {@code file}, or the default
 * resource, each read through the {@link PluginConfig} the engine hands over and so by the engine's
 * JSON reader), merges an extension into the default playbook and the plugin rules of the
 * configured dimensions ({@link PluginRules}), checks the documents for unknown keys, parses them
 * ({@link PlaybookParser}), binds them ({@link PlaybookBinder}), compiles the {@link
 * DecisionTable}, and checks coverage.
 */
final class PlaybookLoader {

  /** The keys of a playbook (a file, the default resource, or inline beside the strategy's own keys). */
  private static final Set<String> FILE_KEYS =
      Set.of("description", "extends", "optional", "labels", "segments", "rules", "override", "remove");
  /** The keys of a plugin's rules file. */

  private static final Set<String> PLUGIN_KEYS = Set.of("description", "dimension", "optional", "labels", "segments", "rules");
  /** The only playbook {@code extends} can name. */
  static final String DEFAULT = "default";

  private PlaybookLoader() {}

  static Playbook load(PluginConfig config, List<Dimension> dimensions) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dimensions, "dimensions");
    List<Dimension> dims = List.copyOf(dimensions);
    Map<String, String> aliases = config.textMap("dimensions");
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      if (positionOf(dims, e.getValue()) < 0) {
        throw config.error(
            "dimensions." + e.getKey(),
            "maps '" + e.getKey() + "' to dimension '" + e.getValue() + "', which is not configured; configured: " + ids(dims)
                + DidYouMean.suffix(e.getValue(), ids(dims)));
      }
    }
    CoverageMode mode = config.choice("coverage", CoverageMode.class, CoverageMode.WARN);
    boolean inline = false;
    for (String key : FILE_KEYS) {
      inline |= !key.equals("description") && config.has(key);
    }

    Playbook playbook;
    if (config.has("file")) {
      if (inline) {
        throw config.error("file", "give the playbook either inline (rules, segments, extends...) or in a file, not both");
      }
      // Read by the engine's reader: the limits and duplicate-key check of configuration files.
      PluginConfig fromFile = config.file("file").orElseThrow();
      // Embedded in a saved model, the file's content sits at $.strategy.file of the model.
      String source = fromFile.path().equals("$") ? fromFile.source() : fromFile.source() + " " + fromFile.path();
      playbook = build(fromFile, dims, aliases, true, source);
    } else if (inline) {
      playbook = build(config, dims, aliases, false, config.source() + " " + config.path());
    } else {
      playbook = defaults(config, dims, aliases);
    }
    // Rules skipped on an optional dimension and plugin rules of absent dimensions are what the
    // authors asked for: routine, so not logged. Playbook.diagnostics() lists every one (for a host:
    // Engine.strategyDiagnostics(), the starter's health details). Logging them, even at DEBUG,
    // started the logging backend in every build of the default configuration: about a sixth of
    // a cold engine build (docs/benchmarks.md).
    if (mode != CoverageMode.OFF) {
      CoverageReport report = playbook.coverage();
      if (!report.isClean()) {
        if (mode == CoverageMode.FAIL) {
          throw config.error("coverage", "the playbook " + playbook.source() + " has coverage findings (set \"coverage\": \"warn\" to allow them):\n" + report.toText(20));
        }
        // Not logged here: the engine logs a strategy's warnings() once when it is built, and a
        // run validates (creating its playbook) before it builds.
        return playbook.withCoverageFindings(
            report, "Playbook " + playbook.source() + ": " + report.toText(20) + "\n  " + coverageHint(playbook));
      }
    }
    return playbook;
  }

  /**
   * What to do about coverage findings. Gaps left by rules dropped for a dimension this run does
   * not have (a customers-only export leaves value out) close when the dimension is back; the
   * others need a rule.
   */
  static String coverageHint(Playbook playbook) {
    String off = "or set \"coverage\": \"off\" in the strategy section to skip this check";
    if (!playbook.absentDimensions.isEmpty()) {
      return "(the rules on " + (playbook.absentDimensions.size() == 1 ? "dimension " : "dimensions ")
          + playbook.absentDimensions + " were dropped: not in this run, so these gaps are theirs; configure "
          + (playbook.absentDimensions.size() == 1 ? "it" : "them") + " and give the input "
          + (playbook.absentDimensions.size() == 1 ? "it reads" : "they read") + ", add rules for the dimensions of this"
          + " run, " + off + ")";
    }
    return "(each zone lists label combinations that get no action in that category: add a rule that covers them, "
        + off + ")";
  }

  static Playbook defaults(PluginConfig config, List<Dimension> dims, Map<String, String> aliases) {
    Base base = base(config, dims, aliases);
    return compile(base.segments(), base.rules(), dims, aliases, base.diagnostics(), base.warnings(), "default playbook", true);
  }

  /**
   * The default playbook with the plugin rules of the configured dimensions, unbound; its warnings
   * are among its diagnostics too.
   */
  private record Base(
      List<ParsedSegment> segments, List<ParsedRule> rules, List<String> diagnostics, List<String> warnings) {}

  private static Base base(PluginConfig config, List<Dimension> dims, Map<String, String> aliases) {
    PluginConfig resource;
    try (InputStream in = Playbook.class.getResourceAsStream(Playbook.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ConfigurationException(Playbook.DEFAULT_RESOURCE, "the resource is missing from the jar");
      }
      resource = config.json(Playbook.DEFAULT_RESOURCE, in);
    } catch (IOException e) {
      throw new ConfigurationException(Playbook.DEFAULT_RESOURCE, "cannot read the default playbook: " + e.getMessage(), e);
    }
    checkKeys(resource, FILE_KEYS, "a playbook file");
    resource.has("description");
    Origin origin = Origin.read(resource, "Default playbook");
    List<ParsedSegment> segments = new ArrayList<>(PlaybookParser.segments(resource, Map.of()));
    List<ParsedRule> rules = new ArrayList<>(PlaybookParser.rules(resource, "rules", origin, PlaybookParser.byId(segments)));
    rejectUnread(resource, Playbook.DEFAULT_RESOURCE);

    List<String> diagnostics = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, String> firstSource = new HashMap<>();
    for (PluginConfig plugin : PluginRules.find(config)) {
      String dimension = PluginRules.dimension(plugin);
      String earlier = firstSource.putIfAbsent(dimension, plugin.source());
      if (earlier != null) {
        // Two jars with rules for one dimension: both apply (a repeated rule id fails below), but
        // a copy of the same plugin twice on the class path, or two plugins of one dimension, is
        // rarely what the host meant.
        String note = "Plugin rules " + plugin.source() + " are about dimension '" + dimension + "', as are " + earlier
            + ": the rules of both apply; remove one of the jars if one dimension should have one rule set";
        diagnostics.add(note);
        warnings.add(note);
      }
      if (position(dims, aliases, dimension) < 0) {
        // Not parsed: a host without the plugin's dimension does not depend on its rules.
        diagnostics.add("Plugin rules " + plugin.source() + " skipped: they are about dimension '" + dimension
            + "', which is not configured " + ids(dims));
        continue;
      }
      checkKeys(plugin, PLUGIN_KEYS, "a plugin's rules file");
      plugin.has("description");
      Origin own = Origin.read(plugin, "Plugin rules " + plugin.source());
      segments.addAll(PlaybookParser.segments(plugin, PlaybookParser.byId(segments)));
      List<ParsedRule> added = PlaybookParser.rules(plugin, "rules", own, PlaybookParser.byId(segments));
      if (added.isEmpty()) {
        throw plugin.error("rules", "plugin rules for dimension '" + dimension + "' hold no rule; add at least one");
      }
      for (ParsedRule r : added) {
        ParsedRule before = find(rules, r.id());
        if (before != null) {
          throw r.section().error("id", "rule '" + r.id() + "' is already defined by " + before.origin().name()
              + "; give plugin rules ids of their own, for example prefixed with the dimension (\"" + dimension + "-...\")");
        }
      }
      rules.addAll(added);
      rejectUnread(plugin, plugin.source());
      diagnostics.add("Plugin rules " + plugin.source() + " for dimension '" + dimension + "' added "
          + added.stream().map(ParsedRule::id).toList());
    }
    PlaybookParser.checkActionCodes(rules, List.of());
    return new Base(List.copyOf(segments), List.copyOf(rules), diagnostics, warnings);
  }

  /** A user's playbook (a file, or inline): replaces the default, or extends it. */
  private static Playbook build(
      PluginConfig config, List<Dimension> dims, Map<String, String> aliases, boolean ownFile, String source) {
    if (ownFile) {
      // A file of our own: nobody else checks it for typos.
      checkKeys(config, FILE_KEYS, "a playbook file");
      config.has("description");
    }
    String base = config.string("extends", "");
    Origin origin = Origin.read(config, "Playbook " + source);
    List<ParsedSegment> segments;
    List<ParsedRule> rules;
    List<String> diagnostics = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (base.isEmpty()) {
      for (String key : List.of("override", "remove")) {
        if (config.has(key)) {
          throw config.error(key, "\"" + key + "\" changes the playbook this one extends; add \"extends\": \"default\", or drop \"" + key + "\"");
        }
      }
      segments = PlaybookParser.segments(config, Map.of());
      rules = PlaybookParser.rules(config, "rules", origin, PlaybookParser.byId(segments));
      if (rules.isEmpty()) {
        throw config.error("rules", "a playbook needs at least one rule (or \"extends\": \"default\" to start from the default playbook)");
      }
      PlaybookParser.checkActionCodes(rules, List.of());
      for (PluginConfig plugin : PluginRules.find(config)) {
        String dimension = PluginRules.dimension(plugin);
        if (position(dims, aliases, dimension) >= 0) {
          String note = "Plugin rules " + plugin.source() + " for dimension '" + dimension + "' not applied: the playbook "
              + source + " replaces the default playbook; add \"extends\": \"default\" to use them";
          diagnostics.add(note);
          warnings.add(note);
        }
      }
    } else {
      if (!base.equals(DEFAULT)) {
        throw config.error("extends", "extends '" + base + "'; the playbook to extend is \"default\" (the shipped playbook with the"
            + " plugin rules of the configured dimensions)");
      }
      Base defaults = base(config, dims, aliases);
      diagnostics.addAll(defaults.diagnostics());
      warnings.addAll(defaults.warnings());
      List<ParsedSegment> all = new ArrayList<>(defaults.segments());
      all.addAll(PlaybookParser.segments(config, PlaybookParser.byId(defaults.segments())));
      segments = all;
      rules = extend(config, origin, defaults.rules(), PlaybookParser.byId(all), diagnostics, source);
    }
    if (ownFile) {
      rejectUnread(config, source);
    }
    return compile(segments, rules, dims, aliases, diagnostics, warnings, source, false);
  }

  /** Applies {@code remove}, {@code override} and {@code rules}, in that order, to the base rules. */
  private static List<ParsedRule> extend(
      PluginConfig config, Origin origin, List<ParsedRule> base, Map<String, ParsedSegment> segments,
      List<String> diagnostics, String source) {
    List<String> baseIds = base.stream().map(ParsedRule::id).toList();
    List<ParsedRule> merged = new ArrayList<>(base);
    List<String> remove = config.strings("remove", List.of());
    Set<String> removed = new HashSet<>();
    for (int i = 0; i < remove.size(); i++) {
      String id = remove.get(i);
      if (!removed.add(id)) {
        throw config.error("remove[" + i + "]", "rule '" + id + "' is listed twice");
      }
      ParsedRule r = find(merged, id);
      if (r == null) {
        throw config.error("remove[" + i + "]", "removes rule '" + id + "', which the default playbook does not have"
            + DidYouMean.suffix(id, baseIds) + "; its rules: " + baseIds);
      }
      merged.remove(r);
    }
    List<ParsedRule> overrides = PlaybookParser.rules(config, "override", origin, segments);
    for (ParsedRule r : overrides) {
      if (removed.contains(r.id())) {
        throw r.section().error("id", "rule '" + r.id() + "' is both removed and overridden; keep one");
      }
      ParsedRule before = find(merged, r.id());
      if (before == null) {
        throw r.section().error("id", "overrides rule '" + r.id() + "', which the default playbook does not have"
            + DidYouMean.suffix(r.id(), baseIds) + "; to add a new rule, put it under \"rules\"");
      }
      // In place: the overriding rule keeps the position that settles ties at equal priority.
      merged.set(merged.indexOf(before), r);
    }
    List<ParsedRule> added = PlaybookParser.rules(config, "rules", origin, segments);
    for (ParsedRule r : added) {
      ParsedRule before = find(base, r.id());
      if (before != null) {
        throw r.section().error("id", "rule '" + r.id() + "' is already in the default playbook (" + before.origin().name()
            + "); to replace it, put it under \"override\"; to add a rule beside it, give it another id");
      }
      if (find(overrides, r.id()) != null) {
        throw r.section().error("id", "rule '" + r.id() + "' is defined twice; rule ids must be unique");
      }
      merged.add(r);
    }
    PlaybookParser.checkActionCodes(merged, base);
    diagnostics.add("Playbook " + source + " extends the default playbook: added " + added.stream().map(ParsedRule::id).toList()
        + ", overridden " + overrides.stream().map(ParsedRule::id).toList() + ", removed " + remove);
    return merged;
  }

  private static Playbook compile(
      List<ParsedSegment> segments, List<ParsedRule> rules, List<Dimension> dims, Map<String, String> aliases,
      List<String> diagnostics, List<String> warnings, String source, boolean isDefault) {
    PlaybookBinder binder = new PlaybookBinder(dims, aliases);
    Map<String, ParsedSegment> byId = PlaybookParser.byId(segments);
    List<CompiledRule> compiled = new ArrayList<>();
    for (ParsedRule r : rules) {
      CompiledRule c = binder.bind(r, compiled.size(), byId);
      if (c != null) {
        compiled.add(c);
      }
    }
    if (compiled.isEmpty()) {
      throw new ConfigurationException(
          source, "no rule of the playbook applies to the configured dimensions " + ids(dims));
    }
    List<String> all = new ArrayList<>(diagnostics);
    all.addAll(binder.diagnostics);
    List<CrossSegment> crossSegments = new ArrayList<>(segments.size());
    for (ParsedSegment s : segments) {
      crossSegments.add(s.segment());
    }
    return new Playbook(source, isDefault, dims, crossSegments, new DecisionTable(compiled, dims), all, warnings, binder.absent);
  }

  private static int position(List<Dimension> dims, Map<String, String> aliases, String playbookDimension) {
    return positionOf(dims, aliases.getOrDefault(playbookDimension, playbookDimension));
  }

  private static @org.jspecify.annotations.Nullable ParsedRule find(List<ParsedRule> rules, String id) {
    for (ParsedRule r : rules) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  private static void checkKeys(PluginConfig config, Set<String> keys, String what) {
    for (String key : config.keys()) {
      if (!keys.contains(key)) {
        throw config.error(key, "unknown key" + DidYouMean.suffix(key, keys) + "; " + what + " holds " + new TreeSet<>(keys));
      }
    }
  }

  private static void rejectUnread(PluginConfig config, String source) {
    Set<String> unread = config.unreadKeys();
    if (!unread.isEmpty()) {
      throw new ConfigurationException(source, "unknown keys (typos?): " + unread);
    }
  }
}
