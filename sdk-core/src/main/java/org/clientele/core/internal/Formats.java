package org.clientele.core.internal;

import java.util.Locale;

/**
 * Number formatting for people, one implementation for the terminal report and the HTML report:
 * {@link Locale#ROOT}, so the text is the same on every machine.
 */
public final class Formats {

  private Formats() {}

  /**
   * Formats a share as a percentage with one decimal.
   *
   * @param share a fraction, 0.125 for 12.5%
   * @return for example "12.5%"
   */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100 + 0.0);
  }

  /**
   * Formats a share as a whole percentage when it is one: 0.05 becomes "5%", 0.125 "12.5%".
   *
   * @param share a fraction
   * @return the percentage
   */
  public static String wholePercent(double share) {
    double p = share * 100;
    return Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f%%", p) : percent(share);
  }

  /**
   * Formats money with thousands separators and two decimals.
   *
   * @param amount the amount
   * @return for example "1,234.50"
   */
  public static String money(double amount) {
    return String.format(Locale.ROOT, "%,.2f", amount + 0.0);
  }

  /**
   * Formats a count with thousands separators.
   *
   * @param n the count
   * @return for example "12,345"
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Formats a mean with one decimal and thousands separators.
   *
   * @param value the mean
   * @return for example "1,234.5"
   */
  public static String decimal(double value) {
    return String.format(Locale.ROOT, "%,.1f", value + 0.0);
  }

  /**
   * Formats a number as written in a file: whole numbers without a decimal point.
   *
   * @param value the number
   * @return for example "400" or "12.5"
   */
  public static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
