package org.clientele.api.spi;

import java.util.Map;
import org.clientele.api.Customer;

/**
 * Accumulates what a population-relative classifier needs to know about the whole population, in
 * one streaming pass and bounded memory (use a {@link QuantileSketch}, not a list of every value).
 * Implement {@link TypedCalibrator} to merge with your own class without a downcast.
 *
 * <p>One instance is used by one thread at a time. For parallel or distributed calibration the
 * engine creates one calibrator per partition and {@link #merge merges} them; the merged result
 * must not depend on how the population was split or ordered beyond the sketch's documented
 * error.
 *
 * @since 0.1.0
 */
public interface Calibrator {

  /**
   * Takes one customer into account.
   *
   * @param customer a member of the calibration population
   */
  void observe(Customer customer);

  /**
   * Adds another calibrator's observations to this one.
   *
   * @param other a calibrator created by the same provider with the same configuration
   */
  void merge(Calibrator other);

  /**
   * Returns the calibrated parameters as JSON-compatible values ({@link String}, {@link Number},
   * {@link Boolean}, {@link java.util.List} and {@link Map} of those). The engine stores them
   * under {@link ClassifierProvider#CALIBRATION_KEY} in the classifier's configuration.
   *
   * @return the parameters
   */
  Map<String, Object> result();
}
