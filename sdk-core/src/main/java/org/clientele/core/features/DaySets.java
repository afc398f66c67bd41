package org.clientele.core.features;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The sets of distinct days every customer bought on, by customer number: exact whatever the
 * order of the transactions, and bounded by the number of distinct days, never by the number of
 * transactions. Columns, not an object per customer: the first and last day of each set, and the
 * later days as the gaps between them (variable-length, mostly one byte a day) in a small array
 * per customer that has more than one day. Logs are mostly in date order, so a new day is mostly
 * appended; a day before the last one rewrites the customer's gaps.
 *
 * <p>Not thread-safe.
 */
final class DaySets {

  /** First day per customer; {@link Integer#MAX_VALUE} while the set is empty. */
  private final Paged.Ints min = new Paged.Ints(Integer.MAX_VALUE);
  private final Paged.Ints max = new Paged.Ints(0);
  /** Bytes used in the customer's gaps; null once finished. */
  private Paged.@Nullable Ints used = new Paged.Ints(0);
  /**
   * Per customer, the days after the first: each the gap to the previous day (at least 1) as
   * seven bits a byte, low bits first, the high bit set on every byte of a gap but its last. No
   * byte is 0, so the bytes after the used ones are free.
   */
  private Paged.@Nullable Refs<byte[]> gaps = new Paged.Refs<>();

  /** Once finished: the number of days in all and in each finished window; null before. */
  private Paged.@Nullable Ints counted;
  private Paged.Ints @Nullable [] windowCounts;
  private long @Nullable [] windowFrom;
  private long windowTo;

  /**
   * Ends the sets: counts every customer's days in all and in each window {@code [from[i], to)},
   * keeps those counts and the first and last days, and drops the days themselves. Afterwards
   * {@link #count(int, long, long)} answers only for these windows and no day can be added.
   *
   * @param customers the customer numbers to count, {@code 0} to {@code customers - 1}
   * @param from the windows' first days (epoch days)
   * @param to the day after every window
   */
  void finish(int customers, long[] from, long to) {
    if (counted != null) {
      throw new IllegalStateException("the purchase days are already reduced to counts");
    }
    Paged.Ints all = new Paged.Ints(0);
    Paged.Ints[] windows = new Paged.Ints[from.length];
    for (int w = 0; w < from.length; w++) {
      windows[w] = new Paged.Ints(0);
    }
    for (int n = 0; n < customers; n++) {
      if (isEmpty(n)) {
        continue;
      }
      all.set(n, count(n));
      for (int w = 0; w < from.length; w++) {
        int k = count(n, from[w], to);
        if (k != 0) {
          windows[w].set(n, k); // a zero writes nothing: a page nobody counts in costs nothing
        }
      }
    }
    counted = all;
    windowCounts = windows;
    windowFrom = from.clone();
    windowTo = to;
    used = null;
    gaps = null;
  }

  private static IllegalStateException finished() {
    return new IllegalStateException("the purchase days were reduced to counts when the derivation finished;"
        + " a deriver that takes more transactions is made with FeatureDeriver.asOf or lifetimes");
  }

  boolean isEmpty(int n) {
    return min.get(n) == Integer.MAX_VALUE;
  }

  /** The first day, as an epoch day; only if not empty. */
  int min(int n) {
    return min.get(n);
  }

  /** The last day, as an epoch day; only if not empty. */
  int max(int n) {
    return max.get(n);
  }

  void add(int n, int day) {
    if (counted != null) {
      throw finished();
    }
    int first = min.get(n);
    if (first == Integer.MAX_VALUE) {
      min.set(n, day);
      max.set(n, day);
      return;
    }
    int last = max.get(n);
    if (day > last) {
      append(n, day - last);
      max.set(n, day);
    } else if (day != last && day != first) {
      insert(n, day);
    }
  }

