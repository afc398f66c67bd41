package org.clientele.classifiers.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats numbers for reasons: whole numbers without decimals, others to four decimals. */
public final class Text {

  private Text() {}

  /**
   * Formats a number for a sentence or a threshold.
   *
   * @param d any double
   * @return for example {@code 50000}, {@code 0.2}, {@code 1.5E300}, {@code NaN}
   */
  public static String num(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    if (Math.abs(d) >= 1e15 || Math.abs(d) < 1e-4) {
      return Double.toString(d);
    }
    return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /**
   * Formats a share as a percentage.
   *
   * @param share a fraction such as 0.8
   * @return for example {@code 80%}
   */
  public static String pct(double share) {
    return num(share * 100) + "%";
  }
}
