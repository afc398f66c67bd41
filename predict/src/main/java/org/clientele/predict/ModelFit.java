package org.clientele.predict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A model fitted by maximum likelihood, with what a user needs to judge it.
 *
 * @param <M> the model type
 * @param model the estimate
 * @param logLikelihood the log-likelihood at the estimate
 * @param standardErrors the standard error of each parameter (same order as the model's
 *     parameters), from the observed information matrix; NaN when it is singular
 * @param converged whether the optimiser stopped at a stationary point
 * @param evaluations the number of likelihood evaluations
 * @param customers the number of customers the fit used
 * @param distinct the number of distinct histories it used (what the cost grows with)
 * @param warnings what is weak about the fit: no convergence, unidentified parameters, wide
 *     standard errors, a small book; empty when nothing is
 * @since 0.1.0
 */
public record ModelFit<M>(
    M model,
    double logLikelihood,
    List<Double> standardErrors,
    boolean converged,
    int evaluations,
    double customers,
    int distinct,
    List<String> warnings) {

  /** Below this many customers a fit is called a small book and warned about. */
  static final double SMALL_BOOK = 500;

  /** A relative standard error above this is called weak. */
  static final double WEAK = 0.5;

  /**
   * Validates and copies.
   *
   * @param model the estimate
   * @param logLikelihood the log-likelihood at the estimate
   * @param standardErrors the standard error of each parameter (same order as the model's parameters), from the observed information matrix; NaN when it is singular
   * @param converged whether the optimiser stopped at a stationary point
   * @param evaluations the number of likelihood evaluations
   * @param customers the number of customers the fit used
   * @param distinct the number of distinct histories it used (what the cost grows with)
   * @param warnings what is weak about the fit: no convergence, unidentified parameters, wide standard errors, a small book; empty when nothing is
   * @since 0.1.0
   */
  public ModelFit {
    Objects.requireNonNull(model, "model");
    standardErrors = List.copyOf(standardErrors);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether a user can rely on the fit: it converged and has no warnings.
   *
   * @return true if there is nothing to warn about
   * @since 0.1.0
   */
  public boolean reliable() {
    return converged && warnings.isEmpty();
  }

  /**
   * The standard errors by parameter name.
   *
   * @param names the parameter names, in order
   * @return name to standard error
   * @since 0.1.0
   */
  public Map<String, Double> standardErrors(List<String> names) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), standardErrors.get(i));
    }
    return out;
  }

  /** Adds the small-book and weak-parameter warnings to those of the optimiser. */
  static List<String> judge(
      List<String> optimiser, Map<String, Double> params, double[] se, double customers) {
    List<String> out = new java.util.ArrayList<>(optimiser);
    if (customers < SMALL_BOOK) {
      out.add(String.format(Locale.ROOT,
          "small book: %.0f customers; expect wide uncertainty (see the standard errors)", customers));
    }
    int i = 0;
    for (Map.Entry<String, Double> e : params.entrySet()) {
      double rel = se[i++] / e.getValue();
      if (Double.isFinite(rel) && rel > WEAK) {
        out.add(String.format(Locale.ROOT,
            "%s = %.4g is weakly determined (standard error %.2g, %.0f%% of the estimate)",
            e.getKey(), e.getValue(), rel * e.getValue(), rel * 100));
      }
    }
    return out;
  }
}
