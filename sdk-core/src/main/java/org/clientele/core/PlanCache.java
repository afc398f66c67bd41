package org.clientele.core;

import java.util.Arrays;
import org.clientele.api.Action;
import org.clientele.api.Plan;

/**
 * Shares immutable {@link Plan}s between customers who get the same actions. Strategies hand out
 * prebuilt {@link Action} instances, so a population has few distinct plans (hundreds), while
 * building a {@code Plan} copies and sorts its actions; a classification looks its plan up by the
 * identities of its actions instead.
 *
 * <p>Direct-mapped and lock-free: a slot holds the last plan stored there. Slots are written
 * racily, which is safe because an entry is immutable (final fields) and a lost write only costs a
 * later rebuild. Actions made fresh per customer never hit and simply build their plan as before.
 */
final class PlanCache {

  private static final int SLOTS = 1 << 10;

  private final Entry[] slots = new Entry[SLOTS];

  /**
   * Returns the plan of the given actions, in strategy order.
   *
   * @param actions the strategy's actions; only the first {@code count} are read
   * @param count how many
   * @return a plan equal to {@code new Plan(List.of(actions[0..count)))}
   */
  Plan plan(Action[] actions, int count) {
    if (count == 0) {
      return Plan.EMPTY;
    }
    int h = count;
    for (int i = 0; i < count; i++) {
      h = 31 * h + System.identityHashCode(actions[i]);
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    Entry e = slots[slot];
    if (e != null && e.holds(actions, count)) {
      return e.plan;
    }
    Action[] key = Arrays.copyOf(actions, count);
    Plan plan = new Plan(Arrays.asList(key));
    slots[slot] = new Entry(key, plan);
    return plan;
  }

  private static final class Entry {
    final Action[] actions;
    final Plan plan;

    Entry(Action[] actions, Plan plan) {
      this.actions = actions;
      this.plan = plan;
    }

    boolean holds(Action[] other, int count) {
      if (actions.length != count) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        if (actions[i] != other[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
