package org.clientele.predict;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input of {@link GammaGamma}: how many repeat customers share each (x, mean repeat spend)
 * pair. Only customers with at least one repeat purchase and a positive mean spend carry
 * information; {@link #add} ignores the others and counts them in {@link #ignored()}. Mergeable,
 * like {@link PurchasePatterns}.
 *
 * @since 0.1.0
 */
public final class SpendPatterns {

  private final Map<Key, double[]> counts = new HashMap<>();
  private double customers;
  private double ignored;

  /**
   * Creates an empty table.
   *
   * @since 0.1.0
   */
  public SpendPatterns() {}

  private record Key(double x, double spend) {}

  /**
   * Adds one customer.
   *
   * @param x repeat purchases, a whole number
   * @param meanSpend the mean value of the repeat purchases (the first purchase left out)
   * @return this table
   * @throws IllegalArgumentException if x is not a whole number or the spend is not finite
   * @since 0.1.0
   */
  public SpendPatterns add(double x, double meanSpend) {
    if (!(x >= 0) || x != Math.rint(x) || !Double.isFinite(x) || !Double.isFinite(meanSpend)) {
      throw new IllegalArgumentException(
          "need a whole number of repeat purchases and a finite mean spend, got x=" + x
              + ", spend=" + meanSpend);
    }
    if (x < 1 || !(meanSpend > 0)) {
      ignored++;
      return this;
    }
    counts.computeIfAbsent(new Key(x, meanSpend), k -> new double[1])[0]++;
    customers++;
    return this;
  }

  /**
   * Adds another table's customers to this one.
   *
   * @param other another table
   * @return this table
   * @since 0.1.0
   */
  public SpendPatterns merge(SpendPatterns other) {
    Objects.requireNonNull(other, "other");
    other.counts.forEach((k, w) -> counts.computeIfAbsent(k, kk -> new double[1])[0] += w[0]);
    customers += other.customers;
    ignored += other.ignored;
    return this;
  }

  /**
   * Writes the table (its distinct pairs, their weights and the count left out), to merge it in
   * another JVM.
   *
   * @param out where to write
   * @throws IOException if the output fails
   * @since 0.1.0
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeDouble(ignored);
    out.writeInt(counts.size());
    for (Map.Entry<Key, double[]> e : counts.entrySet()) {
      out.writeDouble(e.getKey().x);
      out.writeDouble(e.getKey().spend);
      out.writeDouble(e.getValue()[0]);
    }
  }

  /**
   * Reads a table {@link #writeTo} wrote.
   *
   * @param in where to read
   * @return the table
   * @throws IOException if the input fails
   * @throws IllegalArgumentException if a pair in it is not one {@link #add} keeps
   * @since 0.1.0
   */
  public static SpendPatterns readFrom(DataInput in) throws IOException {
    SpendPatterns table = new SpendPatterns();
    table.ignored = in.readDouble();
    int n = in.readInt();
    if (n < 0 || !(table.ignored >= 0)) {
      throw new IllegalArgumentException("not a spend patterns table");
    }
    for (int i = 0; i < n; i++) {
      double x = in.readDouble();
      double spend = in.readDouble();
      double w = in.readDouble();
      if (!(x >= 1) || x != Math.rint(x) || !(spend > 0) || !Double.isFinite(spend) || !(w > 0)) {
        throw new IllegalArgumentException("not a spend patterns table: x=" + x + ", spend=" + spend + ", weight=" + w);
      }
      table.counts.computeIfAbsent(new Key(x, spend), k -> new double[1])[0] += w;
      table.customers += w;
    }
    return table;
  }

  /**
   * The number of repeat customers with a positive spend (those the fit uses).
   *
   * @return the count
   * @since 0.1.0
   */
  public double customers() {
    return customers;
  }

  /**
   * The number of customers left out (no repeat purchase, or a mean spend of 0 or less).
   *
   * @return the count
   * @since 0.1.0
   */
  public double ignored() {
    return ignored;
  }

  /**
   * The number of distinct (x, spend) pairs.
   *
   * @return the count
   * @since 0.1.0
   */
  public int distinct() {
    return counts.size();
  }

  /** Columns x, spend, weight, sorted. */
  double[][] freeze() {
    List<Map.Entry<Key, double[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((ea, eb) -> {
      int c = Double.compare(ea.getKey().x, eb.getKey().x);
      return c != 0 ? c : Double.compare(ea.getKey().spend, eb.getKey().spend);
    });
    double[][] out = new double[3][entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      out[0][i] = entries.get(i).getKey().x;
      out[1][i] = entries.get(i).getKey().spend;
      out[2][i] = entries.get(i).getValue()[0];
    }
    return out;
  }
}
