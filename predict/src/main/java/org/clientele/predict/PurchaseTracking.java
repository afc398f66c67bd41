package org.clientele.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Tracks a fitted model against the repeat purchases of the whole cohort, period by period across
 * the calibration and holdout periods, as BTYD's {@code bgnbd.PlotTrackingInc} / {@code
 * PlotTrackingCum} and lifetimes' {@code plot_incremental_transactions} do: the actual number of
 * repeat purchases in each period beside the number the model expects, Σ over customers of
 * E[X(t_end − b)] − E[X(t_start − b)], where b is the customer's first purchase and E[X(t)] the
 * expected purchases of a new customer ({@link PurchaseModel#expectedPurchasesNewCustomer}).
 *
 * <p>Times are in the model's unit, measured from a common origin (the first day of the log).
 * Customers are grouped by first-purchase time, so the cost grows with the number of distinct
 * first-purchase times, not with customers. Accumulates; not thread-safe.
 *
 * @since 0.1.0
 */
public final class PurchaseTracking {

  private final PurchaseModel model;
  private final double calibrationEnd;
  private final int periods;
  private final double[] actual;
  private final Map<Double, Double> births = new TreeMap<>();

  /**
   * One period of the tracking.
   *
   * @param period 1 for the first period (times 0 to 1 from the origin)
   * @param holdout whether the period lies after the calibration end
   * @param actual the repeat purchases the cohort made in it
   * @param expected the repeat purchases the model expects in it
   * @param cumulativeActual actual repeat purchases from the origin to the period's end
   * @param cumulativeExpected expected repeat purchases from the origin to the period's end
   * @since 0.1.0
   */
  public record Row(
      int period, boolean holdout, double actual, double expected, double cumulativeActual, double cumulativeExpected) {}

  /**
   * Starts a tracking.
   *
   * @param model the model fitted on the calibration period
   * @param calibrationEnd the end of the calibration period, from the origin (38.86 weeks for
   *     CDNOW's 1997-01-01 to 1997-09-30)
   * @param periods the number of unit periods tracked from the origin (through the holdout)
   * @return an empty tracking
   * @since 0.1.0
   */
  public static PurchaseTracking of(PurchaseModel model, double calibrationEnd, int periods) {
    return new PurchaseTracking(model, calibrationEnd, periods);
  }

  private PurchaseTracking(PurchaseModel model, double calibrationEnd, int periods) {
    this.model = Objects.requireNonNull(model, "model");
    if (!(calibrationEnd > 0) || !Double.isFinite(calibrationEnd) || periods < 1) {
      throw new IllegalArgumentException(
          "need a positive calibration end and at least one period; got " + calibrationEnd + ", " + periods);
    }
    this.calibrationEnd = calibrationEnd;
    this.periods = periods;
    this.actual = new double[periods];
  }

  /**
   * Adds one customer of the cohort (a first purchase in the calibration period).
   *
   * @param birth the time of the first purchase from the origin, 0 or more and before the
   *     calibration end
   * @param repeatPurchases the times of the repeat purchases from the origin (same-day purchases
   *     already counted once); those after the last period are not tracked
   * @return this tracking
   * @throws IllegalArgumentException if the birth is outside the calibration period
   * @since 0.1.0
   */
  public PurchaseTracking add(double birth, double... repeatPurchases) {
    if (!(birth >= 0) || !(birth <= calibrationEnd)) {
      throw new IllegalArgumentException(
          "a tracked customer's first purchase lies in the calibration period [0, " + calibrationEnd + "]; got " + birth);
    }
    births.merge(birth, 1.0, Double::sum);
    for (double t : repeatPurchases) {
      int k = (int) Math.floor(t);
      if (t >= birth && k >= 0 && k < periods) {
        actual[k]++;
      }
    }
    return this;
  }

  /**
   * The tracking, period by period.
   *
   * @return one row per period
   * @since 0.1.0
   */
  public List<Row> rows() {
    double[] cumulative = new double[periods + 1];
    for (Map.Entry<Double, Double> e : births.entrySet()) {
      double b = e.getKey();
      for (int k = 1; k <= periods; k++) {
        if (k > b) {
          cumulative[k] += e.getValue() * model.expectedPurchasesNewCustomer(k - b);
        }
      }
    }
    List<Row> out = new ArrayList<>(periods);
    double cumActual = 0;
    for (int k = 1; k <= periods; k++) {
      cumActual += actual[k - 1];
      out.add(new Row(k, k - 1 >= calibrationEnd, actual[k - 1], cumulative[k] - cumulative[k - 1], cumActual, cumulative[k]));
    }
    return out;
  }

  /**
   * The number of customers tracked.
   *
   * @return the cohort's size
   * @since 0.1.0
   */
  public double customers() {
    return births.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * Error figures of the tracking over the holdout periods.
   *
   * @param holdoutPeriods the number of holdout periods
   * @param actual the repeat purchases in the holdout
   * @param expected the repeat purchases the model expects in the holdout
   * @param cumulativeError (cumulative expected − cumulative actual) / cumulative actual at the last
   *     period
   * @param periodMeanAbsoluteError the mean over holdout periods of |actual − expected|
   * @param periodMeanAbsolutePercentageError the mean over holdout periods with purchases of
   *     |actual − expected| / actual
   * @since 0.1.0
   */
  public record Errors(
      int holdoutPeriods, double actual, double expected, double cumulativeError, double periodMeanAbsoluteError,
      double periodMeanAbsolutePercentageError) {}

  /**
   * The error figures over the holdout periods.
   *
   * @return the figures; NaN where there is nothing to measure (no holdout period)
   * @since 0.1.0
   */
  public Errors errors() {
    List<Row> rows = rows();
    int n = 0;
    int withPurchases = 0;
    double a = 0;
    double e = 0;
    double abs = 0;
    double pct = 0;
    for (Row r : rows) {
      if (r.holdout()) {
        n++;
        a += r.actual();
        e += r.expected();
        abs += Math.abs(r.actual() - r.expected());
        if (r.actual() > 0) {
          withPurchases++;
          pct += Math.abs(r.actual() - r.expected()) / r.actual();
        }
      }
    }
    Row last = rows.get(rows.size() - 1);
    return new Errors(n, a, e, (last.cumulativeExpected() - last.cumulativeActual()) / last.cumulativeActual(),
        n == 0 ? Double.NaN : abs / n, withPurchases == 0 ? Double.NaN : pct / withPurchases);
  }

  /**
   * The tracking as a text table with the error figures.
   *
   * @param unit the name of the period, for example {@code week}
   * @return the table
   * @since 0.1.0
   */
  public String toText(String unit) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: repeat purchases per %s, actual vs expected, %,.0f customers%n",
        model.describe(), unit, customers()));
    b.append(String.format(Locale.ROOT, "%6s %-11s %9s %9s %11s %11s%n", unit, "period", "actual", "expected",
        "cum actual", "cum expected"));
    for (Row r : rows()) {
      b.append(String.format(Locale.ROOT, "%6d %-11s %9.0f %9.1f %11.0f %11.1f%n", r.period(),
          r.holdout() ? "holdout" : "calibration", r.actual(), r.expected(), r.cumulativeActual(), r.cumulativeExpected()));
    }
    Errors err = errors();
    b.append(String.format(Locale.ROOT,
        "holdout (%d %ss): actual %.0f, expected %.1f; cumulative error at the end %+.1f%%;"
            + " per %s MAE %.1f, MAPE %.1f%%%n",
        err.holdoutPeriods(), unit, err.actual(), err.expected(), 100 * err.cumulativeError(), unit,
        err.periodMeanAbsoluteError(), 100 * err.periodMeanAbsolutePercentageError()));
    return b.toString();
  }
}
