package org.clientele.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Compares a fitted model's predictions with what customers actually did in a holdout period
 * after the calibration period: the mean actual and expected number of purchases by calibration
 * frequency (0, 1, …, {@code maxFrequency}+), as in Fader, Hardie and Lee (2005, figure 4), and
 * the error figures over all customers. Accumulates one customer at a time; not thread-safe.
 *
 * @since 0.1.0
 */
public final class HoldoutValidation {

  private final PurchaseModel model;
  private final double holdout;
  private final int maxFrequency;
  private final double[] customers;
  private final double[] actual;
  private final double[] expected;
  private double absoluteError;
  private double squaredError;

  /**
   * One row of the comparison.
   *
   * @param frequency the calibration frequency, {@code "7+"} for the last row
   * @param customers the number of customers with it
   * @param actual their mean number of holdout purchases
   * @param expected their mean expected number of holdout purchases
   * @since 0.1.0
   */
  public record Row(String frequency, double customers, double actual, double expected) {}

  /**
   * Starts a comparison.
   *
   * @param model the model fitted on the calibration period
   * @param holdout the length of the holdout period, in the model's time unit
   * @param maxFrequency the last frequency row (it collects every higher frequency), 1 or more
   * @return an empty comparison
   * @since 0.1.0
   */
  public static HoldoutValidation of(PurchaseModel model, double holdout, int maxFrequency) {
    return new HoldoutValidation(model, holdout, maxFrequency);
  }

  private HoldoutValidation(PurchaseModel model, double holdout, int maxFrequency) {
    this.model = Objects.requireNonNull(model, "model");
    if (!(holdout > 0) || !Double.isFinite(holdout) || maxFrequency < 1) {
      throw new IllegalArgumentException("need a positive holdout and maxFrequency >= 1; got " + holdout + ", " + maxFrequency);
    }
    this.holdout = holdout;
    this.maxFrequency = maxFrequency;
    this.customers = new double[maxFrequency + 1];
    this.actual = new double[maxFrequency + 1];
    this.expected = new double[maxFrequency + 1];
  }

  /**
   * Adds one customer.
   *
   * @param x calibration repeat purchases
   * @param tx calibration recency
   * @param t calibration age
   * @param holdoutPurchases the purchases the customer actually made in the holdout period
   * @return this comparison
   * @since 0.1.0
   */
  public HoldoutValidation add(double x, double tx, double t, double holdoutPurchases) {
    double e = model.expectedPurchases(holdout, x, tx, t);
    int row = (int) Math.min(x, maxFrequency);
    customers[row]++;
    actual[row] += holdoutPurchases;
    expected[row] += e;
    absoluteError += Math.abs(holdoutPurchases - e);
    squaredError += (holdoutPurchases - e) * (holdoutPurchases - e);
    return this;
  }

  /**
   * The comparison by calibration frequency.
   *
   * @return one row per frequency 0 to {@code maxFrequency}, the last one with every higher
   *     frequency; means are NaN for an empty row
   * @since 0.1.0
   */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i <= maxFrequency; i++) {
      out.add(new Row(i == maxFrequency ? i + "+" : String.valueOf(i), customers[i],
          actual[i] / customers[i], expected[i] / customers[i]));
    }
    return out;
  }

  /**
   * The number of customers added.
   *
   * @return the count
   * @since 0.1.0
   */
  public double customers() {
    double n = 0;
    for (double c : customers) {
      n += c;
    }
    return n;
  }

  /**
   * The total actual holdout purchases.
   *
   * @return the sum over customers
   * @since 0.1.0
   */
  public double totalActual() {
    double s = 0;
    for (double a : actual) {
      s += a;
    }
    return s;
  }

  /**
   * The total expected holdout purchases.
   *
   * @return the sum over customers
   * @since 0.1.0
   */
  public double totalExpected() {
    double s = 0;
    for (double e : expected) {
      s += e;
    }
    return s;
  }

  /**
   * The mean absolute error per customer.
   *
   * @return the mean of |actual − expected|
   * @since 0.1.0
   */
  public double meanAbsoluteError() {
    return absoluteError / customers();
  }

  /**
   * The root mean squared error per customer.
   *
   * @return the root of the mean of (actual − expected)²
   * @since 0.1.0
   */
  public double rootMeanSquaredError() {
    return Math.sqrt(squaredError / customers());
  }

  /**
   * The comparison as a text table with the error figures.
   *
   * @return the table
   * @since 0.1.0
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s, holdout %s: actual vs expected purchases by calibration frequency%n",
        model.describe(), holdout));
    b.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s%n", "frequency", "customers", "actual", "expected"));
    for (Row r : rows()) {
      b.append(String.format(Locale.ROOT, "%-9s %9.0f %9.3f %9.3f%n", r.frequency(), r.customers(), r.actual(), r.expected()));
    }
    b.append(String.format(Locale.ROOT, "total actual %.0f, expected %.1f (%+.1f%%); per customer MAE %.3f, RMSE %.3f%n",
        totalActual(), totalExpected(), 100 * (totalExpected() - totalActual()) / totalActual(),
        meanAbsoluteError(), rootMeanSquaredError()));
    return b.toString();
  }
}
