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

  private static final byte[][] NO_GAPS = new byte[0][];

  /** First day per customer; {@link Integer#MAX_VALUE} while the set is empty. */
  private int[] min = new int[0];
  private int[] max = new int[0];
  /** Bytes used in {@code gaps[n]}. */
  private int[] used = new int[0];
  /**
   * Per customer, the days after the first: each the gap to the previous day (at least 1) as
   * seven bits a byte, low bits first, the high bit set on every byte of a gap but its last. No
   * byte is 0, so the bytes after {@code used[n]} are free.
   */
  private byte[] @Nullable [] gaps = NO_GAPS;

  /** Makes room for customers numbered below {@code capacity}. */
  void ensureCapacity(int capacity) {
    int old = min.length;
    if (capacity <= old) {
      return;
    }
    int grown = Math.max(capacity, Math.max(16, old + (old >> 1)));
    min = Arrays.copyOf(min, grown);
    Arrays.fill(min, old, grown, Integer.MAX_VALUE);
    max = Arrays.copyOf(max, grown);
    used = Arrays.copyOf(used, grown);
    gaps = Arrays.copyOf(gaps, grown);
  }

  boolean isEmpty(int n) {
    return min[n] == Integer.MAX_VALUE;
  }

  /** The first day, as an epoch day; only if not empty. */
  int min(int n) {
    return min[n];
  }

  /** The last day, as an epoch day; only if not empty. */
  int max(int n) {
    return max[n];
  }

  void add(int n, int day) {
    int last = max[n];
    if (min[n] == Integer.MAX_VALUE) {
      min[n] = day;
      max[n] = day;
    } else if (day > last) {
      append(n, day - last);
      max[n] = day;
    } else if (day != last && day != min[n]) {
      insert(n, day);
    }
  }

  private void append(int n, int gap) {
    byte[] g = gaps[n];
    int at = used[n];
    int size = gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5;
    if (g == null || at + size > g.length) {
      g = g == null ? new byte[Math.max(8, size)] : Arrays.copyOf(g, Math.max(at + size, g.length + (g.length >> 1)));
      gaps[n] = g;
    }
    int v = gap;
    while (v >= 0x80) {
      g[at++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    g[at++] = (byte) v;
    used[n] = at;
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
    min[n] = all[0];
    used[n] = 0;
    byte[] g = gaps[n];
    if (g != null) {
      Arrays.fill(g, (byte) 0);
    }
    for (int i = 1; i < all.length; i++) {
      append(n, all[i] - all[i - 1]);
    }
  }

  /** Every day of the set, ascending. */
  int[] days(int n) {
    if (isEmpty(n)) {
      return new int[0];
    }
    int[] out = new int[count(n)];
    int day = min[n];
    out[0] = day;
    byte[] g = gaps[n];
    int k = 1;
    int v = 0;
    int shift = 0;
    for (int i = 0, end = used[n]; i < end; i++) {
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
    int count = 1;
    byte[] g = gaps[n];
    for (int i = 0, end = used[n]; i < end; i++) {
      if (g != null && g[i] >= 0) {
        count++; // the last byte of a gap
      }
    }
    return count;
  }

  /** Counts the distinct days in {@code [from, to)} (epoch days). */
  int count(int n, long from, long to) {
    if (isEmpty(n) || to <= min[n] || from > max[n]) {
      return 0;
    }
    long day = min[n];
    int count = day >= from ? 1 : 0;
    byte[] g = gaps[n];
    int v = 0;
    int shift = 0;
    for (int i = 0, end = used[n]; i < end; i++) {
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
