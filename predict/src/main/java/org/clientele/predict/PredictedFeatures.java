package org.clientele.predict;

import java.util.List;
import org.clientele.api.Feature;

/**
 * The features a fitted model adds to a customer ({@link Predictor#predict}): every classifier and
 * playbook rule can read them by name like any other numeric feature.
 *
 * @since 0.1.0
 */
public final class PredictedFeatures {

  /** Probability that the customer is still alive (has not left unobserved). */
  public static final Feature<Double> P_ALIVE =
      Feature.number("p_alive", "Probability that the customer is still a customer (BG/NBD or Pareto/NBD)");

  /** Expected number of purchases in the configured horizon. */
  public static final Feature<Double> EXPECTED_PURCHASES =
      Feature.number("expected_purchases", "Expected purchases in the prediction horizon");

  /** Probability of no purchase in the configured horizon (churn risk). */
  public static final Feature<Double> CHURN_RISK =
      Feature.number("churn_risk", "Probability of no purchase in the prediction horizon");

  /** Expected spend per future purchase (Gamma-Gamma). */
  public static final Feature<Double> EXPECTED_SPEND =
      Feature.number("expected_spend", "Expected spend per future purchase (Gamma-Gamma)");

  /** Discounted expected value of the purchases in the horizon ({@link CustomerValue}). */
  public static final Feature<Double> PREDICTED_CLV =
      Feature.number("predicted_clv", "Discounted expected value of the purchases in the prediction horizon");

  private PredictedFeatures() {}

  /**
   * All predicted features.
   *
   * @return the five features
   * @since 0.1.0
   */
  public static List<Feature<?>> all() {
    return List.of(P_ALIVE, EXPECTED_PURCHASES, CHURN_RISK, EXPECTED_SPEND, PREDICTED_CLV);
  }
}
