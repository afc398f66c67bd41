package org.clientele.predict;

import java.util.Objects;

/**
 * Customer lifetime value from a purchase model and a spend model, in one stated convention.
 *
 * <h2>Convention</h2>
 *
 * The horizon H is cut into n equal periods of length Δ = H / n (in the model's time unit). The
 * purchases expected in period k, E[Y(kΔ)] − E[Y((k−1)Δ)] given the customer's history, are
 * valued at the expected spend per purchase and discounted as if paid at the end of the period,
 * at rate d per period:
 *
 * <pre>
 *   CLV = Σ_{k=1..n} m · (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)^k
 * </pre>
 *
 * With d = 0 it is simply m · E[Y(H)]. To discount at an annual rate D with a model in weeks and
 * monthly periods, use Δ = 52/12 weeks and d = (1 + D)^(1/12) − 1. The value is the expected
 * revenue (or margin, if m is a margin) from now on: it does not include what the customer has
 * already spent.
 *
 * @since 0.1.0
 */
public final class CustomerValue {

  private CustomerValue() {}

  /**
   * A customer's lifetime value over a horizon.
   *
   * @param model the purchase model
   * @param spend the expected spend per purchase, for example {@link
   *     GammaGamma#expectedAverageSpend}
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @param horizon H, in the model's time unit
   * @param periods n, the number of discounting periods in the horizon (1 or more)
   * @param discountRate d, per period (0 or more)
   * @return the discounted expected value
   * @since 0.1.0
   */
  public static double clv(
      PurchaseModel model, double spend, double x, double tx, double t,
      double horizon, int periods, double discountRate) {
    Objects.requireNonNull(model, "model");
    if (periods < 1 || !(discountRate >= 0) || !(horizon >= 0) || !Double.isFinite(horizon + discountRate)) {
      throw new IllegalArgumentException(
          "need periods >= 1, a finite horizon >= 0 and a discount rate >= 0; got periods=" + periods
              + ", horizon=" + horizon + ", rate=" + discountRate);
    }
    double step = horizon / periods;
    double before = 0;
    double value = 0;
    double factor = 1;
    for (int k = 1; k <= periods; k++) {
      double now = model.expectedPurchases(k * step, x, tx, t);
      factor /= 1 + discountRate;
      value += spend * (now - before) * factor;
      before = now;
    }
    return value;
  }
}
