package org.clientele.classifiers.internal;

import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Feature;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/** Reads the configuration shapes the built-in classifiers share, with errors that name the key. */
public final class Configs {

  private Configs() {}

  /**
   * Reads a share between 0 (exclusive) and 1 (inclusive).
   *
   * @param config the section
   * @param key the key
   * @param defaultValue used when absent
   * @return the share
   */
  public static double share(PluginConfig config, String key, double defaultValue) {
    double v = config.number(key, defaultValue, 0, 1);
    if (v == 0) {
      throw config.error(key, "expected a share above 0 and at most 1, found 0");
    }
    return v;
  }

  /**
   * Reads a non-negative number.
   *
   * @param config the section
   * @param key the key
   * @param defaultValue used when absent
   * @return the value
   */
  public static double nonNegative(PluginConfig config, String key, double defaultValue) {
    return config.number(key, defaultValue, 0, Double.MAX_VALUE);
  }

  /**
   * Checks that one value does not exceed another, for pairs of tiers.
   *
   * @param config the section
   * @param lowKey the key of the value that must be smaller or equal
   * @param low its value
   * @param highKey the key of the value that must be larger or equal
   * @param high its value
   */
  public static void ordered(PluginConfig config, String lowKey, double low, String highKey, double high) {
    if (low > high) {
      throw config.error(
          lowKey, "must not exceed " + highKey + " (" + Text.num(high) + "), found " + Text.num(low));
    }
  }

  /**
   * Returns the calibration section, which a population-relative method needs.
   *
   * @param config the section
   * @param method the configured method, which must match the calibration's
   * @return the calibration section
   * @throws ConfigurationException if the calibration is absent or was made for another method
   */
  public static PluginConfig calibration(PluginConfig config, String method) {
    String key = ClassifierProvider.CALIBRATION_KEY;
    if (!config.has(key)) {
      throw config.error(
          key,
          "method '" + method + "' needs a calibration: let the engine calibrate on the population"
              + " (the model then holds it), or use explicit thresholds");
    }
    PluginConfig calibration = config.section(key);
    String made = calibration.string("method", "");
    if (!made.equals(method)) {
      throw calibration.error(
          "method",
          "calibration was made for method '" + made + "' but the method is '" + method
              + "': remove the calibration to recalibrate");
    }
    // Read for the report's approximate_calibration warning, not for classifying.
    calibration.strings(Distribution.APPROXIMATE, List.of());
    return calibration;
  }

  /**
   * Reads a number the calibration must hold.
   *
   * @param calibration the calibration section
   * @param key the key
   * @return the number
   */
  public static double required(PluginConfig calibration, String key) {
    if (!calibration.has(key)) {
      throw calibration.error(
          key, "missing from the calibration: the calibration population had no usable value;"
              + " recalibrate on a population that has the feature, or use explicit thresholds");
    }
    return calibration.number(key, Double.NaN);
  }

  /**
   * Reads a list of {@code count} ascending numbers the calibration must hold.
   *
   * @param calibration the calibration section
   * @param key the key
   * @param count the required size
   * @return the numbers
   */
  public static double[] requiredBreaks(PluginConfig calibration, String key, int count) {
    if (!calibration.has(key)) {
      throw calibration.error(
          key, "missing from the calibration: the calibration population had no usable value;"
              + " recalibrate on a population that has the feature, or use explicit thresholds");
    }
    return calibration.breaks(key, List.of(), count);
  }

  /**
   * Checks that a calibration was made on the feature the configuration names now.
   *
   * @param calibration the calibration section
   * @param key the key under which the calibration recorded the feature's name
   * @param configured the feature the configuration names
   * @throws ConfigurationException if the calibration was made on another feature
   */
  public static void calibratedOn(PluginConfig calibration, String key, Feature<Double> configured) {
    String made = calibration.string(key, configured.name());
    if (!made.equals(configured.name())) {
      throw calibration.error(key, "calibration was made on '" + made + "' but the configuration names '"
          + configured.name() + "': remove the calibration to recalibrate");
    }
  }
}
