package org.clientele.classifiers.pattern;

import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.QuantileOrThreshold;
import org.clientele.classifiers.internal.SketchOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the purchase pattern calibrator and classifier both read: the two axes and, per axis,
 * either the quantile to cut at (calibrated) or the absolute cut-off (configured).
 */
record PatternSettings(
    QuantileOrThreshold method,
    Feature<Double> frequency,
    Feature<Double> orderValue,
    double frequencyParam,
    double orderValueParam,
    @Nullable SketchOptions sketch) {

  /** The median: half the customers at or below the cut-off, the rest above. */
  static final double DEFAULT_QUANTILE = 0.5;

  boolean calibrated() {
    return method.calibrated();
  }

  static PatternSettings read(PluginConfig config) {
    QuantileOrThreshold method = config.choice("method", QuantileOrThreshold.class, QuantileOrThreshold.QUANTILE);
    // Orders in the last 12 months: a rate, comparable between old and new customers; the
    // average order value is over the whole history, so a lapsed customer keeps a basket size.
    Feature<Double> frequency = config.numberFeature("frequencyFeature", StandardFeatures.ORDERS_12M);
    Feature<Double> orderValue = config.numberFeature("orderValueFeature", StandardFeatures.AVERAGE_ORDER_VALUE);
    if (method == QuantileOrThreshold.THRESHOLD) {
      return new PatternSettings(method, frequency, orderValue,
          cutoff(config, "frequencyCutoff", frequency), cutoff(config, "orderValueCutoff", orderValue), null);
    }
    return new PatternSettings(method, frequency, orderValue,
        quantile(config, "frequencyQuantile"), quantile(config, "orderValueQuantile"), SketchOptions.read(config));
  }

  private static double quantile(PluginConfig config, String key) {
    double q = config.number(key, DEFAULT_QUANTILE, 0, 1);
    if (q == 0 || q == 1) {
      throw config.error(key, "expected a share strictly between 0 and 1 (the share of customers at or below the"
          + " cut-off; 0.5 is the median), found " + q + ": at 0 or 1 one side of the split is empty");
    }
    return q;
  }

  private static double cutoff(PluginConfig config, String key, Feature<Double> feature) {
    if (!config.has(key)) {
      throw config.error(key, "method 'threshold' needs an absolute cut-off for " + feature.name()
          + " in your data's units (customers above it are on the high side); or use method 'quantile' to"
          + " calibrate it on the population");
    }
    return Configs.nonNegative(config, key, 0);
  }
}
