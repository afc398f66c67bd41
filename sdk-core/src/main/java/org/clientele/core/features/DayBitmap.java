package org.clientele.core.features;

/**
 * The set of distinct days a customer bought on, as one bit per day between the customer's first
 * and last purchase day: exact whatever the order of the transactions, and bounded by the
 * customer's purchase span (46 bytes per year of history), never by the number of transactions.
 * A customer with a single purchase day needs no array at all.
 *
 * <p>Not thread-safe. Not final only so that a customer's accumulator can extend it and save an
 * object per customer.
 */
class DayBitmap {

  private static final long[] NONE = new long[0];

  private int min = Integer.MAX_VALUE;
  private int max = Integer.MIN_VALUE;
  /** Bit i of word w is the day {@code base + 64 * w + i}; empty while min == max. */
  private long[] words = NONE;
  private int base;

  boolean isEmpty() {
    return min == Integer.MAX_VALUE;
  }

  /** The first day, as an epoch day; only if not empty. */
  int min() {
    return min;
  }

  /** The last day, as an epoch day; only if not empty. */
  int max() {
    return max;
  }

  void add(int day) {
    if (isEmpty()) {
      min = day;
      max = day;
      return;
    }
    if (words.length == 0) {
      if (day == min) {
        return;
      }
      base = Math.floorDiv(Math.min(min, day), 64) * 64;
      words = new long[(Math.max(max, day) - base) / 64 + 1];
      set(min);
    } else if (day < base || day >= base + 64L * words.length) {
      grow(day);
    }
    set(day);
    min = Math.min(min, day);
    max = Math.max(max, day);
  }

  private void set(int day) {
    int offset = day - base;
    words[offset >>> 6] |= 1L << (offset & 63);
  }

  private void grow(int day) {
    int newBase = Math.min(base, Math.floorDiv(day, 64) * 64);
    long newEnd = Math.max(base + 64L * words.length, (long) Math.floorDiv(day, 64) * 64 + 64);
    long[] grown = new long[(int) ((newEnd - newBase) / 64)];
    System.arraycopy(words, 0, grown, (base - newBase) / 64, words.length);
    words = grown;
    base = newBase;
  }

  /** Counts the distinct days in {@code [from, to)} (epoch days). */
  int count(long from, long to) {
    if (isEmpty() || to <= min || from > max) {
      return 0;
    }
    if (words.length == 0) {
      return min >= from && min < to ? 1 : 0;
    }
    long lo = Math.max(from, min) - base;
    long hi = Math.min(to, (long) max + 1) - base; // exclusive
    int n = 0;
    int firstWord = (int) (lo >>> 6);
    int lastWord = (int) ((hi - 1) >>> 6);
    for (int w = firstWord; w <= lastWord; w++) {
      long bits = words[w];
      if (w == firstWord) {
        bits &= -1L << (lo & 63);
      }
      if (w == lastWord) {
        int end = (int) (hi - 64L * w); // 1..64
        bits &= end == 64 ? -1L : (1L << end) - 1;
      }
      n += Long.bitCount(bits);
    }
    return n;
  }

  /** Counts all distinct days. */
  int count() {
    return isEmpty() ? 0 : count(min, (long) max + 1);
  }
}
