package org.clientele.classifiers.pattern;

import static org.clientele.classifiers.internal.Text.num;
import static org.clientele.classifiers.internal.Text.pct;

import java.util.List;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ExplainingClassifier;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.jspecify.annotations.Nullable;

/** See {@link PurchasePatternClassifierProvider}. */
final class PurchasePatternClassifier extends ExplainingClassifier {

  static final int FREQUENT_BIG_ORDERS = 0;
  static final int FREQUENT_SMALL_ORDERS = 1;
  static final int OCCASIONAL_BIG_ORDERS = 2;
  static final int OCCASIONAL_SMALL_ORDERS = 3;
  static final int UNKNOWN = 4;

  static final List<String> LABELS = List.of(
      "FREQUENT_BIG_ORDERS", "FREQUENT_SMALL_ORDERS", "OCCASIONAL_BIG_ORDERS", "OCCASIONAL_SMALL_ORDERS", "UNKNOWN");

  private final Feature<Double> frequency;
  private final Feature<Double> orderValue;
  private final double frequencyCutoff;
  private final double orderValueCutoff;
  private final String frequencyBasis;
  private final String orderValueBasis;
  /** What the calibration said cannot split the population, for every explanation; empty if nothing. */
  private final List<String> degenerate;

  private PurchasePatternClassifier(Dimension dimension, PatternSettings s, double fCut, double vCut,
      String fBasis, String vBasis, List<String> degenerate) {
    super(dimension);
    this.frequency = s.frequency();
    this.orderValue = s.orderValue();
    this.frequencyCutoff = fCut;
    this.orderValueCutoff = vCut;
    this.frequencyBasis = fBasis;
    this.orderValueBasis = vBasis;
    this.degenerate = degenerate;
  }

  static Dimension dimension(String id) {
    return new Dimension(id, LABELS);
  }

  static PurchasePatternClassifier create(PluginConfig config) {
    Dimension dimension = dimension(config.id());
    PatternSettings s = PatternSettings.read(config);
    if (!s.calibrated()) {
      return new PurchasePatternClassifier(dimension, s, s.frequencyParam(), s.orderValueParam(),
          "configured frequencyCutoff", "configured orderValueCutoff", List.of());
    }
    PluginConfig cal = Configs.calibration(config, s.method().key());
    Configs.calibratedOn(cal, "frequencyFeature", s.frequency());
    Configs.calibratedOn(cal, "orderValueFeature", s.orderValue());
    // An axis no customer had has no cut-off: its customers are all UNKNOWN, and the
    // calibration's degenerate note (a quality warning in the report) says why.
    double fCut = cal.number("frequencyCutoff", Double.NaN);
    double vCut = cal.number("orderValueCutoff", Double.NaN);
    boolean exact = cal.flag("exact", true);
    double error = cal.number("rankError", 0);
    String regime = exact ? "exact" : "sketch, rank error " + pct(error);
    return new PurchasePatternClassifier(dimension, s, fCut, vCut,
        basis(s.frequencyParam(), cal, "frequency", regime),
        basis(s.orderValueParam(), cal, "orderValue", regime),
        cal.strings(PatternCalibrator.DEGENERATE, List.of()));
  }

  /** Where an axis's cut-off came from, in words: quantile, population, customers above, regime. */
  private static String basis(double quantile, PluginConfig cal, String axis, String regime) {
    String q = quantile == PatternSettings.DEFAULT_QUANTILE ? "median" : pct(quantile) + " quantile";
    String moved = cal.string(axis + "Moved", "");
    return q + " of " + num(cal.number(axis + "Population", 0)) + " customers, " + num(cal.number(axis + "Above", 0))
        + " above it (" + regime + ")" + (moved.isEmpty() ? "" : "; " + moved);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(frequency, orderValue);
  }

  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    double f = c.number(frequency, Double.NaN);
    double v = c.number(orderValue, Double.NaN);
    boolean placed = !Double.isNaN(f) && !Double.isNaN(v)
        && !Double.isNaN(frequencyCutoff) && !Double.isNaN(orderValueCutoff);
    int label;
    if (!placed) {
      label = UNKNOWN;
    } else if (f > frequencyCutoff) {
      label = v > orderValueCutoff ? FREQUENT_BIG_ORDERS : FREQUENT_SMALL_ORDERS;
    } else {
      label = v > orderValueCutoff ? OCCASIONAL_BIG_ORDERS : OCCASIONAL_SMALL_ORDERS;
    }
    if (why != null) {
      why.add(axis(frequency, f, frequencyCutoff, frequencyBasis, "frequent", "occasional"));
      why.add(axis(orderValue, v, orderValueCutoff, orderValueBasis, "big orders", "small orders"));
      for (String d : degenerate) {
        why.add(Reason.conclusion("calibration", "Calibration could not split the population: " + d));
      }
      why.add(Reason.conclusion(dimension().id(), dimension().label(label), "",
          placed ? dimension().label(label) + ": the quadrant of " + frequency.name() + " " + num(f)
              + " and " + orderValue.name() + " " + num(v) + " (equal to a cut-off counts as the low side)"
              : "UNKNOWN: without both " + frequency.name() + " and " + orderValue.name()
                  + " (and a cut-off for each) the customer has no quadrant"));
    }
    out.accept(label, v);
  }

  private static Reason axis(Feature<Double> feature, double value, double cutoff, String basis, String high,
      String low) {
    if (Double.isNaN(value)) {
      return Reason.missing(feature, feature.name() + " is missing: no quadrant (UNKNOWN); missing is not zero");
    }
    if (Double.isNaN(cutoff)) {
      return Reason.missing(feature, feature.name() + " " + num(value) + " has no cut-off to compare with: no"
          + " customer of the calibration population had " + feature.name());
    }
    boolean above = value > cutoff;
    return Reason.of(feature, value, (above ? "> " : "<= ") + num(cutoff),
        feature.name() + " " + num(value) + (above ? " is above" : " is at or below") + " the cut-off "
            + num(cutoff) + " (" + basis + "): " + (above ? high : low));
  }
}
