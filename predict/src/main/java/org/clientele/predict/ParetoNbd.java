package org.clientele.predict;

import static org.clientele.predict.internal.Special.digamma;
import static org.clientele.predict.internal.Special.lnGamma;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clientele.predict.internal.Fitting;
import org.clientele.predict.internal.Kernel;
import org.clientele.predict.internal.Patterns;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, "Counting your customers: who are
 * they and what will they do next?", Management Science 33(1)): while alive a customer buys at
 * Poisson rate λ, λ ~ Gamma(r, α); the lifetime is exponential with rate μ, μ ~ Gamma(s, β).
 *
 * <p>The likelihood (Fader and Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions") is, with C = Γ(r+x) α^r β^s / Γ(r),
 *
 * <pre>
 *   L(x, t_x, T) = C [ (α+T)^−(r+x) (β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ ],
 * </pre>
 *
 * where the integral is the note's Gaussian hypergeometric term (eq. 19–22); it is computed by
 * quadrature in log time, which stays accurate over the whole parameter range (see the class
 * {@code Kernel} in the internal package), where the 2F1 series stalls as |α−β|/(max(α,β)+t)
 * nears 1. The same integral gives P(alive), the churn risk and P(X(t) = x).
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution
 * @param s shape of the dropout-rate distribution
 * @param beta scale of the dropout-rate distribution
 * @since 0.1.0
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {

  private static final String[] NAMES = {"r", "alpha", "s", "beta"};

  /**
   * Validates the parameters.
   *
   * @param r shape of the purchase-rate distribution
   * @param alpha scale of the purchase-rate distribution
   * @param s shape of the dropout-rate distribution
   * @param beta scale of the dropout-rate distribution
   * @since 0.1.0
   */
  public ParetoNbd {
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
      throw new IllegalArgumentException(
          "Pareto/NBD parameters must be positive and finite: r=" + r + ", alpha=" + alpha + ", s=" + s + ", beta=" + beta);
    }
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param patterns the customers' histories
   * @return the fit with standard errors and warnings
   * @throws IllegalArgumentException if the table is empty
   * @since 0.1.0
   */
  public static ModelFit<ParetoNbd> fit(PurchasePatterns patterns) {
    Objects.requireNonNull(patterns, "patterns");
    Patterns p = patterns.freeze();
    if (p.size() == 0) {
      throw new IllegalArgumentException("no customers to fit");
    }
    double[] bg = BgNbd.start(p);
    double[] start = {bg[0], bg[1], 1, bg[1]};
    Fitting.Result res = Fitting.maximise((th, g) -> logLikelihood(p, th, g), start, p.total(), NAMES);
    double[] th = res.theta();
    ParetoNbd m = new ParetoNbd(th[0], th[1], th[2], th[3]);
    return new ModelFit<>(m, res.logLikelihood(), Arrays.stream(res.standardErrors()).boxed().toList(),
        res.converged(), res.evaluations(), p.total(), p.size(),
        ModelFit.judge(res.warnings(), m.parameters(), res.standardErrors(), p.total()));
  }

  /** The total log-likelihood and its gradient in (r, α, s, β). */
  static double logLikelihood(Patterns p, double[] th, double[] grad) {
    double r = th[0];
    double alpha = th[1];
    double s = th[2];
    double beta = th[3];
    double lnAlpha = Math.log(alpha);
    double lnBeta = Math.log(beta);
    double lgR = lnGamma(r);
    double dgR = digamma(r);
    double[] k = new double[5];
    double ll = 0;
    double gr = 0;
    double galpha = 0;
    double gs = 0;
    double gbeta = 0;
    for (int g = 0; g < p.groups(); g++) {
      int from = p.start(g);
      int to = p.start(g + 1);
      double x = p.x(from);
      double rx = r + x;
      double c0 = lnGamma(rx) - lgR + r * lnAlpha + s * lnBeta;
      double dc0r = digamma(rx) - dgR + lnAlpha;
      for (int i = from; i < to; i++) {
        double w = p.w(i);
        double t = p.t(i);
        double tx = p.tx(i);
        double laT = Math.log(alpha + t);
        double lbT = Math.log(beta + t);
        double lnA = -rx * laT - s * lbT;
        // the integrand is largest at τ = t_x: scale everything by the larger of the two terms
        double lnTop = -rx * Math.log(alpha + tx) - (s + 1) * Math.log(beta + tx) + Math.log(s) + Math.log(t - tx + 1e-300);
        double shift = Math.max(lnA, lnTop);
        double aTerm = Math.exp(lnA - shift);
        Kernel.integrate(0, rx, s + 1, alpha, beta, tx, t, shift, true, k);
        double f = aTerm + s * k[0];
        ll += w * (c0 + shift + Math.log(f));
        double dFr = -laT * aTerm - s * k[1];
        double dFalpha = -rx / (alpha + t) * aTerm - s * rx * k[2];
        double dFs = -lbT * aTerm + k[0] - s * k[3];
        double dFbeta = -s / (beta + t) * aTerm - s * (s + 1) * k[4];
        gr += w * (dc0r + dFr / f);
        galpha += w * (r / alpha + dFalpha / f);
        gs += w * (lnBeta + dFs / f);
        gbeta += w * (s / beta + dFbeta / f);
      }
    }
    grad[0] = gr;
    grad[1] = galpha;
    grad[2] = gs;
    grad[3] = gbeta;
    return ll;
  }

  @Override
  public String name() {
    return "Pareto/NBD";
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("s", s);
    m.put("beta", beta);
    return m;
  }

  @Override
  public double logLikelihood(double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    PurchasePatterns one = new PurchasePatterns().add(x, tx, t);
    return logLikelihood(one);
  }

  @Override
  public double logLikelihood(PurchasePatterns patterns) {
    return logLikelihood(patterns.freeze(), new double[] {r, alpha, s, beta}, new double[4]);
  }

  /** ln of s·∫_{t_x}^{T}… relative to the alive term (α+T)^−(r+x)(β+T)^−s: the odds of having left. */
  private double lnDeadOdds(double x, double tx, double t) {
    if (t == tx) {
      return Double.NEGATIVE_INFINITY;
    }
    double rx = r + x;
    double lnA = -rx * Math.log(alpha + t) - s * Math.log(beta + t);
    double[] k = new double[1];
    Kernel.integrate(0, rx, s + 1, alpha, beta, tx, t, lnA, false, k);
    return Math.log(s) + Math.log(k[0]);
  }

  @Override
  public double probabilityAlive(double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    return 1 / (1 + Math.exp(lnDeadOdds(x, tx, t)));
  }

  /**
   * Schmittlein et al. eq. 22: (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+h))^(s−1)] · P(alive),
   * with the limit (r+x)(β+T)/(α+T) · ln((β+T+h)/(β+T)) at s = 1.
   */
  @Override
  public double expectedPurchases(double horizon, double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    BgNbd.checkHorizon(horizon);
    double rate = (r + x) / (alpha + t);
    double bt = beta + t;
    double lifetime = Math.abs(s - 1) < 1e-9
        ? bt * Math.log1p(horizon / bt)
        : bt / (s - 1) * -Math.expm1((s - 1) * Math.log(bt / (bt + horizon)));
    return rate * lifetime * probabilityAlive(x, tx, t);
  }

  @Override
  public double probabilityNoPurchase(double horizon, double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    BgNbd.checkHorizon(horizon);
    double alive = probabilityAlive(x, tx, t);
    // alive at T: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T); no purchase before leaving or the horizon
    double rx = r + x;
    double a1 = alpha + t;
    double b1 = beta + t;
    double survive = Math.exp(rx * Math.log(a1 / (a1 + horizon)) + s * Math.log(b1 / (b1 + horizon)));
    double[] k = new double[1];
    double lnScale = rx * Math.log(a1) + s * Math.log(b1);
    Kernel.integrate(0, rx, s + 1, a1, b1, 0, horizon, -lnScale, false, k);
    double none = Math.min(1, survive + s * k[0]);
    return (1 - alive) + alive * none;
  }

  /** Schmittlein et al. eq. 17: rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    BgNbd.checkHorizon(t);
    double lifetime = Math.abs(s - 1) < 1e-9
        ? beta * Math.log1p(t / beta)
        : beta / (s - 1) * -Math.expm1((s - 1) * Math.log(beta / (beta + t)));
    return r / alpha * lifetime;
  }

  /**
   * P(X(t) = n) = Γ(r+n)/(Γ(r) n!) α^r [ t^n (α+t)^−(r+n) (β/(β+t))^s + s β^s ∫_0^t τ^n
   * (α+τ)^−(r+n) (β+τ)^−(s+1) dτ ]: the customer is alive through t, or leaves at τ &lt; t after
   * n purchases.
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be 0 or more: " + n);
    }
    BgNbd.checkHorizon(t);
    double lnC = lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1.0) + r * Math.log(alpha);
    double alive = t == 0
        ? (n == 0 ? Math.exp(lnC - r * Math.log(alpha)) : 0)
        : Math.exp(lnC + n * Math.log(t) - (r + n) * Math.log(alpha + t) + s * Math.log(beta / (beta + t)));
    double[] k = new double[1];
    Kernel.integrate(n, r + n, s + 1, alpha, beta, 0, t, -(lnC + s * Math.log(beta)), false, k);
    return alive + s * k[0];
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "Pareto/NBD r=%.4g, α=%.4g, s=%.4g, β=%.4g", r, alpha, s, beta);
  }
}
