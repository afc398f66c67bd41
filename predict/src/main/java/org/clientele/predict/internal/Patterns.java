package org.clientele.predict.internal;

/**
 * A frozen table of distinct (x, t_x, T) patterns with their weights (how many customers share
 * them), sorted by x so that terms depending on x alone are computed once per distinct x.
 *
 * @since 0.1.0
 */
public final class Patterns {

  private final double[] x;
  private final double[] tx;
  private final double[] t;
  private final double[] w;
  private final int[] xStart;
  private final double total;

  /**
   * Creates the table; the arrays are taken as they are and must already be sorted by x.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @param w weights
   * @since 0.1.0
   */
  public Patterns(double[] x, double[] tx, double[] t, double[] w) {
    this.x = x;
    this.tx = tx;
    this.t = t;
    this.w = w;
    int groups = 0;
    for (int i = 0; i < x.length; i++) {
      if (i == 0 || x[i] != x[i - 1]) {
        groups++;
      }
    }
    this.xStart = new int[groups + 1];
    int g = 0;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (i == 0 || x[i] != x[i - 1]) {
        xStart[g++] = i;
      }
      sum += w[i];
    }
    xStart[groups] = x.length;
    this.total = sum;
  }

  /**
   * Number of distinct patterns.
   *
   * @return the count
   * @since 0.1.0
   */
  public int size() {
    return x.length;
  }

  /**
   * Number of customers (sum of weights).
   *
   * @return the total weight
   * @since 0.1.0
   */
  public double total() {
    return total;
  }

  /**
   * Number of distinct x values.
   *
   * @return the number of groups
   * @since 0.1.0
   */
  public int groups() {
    return xStart.length - 1;
  }

  /**
   * First pattern index of a group.
   *
   * @param group the group
   * @return the index
   * @since 0.1.0
   */
  public int start(int group) {
    return xStart[group];
  }

  /**
   * Repeat purchases of a pattern.
   *
   * @param i the pattern index
   * @return x
   * @since 0.1.0
   */
  public double x(int i) {
    return x[i];
  }

  /**
   * Recency of a pattern.
   *
   * @param i the pattern index
   * @return t_x
   * @since 0.1.0
   */
  public double tx(int i) {
    return tx[i];
  }

  /**
   * Age of a pattern.
   *
   * @param i the pattern index
   * @return T
   * @since 0.1.0
   */
  public double t(int i) {
    return t[i];
  }

  /**
   * Weight of a pattern.
   *
   * @param i the pattern index
   * @return the number of customers with it
   * @since 0.1.0
   */
  public double w(int i) {
    return w[i];
  }
}
