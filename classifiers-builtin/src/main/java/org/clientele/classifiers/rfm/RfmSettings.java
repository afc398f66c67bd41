package org.clientele.classifiers.rfm;

import java.util.List;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.QuantileOrThreshold;
import org.clientele.classifiers.internal.SketchOptions;
import org.jspecify.annotations.Nullable;

/** What the RFM calibrator and classifier both read. */
record RfmSettings(
    QuantileOrThreshold method,
    Feature<Double> recency,
    Feature<Double> frequency,
    Feature<Double> monetary,
    double @Nullable [] recencyBreaks,
    double @Nullable [] frequencyBreaks,
    double @Nullable [] monetaryBreaks,
    double lapsedDays,
    @Nullable SketchOptions sketch) {

  static final List<Double> RECENCY_BREAKS = List.of(30.0, 90.0, 180.0, 365.0);
  static final List<Double> FREQUENCY_BREAKS = List.of(1.0, 2.0, 4.0, 8.0);
  static final List<Double> MONETARY_BREAKS = List.of(100.0, 500.0, 1000.0, 5000.0);

  /**
   * A customer whose recency exceeds this many days scores at most R = 2, whatever the quintiles:
   * on a population where most customers lapsed, the "recent" quintiles would otherwise hold
   * customers silent for over a year, labelled PROMISING or POTENTIAL_LOYALIST.
   */
  static final double DEFAULT_LAPSED_DAYS = 365;

  boolean calibrated() {
    return method.calibrated();
  }

  static RfmSettings read(PluginConfig config) {
    QuantileOrThreshold method = config.choice("method", QuantileOrThreshold.class, QuantileOrThreshold.QUANTILE);
    Feature<Double> r = config.numberFeature("recencyFeature", StandardFeatures.DAYS_SINCE_LAST_PURCHASE);
    // Frequency and monetary over the same window as recency (the whole history): with 12-month
    // windows every customer lapsed for over a year has F = M = 0, the cut points tie at 0 and
    // lapsed customers land in PROMISING (measured on CDNOW, docs/classifiers.md).
    Feature<Double> f = config.numberFeature("frequencyFeature", StandardFeatures.PURCHASE_DAYS);
    Feature<Double> m = config.numberFeature("monetaryFeature", StandardFeatures.REVENUE_TOTAL);
    double lapsedDays = config.number("lapsedDays", DEFAULT_LAPSED_DAYS, 0, Double.MAX_VALUE);
    if (method == QuantileOrThreshold.THRESHOLD) {
      return new RfmSettings(method, r, f, m,
          config.breaks("recencyBreaks", RECENCY_BREAKS, 4),
          config.breaks("frequencyBreaks", FREQUENCY_BREAKS, 4),
          config.breaks("monetaryBreaks", MONETARY_BREAKS, 4),
          lapsedDays,
          null);
    }
    return new RfmSettings(method, r, f, m, null, null, null, lapsedDays, SketchOptions.read(config));
  }
}
