package org.clientele.predict.internal;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The integral behind every Pareto/NBD quantity,
 *
 * <pre>
 *   K = ∫_lo^hi τ^k (α + τ)^-p (β + τ)^-q dτ,
 * </pre>
 *
 * which is a Gaussian hypergeometric function in disguise (Fader and Hardie 2005, "A note on
 * deriving the Pareto/NBD model and related expressions", eq. 19 and 22: the 2F1 terms of the
 * likelihood are this integral with k = 0). Rather than summing the 2F1 series, whose convergence
 * fails as |α − β| / (max(α, β) + t) approaches 1, the integral is computed directly: in the
 * variable v = ln(min(α, β) + τ) the integrand's logarithm has slope between −(p + q) and k + 1,
 * so Gauss–Legendre panels of bounded width in v integrate it to machine precision for any
 * α, β &gt; 0, including the corner α ≫ β or α ≪ β where the series stalls. Every value is
 * computed relative to a caller-chosen scale {@code exp(shift)} to avoid overflow and underflow.
 *
 * <p>With {@code gradient} it also returns the integrals of the integrand times ln(α+τ),
 * 1/(α+τ), ln(β+τ) and 1/(β+τ), which give the analytic gradient of the likelihood.
 *
 * @since 0.1.0
 */
public final class Kernel {

  private static final int ORDER = 8;
  private static final double[] NODE = new double[ORDER];
  private static final double[] WEIGHT = new double[ORDER];
  private static final double PANEL_SLOPE = 1.5;
  private static final int MAX_PANELS = 4096;

  static {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(ORDER);
    for (int i = 0; i < ORDER; i++) {
      NODE[i] = rule.getPoint(i);
      WEIGHT[i] = rule.getWeight(i);
    }
  }

  private Kernel() {}

  /**
   * Computes the integral (and optionally the four gradient integrals), scaled by exp(−shift).
   *
   * @param k power of τ, 0 or more
   * @param p power of 1/(α+τ)
   * @param q power of 1/(β+τ)
   * @param alpha α, positive
   * @param beta β, positive
   * @param lo lower limit, 0 or more
   * @param hi upper limit, at least {@code lo}
   * @param shift the log of the scale the results are divided by
   * @param gradient whether to fill {@code out[1..4]}
   * @param out receives K, then ∫·ln(α+τ), ∫·/(α+τ), ∫·ln(β+τ), ∫·/(β+τ)
   * @since 0.1.0
   */
  public static void integrate(
      double k, double p, double q, double alpha, double beta, double lo, double hi,
      double shift, boolean gradient, double[] out) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    if (hi > lo) {
      double c = Math.min(alpha, beta);
      double da = alpha - c;
      double db = beta - c;
      double vLo = Math.log(c + lo);
      double vHi = Math.log(c + hi);
      double width = vHi - vLo;
      int panels = (int) Math.min(MAX_PANELS, Math.max(1, Math.ceil((p + q + k + 1) * width / PANEL_SLOPE)));
      double h = width / panels;
      for (int j = 0; j < panels; j++) {
        double mid = vLo + (j + 0.5) * h;
        for (int i = 0; i < ORDER; i++) {
          double v = mid + 0.5 * h * NODE[i];
          double ev = Math.exp(v);
          double a = da + ev; // α + τ, without the cancellation of (e^v − c) + α
          double b = db + ev; // β + τ
          double la = Math.log(a);
          double lb = Math.log(b);
          double g = v - p * la - q * lb - shift;
          if (k != 0) {
            g += k * Math.log(Math.max(ev - c, 0));
          }
          double f = 0.5 * h * WEIGHT[i] * Math.exp(g);
          s0 += f;
          if (gradient) {
            s1 += f * la;
            s2 += f / a;
            s3 += f * lb;
            s4 += f / b;
          }
        }
      }
    }
    out[0] = s0;
    if (gradient) {
      out[1] = s1;
      out[2] = s2;
      out[3] = s3;
      out[4] = s4;
    }
  }
}
