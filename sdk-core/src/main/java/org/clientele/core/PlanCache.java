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
 * <p>Open addressing: a plan is looked for in {@value #PROBES} consecutive slots from its hash, and
 * stored in the first empty one (or, when all are taken, in its home slot, evicting that plan). So
 * up to thousands of distinct plans all stay cached. A direct-mapped table of 1,024 slots, as
 * before, rebuilt the plan of 12% of the benchmark population's customers (420 distinct plans):
 * two plans sharing a slot evicted each other, and each rebuild cost more than classifying.
 *
 * <p>Lock-free: slots are read and written racily, which is safe because an entry is immutable
 * (final fields) and a lost write only costs a later rebuild. Actions made fresh per customer never
 * hit and simply build their plan as before.
 */
final class PlanCache {

  private static final int SLOTS = 1 << 12;

  /** Slots searched from a plan's home slot. */
  static final int PROBES = 8;

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
    int home = (h ^ (h >>> 16)) & (SLOTS - 1);
    int free = -1;
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (home + probe) & (SLOTS - 1);
      Entry e = slots[slot];
      if (e == null) {
        free = slot;
        break; // entries are never removed, only replaced: the plan is not further on
      }
      if (e.hash == h && e.holds(actions, count)) {
        return e.plan;
      }
    }
    Action[] key = Arrays.copyOf(actions, count);
    Plan plan = new Plan(Arrays.asList(key));
    slots[free >= 0 ? free : home] = new Entry(h, key, plan);
    return plan;
  }

  private static final class Entry {
    final int hash;
    final Action[] actions;
    final Plan plan;

    Entry(int hash, Action[] actions, Plan plan) {
      this.hash = hash;
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
