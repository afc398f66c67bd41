package org.clientele.classifiers.rfm;

import java.util.ArrayList;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.classifiers.internal.CalibratorState;
import org.clientele.classifiers.internal.Distribution;
import org.clientele.classifiers.internal.SketchOptions;

/** Quintile cut points of the three letters over the customers who have each feature. */
final class RfmCalibrator implements TypedCalibrator<RfmCalibrator>, CalibratorState {

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
  public void mergeFrom(RfmCalibrator o) {
    recency.merge(o.recency);
    frequency.merge(o.frequency);
    monetary.merge(o.monetary);
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    recency.writeState(out);
    frequency.writeState(out);
    monetary.writeState(out);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    recency.readState(in);
    frequency.readState(in);
    monetary.readState(in);
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
    recency.noteIfApproximate(out, settings.recency().name());
    frequency.noteIfApproximate(out, settings.frequency().name());
    monetary.noteIfApproximate(out, settings.monetary().name());
    double error = 0;
    Distribution.Summary r = recency.summarise();
    if (r != null) {
      // Lower recency is better: the worst fifth (largest values) scores 1, so the cut points
      // are the smallest values of the top 80%, 60%, 40% and 20%.
      double[] breaks = new double[4];
      for (int i = 4; i >= 1; i--) {
        breaks[4 - i] = r.topShareCutoff(i / 5.0);
      }
      double lapsed = settings.lapsedDays();
      long recent = r.countAtOrBelow(lapsed);
      if (breaks[2] > lapsed && recent > 0 && recent < r.count()) {
        // More than 40% lapsed: plain quintiles would put customers silent for over lapsedDays
        // into R3 and above. Split where the data does: R5, R4, R3 are the thirds of the
        // customers who bought within lapsedDays, R2 and R1 the halves of those who did not.
        long n = r.count();
        breaks[0] = r.at(Math.max(1, (recent + 2) / 3));
        breaks[1] = r.at(Math.max(1, (2 * recent + 2) / 3));
        breaks[2] = r.nextAbove(lapsed);
        breaks[3] = r.at(recent + Math.max(1, (n - recent + 1) / 2));
        out.put("recencySplit", "lapsed");
      }
      out.put("recencyBreaks", spread(r, breaks));
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
    double[] breaks = new double[4];
    for (int i = 1; i <= 4; i++) {
      breaks[i - 1] = s.lowerQuantile(i / 5.0);
    }
    out.put(key, spread(s, breaks));
    return s.rankError();
  }

  /**
   * Makes tied quintile cut points distinct where the data allows: a cut point equal to the one
   * before it moves up to the next value the population has. Where most customers share a value
   * (bought once, spent nothing), plain quintiles collapse ([1, 1, 1, 2]) and leave whole scores,
   * and so segments, empty; spread, each distinct value up to the fourth gets a score of its own
   * ([1, 2, 3, 4]). Cut points still tied after that mean the data has fewer than five values: the
   * report's quality notes say so.
   */
  static List<Double> spread(Distribution.Summary s, double[] breaks) {
    List<Double> out = new ArrayList<>(breaks.length);
    for (int i = 0; i < breaks.length; i++) {
      double b = breaks[i];
      if (i > 0 && b <= out.get(i - 1)) {
        double next = s.nextAbove(out.get(i - 1));
        b = Double.isNaN(next) ? out.get(i - 1) : next;
      }
      out.add(b);
    }
    return out;
  }
}
