package org.clientele.predict;

import java.util.List;
import java.util.Map;

/**
 * A fitted model of repeat purchasing in a non-contractual setting: while alive a customer buys as
 * a Poisson process, and leaves unobserved. Implemented by {@link BgNbd} and {@link ParetoNbd};
 * immutable and thread-safe.
 *
 * <p>All times are in the unit the model was fitted in (days or weeks), with the conventions of
 * {@link PurchasePatterns}: x repeat purchases, t_x the time of the last purchase since the first,
 * T the time since the first purchase.
 *
 * @since 0.1.0
 */
public sealed interface PurchaseModel permits BgNbd, ParetoNbd {

  /**
   * The model's name, {@code BG/NBD} or {@code Pareto/NBD}.
   *
   * @return the name
   * @since 0.1.0
   */
  String name();

  /**
   * The parameters by name, in the order of the papers.
   *
   * @return for example {@code {r=0.243, alpha=4.414, a=0.793, b=2.426}}
   * @since 0.1.0
   */
  Map<String, Double> parameters();

  /**
   * The names of the parameters.
   *
   * @return the names in order
   * @since 0.1.0
   */
  default List<String> parameterNames() {
    return List.copyOf(parameters().keySet());
  }

  /**
   * One customer's log-likelihood.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @return ln L(x, t_x, T)
   * @since 0.1.0
   */
  double logLikelihood(double x, double tx, double t);

  /**
   * The total log-likelihood of a table of histories.
   *
   * @param patterns the histories
   * @return the sum over customers
   * @since 0.1.0
   */
  double logLikelihood(PurchasePatterns patterns);

  /**
   * The probability that a customer with this history is still alive at T.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @return P(alive | x, t_x, T), in [0, 1]
   * @since 0.1.0
   */
  double probabilityAlive(double x, double tx, double t);

  /**
   * The expected number of purchases in (T, T + horizon] given the history.
   *
   * @param horizon the length of the future period
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @return E[Y(horizon) | x, t_x, T]
   * @since 0.1.0
   */
  double expectedPurchases(double horizon, double x, double tx, double t);

  /**
   * The probability of no purchase at all in (T, T + horizon] given the history: the churn risk
   * as a business defines it ("will not buy in the next 90 days"). It counts both a customer who
   * has left and one who is alive but does not buy within the horizon.
   *
   * @param horizon the length of the future period
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @return P(Y(horizon) = 0 | x, t_x, T), in [0, 1]
   * @since 0.1.0
   */
  double probabilityNoPurchase(double horizon, double x, double tx, double t);

  /**
   * The expected number of repeat purchases of a randomly chosen new customer in (0, t].
   *
   * @param t the time since the first purchase
   * @return E[X(t)]
   * @since 0.1.0
   */
  double expectedPurchasesNewCustomer(double t);

  /**
   * The probability that a randomly chosen new customer makes exactly n repeat purchases in
   * (0, t].
   *
   * @param n the number of purchases, 0 or more
   * @param t the time since the first purchase
   * @return P(X(t) = n)
   * @since 0.1.0
   */
  double probabilityOfPurchases(int n, double t);

  /**
   * The model and its parameters in one line, for explanations.
   *
   * @return for example {@code BG/NBD r=0.243, α=4.41, a=0.793, b=2.43}
   * @since 0.1.0
   */
  String describe();
}
