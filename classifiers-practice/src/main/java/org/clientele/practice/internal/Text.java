package org.clientele.practice.internal;

import java.util.Locale;

/** Number formatting and shared wording for the practice dimensions' reasons, one home for all five. */
public final class Text {

  /**
   * How a reason says why an UNKNOWN was labelled for lack of data when an input is missing (the
   * results' {@code lack_of_data}, the playbook's {@code "basis": "lack-of-data"}).
   */
  public static final String MISSING = "lack of data: an input is missing";

  /**
   * How a reason says why an UNKNOWN was labelled for lack of data although a value was there: it
   * could not be placed (not recognised, implausible, contradictory). The report counts these values
   * in its {@code unplaced_values} warning.
   */
  public static final String UNPLACED = "lack of data: a value is present but could not be placed";

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
