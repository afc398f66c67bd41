package org.clientele.predict;

import static org.clientele.predict.internal.Special.digamma;
import static org.clientele.predict.internal.Special.lnGamma;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clientele.predict.internal.Fitting;

/**
 * The Gamma-Gamma model of spend per transaction (Fader and Hardie 2013, "The Gamma-Gamma model
 * of monetary value"; Colombo and Jiang 1999): a customer's transaction values are Gamma(p, ν),
 * ν ~ Gamma(q, γ) across customers, independent of the purchase process. Fitted on customers with
 * at least one repeat purchase, from x and the mean value m̄ of their repeat purchases:
 *
 * <pre>
 *   f(m̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + x m̄)^(px+q).
 * </pre>
 *
 * @param p shape of the transaction-value distribution
 * @param q shape of the distribution of ν
 * @param gamma scale of the distribution of ν (in money)
 * @since 0.1.0
 */
public record GammaGamma(double p, double q, double gamma) {

  private static final String[] NAMES = {"p", "q", "gamma"};

  /**
   * Validates the parameters.
   *
   * @param p shape of the transaction-value distribution
   * @param q shape of the distribution of ν
   * @param gamma scale of the distribution of ν (in money)
   * @since 0.1.0
   */
  public GammaGamma {
    if (!(p > 0 && q > 0 && gamma > 0) || !Double.isFinite(p + q + gamma)) {
      throw new IllegalArgumentException(
          "Gamma-Gamma parameters must be positive and finite: p=" + p + ", q=" + q + ", gamma=" + gamma);
    }
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param patterns the repeat customers' (x, mean spend)
   * @return the fit with standard errors and warnings
   * @throws IllegalArgumentException if there is no repeat customer
   * @since 0.1.0
   */
  public static ModelFit<GammaGamma> fit(SpendPatterns patterns) {
    Objects.requireNonNull(patterns, "patterns");
    double[][] d = patterns.freeze();
    if (d[0].length == 0) {
      throw new IllegalArgumentException("no repeat customer with a positive spend to fit");
    }
    double sum = 0;
    double n = 0;
    for (int i = 0; i < d[0].length; i++) {
      sum += d[1][i] * d[2][i];
      n += d[2][i];
    }
    double[] start = {1, 2, sum / n};
    Fitting.Result res = Fitting.maximise((th, g) -> logLikelihood(d, th, g), start, n, NAMES);
    double[] th = res.theta();
    GammaGamma m = new GammaGamma(th[0], th[1], th[2]);
    java.util.List<String> warnings = new java.util.ArrayList<>(
        ModelFit.judge(res.warnings(), m.parameters(), res.standardErrors(), n));
    if (m.q <= 1) {
      warnings.add(String.format(Locale.ROOT,
          "q = %.3g is at most 1: the population mean spend p·γ/(q−1) does not exist", m.q));
    }
    return new ModelFit<>(m, res.logLikelihood(), Arrays.stream(res.standardErrors()).boxed().toList(),
        res.converged(), res.evaluations(), n, d[0].length, warnings);
  }

  static double logLikelihood(double[][] d, double[] th, double[] grad) {
    double p = th[0];
    double q = th[1];
    double gamma = th[2];
    double lnG = Math.log(gamma);
    double lgQ = lnGamma(q);
    double dgQ = digamma(q);
    double ll = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    // the table is sorted by x: the gamma-function terms are computed once per distinct x
    double lastX = Double.NaN;
    double lgPxQ = 0;
    double lgPx = 0;
    double dgPxQ = 0;
    double dgPx = 0;
    double lnX = 0;
    for (int i = 0; i < d[0].length; i++) {
      double x = d[0][i];
      double m = d[1][i];
      double w = d[2][i];
      double px = p * x;
      if (x != lastX) {
        lastX = x;
        lgPxQ = lnGamma(px + q);
        lgPx = lnGamma(px);
        dgPxQ = digamma(px + q);
        dgPx = digamma(px);
        lnX = Math.log(x);
      }
      double lnDen = Math.log(gamma + x * m);
      double lnM = Math.log(m);
      ll += w * (lgPxQ - lgPx - lgQ + q * lnG + (px - 1) * lnM + px * lnX - (px + q) * lnDen);
      gp += w * x * (dgPxQ - dgPx + lnM + lnX - lnDen);
      gq += w * (dgPxQ - dgQ + lnG - lnDen);
      gg += w * (q / gamma - (px + q) / (gamma + x * m));
    }
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
    return ll;
  }

  /**
   * The parameters by name.
   *
   * @return {@code {p, q, gamma}}
   * @since 0.1.0
   */
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p", p);
    m.put("q", q);
    m.put("gamma", gamma);
    return m;
  }

  /**
   * The total log-likelihood of a table.
   *
   * @param patterns the repeat customers
   * @return the sum over customers
   * @since 0.1.0
   */
  public double logLikelihood(SpendPatterns patterns) {
    return logLikelihood(patterns.freeze(), new double[] {p, q, gamma}, new double[3]);
  }

  /**
   * The mean spend per transaction across the population, p·γ/(q−1).
   *
   * @return the mean, or NaN when q &lt;= 1 (it does not exist)
   * @since 0.1.0
   */
  public double populationMeanSpend() {
    return q > 1 ? p * gamma / (q - 1) : Double.NaN;
  }

  /**
   * A customer's expected spend per future transaction (Fader and Hardie 2013, eq. 5): a weighted
   * mean of the population mean and the customer's own mean, p(γ + x m̄) / (px + q − 1). A
   * customer without repeat purchase gets the population mean.
   *
   * @param x repeat purchases
   * @param meanSpend the mean value of the repeat purchases (ignored when x = 0)
   * @return the expected spend, NaN for x = 0 when q &lt;= 1
   * @since 0.1.0
   */
  public double expectedAverageSpend(double x, double meanSpend) {
    if (!(x >= 0) || !Double.isFinite(meanSpend)) {
      throw new IllegalArgumentException("need x >= 0 and a finite mean spend, got x=" + x + ", spend=" + meanSpend);
    }
    if (x == 0 || !(meanSpend > 0)) {
      return populationMeanSpend();
    }
    return p * (gamma + x * meanSpend) / (p * x + q - 1);
  }

  /**
   * The model and its parameters in one line.
   *
   * @return for example {@code Gamma-Gamma p=6.25, q=3.74, γ=15.4}
   * @since 0.1.0
   */
  public String describe() {
    return String.format(Locale.ROOT, "Gamma-Gamma p=%.4g, q=%.4g, γ=%.4g", p, q, gamma);
  }
}
