package org.clientele.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * The compiled rules of a bound playbook and how they decide: per category the matching rules,
 * best first, and who may veto each action. {@link #plan} is the hot path (the {@link RuleBits}
 * masks up to 64 rules, {@link #evaluate} above); {@link #trace} runs the same {@link #evaluate},
 * recording every decision, so an explanation can never disagree with a plan.
 */
final class DecisionTable {

  private static final ActionCategory[] CATEGORIES = ActionCategory.values();

  /** The rules in playbook order; a rule's {@code order} is its index here. */
  final CompiledRule[] compiled;
  /** Per category ordinal: the competing rules with actions in it, best first. */
  final Entry[][] byCategory;
  /** Per category ordinal: the additive rules ({@code "combine": "also"}) with actions in it, best first. */
  final Entry[][] alsoByCategory;
  /** The same table as bit masks, for the hot path; null above 64 rules. */
  private final @Nullable RuleBits bits;

  DecisionTable(List<CompiledRule> rules, List<Dimension> dimensions) {
    this.compiled = rules.toArray(new CompiledRule[0]);
    this.byCategory = entries(compiled, false);
    this.alsoByCategory = entries(compiled, true);
    linkDuplicates(byCategory, alsoByCategory);
    this.bits = RuleBits.of(compiled, byCategory, alsoByCategory, dimensions);
  }

  /** Whether no rule has a condition on features, so that a plan depends on the labels alone. */
  boolean readsLabelsOnly() {
    for (CompiledRule r : compiled) {
      if (r.conditional()) {
        return false;
      }
    }
    return true;
  }

  /** The rules with actions in one category, and who may veto each action. */
  static final class Entry {
    final CompiledRule rule;
    final Action[] actions;
    final CompiledRule[][] vetoers;
    /**
     * For an additive entry, per action: the competing rules with the same code in this category
     * (if one of them wins, the code is in the plan already) and the additive rules before this one
     * with it (if one matched, likewise). One code, once in a plan.
     */
    CompiledRule[][] sameCodeWinners = new CompiledRule[0][];
    CompiledRule[][] sameCodeEarlier = new CompiledRule[0][];

    Entry(CompiledRule rule, Action[] actions, CompiledRule[][] vetoers) {
      this.rule = rule;
      this.actions = actions;
      this.vetoers = vetoers;
    }
  }

  private static void linkDuplicates(Entry[][] competing, Entry[][] also) {
    for (int c = 0; c < also.length; c++) {
      for (int k = 0; k < also[c].length; k++) {
        Entry e = also[c][k];
        e.sameCodeWinners = new CompiledRule[e.actions.length][];
        e.sameCodeEarlier = new CompiledRule[e.actions.length][];
        for (int i = 0; i < e.actions.length; i++) {
          String code = e.actions[i].code();
          e.sameCodeWinners[i] = withCode(competing[c], competing[c].length, code);
          e.sameCodeEarlier[i] = withCode(also[c], k, code);
        }
      }
    }
  }

  /** The rules of the first {@code n} entries with an action of this code (a loop: every cold build runs it). */
  private static CompiledRule[] withCode(Entry[] entries, int n, String code) {
    List<CompiledRule> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (has(entries[j], code)) {
        out.add(entries[j].rule);
      }
    }
    return out.toArray(new CompiledRule[0]);
  }

  private static boolean has(Entry e, String code) {
    for (Action a : e.actions) {
      if (a.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** Higher priority first, then playbook order (one method, not a Comparator chain of lambdas). */
  private static int byPriorityThenOrder(Entry a, Entry b) {
    int byPriority = Integer.compare(b.rule.rule.priority(), a.rule.rule.priority());
    return byPriority != 0 ? byPriority : Integer.compare(a.rule.order, b.rule.order);
  }

  private static Entry[][] entries(CompiledRule[] rules, boolean additive) {
    Entry[][] out = new Entry[CATEGORIES.length][];
    for (ActionCategory category : CATEGORIES) {
      List<Entry> entries = new ArrayList<>();
      for (CompiledRule r : rules) {
        if (r.rule.additive() != additive) {
          continue;
        }
        List<Action> actions = r.rule.actions(category);
        if (actions.isEmpty()) {
          continue;
        }
        CompiledRule[][] vetoers = new CompiledRule[actions.size()][];
        for (int i = 0; i < actions.size(); i++) {
          String code = actions.get(i).code();
          List<CompiledRule> vetoing = new ArrayList<>();
          for (CompiledRule v : rules) {
            if (v.rule.vetoes().contains(code)) {
              vetoing.add(v);
            }
          }
          vetoers[i] = vetoing.toArray(new CompiledRule[0]);
        }
        entries.add(new Entry(r, actions.toArray(new Action[0]), vetoers));
      }
      entries.sort(DecisionTable::byPriorityThenOrder);
      out[category.ordinal()] = entries.toArray(new Entry[0]);
    }
    return out;
  }

  /** Chooses the actions for one customer; allocation-free. */
  void plan(Customer customer, Segments segments, PlanSink out) {
    RuleBits b = bits;
    if (b != null) {
      b.plan(customer, segments, out);
    } else {
      evaluate(customer, segments, out, null);
    }
  }

  /**
   * The one evaluator of the conflict semantics: vetoes first, then per category the best matching
   * rule with an action left wins, and the matching additive rules add their actions that are not
   * vetoed and not in the plan already. Without a recorder it stops at each category's winner and
   * at an action's first veto, and allocates nothing; with one it goes on to record the rules the
   * winner outranked and every rule that vetoed an action.
   */
  private void evaluate(Customer customer, Segments segments, PlanSink out, @Nullable Recorder record) {
    for (int c = 0; c < byCategory.length; c++) {
      Entry[] entries = byCategory[c];
      @Nullable Entry winner = null;
      for (Entry e : entries) {
        if (!e.rule.matches(customer, segments)) {
          continue;
        }
        if (winner != null) {
          if (record == null) {
            break;
          }
          record.outranked(e, winner);
          continue;
        }
        boolean emitted = false;
        for (int i = 0; i < e.actions.length; i++) {
          boolean vetoed = false;
          for (CompiledRule v : e.vetoers[i]) {
            if (v.matches(customer, segments)) {
              vetoed = true;
              if (record == null) {
                break;
              }
              record.vetoedBy(v);
            }
          }
          if (vetoed) {
            if (record != null) {
              record.vetoed(e, i);
            }
          } else {
            out.add(e.actions[i]);
            emitted = true;
          }
        }
        if (emitted) {
          winner = e;
          if (record != null) {
            record.won(e);
          }
        }
      }
      for (Entry e : alsoByCategory[c]) {
        if (e.rule.matches(customer, segments)) {
          addBeside(e, winner, customer, segments, out, record);
        }
      }
      if (record != null) {
        record.endCategory(winner);
      }
    }
  }

  /** An additive rule's actions: each unless vetoed or already in the plan. */
  private static void addBeside(
      Entry e, @Nullable Entry winner, Customer customer, Segments segments, PlanSink out, @Nullable Recorder record) {
    for (int i = 0; i < e.actions.length; i++) {
      boolean vetoed = false;
      for (CompiledRule v : e.vetoers[i]) {
        if (v.matches(customer, segments)) {
          vetoed = true;
          if (record == null) {
            break;
          }
          record.vetoedBy(v);
        }
      }
      if (vetoed) {
        if (record != null) {
          record.vetoed(e, i);
        }
        continue;
      }
      if (inPlanAlready(e, i, winner, customer, segments)) {
        continue;
      }
      out.add(e.actions[i]);
      if (record != null) {
        record.added(e, e.actions[i], winner);
      }
    }
  }

  private static boolean inPlanAlready(Entry e, int action, @Nullable Entry winner, Customer customer, Segments segments) {
    for (CompiledRule w : e.sameCodeWinners[action]) {
      if (winner != null && winner.rule == w) {
        return true;
      }
    }
    for (CompiledRule r : e.sameCodeEarlier[action]) {
      if (r.matches(customer, segments)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records every decision for one customer.
   *
   * @return the recorder, holding the trace and the explanation
   */
  Recorder trace(Customer customer, Segments segments) {
    Recorder record = new Recorder();
    for (CompiledRule r : compiled) {
      if (r.matches(customer, segments)) {
        record.matched.add(r.id());
      }
    }
    evaluate(customer, segments, record::emitted, record);
    return record;
  }

  /** What {@link #evaluate} decided for one customer, as a {@link PlanTrace} and a {@link PlanExplanation}. */
  static final class Recorder {
    final List<String> matched = new ArrayList<>();
    private final List<PlanTrace.CategoryDecision> decisions = new ArrayList<>();
    private final List<RuleEntry> entries = new ArrayList<>();
    // The category being decided.
    private List<Action> emitted = new ArrayList<>();
    private List<String> outranked = new ArrayList<>();
    private List<String> vetoed = new ArrayList<>();
    private final List<String> vetoers = new ArrayList<>();
    private List<Action> winnerActions = new ArrayList<>();
    private List<Action> added = new ArrayList<>();

    void emitted(Action action) {
      emitted.add(action);
    }

    void vetoedBy(CompiledRule vetoer) {
      vetoers.add(vetoer.id());
    }

    void vetoed(Entry e, int action) {
      Action a = e.actions[action];
      String by = String.join(", ", vetoers);
      vetoed.add(a.code() + " (rule " + e.rule.id() + ") vetoed by " + by);
      entries.add(new RuleEntry(e.rule.id(), a.code(), a.category(), RuleStatus.VETOED,
          "Action " + a.code() + " of rule " + e.rule.id() + " was vetoed by rule " + by + "."));
      vetoers.clear();
    }

    void won(Entry e) {
      winnerActions = List.copyOf(emitted);
      for (Action a : winnerActions) {
        entries.add(new RuleEntry(e.rule.id(), a.code(), a.category(), RuleStatus.MATCHED_WINNER,
            "Rule " + e.rule.id() + " (priority " + e.rule.rule.priority() + ") won " + name(a.category())
                + ": " + a.code() + "."));
      }
    }

    void added(Entry e, Action a, @Nullable Entry winner) {
      added.add(a);
      String beside = winner == null ? " (no rule won the category)" : " beside the winner " + winner.rule.id();
      entries.add(new RuleEntry(e.rule.id(), a.code(), a.category(), RuleStatus.MATCHED_ALSO,
          "Rule " + e.rule.id() + " (priority " + e.rule.rule.priority() + ", combine also) added " + a.code() + " to "
              + name(a.category()) + beside + "."));
    }

    void outranked(Entry e, Entry winner) {
      outranked.add(e.rule.id());
      for (Action a : e.actions) {
        entries.add(new RuleEntry(e.rule.id(), a.code(), a.category(), RuleStatus.OUTRANKED,
            "Rule " + e.rule.id() + " (priority " + e.rule.rule.priority() + ") was outranked in "
                + name(a.category()) + " by rule " + winner.rule.id() + " (priority "
                + winner.rule.rule.priority() + "): " + a.code() + " is not in the plan."));
      }
    }

    void endCategory(@Nullable Entry winner) {
      ActionCategory category = CATEGORIES[decisions.size()];
      decisions.add(new PlanTrace.CategoryDecision(
          category, winner == null ? "" : winner.rule.id(), winner == null ? List.of() : winnerActions, added, outranked, vetoed));
      emitted = new ArrayList<>();
      added = new ArrayList<>();
      outranked = new ArrayList<>();
      vetoed = new ArrayList<>();
      winnerActions = new ArrayList<>();
    }

    PlanTrace planTrace() {
      return new PlanTrace(matched, decisions);
    }

    PlanExplanation explanation() {
      return PlanExplanation.of(entries);
    }

    private static String name(ActionCategory category) {
      return category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
