package org.clientele.classifiers.rfm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.classifiers.internal.Distribution;
import org.clientele.classifiers.internal.SketchOptions;

/** Quintile cut points of the three letters over the customers who have each feature. */
final class RfmCalibrator implements Calibrator {

  private final RfmSettings settings;
  private final Distribution recency;
  private final Distribution frequency;
  private final Distribution monetary;

  RfmCalibrator(RfmSettings settings) {
    this.settings = settings;
    SketchOptions options = settings.sketch() == null ? SketchOptions.DEFAULT : settings.sketch();
    recency = new Distribution(options, false);
    frequency = new Distribution(options, false);
    monetary = new Distribution(options, false);
  }

  @Override
  public void observe(Customer customer) {
    recency.add(customer.number(settings.recency(), Double.NaN));
    frequency.add(customer.number(settings.frequency(), Double.NaN));
    monetary.add(customer.number(settings.monetary(), Double.NaN));
  }

  @Override
  public void merge(Calibrator other) {
    if (!(other instanceof RfmCalibrator o)) {
      throw new IllegalArgumentException(
          "cannot merge a " + other.getClass().getName() + " into an RFM calibrator");
    }
    recency.merge(o.recency);
    frequency.merge(o.frequency);
    monetary.merge(o.monetary);
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", settings.method().key());
    out.put("recencyFeature", settings.recency().name());
    out.put("frequencyFeature", settings.frequency().name());
    out.put("monetaryFeature", settings.monetary().name());
    out.put("population", Math.max(recency.count(), Math.max(frequency.count(), monetary.count())));
    out.put("exact", recency.exact() && frequency.exact() && monetary.exact());
    double error = 0;
    Distribution.Summary r = recency.summarise();
    if (r != null) {
      // Lower recency is better: the worst fifth (largest values) scores 1, so the cut points
      // are the smallest values of the top 80%, 60%, 40% and 20%.
      List<Double> breaks = new ArrayList<>();
      for (int i = 4; i >= 1; i--) {
        breaks.add(r.topShareCutoff(i / 5.0));
      }
      out.put("recencyBreaks", breaks);
      error = Math.max(error, r.rankError());
    }
    error = Math.max(error, higherIsBetter(frequency, "frequencyBreaks", out));
    error = Math.max(error, higherIsBetter(monetary, "monetaryBreaks", out));
    out.put("rankError", error);
    return out;
  }

  /** The largest values of the lowest 20%, 40%, 60% and 80%. */
  private static double higherIsBetter(Distribution d, String key, Map<String, Object> out) {
    Distribution.Summary s = d.summarise();
    if (s == null) {
      return 0;
    }
    List<Double> breaks = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      breaks.add(s.lowerQuantile(i / 5.0));
    }
    out.put(key, breaks);
    return s.rankError();
  }
}
