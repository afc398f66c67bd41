package org.clientele.classifiers.value;

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

/** See {@link ValueClassifierProvider}. Immutable; everything is computed in {@link #create}. */
final class ValueClassifier extends ExplainingClassifier {

  static final int CORE = 0;
  static final int IMPORTANT = 1;
  static final int POTENTIAL = 2;
  static final int LOW = 3;

  private final Feature<Double> metric;
  private final double core;
  private final double important;
  private final boolean needsPositive;
  private final String basis;
  private final boolean potential;
  private final Feature<Double> current;
  private final Feature<Double> previous;
  private final Feature<Double> predicted;
  private final double growthRate;
  private final int ifMissing;
  private final Set<Feature<?>> features;

  private ValueClassifier(
      Dimension dimension,
      Feature<Double> metric,
      double core,
      double important,
      boolean needsPositive,
      String basis,
      boolean potential,
      Feature<Double> current,
      Feature<Double> previous,
      Feature<Double> predicted,
      double growthRate,
      int ifMissing) {
    super(dimension);
    this.metric = metric;
    this.core = core;
    this.important = important;
    this.needsPositive = needsPositive;
    this.basis = basis;
    this.potential = potential;
    this.current = current;
    this.previous = previous;
    this.predicted = predicted;
    this.growthRate = growthRate;
    this.ifMissing = ifMissing;
    this.features = Set.copyOf(potential ? List.of(metric, current, previous, predicted) : List.of(metric));
  }

  /** The dimension for a configured id. */
  static Dimension dimension(String id) {
    return Dimension.of(id, "CORE", "IMPORTANT", "POTENTIAL", "LOW");
  }

  static ValueClassifier create(PluginConfig config) {
    Dimension dimension = dimension(config.id());
    ValueSettings s = ValueSettings.read(config);
    double core;
    double important;
    String basis;
    switch (s.method()) {
      case THRESHOLD -> {
        core = s.coreParam();
        important = s.importantParam();
        basis = "absolute thresholds";
      }
      case PARETO -> {
        PluginConfig cal = calibration(config, s);
        core = Configs.required(cal, "core");
        important = Configs.required(cal, "important");
        basis =
            "Pareto: customers at or above the core cut-off make "
                + pct(s.coreParam())
                + " of the total "
                + s.metric().name()
                + ", at or above the important cut-off "
                + pct(s.importantParam())
                + describe(cal, "massError");
      }
      case QUANTILE -> {
        PluginConfig cal = calibration(config, s);
        core = Configs.required(cal, "core");
        important = Configs.required(cal, "important");
        basis =
            "quantiles: core is the top "
                + pct(s.coreParam())
                + " of customers by "
                + s.metric().name()
                + ", important the top "
                + pct(s.importantParam())
                + describe(cal, "rankError");
      }
      default -> throw new AssertionError(s.method());
    }
    if (important > core) {
      throw config.error("calibration", "important cut-off " + num(important) + " exceeds core cut-off " + num(core));
    }
    Potential p = Potential.read(config, dimension);
    return new ValueClassifier(
        dimension, s.metric(), core, important, s.method() != ValueSettings.Method.THRESHOLD,
        basis, p.enabled(), p.current(), p.previous(), p.predicted(), p.rate(), p.ifMissing());
  }

  /**
   * The keys read besides the method's: the POTENTIAL rules and {@code ifMissing}. Read by {@link
   * ValueClassifierProvider#dimension} too, so that a configuration checked before calibration
   * accepts them (and still rejects a typo among them).
   */
  record Potential(
      boolean enabled, Feature<Double> current, Feature<Double> previous, Feature<Double> predicted, double rate,
      int ifMissing) {

    static Potential read(PluginConfig config, Dimension dimension) {
      PluginConfig p = config.section("potential");
      boolean enabled = p.flag("enabled", true);
      Feature<Double> current = StandardFeatures.REVENUE_12M;
      Feature<Double> previous = StandardFeatures.REVENUE_PREV_12M;
      Feature<Double> predicted = StandardFeatures.PREDICTED_VALUE;
      double rate = 0.20;
      if (enabled) {
        current = p.numberFeature("currentRevenue", current);
        previous = p.numberFeature("previousRevenue", previous);
        predicted = p.numberFeature("predictedValue", predicted);
        rate = p.number("growthRate", rate);
      }
      int ifMissing = config.label("ifMissing", dimension, "LOW");
      return new Potential(enabled, current, previous, predicted, rate, ifMissing);
    }
  }

  private static PluginConfig calibration(PluginConfig config, ValueSettings s) {
    PluginConfig cal = Configs.calibration(config, s.method().key());
    String calibratedMetric = cal.string("metric", s.metric().name());
    if (!calibratedMetric.equals(s.metric().name())) {
      throw cal.error(
          "metric",
          "calibration was made on '" + calibratedMetric + "' but the metric is '"
              + s.metric().name() + "': remove the calibration to recalibrate");
    }
    return cal;
  }

