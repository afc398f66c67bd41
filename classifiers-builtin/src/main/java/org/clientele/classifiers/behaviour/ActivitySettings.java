package org.clientele.classifiers.behaviour;

import java.util.Locale;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.SketchOptions;
import org.jspecify.annotations.Nullable;

/** What the activity calibrator and classifier both read. */
record ActivitySettings(
    Method method,
    Feature<Double> frequency,
    Feature<Double> volume,
    double frequencyParam,
    double volumeParam,
    @Nullable SketchOptions sketch) {

  enum Method {
    QUANTILE,
    THRESHOLD;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  boolean calibrated() {
    return method == Method.QUANTILE;
  }

  static ActivitySettings read(PluginConfig config) {
    Method method = config.choice("method", Method.class, Method.QUANTILE);
    Feature<Double> frequency = Configs.numericFeature(config, "frequencyFeature", StandardFeatures.ORDERS_12M);
    Feature<Double> volume = Configs.numericFeature(config, "volumeFeature", StandardFeatures.REVENUE_12M);
    if (method == Method.THRESHOLD) {
      return new ActivitySettings(method, frequency, volume,
          Configs.nonNegative(config, "frequency", 4), Configs.nonNegative(config, "volume", 1000), null);
    }
    return new ActivitySettings(method, frequency, volume,
        Configs.share(config, "frequencyTop", 0.5), Configs.share(config, "volumeTop", 0.5),
        SketchOptions.read(config));
  }
}
