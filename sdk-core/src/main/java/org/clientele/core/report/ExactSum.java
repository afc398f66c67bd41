package org.clientele.core.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A sum of doubles kept exactly as a short list of non-overlapping partials (Shewchuk's algorithm,
 * the one behind Python's {@code math.fsum}). {@link #value()} is the true sum correctly rounded,
 * so it does not depend on the order of {@link #add} and {@link #merge} calls: that is what makes a
 * merged report byte-identical to a single-pass one. Not thread-safe.
 */
final class ExactSum {

  private double[] partials = new double[2];
  private int size;

  /** Adds a finite value. */
  void add(double x) {
    if (x == 0.0) {
      return;
    }
    int kept = 0;
    for (int j = 0; j < size; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (!Double.isFinite(x)) {
      throw new ArithmeticException("Report sum overflows a double; a feature value is out of range");
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, partials.length * 2);
    }
    partials[kept++] = x;
    size = kept;
  }

  /** Adds everything the other sum holds; exact, like adding its values one by one. */
  void merge(ExactSum other) {
    for (int i = 0; i < other.size; i++) {
      add(other.partials[i]);
    }
  }

  /** Writes the partials (the exact sum, not its rounding). */
  void write(DataOutput out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(partials[i]);
    }
  }

  /** Adds the partials {@link #write} wrote; exact, like {@link #merge}. */
  void read(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 4096) {
      throw new IllegalArgumentException("not an exact sum state (" + n + " partials)");
    }
    for (int i = 0; i < n; i++) {
      double p = in.readDouble();
      if (!Double.isFinite(p)) {
        throw new IllegalArgumentException("not an exact sum state (a partial of " + p + ")");
      }
      add(p);
    }
  }

  /** Returns the exact sum rounded once to the nearest double (ties to even); never -0.0. */
  double value() {
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    double hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) {
        break;
      }
    }
    // Half-way case: the partials below lo decide the direction of rounding.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) {
        hi = x;
      }
    }
    return hi + 0.0;
  }
}
