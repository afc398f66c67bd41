package org.clientele.classifiers.internal;

import java.util.Locale;

/**
 * The {@code method} of a classifier whose cut points either come from the population's quantiles
 * (calibrated) or are configured as thresholds.
 */
public enum QuantileOrThreshold {
  /** Cut points from the calibration population's quantiles. */
  QUANTILE,
  /** Cut points from the configuration. */
  THRESHOLD;

  /**
   * Returns the name as written in the configuration and recorded in the calibration.
   *
   * @return {@code quantile} or {@code threshold}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Tells whether the method needs a calibration.
   *
   * @return true for {@link #QUANTILE}
   */
  public boolean calibrated() {
    return this == QUANTILE;
  }
}
