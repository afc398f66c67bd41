package org.clientele.classifiers.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cumulative mass (sum) of positive values in bounded memory, for Pareto cut-offs on large
 * populations.
 *
 * <p>Values fall into logarithmic bins {@code [g^i, g^(i+1))} with {@code g = 1 + precision}; each
 * bin keeps the count, the sum, the smallest and the largest value it received. The cut-off for a
 * share {@code s} is the smallest value of the highest bin at which the mass counted from the top
 * reaches {@code s} of the total. The exact cut-off lies in that same bin, so the returned value is
 * at most one bin width below it: {@code exact / (1 + precision) <= returned <= exact}, and the
 * customers at or above it hold at least the share asked for. Memory is one small entry per
 * occupied bin: a range of values of ratio R needs {@code ln R / ln g} bins (about 3,000 for money
 * from 0.01 to 10^11 at 1%); beyond {@code MAX_BINS} the lowest bins are folded together, which
 * loses the bound only for cut-offs inside the folded bottom range.
 */
final class MassHistogram {

  static final int MAX_BINS = 8192;

  private static final class Bin {
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    void add(double v) {
      count++;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    void add(Bin other) {
      count += other.count;
      sum += other.sum;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }
  }

  private final double logBase;
  private final TreeMap<Integer, Bin> bins = new TreeMap<>();

  MassHistogram(double precision) {
    this.logBase = Math.log1p(precision);
  }

  void add(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      return;
    }
    int index = (int) Math.floor(Math.log(v) / logBase);
    bins.computeIfAbsent(index, i -> new Bin()).add(v);
    if (bins.size() > MAX_BINS) {
      fold();
    }
  }

  void merge(MassHistogram other) {
    for (Map.Entry<Integer, Bin> e : other.bins.entrySet()) {
      bins.computeIfAbsent(e.getKey(), i -> new Bin()).add(e.getValue());
    }
    while (bins.size() > MAX_BINS) {
      fold();
    }
  }

  /** Writes the bins, lowest first. */
  void writeState(DataOutput out) throws IOException {
    out.writeInt(bins.size());
    for (Map.Entry<Integer, Bin> e : bins.entrySet()) {
      Bin b = e.getValue();
      out.writeInt(e.getKey());
      out.writeLong(b.count);
      out.writeDouble(b.sum);
      out.writeDouble(b.min);
      out.writeDouble(b.max);
    }
  }

  /** Reads bins {@link #writeState} wrote and adds them to this histogram. */
  void readState(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_BINS) {
      throw new IllegalArgumentException("not a mass histogram state (" + n + " bins)");
    }
    MassHistogram other = new MassHistogram(0.01);
    for (int i = 0; i < n; i++) {
      Bin b = new Bin();
      int index = in.readInt();
      b.count = in.readLong();
      b.sum = in.readDouble();
      b.min = in.readDouble();
      b.max = in.readDouble();
      other.bins.put(index, b);
    }
    merge(other);
  }

  private void fold() {
    Bin lowest = bins.pollFirstEntry().getValue();
    bins.firstEntry().getValue().add(lowest);
  }

  /** Sum of the positive values, added from the highest bin down. */
  double total() {
    double total = 0;
    for (Bin b : bins.descendingMap().values()) {
      total += b.sum;
    }
    return total;
  }

  /** See the class comment; NaN if no positive value was seen. */
  double cutoff(double share) {
    double total = total();
    if (!(total > 0)) {
      return Double.NaN;
    }
    double target = share * total;
    double cumulative = 0;
    double last = Double.NaN;
    for (Bin b : bins.descendingMap().values()) {
      cumulative += b.sum;
      last = b.min;
      if (cumulative >= target) {
        return b.min;
      }
    }
    return last;
  }
}
