package org.clientele.api.spi;

import java.util.ServiceLoader;
import org.clientele.api.ConfigurationException;

/**
 * One numeric feature's distribution over a calibration population, in bounded memory: what a
 * {@link Calibrator} needs for population-relative cut-offs ("the top 20% by service share").
 * The built-in classifiers calibrate with the same implementation.
 *
 * <p><b>Accuracy.</b> Up to {@code exactLimit} values (default {@value #DEFAULT_EXACT_LIMIT}) the
 * sketch keeps every value: answers are exact and the same for any order of the population and
 * any way of splitting it into merged partitions. Above it, the values go into an Apache
 * DataSketches KLL sketch of size {@code k} (default {@value #DEFAULT_K}): memory stays about 4 KB
 * at {@code k} 200, and a rank answer is within {@link #rankError()} (about 1.33% of the
 * population at {@code k} 200, with 99% confidence) of the exact one; KLL is randomised, so two
 * runs over more than {@code exactLimit} values may differ within that error.
 *
 * <p><b>Where it comes from.</b> A plugin compiles against sdk-api alone and calls {@link
 * #create()}; the implementation is found with {@link ServiceLoader} ({@code
 * org.clientele:clientele-classifiers-builtin} provides it, and every Clientele host has it on its
 * path: the CLI, and any application that uses the built-in dimensions). Not thread-safe: one
 * sketch per calibrator, and calibrators {@link #merge} them.
 *
 * @since 0.1.0
 */
public interface QuantileSketch {

  /** The default number of values kept exactly. */
  int DEFAULT_EXACT_LIMIT = 100_000;

  /** The default KLL size parameter. */
  int DEFAULT_K = 200;

  /**
   * Creates an empty sketch with the default accuracy.
   *
   * @return a new sketch
   * @throws ConfigurationException if no implementation is on the class or module path, saying
   *     which artifact to add
   */
  static QuantileSketch create() {
    return create(DEFAULT_EXACT_LIMIT, DEFAULT_K);
  }

  /**
   * Creates an empty sketch.
   *
   * @param exactLimit values kept exactly before switching to the KLL sketch, 0 to 10,000,000
   * @param k the KLL size parameter, 8 to 65,535: a larger {@code k} is more accurate and larger
   * @return a new sketch
   * @throws IllegalArgumentException if a parameter is out of range
   * @throws ConfigurationException if no implementation is on the class or module path, saying
   *     which artifact to add
   */
  static QuantileSketch create(int exactLimit, int k) {
    if (exactLimit < 0 || exactLimit > 10_000_000) {
      throw new IllegalArgumentException("exactLimit must be 0 to 10000000, found " + exactLimit);
    }
    if (k < 8 || k > 65_535) {
      throw new IllegalArgumentException("k must be 8 to 65535, found " + k);
    }
    Factory factory = SketchFactory.FOUND;
    if (factory == null) {
      throw new ConfigurationException(
          QuantileSketch.class.getName(),
          "no implementation found by ServiceLoader: add org.clientele:clientele-classifiers-builtin to the"
              + " run-time class path or module path (a plugin's tests get it with clientele-sdk-testkit)");
    }
    return factory.create(exactLimit, k);
  }

  /**
   * Takes one value into account; NaN and infinite values (a missing feature read with a NaN
   * fallback) are ignored.
   *
   * @param value the value
   */
  void add(double value);

  /**
   * Adds another sketch's values to this one; the other is left unchanged.
   *
   * @param other a sketch from {@link #create} with the same parameters
   * @throws IllegalArgumentException if the other sketch is of another implementation
   */
  void merge(QuantileSketch other);

  /**
   * Returns how many values were added.
   *
   * @return the count
   */
  long count();

  /**
   * Tells whether every value is still kept, so answers are exact.
   *
   * @return true up to {@code exactLimit} values
   */
  boolean exact();

  /**
   * Returns the error of rank answers, as a share of the population.
   *
   * @return 0 while {@link #exact()}, else the KLL normalised rank error (99% confidence)
   */
  double rankError();

  /**
   * Returns the largest value among the lowest {@code share} of the values: the value at position
   * {@code ceil(share * count)} (at least 1) in ascending order. {@code quantile(0.5)} is the
   * (lower) median.
   *
   * @param share a fraction from 0 to 1
   * @return the value, or NaN if no value was added
   * @throws IllegalArgumentException if the share is outside 0 to 1
   */
  double quantile(double share);

  /**
   * Returns the smallest value among the top {@code share} of the values: the value at position
   * {@code count - ceil(share * count) + 1}, so at least one value is at or above it. A customer
   * is in "the top 20%" when its value is at or above {@code topShareCutoff(0.2)} (ties can make
   * that group larger).
   *
   * @param share a fraction above 0 and at most 1
   * @return the cut-off, or NaN if no value was added
   * @throws IllegalArgumentException if the share is not above 0 and at most 1
   */
  double topShareCutoff(double share);

  /**
   * Makes sketches: the service an engine-side module provides, found by {@link ServiceLoader}.
   * Plugins call {@link QuantileSketch#create} instead.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  interface Factory {
    /**
     * Creates an empty sketch.
     *
     * @param exactLimit values kept exactly, checked by the caller
     * @param k the KLL size parameter, checked by the caller
     * @return a new sketch
     */
    QuantileSketch create(int exactLimit, int k);
  }
}
