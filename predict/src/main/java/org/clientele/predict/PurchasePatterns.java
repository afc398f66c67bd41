package org.clientele.predict;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.predict.internal.Patterns;

/**
 * The input of {@link BgNbd} and {@link ParetoNbd}: how many customers share each distinct
 * purchase history (x, t_x, T), so that the cost of a fit grows with the number of distinct
 * histories, not of customers. Mergeable, for calibration in parallel or on a cluster: the merged
 * table is the same however the population was split.
 *
 * <p>The conventions are those of the Python {@code lifetimes} library (and of Clientele's
 * lifetimes feature derivation): x is the number of repeat purchase periods (purchases on the same
 * day merged, the first purchase not counted), t_x the time from the first to the last purchase
 * (0 when x = 0), T the time from the first purchase to the end of the observation, all in one
 * time unit (days or weeks).
 *
 * <p>Not thread-safe: one table per thread, then {@link #merge}.
 *
 * @since 0.1.0
 */
public final class PurchasePatterns {

  private final Map<Key, double[]> counts = new HashMap<>();
  private double customers;

  /**
   * Creates an empty table.
   *
   * @since 0.1.0
   */
  public PurchasePatterns() {}

  private record Key(double x, double tx, double t) {}

  /**
   * Adds one customer.
   *
   * @param x repeat purchases, a whole number, 0 or more
   * @param tx time of the last purchase since the first, 0 when x = 0
   * @param t time since the first purchase, at least t_x
   * @return this table
   * @throws IllegalArgumentException if the history is inconsistent
   * @since 0.1.0
   */
  public PurchasePatterns add(double x, double tx, double t) {
    return add(x, tx, t, 1);
  }

  /**
   * Adds customers sharing one history.
   *
   * @param x repeat purchases, a whole number, 0 or more
   * @param tx time of the last purchase since the first, 0 when x = 0
   * @param t time since the first purchase, at least t_x
   * @param weight the number of customers, positive
   * @return this table
   * @throws IllegalArgumentException if the history is inconsistent
   * @since 0.1.0
   */
  public PurchasePatterns add(double x, double tx, double t, double weight) {
    check(x, tx, t);
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be positive and finite: " + weight);
    }
    // -0.0 and 0.0 are one pattern
    counts.computeIfAbsent(new Key(x + 0.0, tx + 0.0, t + 0.0), k -> new double[1])[0] += weight;
    customers += weight;
    return this;
  }

  /**
   * Checks one history against the conventions.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @throws IllegalArgumentException naming the inconsistency
   * @since 0.1.0
   */
  public static void check(double x, double tx, double t) {
    if (!(x >= 0) || x != Math.rint(x) || !Double.isFinite(x)) {
      throw new IllegalArgumentException("x (repeat purchases) must be a whole number >= 0: " + x);
    }
    if (!(tx >= 0) || !(t >= tx) || !Double.isFinite(t)) {
      throw new IllegalArgumentException(
          "need 0 <= t_x <= T (recency within age), got t_x=" + tx + ", T=" + t);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException("t_x must be 0 when x = 0 (no repeat purchase), got " + tx);
    }
    if (x > 0 && tx == 0) {
      throw new IllegalArgumentException("t_x must be above 0 when x > 0 (repeat purchases on later days)");
    }
  }

  /**
   * Adds another table's customers to this one.
   *
   * @param other another table
   * @return this table
   * @since 0.1.0
   */
  public PurchasePatterns merge(PurchasePatterns other) {
    Objects.requireNonNull(other, "other");
    other.counts.forEach((k, w) -> counts.computeIfAbsent(k, kk -> new double[1])[0] += w[0]);
    customers += other.customers;
    return this;
  }

  /**
   * Writes the table (its distinct histories and their weights), to merge it in another JVM.
   *
   * @param out where to write
   * @throws IOException if the output fails
   * @since 0.1.0
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<Key, double[]> e : counts.entrySet()) {
      out.writeDouble(e.getKey().x);
      out.writeDouble(e.getKey().tx);
      out.writeDouble(e.getKey().t);
      out.writeDouble(e.getValue()[0]);
    }
  }

  /**
   * Reads a table {@link #writeTo} wrote.
   *
   * @param in where to read
   * @return the table
   * @throws IOException if the input fails
   * @throws IllegalArgumentException if a history in it is inconsistent
   * @since 0.1.0
   */
  public static PurchasePatterns readFrom(DataInput in) throws IOException {
    PurchasePatterns table = new PurchasePatterns();
    int n = in.readInt();
    if (n < 0) {
      throw new IllegalArgumentException("not a purchase patterns table (" + n + " entries)");
    }
    for (int i = 0; i < n; i++) {
      table.add(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    }
    return table;
  }

  /**
   * The number of customers added.
   *
   * @return the total weight
   * @since 0.1.0
   */
  public double customers() {
    return customers;
  }

  /**
   * The number of distinct histories, which is what a fit's cost grows with.
   *
   * @return the count
   * @since 0.1.0
   */
  public int distinct() {
    return counts.size();
  }

  /** Freezes the table, sorted by x then t_x then T (deterministic whatever the insertion order). */
  Patterns freeze() {
    List<Map.Entry<Key, double[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((ea, eb) -> {
      Key a = ea.getKey();
      Key b = eb.getKey();
      int c = Double.compare(a.x, b.x);
      if (c == 0) {
        c = Double.compare(a.tx, b.tx);
      }
      return c != 0 ? c : Double.compare(a.t, b.t);
    });
    int n = entries.size();
    double[] x = new double[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      Key k = entries.get(i).getKey();
      x[i] = k.x;
      tx[i] = k.tx;
      t[i] = k.t;
      w[i] = entries.get(i).getValue()[0];
    }
    return new Patterns(x, tx, t, w);
  }
}
