package org.clientele.core;

import org.clientele.api.Action;
import org.clientele.api.Plan;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * The plans of a strategy that reads only labels ({@link
 * org.clientele.api.Strategy#planReadsLabelsOnly()}), by combination of labels. The engine asks
 * the strategy once per combination; every later customer with the same labels gets the same
 * actions and the same immutable {@link Plan} from one table read, without running the rules or
 * looking the plan up by its actions. A population has far fewer combinations than customers (the
 * 8,192 benchmark customers have 2,653; 131,072 customers of the same demo population have 6,839),
 * so nearly every customer is served from the table.
 *
 * <p>A combination is one code per dimension, packed into a {@code long} in the bits each needs: 0
 * for unclassified, {@code 1 + label} for a measured label, {@code 1 + size + label} for one
 * decided for lack of data. An engine whose codes need more than 63 bits gets no table ({@link
 * #of} returns null) and plans every customer, as it would without one.
 *
 * <p>Open addressing, lock-free and racy like {@link PlanCache}: an entry is immutable (final
 * fields) and a lost write only costs asking the strategy again. Unlike that cache it never
 * evicts: it takes up to {@value #LIMIT} combinations, and a combination beyond them, or whose
 * probe run is full, is planned for every customer as it would be without the table. Evicting
 * instead let combinations push each other out at every pass over a population, each time
 * allocating a new entry. The slots take 256 KB (compressed references) per engine; with a
 * quarter of them (4,096 combinations), 5.9% of those 131,072 customers were planned one by one.
 */
final class LabelPlans {

  private static final int SLOTS = 1 << 16;
  private static final int PROBES = 8;
  /** Combinations kept at most: a quarter of the slots, so probe runs stay short. */
  static final int LIMIT = SLOTS / 4;

  /** Per engine position, the dimension's number of labels and the bits of its code. */
  private final int[] sizes;
  private final int[] widths;
  private final @Nullable Known[] slots = new Known[SLOTS];
  /** Entries stored; racy, so it may pass the limit by a few, which the slots bound anyway. */
  private int size;

  private LabelPlans(int[] sizes, int[] widths) {
    this.sizes = sizes;
    this.widths = widths;
  }

  /**
   * Returns a table for dimensions of these sizes, or null if their codes need more than 63 bits.
   *
   * @param labelCounts per engine position, the dimension's number of labels
   * @return the table, or null
   */
  static @Nullable LabelPlans of(int[] labelCounts) {
    int[] widths = new int[labelCounts.length];
    int bits = 0;
    for (int p = 0; p < labelCounts.length; p++) {
      widths[p] = Integer.SIZE - Integer.numberOfLeadingZeros(2 * labelCounts[p]); // codes 0..2*size
      bits += widths[p];
    }
    return bits < Long.SIZE ? new LabelPlans(labelCounts.clone(), widths) : null;
  }

  /**
   * Packs the labels into their key.
   *
   * @param labels one customer's labels, on the engine's dimensions
   * @return the key, or -1 if a label is outside its dimension (never the case for the engine's
   *     checked labels)
   */
  long key(Segments labels) {
    long key = 0;
    for (int p = 0; p < sizes.length; p++) {
      int label = labels.labelIndex(p);
      if (label >= sizes[p]) {
        return -1;
      }
      int code = label < 0 ? 0 : 1 + label + (labels.isFallback(p) ? sizes[p] : 0);
      key = key << widths[p] | code;
    }
    return key;
  }

  /**
   * Returns the plan known for a key.
   *
   * @param key from {@link #key}
   * @return the entry, or null if the strategy has not planned these labels yet (or it was evicted)
   */
  @Nullable Known get(long key) {
    int home = home(key);
    for (int probe = 0; probe < PROBES; probe++) {
      Known k = slots[(home + probe) & (SLOTS - 1)];
      if (k == null) {
        return null; // entries are only replaced, never removed: the key is not further on
      }
      if (k.key == key) {
        return k;
      }
    }
    return null;
  }

  /**
   * Tells where a key's plan can be stored: the first empty slot of its probe run.
   *
   * @param key from {@link #key}
   * @return the slot, or -1 if the table is at its limit or the run is full (then the key's
   *     customers are planned one by one)
   */
  int room(long key) {
    if (size >= LIMIT) {
      return -1;
    }
    int home = home(key);
    for (int probe = 0; probe < PROBES; probe++) {
      int s = (home + probe) & (SLOTS - 1);
      if (slots[s] == null) {
        return s;
      }
    }
    return -1;
  }

  /**
   * Stores the plan the strategy gave for a key.
   *
   * @param slot from {@link #room}
   * @param key from {@link #key}
   * @param actions the actions in the strategy's order, owned by the table from now on
   * @param plan the same actions as an immutable plan
   * @return the new entry
   */
  Known put(int slot, long key, Action[] actions, Plan plan) {
    Known known = new Known(key, actions, plan);
    slots[slot] = known;
    size++;
    return known;
  }

  private static int home(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - Integer.numberOfTrailingZeros(SLOTS)));
  }

  /** One combination's plan: the actions in the strategy's order, and the immutable plan. */
  static final class Known {
    final long key;
    final Action[] actions;
    final Plan plan;

    Known(long key, Action[] actions, Plan plan) {
      this.key = key;
      this.actions = actions;
      this.plan = plan;
    }
  }
}
