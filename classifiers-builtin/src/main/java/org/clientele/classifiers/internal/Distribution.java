package org.clientele.classifiers.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.jspecify.annotations.Nullable;

/**
 * One feature's distribution over a calibration population, in bounded memory.
 *
 * <p>Two regimes, chosen by the number of values (see {@link SketchOptions}):
 *
 * <ul>
 *   <li><b>Exact</b>, up to {@code exactLimit} values: every value is kept; summaries are computed
 *       from the sorted values, so they are identical for any order of the population and any way
 *       of splitting it into merged partitions.
 *   <li><b>Sketch</b>, above the limit: an Apache DataSketches KLL sketch for ranks (randomised;
 *       rank error {@link SketchOptions#rankError()} with 99% confidence) and, if mass is tracked,
 *       a {@link MassHistogram} for cumulative shares (relative value error at most {@code
 *       massPrecision}).
 * </ul>
 *
 * <p>Both regimes answer rank queries with the same definition (a value at a 1-based position
 * in ascending order), so a sketch that still holds every value answers exactly like the exact
 * regime. Not thread-safe: one instance per calibrating thread, then {@link #merge}.
 */
public final class Distribution {

  private final SketchOptions options;
  private final boolean trackMass;
  private double[] values = new double[64];
  private int size;
  private @Nullable KllDoublesSketch sketch;
  private @Nullable MassHistogram mass;

  /**
   * Creates an empty distribution.
   *
   * @param options the regime limits
   * @param trackMass whether Pareto (cumulative share) queries will be asked
   */
  public Distribution(SketchOptions options, boolean trackMass) {
    this.options = options;
    this.trackMass = trackMass;
  }

