package org.clientele.practice.internal;

import java.util.Locale;

/** Number formatting for the practice dimensions' reasons, one home for all three. */
public final class Text {

  private Text() {}

  /**
   * A whole number without decimals, otherwise up to three significant decimals.
   *
   * @param d the number
   * @return the text
   */
  public static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "");
  }

  /**
   * A share as a percentage with one decimal, for example {@code 42.5%}.
   *
   * @param share 0 to 1
   * @return the text
   */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