  private static String describe(PluginConfig cal, String errorKey) {
    double population = cal.number("population", 0);
    boolean exact = cal.flag("exact", true);
    double error = cal.number(errorKey, 0);
    return "; calibrated on " + num(population) + " customers"
        + (exact ? " (exact)" : " (sketch, relative error " + pct(error) + ")");
  }

  @Override
  public Set<Feature<?>> features() {
    return features;
  }

  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    double m = c.number(metric, Double.NaN);
    boolean missing = Double.isNaN(m);
    if (!missing) {
      boolean eligible = !needsPositive || m > 0;
      if (eligible && m >= core) {
        if (why != null) {
          why.add(Reason.of(metric, m, ">= " + num(core),
              metric.name() + " " + num(m) + " is at or above the core cut-off " + num(core)
                  + " (" + basis + ")"));
        }
        out.accept(CORE, m);
        return;
      }
      if (eligible && m >= important) {
        if (why != null) {
          why.add(Reason.of(metric, m, ">= " + num(important) + " and < " + num(core),
              metric.name() + " " + num(m) + " is at or above the important cut-off "
                  + num(important) + " and below the core cut-off " + num(core)
                  + " (" + basis + ")"));
        }
        out.accept(IMPORTANT, m);
        return;
      }
      if (why != null) {
        why.add(Reason.of(metric, m, eligible ? "< " + num(important) : "> 0",
            eligible
                ? metric.name() + " " + num(m) + " is below the important cut-off " + num(important)
                    + " (" + basis + ")"
                : metric.name() + " " + num(m) + " is not above 0, so it cannot reach a"
                    + " population-relative tier (" + basis + ")"));
      }
    } else if (why != null) {
      why.add(Reason.missing(metric,
          metric.name() + " is missing: no contribution can be measured, so neither CORE nor"
              + " IMPORTANT"));
    }
    if (potential && isPotential(c, why)) {
      out.accept(POTENTIAL, m);
      return;
    }
    if (missing) {
      if (why != null) {
        why.add(Reason.missing(metric,
            "Without " + metric.name() + " and with no sign of potential the label is "
                + dimension().label(ifMissing) + " (ifMissing)"));
      }
      out.acceptFallback(ifMissing, m);
      return;
    }
    if (why != null && !potential) {
      why.add(new Reason("potential", null, "", "Potential rules are disabled (potential.enabled)"));
    }
    out.accept(LOW, m);
  }

  private boolean isPotential(Customer c, @Nullable List<Reason> why) {
    double cur = c.number(current, Double.NaN);
    double prev = c.number(previous, Double.NaN);
    if (Double.isNaN(cur) || Double.isNaN(prev)) {
      if (why != null) {
        Feature<Double> absent = Double.isNaN(cur) ? current : previous;
        why.add(Reason.missing(absent,
            absent.name() + " is missing: growth cannot be computed and is not counted"));
      }
    } else if (prev <= 0) {
      if (why != null) {
        why.add(Reason.of(previous, prev, "> 0",
            "Growth is undefined because " + previous.name() + " is " + num(prev)
                + " (not above 0); it is not counted"));
      }
    } else {
      double growth = (cur - prev) / prev;
      if (growth >= growthRate) {
        if (why != null) {
          why.add(new Reason("growth", num(growth), ">= " + num(growthRate),
              "Growth " + pct(growth) + " (" + current.name() + " " + num(cur) + " against "
                  + previous.name() + " " + num(prev) + ") is at or above " + pct(growthRate)));
        }
        return true;
      }
      if (why != null) {
        why.add(new Reason("growth", num(growth), "< " + num(growthRate),
            "Growth " + pct(growth) + " (" + current.name() + " " + num(cur) + " against "
                + previous.name() + " " + num(prev) + ") is below " + pct(growthRate)));
      }
    }
    double p = c.number(predicted, Double.NaN);
    if (Double.isNaN(p)) {
      if (why != null) {
        why.add(Reason.missing(predicted, predicted.name() + " is missing: not counted"));
      }
      return false;
    }
    if (p >= important && (!needsPositive || p > 0)) {
      if (why != null) {
        why.add(Reason.of(predicted, p, ">= " + num(important),
            predicted.name() + " " + num(p) + " reaches the important cut-off " + num(important)));
      }
      return true;
    }
    if (why != null) {
      why.add(Reason.of(predicted, p, ">= " + num(important),
          predicted.name() + " " + num(p) + " is below the important cut-off " + num(important)));
    }
    return false;
  }
}
