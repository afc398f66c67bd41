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
  /** Bytes used in the customer's gaps. */
  private final Paged.Ints used = new Paged.Ints(0);
  /**
   * Per customer, the days after the first: each the gap to the previous day (at least 1) as
   * seven bits a byte, low bits first, the high bit set on every byte of a gap but its last. No
   * byte is 0, so the bytes after the used ones are free.
   */
  private final Paged.Refs<byte[]> gaps = new Paged.Refs<>();

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
    used.set(n, 0);
    byte[] g = gaps.get(n);
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
    int day = min.get(n);
    out[0] = day;
    byte[] g = gaps.get(n);
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
    int count = 1;
    byte[] g = gaps.get(n);
    for (int i = 0, end = used.get(n); i < end; i++) {
      if (g != null && g[i] >= 0) {
        count++; // the last byte of a gap
      }
    }
    return count;
  }

  /** Counts the distinct days in {@code [from, to)} (epoch days). */
  int count(int n, long from, long to) {
    if (isEmpty(n) || to <= min(n) || from > max(n)) {
      return 0;
    }
    long day = min(n);
    int count = day >= from ? 1 : 0;
    byte[] g = gaps.get(n);
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
