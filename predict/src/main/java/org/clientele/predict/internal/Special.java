package org.clientele.predict.internal;

import org.hipparchus.special.Gamma;

/**
 * Special functions: log-gamma and digamma from Hipparchus, and the Gaussian hypergeometric
 * function for the arguments the models need.
 *
 * @since 0.1.0
 */
public final class Special {

  private Special() {}

  /**
   * The natural logarithm of the gamma function.
   *
   * @param x a positive argument
   * @return ln Γ(x)
   * @since 0.1.0
   */
  public static double lnGamma(double x) {
    return Gamma.logGamma(x);
  }

  /**
   * The digamma function.
   *
   * @param x a positive argument
   * @return ψ(x)
   * @since 0.1.0
   */
  public static double digamma(double x) {
    return Gamma.digamma(x);
  }

  /**
   * ln B(a, b).
   *
   * @param a first argument, positive
   * @param b second argument, positive
   * @return the log beta function
   * @since 0.1.0
   */
  public static double lnBeta(double a, double b) {
    return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  }

  /**
   * The Gaussian hypergeometric function 2F1(a, b; c; z) for a, b, c &gt; 0 and 0 &lt;= z &lt; 1,
   * the case of the BG/NBD expectations: every term of the power series is positive, so the sum
   * has no cancellation; terms are added until they no longer change the sum. Near z = 1 the
   * series needs about {@code 40 / (1 - z)} terms; past a million terms it gives up.
   *
   * @param a first parameter, positive
   * @param b second parameter, positive
   * @param c third parameter, positive
   * @param z the argument, in [0, 1)
   * @return the value
   * @throws IllegalArgumentException if the arguments are outside that range or the series does
   *     not settle within a million terms
   * @since 0.1.0
   */
  public static double hyp2f1(double a, double b, double c, double z) {
    if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) {
      throw new IllegalArgumentException(
          "2F1 needs a, b, c > 0 and 0 <= z < 1; got a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
    }
    double term = 1;
    double sum = 1;
    for (int n = 0; n < 1_000_000; n++) {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      double next = sum + term;
      // The terms eventually decrease geometrically (ratio -> z); stop when they vanish.
      if (next == sum || term < sum * 1e-17) {
        return next;
      }
      sum = next;
    }
    throw new IllegalArgumentException("2F1 series did not settle for z=" + z);
  }
}
