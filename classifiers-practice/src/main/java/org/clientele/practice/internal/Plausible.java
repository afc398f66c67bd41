package org.clientele.practice.internal;

/**
 * What a count or a share read by the practice dimensions can be. Their columns are not standard
 * features, so a customers file admits any finite number in them (sdk-core checks ranges of the
 * standard features only) and a host may set anything: each dimension checks before it measures.
 */
public final class Plausible {

  private Plausible() {}

  /**
   * Whether a value can be a count of things (promotions, product lines, purchases).
   *
   * @param d the value, NaN if missing
   * @return true for a whole number of at least 0; false for a missing one
   */
  public static boolean count(double d) {
    return d >= 0 && d == Math.rint(d);
  }

  /**
   * Whether a value can be a share.
   *
   * @param d the value, NaN if missing
   * @return true from 0 to 1; false for a missing one
   */
  public static boolean share(double d) {
    return d >= 0 && d <= 1;
  }
}
