package org.clientele.predict;

import static org.clientele.predict.internal.Special.digamma;
import static org.clientele.predict.internal.Special.hyp2f1;
import static org.clientele.predict.internal.Special.lnBeta;
import static org.clientele.predict.internal.Special.lnGamma;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clientele.predict.internal.Fitting;
import org.clientele.predict.internal.Patterns;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "'Counting your customers' the easy way",
 * Marketing Science 24(2)): while alive a customer buys at Poisson rate λ, λ ~ Gamma(r, α) across
 * customers; after each purchase the customer leaves with probability p, p ~ Beta(a, b).
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution (in the time unit of the data)
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 * @since 0.1.0
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {

  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  /**
   * Validates the parameters.
   *
   * @param r shape of the purchase-rate distribution
   * @param alpha scale of the purchase-rate distribution (in the time unit of the data)
   * @param a first shape of the dropout-probability distribution
   * @param b second shape of the dropout-probability distribution
   * @since 0.1.0
   */
  public BgNbd {
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)
        || !Double.isFinite(r + alpha + a + b)) {
      throw new IllegalArgumentException(
          "BG/NBD parameters must be positive and finite: r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b);
    }
  }

  /**
   * Fits the model by maximum likelihood (eq. 6 of the paper, summed over the distinct
   * histories).
   *
   * @param patterns the customers' histories
   * @return the fit with standard errors and warnings
   * @throws IllegalArgumentException if the table is empty
   * @since 0.1.0
   */
  public static ModelFit<BgNbd> fit(PurchasePatterns patterns) {
    Objects.requireNonNull(patterns, "patterns");
    Patterns p = patterns.freeze();
    if (p.size() == 0) {
      throw new IllegalArgumentException("no customers to fit");
    }
    double[] start = start(p);
    Fitting.Result res = Fitting.maximise((th, g) -> logLikelihood(p, th, g), start, p.total(), NAMES);
    double[] th = res.theta();
    BgNbd m = new BgNbd(th[0], th[1], th[2], th[3]);
    return new ModelFit<>(m, res.logLikelihood(), Arrays.stream(res.standardErrors()).boxed().toList(),
        res.converged(), res.evaluations(), p.total(), p.size(),
        ModelFit.judge(res.warnings(), m.parameters(), res.standardErrors(), p.total()));
  }

  /** r = 1, α from the mean purchase rate, a = b = 1. */
  static double[] start(Patterns p) {
    double sx = 0;
    double st = 0;
    for (int i = 0; i < p.size(); i++) {
      sx += p.w(i) * p.x(i);
      st += p.w(i) * p.t(i);
    }
    double rate = Math.max(sx, 0.5) / Math.max(st, 1e-9);
    return new double[] {1, 1 / rate, 1, 1};
  }

  /** The total log-likelihood and its gradient in (r, α, a, b). */
  static double logLikelihood(Patterns p, double[] th, double[] grad) {
    double r = th[0];
    double alpha = th[1];
    double a = th[2];
    double b = th[3];
    double lnAlpha = Math.log(alpha);
    double lnA = Math.log(a);
    double lgR = lnGamma(r);
    double dgR = digamma(r);
    double lgAb = lnGamma(a + b);
    double dgAb = digamma(a + b);
    double lgB = lnGamma(b);
    double dgB = digamma(b);
    double ll = 0;
    double gr = 0;
    double galpha = 0;
    double ga = 0;
    double gb = 0;
    for (int g = 0; g < p.groups(); g++) {
      int from = p.start(g);
      int to = p.start(g + 1);
      double x = p.x(from);
      double rx = r + x;
      double a1 = lnGamma(rx) - lgR + r * lnAlpha;
      double a2 = lgAb + lnGamma(b + x) - lgB - lnGamma(a + b + x);
      double d1r = digamma(rx) - dgR + lnAlpha;
      double d2a = dgAb - digamma(a + b + x);
      double d2b = d2a + digamma(b + x) - dgB;
      double lnB1 = x > 0 ? Math.log(b + x - 1) : 0;
      double wsum = 0;
      double s = 0;
      double sr = 0;
      double salpha = 0;
      double s4 = 0;
      for (int i = from; i < to; i++) {
        double w = p.w(i);
        double laT = Math.log(alpha + p.t(i));
        double l3 = -rx * laT;
        double lnS;
        double u4 = 0;
        double dr;
        double dalpha;
        if (x > 0) {
          double laTx = Math.log(alpha + p.tx(i));
          double l4 = lnA - lnB1 - rx * laTx;
          double m = Math.max(l3, l4);
          double e3 = Math.exp(l3 - m);
          double e4 = Math.exp(l4 - m);
          double sum = e3 + e4;
          lnS = m + Math.log(sum);
          double u3 = e3 / sum;
          u4 = e4 / sum;
          dr = -u3 * laT - u4 * laTx;
          dalpha = -rx * (u3 / (alpha + p.t(i)) + u4 / (alpha + p.tx(i)));
        } else {
          lnS = l3;
          dr = -laT;
          dalpha = -rx / (alpha + p.t(i));
        }
        wsum += w;
        s += w * lnS;
        sr += w * dr;
        salpha += w * dalpha;
        s4 += w * u4;
      }
      ll += wsum * (a1 + a2) + s;
      gr += wsum * d1r + sr;
      galpha += wsum * r / alpha + salpha;
      ga += wsum * d2a + s4 / a;
      gb += wsum * d2b - (x > 0 ? s4 / (b + x - 1) : 0);
    }
    grad[0] = gr;
    grad[1] = galpha;
    grad[2] = ga;
    grad[3] = gb;
    return ll;
  }

  @Override
  public String name() {
    return "BG/NBD";
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("a", a);
    m.put("b", b);
    return m;
  }

  @Override
  public double logLikelihood(double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    double l3 = -(r + x) * Math.log(alpha + t);
    double lnS = l3;
    if (x > 0) {
      double l4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
      double m = Math.max(l3, l4);
      lnS = m + Math.log(Math.exp(l3 - m) + Math.exp(l4 - m));
    }
    return lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha)
        + lnBeta(a, b + x) - lnBeta(a, b) + lnS;
  }

  @Override
  public double logLikelihood(PurchasePatterns patterns) {
    return logLikelihood(patterns.freeze(), new double[] {r, alpha, a, b}, new double[4]);
  }

  /** ln of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x), the odds of having left (0 weight when x = 0). */
  private double lnDeadOdds(double x, double tx, double t) {
    return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + t) - Math.log(alpha + tx));
  }

  /** Eq. 14 of the paper (with the note that a customer without repeat purchase is alive). */
  @Override
  public double probabilityAlive(double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    if (x == 0) {
      return 1;
    }
    return 1 / (1 + Math.exp(lnDeadOdds(x, tx, t)));
  }

  /** Eq. 10 of the paper. */
  @Override
  public double expectedPurchases(double horizon, double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    checkHorizon(horizon);
    if (horizon == 0) {
      return 0;
    }
    double z = horizon / (alpha + t + horizon);
    double f = hyp2f1(r + x, b + x, a + b + x - 1, z);
    double power = Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + horizon)));
    double alive = x > 0 ? 1 / (1 + Math.exp(lnDeadOdds(x, tx, t))) : 1;
    if (a == 1) {
      // the limit a → 1 of (a+b+x−1)/(a−1)·(1 − power·2F1): continuity, by a small symmetric step
      BgNbd lo = new BgNbd(r, alpha, 1 - 1e-7, b);
      BgNbd hi = new BgNbd(r, alpha, 1 + 1e-7, b);
      return 0.5 * (lo.expectedPurchases(horizon, x, tx, t) + hi.expectedPurchases(horizon, x, tx, t));
    }
    return (a + b + x - 1) / (a - 1) * (1 - power * f) * alive;
  }

  @Override
  public double probabilityNoPurchase(double horizon, double x, double tx, double t) {
    PurchasePatterns.check(x, tx, t);
    checkHorizon(horizon);
    double alive = probabilityAlive(x, tx, t);
    // alive at T: λ ~ Gamma(r+x, α+T) and no purchase in the horizon with probability E[e^{−λh}]
    double none = Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + horizon)));
    return (1 - alive) + alive * none;
  }

  /** Eq. 9 of the paper. */
  @Override
  public double expectedPurchasesNewCustomer(double t) {
    checkHorizon(t);
    if (t == 0) {
      return 0;
    }
    if (a == 1) {
      return 0.5 * (new BgNbd(r, alpha, 1 - 1e-7, b).expectedPurchasesNewCustomer(t)
          + new BgNbd(r, alpha, 1 + 1e-7, b).expectedPurchasesNewCustomer(t));
    }
    double power = Math.exp(r * Math.log(alpha / (alpha + t)));
    return (a + b - 1) / (a - 1) * (1 - power * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
  }

  /** Eq. 8 of the paper. */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be 0 or more: " + n);
    }
    checkHorizon(t);
    double lnP0 = r * Math.log(alpha / (alpha + t));
    double lnZ = Math.log(t / (alpha + t));
    double first = Math.exp(lnBeta(a, b + n) - lnBeta(a, b)
        + lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1.0) + lnP0 + (n == 0 ? 0 : n * lnZ));
    if (n == 0) {
      return first;
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1.0) + lnP0 + (j == 0 ? 0 : j * lnZ));
    }
    return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnBeta(a, b)) * (1 - sum);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "BG/NBD r=%.4g, α=%.4g, a=%.4g, b=%.4g", r, alpha, a, b);
  }

  static void checkHorizon(double h) {
    if (!(h >= 0) || !Double.isFinite(h)) {
      throw new IllegalArgumentException("the horizon must be finite and 0 or more: " + h);
    }
  }
}