  private void append(int n, int gap) {
    Paged.Refs<byte[]> gaps = live(this.gaps);
    Paged.Ints used = live(this.used);
    byte[] g = gaps.get(n);
    int at = used.get(n);
    int size = gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5;
    if (g == null || at + size > g.length) {
      g = g == null ? new byte[Math.max(8, size)] : Arrays.copyOf(g, Math.max(at + size, g.length + (g.length >> 1)));
      gaps.set(n, g);
    }
    int v = gap;
    while (v >= 0x80) {
      g[at++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    g[at++] = (byte) v;
    used.set(n, at);
  }

  /** Adds a day before the last one: rebuilds the customer's gaps (rare in a dated log). */
  private void insert(int n, int day) {
    int[] days = days(n);
    int at = Arrays.binarySearch(days, day);
    if (at >= 0) {
      return;
    }
    int position = -at - 1;
    int[] all = new int[days.length + 1];
    System.arraycopy(days, 0, all, 0, position);
    all[position] = day;
    System.arraycopy(days, position, all, position + 1, days.length - position);
    min.set(n, all[0]);
    live(used).set(n, 0);
    byte[] g = live(gaps).get(n);
    if (g != null) {
      Arrays.fill(g, (byte) 0);
    }
    for (int i = 1; i < all.length; i++) {
      append(n, all[i] - all[i - 1]);
    }
  }

  private static <T> T live(@Nullable T part) {
    if (part == null) {
      throw finished();
    }
    return part;
  }

  /** Every day of the set, ascending; only before {@link #finish}. */
  int[] days(int n) {
    if (isEmpty(n)) {
      return new int[0];
    }
    int[] out = new int[count(n)];
    int day = min.get(n);
    out[0] = day;
    byte[] g = live(gaps).get(n);
    Paged.Ints used = live(this.used);
    int k = 1;
    int v = 0;
    int shift = 0;
    for (int i = 0, end = used.get(n); i < end; i++) {
      int b = Byte.toUnsignedInt(g == null ? 0 : g[i]);
      v |= (b & 0x7F) << shift;
      if (b < 0x80) {
        day += v;
        out[k++] = day;
        v = 0;
        shift = 0;
      } else {
        shift += 7;
      }
    }
    return out;
  }

  /** Counts all distinct days. */
  int count(int n) {
    if (isEmpty(n)) {
      return 0;
    }
    Paged.Ints all = counted;
    if (all != null) {
      return all.get(n);
    }
    int count = 1;
    byte[] g = live(gaps).get(n);
    Paged.Ints used = live(this.used);
    for (int i = 0, end = used.get(n); i < end; i++) {
      if (g != null && g[i] >= 0) {
        count++; // the last byte of a gap
      }
    }
    return count;
  }

  /**
   * Counts the distinct days in {@code [from, to)} (epoch days); once finished, only for the
   * windows given to {@link #finish}.
   */
  int count(int n, long from, long to) {
    if (isEmpty(n) || to <= min(n) || from > max(n)) {
      return 0;
    }
    long[] finishedFrom = windowFrom;
    if (finishedFrom != null) {
      for (int w = 0; w < finishedFrom.length; w++) {
        if (finishedFrom[w] == from && windowTo == to) {
          return java.util.Objects.requireNonNull(windowCounts)[w].get(n);
        }
      }
      throw new IllegalStateException("the purchase days were counted for the reference date's windows only,"
          + " not for [" + from + ", " + to + ")");
    }
    long day = min(n);
    int count = day >= from ? 1 : 0;
    byte[] g = live(gaps).get(n);
    Paged.Ints used = live(this.used);
    int v = 0;
    int shift = 0;
    for (int i = 0, end = used.get(n); i < end; i++) {
      int b = Byte.toUnsignedInt(g == null ? 0 : g[i]);
      v |= (b & 0x7F) << shift;
      if (b < 0x80) {
        day += v;
        if (day >= to) {
          break;
        }
        if (day >= from) {
          count++;
        }
        v = 0;
        shift = 0;
      } else {
        shift += 7;
      }
    }
    return count;
  }
}
