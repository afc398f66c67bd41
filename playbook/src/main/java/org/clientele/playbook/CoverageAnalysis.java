package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.ActionCategory;
import org.clientele.api.Dimension;
import org.clientele.playbook.DecisionTable.Entry;

/**
 * Enumerates the label combinations a playbook's rules tell apart and checks, per category, that
 * each gets an action (dead zones) and that each rule wins somewhere (shadowing).
 *
 * <p>Only dimensions some rule names are enumerated, and labels that every rule treats alike are
 * one class, so the work is the product of class counts, not of label counts. Rules with feature
 * conditions may or may not match: they never cover a combination and never shadow another rule,
 * but can themselves be shadowed. A veto by such a rule is assumed possible.
 *
 * <p>When some rule has a {@link Rule.Basis}, every combination is looked at twice: with every
 * label measured and with every label decided for lack of data. A rule wins if it wins in either;
 * dead zones are those of the measured labels (the fallback labels' plans are not checked for
 * gaps).
 */
final class CoverageAnalysis {

  /** Above this many classes combinations, the analysis is skipped and says so. */
  static final long LIMIT = 250_000;

  private CoverageAnalysis() {}

  static CoverageReport analyse(Playbook playbook) {
    List<Dimension> dims = playbook.dimensions();
    CompiledRule[] rules = playbook.table.compiled;
    // The dimensions that competing rules or vetoes read are enumerated; those read only by additive
    // rules without vetoes (industry, purchase_pattern, needs, channel: "combine": "also") are not,
    // or the twelve dimensions of the demo would make millions of classes. Such a rule may match
    // anywhere but is never counted as covering a combination: a dead zone it might fill is still
    // reported, and a veto is always placed exactly.
    boolean[] referenced = new boolean[dims.size()];
    for (CompiledRule r : rules) {
      if (r.rule.additive() && r.rule.vetoes().isEmpty()) {
        continue;
      }
      for (int p : r.positions) {
        referenced[p] = true;
      }
    }
    List<Integer> positions = new ArrayList<>();
    List<List<int[]>> classes = new ArrayList<>();
    long combinations = 1;
    long cells = 1;
    for (int p = 0; p < dims.size(); p++) {
      if (!referenced[p]) {
        continue;
      }
      positions.add(p);
      List<int[]> c = labelClasses(p, dims.get(p), rules);
      classes.add(c);
      combinations = saturatedTimes(combinations, dims.get(p).size());
      cells = saturatedTimes(cells, c.size());
    }
    List<String> ids = new ArrayList<>(positions.size());
    for (int p : positions) {
      ids.add(dims.get(p).id());
    }
    if (cells > LIMIT) {
      return new CoverageReport(
          ids, combinations, List.of(), List.of(),
          "the rules distinguish " + cells + " classes of label combinations over " + ids
              + ", more than the " + LIMIT + " analysed");
    }

    int n = positions.size();
    int categories = ActionCategory.values().length;
    List<List<int[]>> dead = new ArrayList<>();
    boolean[][] wins = new boolean[categories][];
    List<List<Set<String>>> blockers = new ArrayList<>();
    // Additive rules: whether each adds an action somewhere, and otherwise who vetoes it.
    boolean[][] adds = new boolean[categories][];
    List<List<Set<String>>> alsoBlockers = new ArrayList<>();
    for (int c = 0; c < categories; c++) {
      dead.add(new ArrayList<>());
      int entries = playbook.table.byCategory[c].length;
      wins[c] = new boolean[entries];
      blockers.add(sets(entries));
      adds[c] = new boolean[playbook.table.alsoByCategory[c].length];
      alsoBlockers.add(sets(adds[c].length));
    }

    int[] cell = new int[n];
    int[] labels = new int[dims.size()];
    boolean[] possible = new boolean[rules.length];
    boolean[] certain = new boolean[rules.length];
    // What does not change from one combination to the next, worked out once (every engine build
    // runs this loop in the interpreter): whether each rule's basis admits the world's labels, and
    // whether a match is certain (no feature condition, only enumerated dimensions read).
    int worlds = 1;
    boolean[][] basisAdmits = new boolean[2][rules.length];
    boolean[] definite = new boolean[rules.length];
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].rule.basis() != Rule.Basis.ANY) {
        worlds = 2;
      }
      basisAdmits[0][r] = rules[r].basisMatches(false);
      basisAdmits[1][r] = rules[r].basisMatches(rules[r].positions.length > 0);
      definite[r] = !rules[r].conditional() && rules[r].readsOnly(referenced);
    }
    for (long i = 0; i < cells; i++) {
      for (int d = 0; d < n; d++) {
        labels[positions.get(d)] = classes.get(d).get(cell[d])[0];
      }
      for (int world = 0; world < worlds; world++) {
        boolean fallback = world == 1;
        for (int r = 0; r < rules.length; r++) {
          possible[r] = basisAdmits[world][r] && rules[r].labelsMatch(labels, referenced);
          certain[r] = possible[r] && definite[r];
        }
        for (int c = 0; c < categories; c++) {
          Entry[] entries = playbook.table.byCategory[c];
          boolean covered = false;
          String blocker = null;
          for (int k = 0; k < entries.length; k++) {
            Entry e = entries[k];
            int order = e.rule.order;
            if (possible[order]) {
              if (blocker != null) {
                blockers.get(c).get(k).add(blocker);
              } else if (allCertainlyVetoed(e, certain)) {
                vetoersOf(e, certain, blockers.get(c).get(k));
              } else {
                wins[c][k] = true;
              }
            }
            if (blocker == null && certain[order] && hasSafeAction(e, possible)) {
              blocker = e.rule.id();
              covered = true;
            }
          }
          Entry[] also = playbook.table.alsoByCategory[c];
          for (int k = 0; k < also.length; k++) {
            Entry e = also[k];
            if (!possible[e.rule.order]) {
              continue;
            }
            if (allCertainlyVetoed(e, certain)) {
              vetoersOf(e, certain, alsoBlockers.get(c).get(k));
            } else {
              adds[c][k] = true;
            }
            covered |= certain[e.rule.order] && hasSafeAction(e, possible);
          }
          if (!covered && !fallback) {
            dead.get(c).add(cell.clone());
          }
        }
      }
      for (int d = n - 1; d >= 0; d--) {
        if (++cell[d] < classes.get(d).size()) {
          break;
        }
        cell[d] = 0;
      }
    }

    List<CoverageReport.DeadZone> deadZones = new ArrayList<>();
    List<CoverageReport.ShadowedRule> shadowed = new ArrayList<>();
    for (ActionCategory category : ActionCategory.values()) {
      int c = category.ordinal();
      for (boolean[][] zone : merge(dead.get(c), classes)) {
        deadZones.add(zone(category, zone, classes, positions, dims));
      }
      Entry[] entries = playbook.table.byCategory[c];
      for (int k = 0; k < entries.length; k++) {
        if (wins[c][k]) {
          continue;
        }
        String id = entries[k].rule.id();
        List<String> by = List.copyOf(blockers.get(c).get(k));
        String reason =
            by.isEmpty()
                ? "its label conditions match no combination of labels"
                : "wherever it matches, " + String.join(", ", by.stream().map(b -> "'" + b + "'").toList())
                    + (by.size() == 1 ? " always wins or vetoes it" : " always win or veto it");
        shadowed.add(new CoverageReport.ShadowedRule(id, category, by, reason));
      }
      Entry[] also = playbook.table.alsoByCategory[c];
      for (int k = 0; k < also.length; k++) {
        if (adds[c][k]) {
          continue;
        }
        List<String> by = List.copyOf(alsoBlockers.get(c).get(k));
        String reason =
            by.isEmpty()
                ? "its label conditions match no combination of labels"
                : "it adds its actions beside the winner, but wherever it matches "
                    + String.join(", ", by.stream().map(b -> "'" + b + "'").toList()) + " veto them";
        shadowed.add(new CoverageReport.ShadowedRule(also[k].rule.id(), category, by, reason));
      }
    }
    return new CoverageReport(ids, combinations, deadZones, shadowed, "");
  }

  private static List<Set<String>> sets(int n) {
    List<Set<String>> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(new LinkedHashSet<>());
    }
    return out;
  }

  private static void vetoersOf(Entry e, boolean[] certain, Set<String> into) {
    for (CompiledRule[] vs : e.vetoers) {
      for (CompiledRule v : vs) {
        if (certain[v.order]) {
          into.add(v.id());
        }
      }
    }
  }

  /** Groups a dimension's labels by how every rule's condition on it treats them. */
  private static List<int[]> labelClasses(int position, Dimension dim, CompiledRule[] rules) {
    Map<String, List<Integer>> bySignature = new LinkedHashMap<>();
    for (int label = 0; label < dim.size(); label++) {
      StringBuilder signature = new StringBuilder();
      for (CompiledRule r : rules) {
        for (int i = 0; i < r.positions.length; i++) {
          if (r.positions[i] == position) {
            signature.append(r.allowed[i][label] ? '1' : '0');
          }
        }
      }
      bySignature.computeIfAbsent(signature.toString(), k -> new ArrayList<>()).add(label);
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> labels : bySignature.values()) {
      int[] members = new int[labels.size()];
      for (int k = 0; k < members.length; k++) {
        members[k] = labels.get(k);
      }
      out.add(members);
    }
    return out;
  }

  /** True if some action of the entry has no vetoer that may match. */
  private static boolean hasSafeAction(Entry e, boolean[] possible) {
    for (CompiledRule[] vs : e.vetoers) {
      boolean safe = true;
      for (CompiledRule v : vs) {
        if (possible[v.order]) {
          safe = false;
          break;
        }
      }
      if (safe) {
        return true;
      }
    }
    return false;
  }

  private static boolean allCertainlyVetoed(Entry e, boolean[] certain) {
    for (CompiledRule[] vs : e.vetoers) {
      boolean vetoed = false;
      for (CompiledRule v : vs) {
        if (certain[v.order]) {
          vetoed = true;
          break;
        }
      }
      if (!vetoed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Merges dead cells into boxes: cells that differ on one dimension only become one zone listing
   * all their labels there. Applied dimension by dimension, last first.
   */
  private static List<boolean[][]> merge(List<int[]> cells, List<List<int[]>> classes) {
    int n = classes.size();
    List<boolean[][]> zones = new ArrayList<>();
    for (int[] cell : cells) {
      boolean[][] z = new boolean[n][];
      for (int d = 0; d < n; d++) {
        z[d] = new boolean[classes.get(d).size()];
        z[d][cell[d]] = true;
      }
      zones.add(z);
    }
    for (int d = n - 1; d >= 0; d--) {
      Map<String, boolean[][]> byRest = new LinkedHashMap<>();
      for (boolean[][] z : zones) {
        StringBuilder key = new StringBuilder();
        for (int o = 0; o < n; o++) {
          if (o != d) {
            key.append(Arrays.toString(z[o])).append('/');
          }
        }
        boolean[][] into = byRest.get(key.toString());
        if (into == null) {
          byRest.put(key.toString(), z);
        } else {
          for (int k = 0; k < z[d].length; k++) {
            into[d][k] |= z[d][k];
          }
        }
      }
      zones = new ArrayList<>(byRest.values());
    }
    return zones;
  }

  private static CoverageReport.DeadZone zone(
      ActionCategory category, boolean[][] zone, List<List<int[]>> classes, List<Integer> positions, List<Dimension> dims) {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    long combinations = 1;
    for (int d = 0; d < zone.length; d++) {
      Dimension dim = dims.get(positions.get(d));
      List<String> names = new ArrayList<>();
      for (int k = 0; k < zone[d].length; k++) {
        if (zone[d][k]) {
          for (int label : classes.get(d).get(k)) {
            names.add(dim.label(label));
          }
        }
      }
      combinations *= names.size();
      if (names.size() < dim.size()) {
        // Sorted in the dimension's own order, so zones read like the dimension.
        names.sort((a, b) -> Integer.compare(dim.indexOf(a), dim.indexOf(b)));
        labels.put(dim.id(), names);
      } else {
        labels.remove(dim.id());
      }
    }
    return new CoverageReport.DeadZone(category, labels, combinations);
  }

  private static long saturatedTimes(long a, long b) {
    long r = a * b;
    return (a != 0 && r / a != b) || r < 0 ? Long.MAX_VALUE : r;
  }
}
