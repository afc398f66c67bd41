package org.clientele.core.features;

/**
 * The unit of time of the {@code lifetimes} summary's recency and T.
 *
 * @since 0.1.0
 */
public enum PeriodUnit {
  /** Days: recency and T are whole numbers of days. */
  DAYS(1),
  /** Weeks of 7 days: recency and T are days divided by 7 (not rounded). */
  WEEKS(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /**
   * Returns the length of one period.
   *
   * @return 1 or 7
   */
  public int days() {
    return days;
  }
}
