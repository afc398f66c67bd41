package org.clientele.classifiers.pattern;

import static org.clientele.classifiers.internal.Text.num;
import static org.clientele.classifiers.internal.Text.pct;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.classifiers.internal.CalibratorState;
import org.clientele.classifiers.internal.Distribution;
import org.clientele.classifiers.internal.SketchOptions;

/**
 * One pass over the population: per axis the distribution of the customers who have the feature,
 * then the cut-off at the configured quantile (the median by default).
 */
final class PatternCalibrator implements TypedCalibrator<PatternCalibrator>, CalibratorState {

  /** The calibration key holding, in words, every axis that cannot split the population. */
  static final String DEGENERATE = "degenerate";

  private final PatternSettings settings;
  private final Distribution frequency;
  private final Distribution orderValue;

  PatternCalibrator(PatternSettings settings) {
    this.settings = settings;
    SketchOptions options = settings.sketch() == null ? SketchOptions.DEFAULT : settings.sketch();
    frequency = new Distribution(options, false);
    orderValue = new Distribution(options, false);
  }

  @Override
  public void observe(Customer customer) {
    frequency.add(customer.number(settings.frequency(), Double.NaN));
    orderValue.add(customer.number(settings.orderValue(), Double.NaN));
  }

  @Override
  public void mergeFrom(PatternCalibrator o) {
    frequency.merge(o.frequency);
    orderValue.merge(o.orderValue);
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    frequency.writeState(out);
    orderValue.writeState(out);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    frequency.readState(in);
    orderValue.readState(in);
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", settings.method().key());
    out.put("frequencyFeature", settings.frequency().name());
    out.put("orderValueFeature", settings.orderValue().name());
    List<String> degenerate = new ArrayList<>();
    double error = Math.max(
        axis(frequency, settings.frequency(), settings.frequencyParam(), "frequency", out, degenerate),
        axis(orderValue, settings.orderValue(), settings.orderValueParam(), "orderValue", out, degenerate));
    out.put("exact", frequency.exact() && orderValue.exact());
    frequency.noteIfApproximate(out, settings.frequency().name());
    orderValue.noteIfApproximate(out, settings.orderValue().name());
    out.put("rankError", error);
    if (!degenerate.isEmpty()) {
      out.put(DEGENERATE, degenerate);
    }
    return out;
  }

  /**
   * Puts {@code <prefix>Cutoff}, {@code <prefix>Population} and {@code <prefix>Above} (customers
   * strictly above the cut-off) into the result. A quantile that falls on the largest value (more
   * customers share it than the quantile leaves above) would put nobody on the high side; the
   * cut-off then moves down to the next smaller value, so the tied top group is the high side.
   * With one value only, no cut-off splits the population: the axis is named in {@code degenerate}.
   */
  private static double axis(Distribution d, Feature<Double> feature, double quantile, String prefix,
      Map<String, Object> out, List<String> degenerate) {
    Distribution.Summary s = d.summarise();
    out.put(prefix + "Population", d.count());
    if (s == null) {
      degenerate.add("no customer has " + feature.name() + ": nobody can be placed on that axis, every customer is"
          + " UNKNOWN (give the column, or name another feature with " + prefix + "Feature)");
      return 0;
    }
    double cut = s.lowerQuantile(quantile);
    long above = s.count() - s.countAtOrBelow(cut);
    if (above == 0) {
      long below = s.countAtOrBelow(Math.nextDown(cut));
      if (below > 0) {
        out.put(prefix + "Moved", "the " + pct(quantile) + " quantile " + num(cut) + " is the largest value ("
            + num(s.count() - below) + " of " + num(s.count()) + " customers have it): cut at the next smaller value");
        cut = s.at(below);
        above = s.count() - below;
      } else {
        degenerate.add("every one of the " + num(s.count()) + " customers with " + feature.name() + " has "
            + num(cut) + ": the split means nothing, nobody is on the high side of that axis (configure"
            + " method 'threshold' with an absolute " + prefix + "Cutoff, or use a feature that varies)");
      }
    }
    out.put(prefix + "Cutoff", cut);
    out.put(prefix + "Above", above);
    return s.rankError();
  }
}