  /**
   * Adds a value; non-finite values are ignored (a {@link org.clientele.api.Customer} never holds
   * one).
   *
   * @param v the value
   */
  public void add(double v) {
    if (!Double.isFinite(v)) {
      return;
    }
    KllDoublesSketch s = sketch;
    if (s != null) {
      s.update(v);
      if (mass != null) {
        mass.add(v);
      }
      return;
    }
    if (size == options.exactLimit()) {
      toSketch();
      add(v);
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(Math.max(64, size * 2), Math.max(options.exactLimit(), 64)));
    }
    values[size++] = v;
  }

  /**
   * Adds another distribution's values; the other one is left unchanged.
   *
   * @param other a distribution with the same options
   */
  public void merge(Distribution other) {
    if (sketch == null && other.sketch == null && (long) size + other.size <= options.exactLimit()) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
      return;
    }
    if (sketch == null) {
      toSketch();
    }
    KllDoublesSketch mine = Objects.requireNonNull(sketch, "toSketch() leaves a sketch");
    if (other.sketch != null) {
      mine.merge(other.sketch);
      if (mass != null && other.mass != null) {
        mass.merge(other.mass);
      }
    } else {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }
  }

  /**
   * Writes the state, for calibration across JVMs: the values themselves in the exact regime (so a
   * restored distribution is exact too), else the KLL sketch's own serial form and the mass bins.
   *
   * @param out where to write
   * @throws IOException if the output fails
   */
  public void writeState(DataOutput out) throws IOException {
    KllDoublesSketch s = sketch;
    if (s == null) {
      out.writeByte(0);
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        out.writeDouble(values[i]);
      }
      return;
    }
    out.writeByte(1);
    byte[] bytes = s.toByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
    MassHistogram m = mass;
    out.writeBoolean(m != null);
    if (m != null) {
      m.writeState(out);
    }
  }

  /**
   * Restores a state {@link #writeState} wrote into this empty distribution.
   *
   * @param in where to read
   * @throws IOException if the input fails
   * @throws IllegalStateException if this distribution is not empty
   * @throws IllegalArgumentException if the state does not fit these options
   */
  public void readState(DataInput in) throws IOException {
    if (count() != 0) {
      throw new IllegalStateException("readState needs an empty distribution");
    }
    int regime = in.readByte();
    if (regime == 0) {
      int n = in.readInt();
      if (n < 0 || n > options.exactLimit()) {
        throw new IllegalArgumentException(
            "calibration state holds " + n + " exact values; this configuration keeps at most "
                + options.exactLimit() + " (sketch.exactLimit differs from the writer's?)");
      }
      values = new double[Math.max(64, n)];
      for (int i = 0; i < n; i++) {
        values[i] = in.readDouble();
      }
      size = n;
      return;
    }
    if (regime != 1) {
      throw new IllegalArgumentException("not a distribution state (regime byte " + regime + ")");
    }
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    KllDoublesSketch s = KllDoublesSketch.heapify(Memory.wrap(bytes));
    if (s.getK() != options.k()) {
      throw new IllegalArgumentException(
          "calibration state has a KLL sketch of k=" + s.getK() + "; this configuration uses k=" + options.k());
    }
    MassHistogram m = null;
    if (in.readBoolean()) {
      m = new MassHistogram(options.massPrecision());
      m.readState(in);
    }
    if (trackMass && m == null) {
      throw new IllegalArgumentException("calibration state has no mass histogram; this configuration needs one (pareto)");
    }
    sketch = s;
    mass = trackMass ? m : null;
    values = new double[0];
    size = 0;
  }

  private void toSketch() {
    KllDoublesSketch s = KllDoublesSketch.newHeapInstance(options.k());
    MassHistogram m = trackMass ? new MassHistogram(options.massPrecision()) : null;
    for (int i = 0; i < size; i++) {
      s.update(values[i]);
      if (m != null) {
        m.add(values[i]);
      }
    }
    sketch = s;
    mass = m;
    values = new double[0];
    size = 0;
  }

  /**
   * Returns how many values were added.
   *
   * @return the count
   */
  public long count() {
    KllDoublesSketch s = sketch;
    return s != null ? s.getN() : size;
  }

  /**
   * Tells whether the summary is exact.
   *
   * @return true in the exact regime
   */
  public boolean exact() {
    return sketch == null;
  }

  /**
   * The calibration key holding, in words, every feature a calibrator summarised with the sketch:
   * the report turns each entry into an {@code approximate_calibration} warning, because the KLL
   * sketch compacts with DataSketches' own unseeded random generator and calibrating again on the
   * same input can move the cut-offs.
   */
  public static final String APPROXIMATE = "approximate";

  /**
   * Names this distribution under {@link #APPROXIMATE} in a calibration result if it is in the
   * sketch regime; does nothing while it is exact.
   *
   * @param out the calibration result being built
   * @param feature the feature the distribution is of
   */
  public void noteIfApproximate(java.util.Map<String, Object> out, String feature) {
    KllDoublesSketch s = sketch;
    if (s == null) {
      return;
    }
    String entry = String.format(java.util.Locale.ROOT, "%s: %,d values, over sketch.exactLimit %,d, summarised by the KLL"
        + " sketch (k=%d, rank error %.2f%%%s)", feature, s.getN(), options.exactLimit(), options.k(),
        options.rankError() * 100, trackMass ? ", mass precision " + Text.pct(options.massPrecision()) : "");
    if (out.get(APPROXIMATE) instanceof java.util.List<?> list) {
      java.util.List<Object> grown = new java.util.ArrayList<>(list);
      grown.add(entry);
      out.put(APPROXIMATE, java.util.List.copyOf(grown));
    } else {
      out.put(APPROXIMATE, java.util.List.of(entry));
    }
  }

  /**
   * Freezes the distribution into a summary that answers rank and mass queries.
   *
   * @return the summary, or null if no value was added
   */
  public @Nullable Summary summarise() {
    if (count() == 0) {
      return null;
    }
    KllDoublesSketch s = sketch;
    if (s == null) {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return new Summary(sorted, null, size, 0, exactMass(sorted), null, 0);
    }
    DoublesSortedView view = s.getSortedView();
    return new Summary(
        view.getQuantiles(),
        view.getCumulativeWeights(),
        view.getN(),
        options.rankError(),
        Double.NaN,
        mass,
        options.massPrecision());
  }

  private static double exactMass(double[] sorted) {
    double total = 0;
    for (int i = sorted.length - 1; i >= 0 && sorted[i] > 0; i--) {
      total += sorted[i];
    }
    return total;
  }

  /** Answers rank and mass queries on a frozen distribution. */
  public static final class Summary {
    private final double[] items;
    private final long @Nullable [] cumulativeWeights;
    private final long n;
    private final double rankError;
    private final double exactTotal;
    private final @Nullable MassHistogram mass;
    private final double massError;

    private Summary(
        double[] items,
        long @Nullable [] cumulativeWeights,
        long n,
        double rankError,
        double exactTotal,
        @Nullable MassHistogram mass,
        double massError) {
      this.items = items;
      this.cumulativeWeights = cumulativeWeights;
      this.n = n;
      this.rankError = rankError;
      this.exactTotal = exactTotal;
      this.mass = mass;
      this.massError = massError;
    }

    /**
     * Returns the number of values.
     *
     * @return the count
     */
    public long count() {
      return n;
    }

    /**
     * Tells whether the summary is exact.
     *
     * @return true in the exact regime
     */
    public boolean exact() {
      return cumulativeWeights == null;
    }

    /**
     * Returns the rank error of rank queries.
     *
     * @return 0 when exact, else the KLL normalised rank error (99% confidence)
     */
    public double rankError() {
      return rankError;
    }

    /**
     * Returns the relative error of mass cut-offs.
     *
     * @return 0 when exact, else the mass histogram's precision
     */
    public double massError() {
      return exact() ? 0 : massError;
    }

    /**
     * Returns the value at a 1-based position in ascending order.
     *
     * @param position from 1 to {@link #count()}
     * @return the value
     */
    public double at(long position) {
      long p = Math.max(1, Math.min(n, position));
      long[] cw = cumulativeWeights;
      if (cw == null) {
        return items[(int) (p - 1)];
      }
      int lo = 0;
      int hi = cw.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cw[mid] >= p) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return items[lo];
    }

    /**
     * Returns how many values are at or below {@code x} (estimated within the rank error in the
     * sketch regime).
     *
     * @param x a value
     * @return the count, from 0 to {@link #count()}
     */
    public long countAtOrBelow(double x) {
      int i = firstAbove(x);
      long[] cw = cumulativeWeights;
      return cw == null ? i : i == 0 ? 0 : cw[i - 1];
    }

    /** The index of the first stored item above {@code x} (the number of items at or below it). */
    private int firstAbove(double x) {
      int lo = 0;
      int hi = limit();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (items[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private int limit() {
      return cumulativeWeights == null ? (int) n : items.length;
    }

    /**
     * Returns the smallest value strictly above {@code x}, so that tied cut points can be spread
     * over the distinct values the data has.
     *
     * @param x a value
     * @return the next larger value, or NaN if no value is larger
     */
    public double nextAbove(double x) {
      int i = firstAbove(x);
      return i < limit() ? items[i] : Double.NaN;
    }

    /**
     * Returns the largest value among the lowest {@code share} of the population: the value at
     * position {@code ceil(share * n)} (at least 1).
     *
     * @param share a fraction from 0 to 1
     * @return the value
     */
    public double lowerQuantile(double share) {
      return at(Math.max(1, positions(share)));
    }

    /**
     * Returns the smallest value among the top {@code share} of the population: the value at
     * position {@code n - ceil(share * n) + 1}, so at least one value is at or above it.
     *
     * @param share a fraction above 0 and at most 1
     * @return the value
     */
    public double topShareCutoff(double share) {
      long k = Math.max(1, positions(share));
      return at(n - k + 1);
    }

    /**
     * Returns the Pareto cut-off: the largest value {@code t} such that the values at or above
     * {@code t} hold at least {@code share} of the total of positive values. Exact in the exact
     * regime (sums taken in descending order, so independent of the input order); within the
     * mass histogram's relative error, and never above the exact cut-off, in the sketch regime.
     *
     * @param share a fraction above 0 and at most 1
     * @return the cut-off, or NaN if there is no positive value
     */
    public double massCutoff(double share) {
      MassHistogram m = mass;
      if (!exact()) {
        return m == null ? Double.NaN : m.cutoff(share);
      }
      if (!(exactTotal > 0)) {
        return Double.NaN;
      }
      double target = share * exactTotal;
      double cumulative = 0;
      int i = items.length - 1;
      while (i >= 0 && items[i] > 0) {
        double v = items[i];
        while (i >= 0 && items[i] == v) {
          cumulative += v;
          i--;
        }
        if (cumulative >= target) {
          return v;
        }
      }
      return items[i + 1];
    }

    /**
     * Returns the total of positive values.
     *
     * @return the sum, 0 if none
     */
    public double positiveTotal() {
      MassHistogram m = mass;
      return exact() ? exactTotal : m == null ? Double.NaN : m.total();
    }

    private long positions(double share) {
      return BigDecimal.valueOf(share)
          .multiply(BigDecimal.valueOf(n))
          .setScale(0, RoundingMode.CEILING)
          .longValueExact();
    }
  }
}
