package org.clientele.core.features;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Columns of values indexed by customer number, stored in pages of {@value #PAGE} entries created
 * on the first write: growing never copies a column (nor needs twice its memory for a moment),
 * no page is large enough to be a humongous object of a small heap, and a column whose values
 * stay at their default costs nothing. A page is at most {@value #PAGE} entries of slack.
 */
final class Paged {

  static final int PAGE_BITS = 13;
  static final int PAGE = 1 << PAGE_BITS;
  private static final int MASK = PAGE - 1;

  private Paged() {}

  private static int pages(int n, int length) {
    return Math.max((n >>> PAGE_BITS) + 1, 2 * length);
  }

  /** Doubles, 0 until written. */
  static final class Doubles {
    private double[] @Nullable [] pages = new double[0][];

    double get(int n) {
      int p = n >>> PAGE_BITS;
      double[] page = p < pages.length ? pages[p] : null;
      return page == null ? 0 : page[n & MASK];
    }

    void add(int n, double value) {
      double[] page = page(n);
      page[n & MASK] += value;
    }

    void set(int n, double value) {
      page(n)[n & MASK] = value;
    }

    private double[] page(int n) {
      int p = n >>> PAGE_BITS;
      if (p >= pages.length) {
        pages = Arrays.copyOf(pages, pages(n, pages.length));
      }
      double[] page = pages[p];
      if (page == null) {
        page = new double[PAGE];
        pages[p] = page;
      }
      return page;
    }
  }

  /** Ints, a given value until written. */
  static final class Ints {
    private final int initial;
    private int[] @Nullable [] pages = new int[0][];

    Ints(int initial) {
      this.initial = initial;
    }

    int get(int n) {
      int p = n >>> PAGE_BITS;
      int[] page = p < pages.length ? pages[p] : null;
      return page == null ? initial : page[n & MASK];
    }

    void set(int n, int value) {
      page(n)[n & MASK] = value;
    }

    void increment(int n) {
      page(n)[n & MASK]++;
    }

    private int[] page(int n) {
      int p = n >>> PAGE_BITS;
      if (p >= pages.length) {
        pages = Arrays.copyOf(pages, pages(n, pages.length));
      }
      int[] page = pages[p];
      if (page == null) {
        page = new int[PAGE];
        if (initial != 0) {
          Arrays.fill(page, initial);
        }
        pages[p] = page;
      }
      return page;
    }
  }

  /** Longs, 0 until written. */
  static final class Longs {
    private long[] @Nullable [] pages = new long[0][];

    long get(int n) {
      int p = n >>> PAGE_BITS;
      long[] page = p < pages.length ? pages[p] : null;
      return page == null ? 0 : page[n & MASK];
    }

    void set(int n, long value) {
      int p = n >>> PAGE_BITS;
      if (p >= pages.length) {
        pages = Arrays.copyOf(pages, pages(n, pages.length));
      }
      long[] page = pages[p];
      if (page == null) {
        page = new long[PAGE];
        pages[p] = page;
      }
      page[n & MASK] = value;
    }
  }

  /** References, null until written. */
  static final class Refs<T> {
    private @Nullable Object[] @Nullable [] pages = new Object[0][];

    @SuppressWarnings("unchecked")
    @Nullable T get(int n) {
      int p = n >>> PAGE_BITS;
      Object[] page = p < pages.length ? pages[p] : null;
      return page == null ? null : (T) page[n & MASK];
    }

    void set(int n, @Nullable T value) {
      int p = n >>> PAGE_BITS;
      if (p >= pages.length) {
        pages = Arrays.copyOf(pages, pages(n, pages.length));
      }
      Object[] page = pages[p];
      if (page == null) {
        page = new Object[PAGE];
        pages[p] = page;
      }
      page[n & MASK] = value;
    }
  }
}
