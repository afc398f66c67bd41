package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * The playbook's decisions as bit operations, for playbooks of at most 64 rules. A rule's bit is its
 * rank in the order that settles conflicts (priority descending, then playbook order), so the lowest
 * set bit of the matching rules with actions in a category is that category's winner. Matching
 * reads each dimension's label once and ANDs a precomputed mask of the rules that accept it,
 * instead of walking every rule's conditions. Gives exactly the decisions of {@link Playbook#plan}'s
 * general path.
 */
final class RuleBits {

  /** Engine positions that some rule constrains. */
  private final int[] positions;
  /** Per constrained position: its dimension's number of labels. */
  private final int[] sizes;
  /**
   * Per constrained position, two longs per {@linkplain #code label code}: the rules the label
   * leaves matching (ANDed), and the {@link Rule.Basis#LACK_OF_DATA} rules it satisfies (ORed into
   * the rules that saw a fallback). A label decided for lack of data has its own codes, whose
   * first mask already drops the rules that need it measured: a rule with a {@code basis} costs
   * the same two table reads as any other.
   */
  private final long[][] codeMasks;
  /** The rules that need some fallback label among the dimensions they name. */
  private final long lackRules;
  /** Every rule. */
  private final long all;
  /** Rules with feature conditions, checked after the labels. */
  private final CompiledRule[] conditional;
  /** Rank (bit index) by {@link CompiledRule#order}. */
  private final int[] rank;
  /** Per category: the competing rules with actions in it. */
  private final long[] categoryMasks;
  /** Per category: the additive rules ({@code "combine": "also"}) with actions in it. */
  private final long[] alsoMasks;
  /** Per category and rank: the rule's actions in the category, and per action its vetoers' bits. */
  private final Action[][][] actions;
  private final long[][][] vetoMasks;
  /**
   * Per category and rank of an additive rule, per action: the competing rules with the same code
   * (the code is in the plan if one of them won) and the additive rules ranked before it with the
   * same code (likewise if one of them matched).
   */
  private final long[][][] sameCodeWinners;
  private final long[][][] sameCodeEarlier;

  private RuleBits(
      int[] positions, int[] sizes, long[][] codeMasks, long lackRules, long all,
      CompiledRule[] conditional, int[] rank, long[] categoryMasks, long[] alsoMasks, Action[][][] actions,
      long[][][] vetoMasks, long[][][] sameCodeWinners, long[][][] sameCodeEarlier) {
    this.positions = positions;
    this.sizes = sizes;
    this.codeMasks = codeMasks;
    this.lackRules = lackRules;
    this.all = all;
    this.conditional = conditional;
    this.rank = rank;
    this.categoryMasks = categoryMasks;
    this.alsoMasks = alsoMasks;
    this.actions = actions;
    this.vetoMasks = vetoMasks;
    this.sameCodeWinners = sameCodeWinners;
    this.sameCodeEarlier = sameCodeEarlier;
  }

  /**
   * Compiles the bit tables, or returns null when the playbook has more than 64 rules.
   *
   * @param rules the compiled rules, {@code rules[i].order == i}
   * @param byCategory per category the competing entries, best first
   * @param alsoByCategory per category the additive entries, best first
   * @param dimensions the engine's dimensions
   * @return the tables, or null
   */
  static @Nullable RuleBits of(
      CompiledRule[] rules, DecisionTable.Entry[][] byCategory, DecisionTable.Entry[][] alsoByCategory,
      List<Dimension> dimensions) {
    if (rules.length > Long.SIZE) {
      return null;
    }
    int[] rank = new int[rules.length];
    CompiledRule[] ranked = rules.clone();
    Arrays.sort(ranked, Comparator.comparingInt((CompiledRule r) -> -r.rule.priority())
        .thenComparingInt(r -> r.order));
    for (int i = 0; i < ranked.length; i++) {
      rank[ranked[i].order] = i;
    }
    Set<Integer> constrained = new LinkedHashSet<>();
    long all = 0;
    List<CompiledRule> conditional = new ArrayList<>();
    for (CompiledRule r : rules) {
      all |= bit(rank, r);
      for (int p : r.positions) {
        constrained.add(p);
      }
      if (r.conditional()) {
        conditional.add(r);
      }
    }
    int[] positions = new int[constrained.size()];
    int next = 0;
    for (int p : constrained) {
      positions[next++] = p;
    }
    long[][] labelMasks = new long[positions.length][];
    long[] unclassifiedMasks = new long[positions.length];
    long[] unconstrainedMasks = new long[positions.length];
    long[] measuredMasks = new long[positions.length];
    long[] lackMasks = new long[positions.length];
    long lackRules = 0;
    for (CompiledRule r : rules) {
      if (r.rule.basis() == Rule.Basis.LACK_OF_DATA) {
        lackRules |= bit(rank, r);
      }
    }
    for (int p = 0; p < positions.length; p++) {
      int size = dimensions.get(positions[p]).size();
      labelMasks[p] = new long[size];
      for (CompiledRule r : rules) {
        int i = indexOf(r.positions, positions[p]);
        if (i < 0) {
          unconstrainedMasks[p] |= bit(rank, r);
          unclassifiedMasks[p] |= bit(rank, r);
          for (int label = 0; label < size; label++) {
            labelMasks[p][label] |= bit(rank, r);
          }
          continue;
        }
        if (r.unclassified[i]) {
          unclassifiedMasks[p] |= bit(rank, r);
        }
        if (r.rule.basis() == Rule.Basis.MEASURED) {
          measuredMasks[p] |= bit(rank, r);
        } else if (r.rule.basis() == Rule.Basis.LACK_OF_DATA) {
          lackMasks[p] |= bit(rank, r);
        }
        for (int label = 0; label < size && label < r.allowed[i].length; label++) {
          if (r.allowed[i][label]) {
            labelMasks[p][label] |= bit(rank, r);
          }
        }
      }
    }
    long[] categoryMasks = new long[byCategory.length];
    long[] alsoMasks = new long[byCategory.length];
    Action[][][] actions = new Action[byCategory.length][rules.length][];
    long[][][] vetoMasks = new long[byCategory.length][rules.length][];
    long[][][] sameCodeWinners = new long[byCategory.length][rules.length][];
    long[][][] sameCodeEarlier = new long[byCategory.length][rules.length][];
    for (int c = 0; c < byCategory.length; c++) {
      for (DecisionTable.Entry e : byCategory[c]) {
        categoryMasks[c] |= bit(rank, e.rule);
        table(e, c, rank, actions, vetoMasks);
      }
      for (DecisionTable.Entry e : alsoByCategory[c]) {
        int b = rank[e.rule.order];
        alsoMasks[c] |= 1L << b;
        table(e, c, rank, actions, vetoMasks);
        sameCodeWinners[c][b] = new long[e.actions.length];
        sameCodeEarlier[c][b] = new long[e.actions.length];
        for (int i = 0; i < e.actions.length; i++) {
          for (CompiledRule r : e.sameCodeWinners[i]) {
            sameCodeWinners[c][b][i] |= bit(rank, r);
          }
          for (CompiledRule r : e.sameCodeEarlier[i]) {
            sameCodeEarlier[c][b][i] |= bit(rank, r);
          }
        }
      }
    }
    int[] sizes = new int[positions.length];
    long[][] codeMasks = new long[positions.length][];
    for (int p = 0; p < positions.length; p++) {
      int size = labelMasks[p].length;
      sizes[p] = size;
      long[] m = new long[2 * 2 * (size + 2)];
      for (int fallback = 0; fallback < 2; fallback++) {
        for (int label = -1; label <= size; label++) {
          long accepting = label < 0 ? unclassifiedMasks[p] : label < size ? labelMasks[p][label] : unconstrainedMasks[p];
          int at = 2 * code(label, size, fallback == 1);
          m[at] = fallback == 1 ? accepting & ~measuredMasks[p] : accepting;
          m[at + 1] = fallback == 1 ? lackMasks[p] : 0;
        }
      }
      codeMasks[p] = m;
    }
    return new RuleBits(positions, sizes, codeMasks, lackRules, all,
        conditional.toArray(new CompiledRule[0]), rank, categoryMasks, alsoMasks, actions, vetoMasks,
        sameCodeWinners, sameCodeEarlier);
  }

