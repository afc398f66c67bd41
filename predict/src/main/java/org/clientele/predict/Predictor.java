package org.clientele.predict;

import java.util.Objects;
import org.clientele.api.Customer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a fitted purchase model (and optionally a spend model) into per-customer predictions, the
 * one place where predictions are computed for the {@code churn} classifier and for hosts that
 * want the {@link PredictedFeatures} on their customers. Immutable and thread-safe.
 *
 * @param model the purchase model
 * @param spend the spend model, or null (then no expected spend and no CLV)
 * @param horizon the prediction horizon, in the model's time unit
 * @param periods the number of discounting periods in the horizon ({@link CustomerValue})
 * @param discountRate the discount rate per period
 * @since 0.1.0
 */
public record Predictor(
    PurchaseModel model, @Nullable GammaGamma spend, double horizon, int periods, double discountRate) {

  /**
   * Validates.
   *
   * @param model the purchase model
   * @param spend the spend model, or null (then no expected spend and no CLV)
   * @param horizon the prediction horizon, in the model's time unit
   * @param periods the number of discounting periods in the horizon ({@link CustomerValue})
   * @param discountRate the discount rate per period
   * @since 0.1.0
   */
  public Predictor {
    Objects.requireNonNull(model, "model");
    if (!(horizon > 0) || !Double.isFinite(horizon) || periods < 1 || !(discountRate >= 0)) {
      throw new IllegalArgumentException(
          "need a positive finite horizon, periods >= 1 and a discount rate >= 0; got horizon=" + horizon
              + ", periods=" + periods + ", discountRate=" + discountRate);
    }
  }

  /**
   * One customer's predictions.
   *
   * @param pAlive P(alive)
   * @param expectedPurchases E[purchases in the horizon]
   * @param churnRisk P(no purchase in the horizon)
   * @param expectedSpend expected spend per purchase; NaN without a spend model
   * @param clv discounted value of the horizon's purchases; NaN without a spend model
   * @since 0.1.0
   */
  public record Prediction(
      double pAlive, double expectedPurchases, double churnRisk, double expectedSpend, double clv) {}

  /**
   * Predicts from a history.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @param meanSpend mean repeat spend (ignored without a spend model; NaN allowed)
   * @return the predictions
   * @since 0.1.0
   */
  public Prediction predict(double x, double tx, double t, double meanSpend) {
    double alive = model.probabilityAlive(x, tx, t);
    double expected = model.expectedPurchases(horizon, x, tx, t);
    double risk = model.probabilityNoPurchase(horizon, x, tx, t);
    double m = Double.NaN;
    double clv = Double.NaN;
    GammaGamma g = spend;
    if (g != null) {
      m = g.expectedAverageSpend(x, Double.isFinite(meanSpend) ? meanSpend : 0);
      if (Double.isFinite(m)) {
        clv = CustomerValue.clv(model, m, x, tx, t, horizon, periods, discountRate);
      }
    }
    return new Prediction(alive, expected, risk, m, clv);
  }

  /**
   * Adds the {@link PredictedFeatures} to a customer.
   *
   * @param customer the customer
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @param meanSpend mean repeat spend, or NaN
   * @return a copy with the predicted features set (the spend features only with a spend model)
   * @since 0.1.0
   */
  public Customer predict(Customer customer, double x, double tx, double t, double meanSpend) {
    Prediction p = predict(x, tx, t, meanSpend);
    Customer.Builder b = customer.toBuilder()
        .set(PredictedFeatures.P_ALIVE, p.pAlive())
        .set(PredictedFeatures.EXPECTED_PURCHASES, p.expectedPurchases())
        .set(PredictedFeatures.CHURN_RISK, p.churnRisk());
    if (!Double.isNaN(p.expectedSpend())) {
      b.set(PredictedFeatures.EXPECTED_SPEND, p.expectedSpend());
    }
    if (!Double.isNaN(p.clv())) {
      b.set(PredictedFeatures.PREDICTED_CLV, p.clv());
    }
    return b.build();
  }
}
