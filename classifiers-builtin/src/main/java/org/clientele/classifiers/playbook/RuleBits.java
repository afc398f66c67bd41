package org.clientele.classifiers.playbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * The playbook's decisions as bit operations, for playbooks of at most 64 rules (bit {@code r} is
 * the rule of {@link CompiledRule#order} {@code r}). Matching reads each dimension's label once and
 * ANDs a precomputed mask of the rules that accept it, instead of walking every rule's conditions;
 * vetoes and categories are settled from the same bits. Gives exactly the decisions of {@link
 * Playbook#plan}'s general path.
 */
final class RuleBits {

  /** Engine positions that some rule constrains. */
  private final int[] positions;
  /** Per constrained position and label: the rules that accept that label there. */
  private final long[][] labelMasks;
  /** Per constrained position: the rules that accept UNCLASSIFIED there. */
  private final long[] unclassifiedMasks;
  /** Per constrained position: the rules that do not constrain it (for a label out of range). */
  private final long[] unconstrainedMasks;
  /** Every rule. */
  private final long all;
  /** Rules with feature conditions, checked after the labels. */
  private final CompiledRule[] conditional;
  /** Per category, per entry (best first): the rule's bit, per action its vetoers' bits, the actions. */
  private final long[][] entryBits;
  private final long[][][] vetoMasks;
  private final Action[][][] actions;

  private RuleBits(
      int[] positions, long[][] labelMasks, long[] unclassifiedMasks, long[] unconstrainedMasks, long all,
      CompiledRule[] conditional, long[][] entryBits, long[][][] vetoMasks, Action[][][] actions) {
    this.positions = positions;
    this.labelMasks = labelMasks;
    this.unclassifiedMasks = unclassifiedMasks;
    this.unconstrainedMasks = unconstrainedMasks;
    this.all = all;
    this.conditional = conditional;
    this.entryBits = entryBits;
    this.vetoMasks = vetoMasks;
    this.actions = actions;
  }

  /**
   * Compiles the bit tables, or returns null when the playbook has more than 64 rules.
   *
   * @param rules the compiled rules, {@code rules[i].order == i}
   * @param byCategory per category the entries, best first
   * @param dimensions the engine's dimensions
   * @return the tables, or null
   */
  static @Nullable RuleBits of(CompiledRule[] rules, Playbook.Entry[][] byCategory, List<Dimension> dimensions) {
    if (rules.length > Long.SIZE) {
      return null;
    }
    Set<Integer> constrained = new LinkedHashSet<>();
    long all = 0;
    List<CompiledRule> conditional = new ArrayList<>();
    for (CompiledRule r : rules) {
      all |= bit(r);
      for (int p : r.positions) {
        constrained.add(p);
      }
      if (r.conditional()) {
        conditional.add(r);
      }
    }
    int[] positions = constrained.stream().mapToInt(Integer::intValue).toArray();
    long[][] labelMasks = new long[positions.length][];
    long[] unclassifiedMasks = new long[positions.length];
    long[] unconstrainedMasks = new long[positions.length];
    for (int p = 0; p < positions.length; p++) {
      int size = dimensions.get(positions[p]).size();
      labelMasks[p] = new long[size];
      for (CompiledRule r : rules) {
        int i = indexOf(r.positions, positions[p]);
        if (i < 0) {
          unconstrainedMasks[p] |= bit(r);
          unclassifiedMasks[p] |= bit(r);
          for (int label = 0; label < size; label++) {
            labelMasks[p][label] |= bit(r);
          }
          continue;
        }
        if (r.unclassified[i]) {
          unclassifiedMasks[p] |= bit(r);
        }
        for (int label = 0; label < size && label < r.allowed[i].length; label++) {
          if (r.allowed[i][label]) {
            labelMasks[p][label] |= bit(r);
          }
        }
      }
    }
    long[][] entryBits = new long[byCategory.length][];
    long[][][] vetoMasks = new long[byCategory.length][][];
    Action[][][] actions = new Action[byCategory.length][][];
    for (int c = 0; c < byCategory.length; c++) {
      Playbook.Entry[] entries = byCategory[c];
      entryBits[c] = new long[entries.length];
      vetoMasks[c] = new long[entries.length][];
      actions[c] = new Action[entries.length][];
      for (int k = 0; k < entries.length; k++) {
        Playbook.Entry e = entries[k];
        entryBits[c][k] = bit(e.rule);
        actions[c][k] = e.actions;
        vetoMasks[c][k] = new long[e.actions.length];
        for (int i = 0; i < e.actions.length; i++) {
          for (CompiledRule v : e.vetoers[i]) {
            vetoMasks[c][k][i] |= bit(v);
          }
        }
      }
    }
    return new RuleBits(positions, labelMasks, unclassifiedMasks, unconstrainedMasks, all,
        conditional.toArray(new CompiledRule[0]), entryBits, vetoMasks, actions);
  }

  private static long bit(CompiledRule r) {
    return 1L << r.order;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Chooses the actions for one customer; allocation-free. */
  void plan(Customer customer, Segments segments, PlanSink out) {
    long matched = all;
    for (int p = 0; p < positions.length; p++) {
      int label = segments.labelIndex(positions[p]);
      long[] masks = labelMasks[p];
      matched &= label < 0 ? unclassifiedMasks[p] : label < masks.length ? masks[label] : unconstrainedMasks[p];
    }
    for (CompiledRule r : conditional) {
      long bit = bit(r);
      if ((matched & bit) != 0 && !r.featuresMatch(customer)) {
        matched &= ~bit;
      }
    }
    for (int c = 0; c < entryBits.length; c++) {
      long[] bits = entryBits[c];
      for (int k = 0; k < bits.length; k++) {
        if ((matched & bits[k]) == 0) {
          continue;
        }
        long[] vetoes = vetoMasks[c][k];
        Action[] candidates = actions[c][k];
        boolean emitted = false;
        for (int i = 0; i < candidates.length; i++) {
          if ((matched & vetoes[i]) == 0) {
            out.add(candidates[i]);
            emitted = true;
          }
        }
        if (emitted) {
          break;
        }
      }
    }
  }
}
