package org.clientele.classifiers.value;

import java.util.Locale;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.SketchOptions;
import org.jspecify.annotations.Nullable;

/** The part of the value configuration that both the calibrator and the classifier read. */
record ValueSettings(
    Method method,
    Feature<Double> metric,
    double coreParam,
    double importantParam,
    @Nullable SketchOptions sketch) {

  enum Method {
    THRESHOLD,
    PARETO,
    QUANTILE;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static ValueSettings read(PluginConfig config) {
    Method method = config.choice("method", Method.class, Method.PARETO);
    Feature<Double> metric = config.numberFeature("metric", StandardFeatures.REVENUE_12M);
    return switch (method) {
      case THRESHOLD -> {
        double core = config.number("core", 100_000);
        double important = config.number("important", 10_000);
        Configs.ordered(config, "important", important, "core", core);
        yield new ValueSettings(method, metric, core, important, null);
      }
      case PARETO -> {
        double core = Configs.share(config, "coreShare", 0.80);
        double important = Configs.share(config, "importantShare", 0.95);
        Configs.ordered(config, "coreShare", core, "importantShare", important);
        yield new ValueSettings(method, metric, core, important, SketchOptions.read(config));
      }
      case QUANTILE -> {
        double core = Configs.share(config, "coreTop", 0.20);
        double important = Configs.share(config, "importantTop", 0.50);
        Configs.ordered(config, "coreTop", core, "importantTop", important);
        yield new ValueSettings(method, metric, core, important, SketchOptions.read(config));
      }
    };
  }
}
