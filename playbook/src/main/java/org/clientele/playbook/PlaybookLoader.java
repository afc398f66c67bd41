package org.clientele.playbook;

import static org.clientele.playbook.PlaybookBinder.ids;
import static org.clientele.playbook.PlaybookBinder.positionOf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.spi.PluginConfig;
import org.clientele.playbook.Playbook.CoverageMode;
import org.clientele.playbook.PlaybookParser.Definition;
import org.clientele.playbook.PlaybookParser.ParsedRule;
import org.clientele.playbook.PlaybookParser.ParsedSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a playbook: chooses where the rules come from (inline, a {@code file}, or the default
 * resource, each read through the {@link PluginConfig} the engine hands over and so by the engine's
 * JSON reader), checks the document for unknown keys, parses it ({@link PlaybookParser}), binds it
 * ({@link PlaybookBinder}), compiles the {@link DecisionTable}, and checks coverage.
 */
final class PlaybookLoader {

  private static final Logger LOG = LoggerFactory.getLogger(Playbook.class);
  private static final Set<String> FILE_KEYS = Set.of("description", "segments", "rules");

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
            "maps '" + e.getKey() + "' to dimension '" + e.getValue() + "', which is not configured; configured: " + ids(dims));
      }
    }
    CoverageMode mode = config.choice("coverage", CoverageMode.class, CoverageMode.WARN);
    boolean inline = config.has("rules") | config.has("segments");

    Playbook playbook;
    if (config.has("file")) {
      if (inline) {
        throw config.error("file", "give the rules either inline (rules, segments) or in a file, not both");
      }
      // Read by the engine's reader: the limits and duplicate-key check of configuration files.
      PluginConfig fromFile = config.file("file").orElseThrow();
      playbook = build(fromFile, dims, aliases, false, true, fromFile.source());
    } else if (inline) {
      playbook = build(config, dims, aliases, false, false, config.source() + " " + config.path());
    } else {
      playbook = defaults(config, dims, aliases);
    }
    // The default playbook drops rules for dimensions an engine does not configure by design: that
    // is routine, so it is logged at DEBUG; Playbook.diagnostics() still lists every one.
    playbook.diagnostics().forEach(d -> {
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
          throw config.error("coverage", "the playbook " + playbook.source() + " has coverage findings (set \"coverage\": \"warn\" to allow them):\n" + report.toText(20));
        }
        LOG.warn("Playbook {}: {}", playbook.source(), report.toText(20));
        return playbook.withCoverageFindings(report);
      }
    }
    return playbook;
  }

  static Playbook defaults(PluginConfig config, List<Dimension> dims, Map<String, String> aliases) {
    PluginConfig resource;
    try (InputStream in = Playbook.class.getResourceAsStream(Playbook.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ConfigurationException(Playbook.DEFAULT_RESOURCE, "the resource is missing from the jar");
      }
      resource = config.json(Playbook.DEFAULT_RESOURCE, in);
    } catch (IOException e) {
      throw new ConfigurationException(Playbook.DEFAULT_RESOURCE, "cannot read the default playbook: " + e.getMessage(), e);
    }
    return build(resource, dims, aliases, true, true, "default playbook");
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
    PlaybookBinder binder = new PlaybookBinder(dims, aliases, lenient);
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
    return new Playbook(source, lenient, dims, segments, new DecisionTable(compiled, dims), binder.diagnostics);
  }
}
