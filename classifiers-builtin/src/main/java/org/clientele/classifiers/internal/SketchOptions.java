package org.clientele.classifiers.internal;

import org.apache.datasketches.kll.KllSketch;
import org.clientele.api.spi.PluginConfig;

/**
 * How a calibration summarises a distribution, read from the {@code sketch} section of a
 * classifier's configuration.
 *
 * <ul>
 *   <li>{@code exactLimit} (default 100000): up to this many values per feature the calibration
 *       keeps every value and is exact, deterministic and independent of order and partitioning;
 *       memory is 8 bytes per value.
 *   <li>{@code k} (default 200): above the limit, the size parameter of the Apache DataSketches KLL
 *       quantile sketch; its rank error (99% confidence) is about 1.33% at 200.
 *   <li>{@code massPrecision} (default 0.01): above the limit, the relative width of the
 *       logarithmic bins used for cumulative shares of the metric (Pareto).
 * </ul>
 *
 * @param exactLimit values kept exactly before switching to sketches
 * @param k the KLL size parameter
 * @param massPrecision the relative bin width of the mass histogram
 */
public record SketchOptions(int exactLimit, int k, double massPrecision) {

  /** The defaults. */
  public static final SketchOptions DEFAULT = new SketchOptions(100_000, 200, 0.01);

  /**
   * Checks the ranges.
   *
   * @param exactLimit values kept exactly before switching to sketches
   * @param k the KLL size parameter
   * @param massPrecision the relative bin width of the mass histogram
   */
  public SketchOptions {
    if (exactLimit < 0 || exactLimit > 10_000_000) {
      throw new IllegalArgumentException("SketchOptions.exactLimit must be 0 to 10000000, found " + exactLimit);
    }
    if (k < 8 || k > 65_535) {
      throw new IllegalArgumentException("SketchOptions.k must be 8 to 65535, found " + k);
    }
    if (!(massPrecision >= 1e-4 && massPrecision <= 0.5)) {
      throw new IllegalArgumentException(
          "SketchOptions.massPrecision must be 0.0001 to 0.5, found " + massPrecision);
    }
  }

  /**
   * Reads the options from the {@code sketch} section.
   *
   * @param config the classifier's section
   * @return the options
   */
  public static SketchOptions read(PluginConfig config) {
    PluginConfig s = config.section("sketch");
    int limit = s.integer("exactLimit", DEFAULT.exactLimit);
    if (limit < 0 || limit > 10_000_000) {
      throw s.error("exactLimit", "expected a whole number from 0 to 10000000, found " + limit);
    }
    int k = s.integer("k", DEFAULT.k);
    if (k < 8 || k > 65_535) {
      throw s.error("k", "expected a whole number from 8 to 65535, found " + k);
    }
    double precision = s.number("massPrecision", DEFAULT.massPrecision, 1e-4, 0.5);
    return new SketchOptions(limit, k, precision);
  }

  /**
   * Returns the KLL sketch's normalised rank error at this {@code k}.
   *
   * @return the single-sided rank error with 99% confidence, for example 0.0133
   */
  public double rankError() {
    return KllSketch.getNormalizedRankError(k, false);
  }
}
