package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.spi.DidYouMean;
import org.clientele.api.spi.PluginConfig;
import org.clientele.playbook.PlaybookParser.Origin;
import org.clientele.playbook.PlaybookParser.ParsedRule;
import org.clientele.playbook.PlaybookParser.ParsedSegment;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parsed playbook to the engine's dimensions: resolves each rule's dimension ids (through
 * the {@code dimensions} aliases) and labels to positions and masks, giving {@link CompiledRule}s.
 * Strict unless the rule's author declared otherwise ({@link Origin}): a dimension that is not
 * configured is an error unless it is {@code optional} (then the rule is skipped, or its {@code
 * unless} condition holds, with a diagnostic); a label the configured dimension lacks is an error
 * unless the author listed it under {@code labels} (then it is ignored, with a diagnostic).
 */
final class PlaybookBinder {
  private final List<Dimension> dims;
  private final Map<String, String> aliases;
  final List<String> diagnostics = new ArrayList<>();
  /** Dimensions not configured whose competing rules were dropped, for the coverage warning's hint. */
  final java.util.Set<String> absent = new java.util.TreeSet<>();

  PlaybookBinder(List<Dimension> dims, Map<String, String> aliases) {
    this.dims = dims;
    this.aliases = aliases;
  }

  /** Binds one rule, or returns null (with a diagnostic) when its author let it be skipped. */
  @Nullable CompiledRule bind(ParsedRule r, int order, Map<String, ParsedSegment> segments) {
    String who = "rule '" + r.id() + "'";
    Origin origin = r.origin();
    ParsedSegment segment = r.segment().isEmpty() ? null : segments.get(r.segment());
    PluginConfig segmentSection = segment == null ? null : segment.section();
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
        if (origin.optional().contains(dim)) {
          diagnostics.add(origin.name() + ": " + who + " dropped: dimension '" + dim + "' is not configured " + ids(dims));
          if (r.combine() != Rule.Combine.ALSO) {
            absent.add(dim); // an additive rule adds beside a winner: without it, no zone goes empty
          }
          return null;
        }
        throw where.error(dim, whoHere + " names dimension '" + dim + "', which is not configured; configured: " + ids(dims)
            + DidYouMean.suffix(dim, ids(dims)) + missingHint(dim));
      }
      Dimension d = dims.get(position);
      boolean[] mask = new boolean[d.size()];
      Labels labels = labels(d, dim, e.getValue(), where, origin, who, whoHere);
      boolean unc = labels.unclassified();
      List<String> kept = labels.kept();
      for (int index : labels.indexes()) {
        mask[index] = true;
      }
      if (kept.isEmpty()) {
        diagnostics.add(origin.name() + ": " + who + " dropped: none of its labels " + e.getValue() + " is a label of dimension '" + d.id() + "' " + d.labels());
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
        if (origin.optional().contains(dim)) {
          // Nobody can carry a label of a dimension that is not configured: the exclusion always holds.
          diagnostics.add(origin.name() + ": " + who + ": condition unless " + dim + " ignored: dimension '" + dim + "' is not configured " + ids(dims));
          continue;
        }
        throw where.error(dim, who + " names dimension '" + dim + "', which is not configured; configured: " + ids(dims)
            + DidYouMean.suffix(dim, ids(dims)) + missingHint(dim));
      }
      Dimension d = dims.get(position);
      boolean[] mask = allowed.get(position);
      if (mask == null) {
        mask = new boolean[d.size()];
        Arrays.fill(mask, true);
        allowed.put(position, mask);
        unclassified.put(position, false);
      }
      Labels labels = labels(d, dim, e.getValue(), where, origin, who, who);
      if (labels.unclassified()) {
        unclassified.put(position, false);
      }
      List<String> kept = labels.kept();
      for (int index : labels.indexes()) {
        mask[index] = false;
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
      rule = new Rule(r.id(), r.description(), r.segment(), when, unless, r.features(), r.priority(), r.combine(), r.actions(), r.vetoes(), r.basis());
    } catch (IllegalArgumentException e) {
      throw r.section().error("id", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    int[] positions = new int[allowed.size()];
    int next = 0;
    for (int position : allowed.keySet()) {
      positions[next++] = position;
    }
    boolean[][] masks = allowed.values().toArray(new boolean[0][]);
    boolean[] unc = new boolean[positions.length];
    for (int i = 0; i < positions.length; i++) {
      unc[i] = Objects.requireNonNull(unclassified.get(positions[i]), "allowed and unclassified share their keys");
    }
    return new CompiledRule(rule, order, positions, masks, unc, tests.toArray(new CompiledRule.FeatureTest[0]));
  }

  /** A condition's labels resolved on a dimension: the names kept, their indexes, and UNCLASSIFIED. */
  private record Labels(List<String> kept, int[] indexes, boolean unclassified) {}

  /**
   * Resolves a condition's label names ({@code key} is the dimension as the playbook names it). An
   * unknown label is an error naming the rule ({@code whoHere}), unless the rule's author declared
   * it among the dimension's {@code labels}: then it is dropped with a diagnostic ({@code who}).
   */
  private Labels labels(
      Dimension d, String key, List<String> names, PluginConfig where, Origin origin, String who, String whoHere) {
    List<String> declared = origin.labels().getOrDefault(key, List.of());
    List<String> kept = new ArrayList<>();
    int[] indexes = new int[names.size()];
    int n = 0;
    boolean unclassified = false;
    for (String label : names) {
      if (label.equals(Dimension.UNCLASSIFIED)) {
        unclassified = true;
        kept.add(label);
        continue;
      }
      int index = d.indexOf(label);
      if (index < 0) {
        if (declared.contains(label)) {
          diagnostics.add(origin.name() + ": " + who + ": label '" + label + "' is not a label of dimension '" + d.id() + "' " + d.labels() + "; ignored");
          continue;
        }
        throw where.error(key, whoHere + " names label '" + label + "', which is not a label of dimension '" + d.id() + "'; its labels: " + d.labels()
            + DidYouMean.suffix(label, union(d.labels(), declared))
            + (declared.isEmpty() ? "" : "; the playbook's \"labels\" for '" + key + "' are " + declared));
      }
      indexes[n++] = index;
      kept.add(label);
    }
    return new Labels(kept, Arrays.copyOf(indexes, n), unclassified);
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private int position(String playbookDimension) {
    return positionOf(dims, aliases.getOrDefault(playbookDimension, playbookDimension));
  }

  static int positionOf(List<Dimension> dims, String id) {
    for (int i = 0; i < dims.size(); i++) {
      if (dims.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  static List<String> ids(List<Dimension> dims) {
    List<String> ids = new ArrayList<>(dims.size());
    for (Dimension d : dims) {
      ids.add(d.id());
    }
    return Collections.unmodifiableList(ids);
  }

  private String missingHint(String dim) {
    String map = dims.isEmpty()
        ? ""
        : "; configure it under $.dimensions, or map it to a configured id with $.strategy.dimensions, for example {\""
            + dim + "\": \"" + dims.get(0).id() + "\"}";
    return map + "; or, if hosts may run without it, list it under the playbook's \"optional\": [\"" + dim
        + "\"] to skip the rules that need it";
  }
}
