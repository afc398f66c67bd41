package org.clientele.classifiers.behaviour;

import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.QuantileOrThreshold;
import org.clientele.classifiers.internal.SketchOptions;
import org.jspecify.annotations.Nullable;

/** What the activity calibrator and classifier both read. */
record ActivitySettings(
    QuantileOrThreshold method,
    Feature<Double> frequency,
    Feature<Double> volume,
    double frequencyParam,
    double volumeParam,
    @Nullable SketchOptions sketch) {

  boolean calibrated() {
    return method.calibrated();
  }

  static ActivitySettings read(PluginConfig config) {
    QuantileOrThreshold method = config.choice("method", QuantileOrThreshold.class, QuantileOrThreshold.QUANTILE);
    Feature<Double> frequency = config.numberFeature("frequencyFeature", StandardFeatures.ORDERS_12M);
    Feature<Double> volume = config.numberFeature("volumeFeature", StandardFeatures.REVENUE_12M);
    if (method == QuantileOrThreshold.THRESHOLD) {
      return new ActivitySettings(method, frequency, volume,
          Configs.nonNegative(config, "frequency", 4), Configs.nonNegative(config, "volume", 1000), null);
    }
    return new ActivitySettings(method, frequency, volume,
        Configs.share(config, "frequencyTop", 0.5), Configs.share(config, "volumeTop", 0.5),
        SketchOptions.read(config));
  }
}
