package org.clientele.classifiers.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/** Reads the configuration shapes the built-in classifiers share, with errors that name the key. */
public final class Configs {

  private Configs() {}

  /**
   * Reads the name of a numeric feature. A name not declared yet is declared as a number, so a
   * host's own columns can be used.
   *
   * @param config the section
   * @param key the key
   * @param defaultFeature used when the key is absent
   * @return the feature
   * @throws ConfigurationException if the name is malformed or names a text or date feature
   */
  public static Feature<Double> numericFeature(
      PluginConfig config, String key, Feature<Double> defaultFeature) {
    String name = config.string(key, defaultFeature.name()).trim();
    Optional<Feature<?>> known = Feature.lookup(name);
    if (known.isPresent()) {
      Feature<?> f = known.get();
      if (f.kind() != Feature.Kind.NUMBER) {
        throw config.error(
            key, "feature '" + name + "' holds " + f.kind().name().toLowerCase(Locale.ROOT)
                + " values; name a numeric feature");
      }
      @SuppressWarnings("unchecked")
      Feature<Double> numeric = (Feature<Double>) f;
      return numeric;
    }
    try {
      return Feature.number(name, "Numeric feature named in the configuration");
    } catch (IllegalArgumentException e) {
      throw config.error(key, e.getMessage() + "; name a numeric feature such as revenue_12m");
    }
  }

  /**
   * Reads a label of the dimension, written in any case.
   *
   * @param config the section
   * @param key the key
   * @param dimension the dimension the label must belong to
   * @param defaultLabel used when the key is absent
   * @return the label index
   * @throws ConfigurationException listing the labels if the value is not one of them
   */
  public static int label(PluginConfig config, String key, Dimension dimension, String defaultLabel) {
    String name = config.string(key, defaultLabel).trim().replace('-', '_').toUpperCase(Locale.ROOT);
    int index = dimension.indexOf(name);
    if (index < 0) {
      throw config.error(key, "expected one of " + dimension.labels() + ", found \"" + name + "\"");
    }
    return index;
  }

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
   * Reads a list of exactly {@code count} non-decreasing numbers.
   *
   * @param config the section
   * @param key the key
   * @param defaultValue used when absent
   * @param count the required size
   * @return the numbers
   */
  public static double[] breaks(PluginConfig config, String key, List<Double> defaultValue, int count) {
    List<Double> list = config.numbers(key, defaultValue);
    if (list.size() != count) {
      throw config.error(key, "expected " + count + " numbers in ascending order, found " + list.size());
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = list.get(i);
      if (i > 0 && out[i] < out[i - 1]) {
        throw config.error(key, "expected numbers in ascending order, found " + list);
      }
    }
    return out;
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
    return breaks(calibration, key, List.of(), count);
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
