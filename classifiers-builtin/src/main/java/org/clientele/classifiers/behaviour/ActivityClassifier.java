package org.clientele.classifiers.behaviour;

import static org.clientele.classifiers.internal.Text.num;
import static org.clientele.classifiers.internal.Text.pct;

import java.util.List;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.api.spi.ExplainingClassifier;
import org.jspecify.annotations.Nullable;

/** The purchase-activity scheme; see {@link BehaviourClassifierProvider}. */
final class ActivityClassifier extends ExplainingClassifier {

  static final int ACTIVE = 0;
  static final int PASSIVE = 1;
  static final int PROSPECT = 2;

  enum Combine {
    ALL,
    ANY
  }

  private final Feature<Double> frequency;
  private final Feature<Double> volume;
  private final double frequencyCutoff;
  private final double volumeCutoff;
  private final boolean all;
  private final String basis;

  private ActivityClassifier(
      Dimension dimension, Feature<Double> frequency, Feature<Double> volume, double frequencyCutoff,
      double volumeCutoff, boolean all, String basis) {
    super(dimension);
    this.frequency = frequency;
    this.volume = volume;
    this.frequencyCutoff = frequencyCutoff;
    this.volumeCutoff = volumeCutoff;
    this.all = all;
    this.basis = basis;
  }

  /** The dimension for a configured id. */
  static Dimension dimension(String id) {
    return Dimension.of(id, "ACTIVE", "PASSIVE", "PROSPECT");
  }

  static ActivityClassifier create(PluginConfig config) {
    Dimension dimension = dimension(config.id());
    ActivitySettings s = ActivitySettings.read(config);
    double f;
    double v;
    String basis;
    if (s.calibrated()) {
      PluginConfig cal = Configs.calibration(config, s.method().key());
      Configs.calibratedOn(cal, "frequencyFeature", s.frequency());
      Configs.calibratedOn(cal, "volumeFeature", s.volume());
      f = Configs.required(cal, "frequency");
      v = Configs.required(cal, "volume");
      double fn = cal.number("frequencyPopulation", 0);
      double vn = cal.number("volumePopulation", 0);
      boolean exact = cal.flag("exact", true);
      double error = cal.number("rankError", 0);
      basis = "calibrated: top " + pct(s.frequencyParam()) + " of " + num(fn) + " buyers by "
          + s.frequency().name() + ", top " + pct(s.volumeParam()) + " of " + num(vn) + " by "
          + s.volume().name() + (exact ? ", exact" : ", sketch rank error " + pct(error));
    } else {
      f = s.frequencyParam();
      v = s.volumeParam();
      basis = "thresholds";
    }
    Combine combine = config.choice("combine", Combine.class, Combine.ALL);
    return new ActivityClassifier(dimension, s.frequency(), s.volume(), f, v, combine == Combine.ALL, basis);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.copyOf(List.of(frequency, volume, StandardFeatures.PURCHASE_DAYS,
        StandardFeatures.DAYS_SINCE_LAST_PURCHASE, StandardFeatures.TENURE_DAYS));
  }

  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    double f = c.number(frequency, Double.NaN);
    double v = c.number(volume, Double.NaN);
    if (History.neverPurchased(c, why, f, v)) {
      out.accept(PROSPECT, f);
      return;
    }
    int known = 0;
    int high = 0;
    if (!Double.isNaN(f)) {
      known++;
      high += check(frequency, f, frequencyCutoff, why);
    } else if (why != null) {
      why.add(Reason.missing(frequency, frequency.name() + " is missing: judged on the other input only"));
    }
    if (!Double.isNaN(v)) {
      known++;
      high += check(volume, v, volumeCutoff, why);
    } else if (why != null) {
      why.add(Reason.missing(volume, volume.name() + " is missing: judged on the other input only"));
    }
    boolean active = known > 0 && (all ? high == known : high > 0);
    if (why != null) {
      why.add(new Reason("activity", null, all ? "all known inputs high" : "any known input high",
          known == 0
              ? "Neither input is known: PASSIVE, for lack of data (not measured)"
              : high + " of " + known + " known inputs are high (combine "
                  + (all ? "all" : "any") + ", " + basis + "): "
                  + (active ? "ACTIVE" : "PASSIVE")));
    }
    if (known == 0) {
      // Nothing measured says passive: the label is the scheme's default, marked as such, so that
      // rules stating a fact ("basis": "measured") do not fire on it.
      out.acceptFallback(PASSIVE, Double.NaN);
      return;
    }
    out.accept(active ? ACTIVE : PASSIVE, f);
  }

  private static int check(Feature<Double> feature, double value, double cutoff, @Nullable List<Reason> why) {
    boolean high = value > 0 && value >= cutoff;
    if (why != null) {
      why.add(Reason.of(feature, value, ">= " + num(cutoff) + " and > 0",
          feature.name() + " " + num(value) + (high ? " is at or above " : " is not at or above ")
              + num(cutoff) + (value > 0 ? "" : " (and not above 0)")));
    }
    return high ? 1 : 0;
  }
}