  private static void table(DecisionTable.Entry e, int c, int[] rank, Action[][][] actions, long[][][] vetoMasks) {
    int b = rank[e.rule.order];
    actions[c][b] = e.actions;
    vetoMasks[c][b] = new long[e.actions.length];
    for (int i = 0; i < e.actions.length; i++) {
      for (CompiledRule v : e.vetoers[i]) {
        vetoMasks[c][b][i] |= bit(rank, v);
      }
    }
  }

  /**
   * A position's label as an index into its {@link #codeMasks}: 0 for UNCLASSIFIED, {@code label +
   * 1} for a label of the dimension, {@code size + 1} for one outside it (a foreign {@link
   * Segments}; no rule naming the position accepts it), plus {@code size + 2} when the label was
   * decided for lack of data.
   */
  private static int code(int label, int size, boolean fallback) {
    int code = label < 0 ? 0 : label < size ? label + 1 : size + 1;
    return fallback ? code + size + 2 : code;
  }

  private static long bit(int[] rank, CompiledRule r) {
    return 1L << rank[r.order];
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
    long lackSeen = 0;
    for (int p = 0; p < positions.length; p++) {
      int position = positions[p];
      int at = 2 * code(segments.labelIndex(position), sizes[p], segments.isFallback(position));
      long[] masks = codeMasks[p];
      matched &= masks[at];
      lackSeen |= masks[at + 1];
    }
    matched &= ~(lackRules & ~lackSeen);
    for (CompiledRule r : conditional) {
      long bit = bit(rank, r);
      if ((matched & bit) != 0 && !r.featuresMatch(customer)) {
        matched &= ~bit;
      }
    }
    for (int c = 0; c < categoryMasks.length; c++) {
      long winner = 0;
      // Candidates best first: the lowest bit wins unless vetoes took all its actions here.
      for (long candidates = matched & categoryMasks[c]; candidates != 0; candidates &= candidates - 1) {
        int b = Long.numberOfTrailingZeros(candidates);
        Action[] offered = actions[c][b];
        long[] vetoes = vetoMasks[c][b];
        boolean emitted = false;
        for (int i = 0; i < offered.length; i++) {
          if ((matched & vetoes[i]) == 0) {
            out.add(offered[i]);
            emitted = true;
          }
        }
        if (emitted) {
          winner = 1L << b;
          break;
        }
      }
      // Additive rules, best first: each action not vetoed and not in the plan already.
      for (long candidates = matched & alsoMasks[c]; candidates != 0; candidates &= candidates - 1) {
        int b = Long.numberOfTrailingZeros(candidates);
        Action[] offered = actions[c][b];
        long[] vetoes = vetoMasks[c][b];
        long[] winners = sameCodeWinners[c][b];
        long[] earlier = sameCodeEarlier[c][b];
        for (int i = 0; i < offered.length; i++) {
          if ((matched & vetoes[i]) == 0 && (winner & winners[i]) == 0 && (matched & earlier[i]) == 0) {
            out.add(offered[i]);
          }
        }
      }
    }
  }
}
