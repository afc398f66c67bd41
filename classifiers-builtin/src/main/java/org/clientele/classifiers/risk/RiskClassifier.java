package org.clientele.classifiers.risk;

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

/** See {@link RiskClassifierProvider}. */
final class RiskClassifier extends ExplainingClassifier {

  static final int LOW = 0;
  static final int NORMAL = 1;
  static final int HIGH = 2;
  static final int UNRATED = 3;

  private static final Feature<Double> DEFAULTS = StandardFeatures.DEFAULT_COUNT;
  private static final Feature<Double> OVERDUE = StandardFeatures.OVERDUE_DAYS;
  private static final Feature<Double> WARNINGS = StandardFeatures.RISK_WARNINGS;
  private static final Feature<Double> LIMIT = StandardFeatures.CREDIT_LIMIT;
  private static final Feature<Double> USED = StandardFeatures.CREDIT_USED;
  /** The derived quantity a utilisation reason is about. */
  static final String UTILISATION = "credit_utilisation";

  private final double highDefaults;
  private final double highOverdue;
  private final double highWarnings;
  private final double normalDefaults;
  private final double normalOverdue;
  private final double normalWarnings;
  private final double highUtilisation;
  private final double normalUtilisation;
  private final int ifNoData;

  private RiskClassifier(Dimension dimension, double[] high, double[] normal, int ifNoData) {
    super(dimension);
    this.highDefaults = high[0];
    this.highOverdue = high[1];
    this.highWarnings = high[2];
    this.normalDefaults = normal[0];
    this.normalOverdue = normal[1];
    this.normalWarnings = normal[2];
    this.highUtilisation = high[3];
    this.normalUtilisation = normal[3];
    this.ifNoData = ifNoData;
  }

  static RiskClassifier create(PluginConfig config) {
    Dimension dimension = Dimension.of(config.id(), "LOW", "NORMAL", "HIGH", "UNRATED");
    PluginConfig h = config.section("high");
    PluginConfig n = config.section("normal");
    double[] high = {
      Configs.nonNegative(h, "defaults", 2), Configs.nonNegative(h, "overdueDays", 90),
      Configs.nonNegative(h, "warnings", 2), Configs.nonNegative(h, "utilisation", 1.0)
    };
    double[] normal = {
      Configs.nonNegative(n, "defaults", 1), Configs.nonNegative(n, "overdueDays", 30),
      Configs.nonNegative(n, "warnings", 1), Configs.nonNegative(n, "utilisation", 0.9)
    };
    Configs.ordered(n, "defaults", normal[0], "high.defaults", high[0]);
    Configs.ordered(n, "overdueDays", normal[1], "high.overdueDays", high[1]);
    Configs.ordered(n, "warnings", normal[2], "high.warnings", high[2]);
    Configs.ordered(n, "utilisation", normal[3], "high.utilisation", high[3]);
    int ifNoData = config.label("ifNoData", dimension, "UNRATED");
    return new RiskClassifier(dimension, high, normal, ifNoData);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(DEFAULTS, OVERDUE, WARNINGS, LIMIT, USED);
  }

  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    double d = c.number(DEFAULTS, Double.NaN);
    double o = c.number(OVERDUE, Double.NaN);
    double w = c.number(WARNINGS, Double.NaN);
    double used = c.number(USED, Double.NaN);
    double limit = c.number(LIMIT, Double.NaN);
    // No limit (missing, 0 or negative) gives no utilisation: missing, never 0% or "infinitely" used.
    double u = Double.isNaN(used) || !(limit > 0) ? Double.NaN : used / limit;
    if (Double.isNaN(d) && Double.isNaN(o) && Double.isNaN(w) && Double.isNaN(u)) {
      if (why != null) {
        why.add(new Reason("credit_data", null, "",
            "No credit data (default_count, overdue_days and risk_warnings are all missing, and no credit"
                + " utilisation): " + dimension().label(ifNoData) + " (ifNoData)"));
        why.add(utilisation(used, limit, u, -1));
      }
      out.acceptFallback(ifNoData, Double.NaN);
      return;
    }
    // Defaults and warnings trigger at or above their counts; overdue days strictly above.
    int ld = Double.isNaN(d) ? -1 : d >= highDefaults ? 2 : d >= normalDefaults ? 1 : 0;
    int lo = Double.isNaN(o) ? -1 : o > highOverdue ? 2 : o > normalOverdue ? 1 : 0;
    int lw = Double.isNaN(w) ? -1 : w >= highWarnings ? 2 : w >= normalWarnings ? 1 : 0;
    int lu = Double.isNaN(u) ? -1 : u > highUtilisation ? 2 : u > normalUtilisation ? 1 : 0;
    int level = Math.max(Math.max(ld, lo), Math.max(lw, lu));
    int score = Math.max(ld, 0) + Math.max(lo, 0) + Math.max(lw, 0) + Math.max(lu, 0);
    if (why != null) {
      why.add(count(DEFAULTS, d, ld, normalDefaults, highDefaults, "defaults"));
      why.add(overdue(o, lo));
      why.add(count(WARNINGS, w, lw, normalWarnings, highWarnings, "warnings"));
      why.add(utilisation(used, limit, u, lu));
    }
    int label = level == 2 ? HIGH : level == 1 ? NORMAL : LOW;
    boolean partial = Double.isNaN(d) || Double.isNaN(o) || Double.isNaN(w);
    if (partial && label == LOW) {
      // LOW says "no sign of trouble": with a signal unread that was not seen, only not known.
      // NORMAL and HIGH rest on a signal that was read, so they are measured.
      if (why != null) {
        why.add(Reason.conclusion("credit_data", "incomplete", "",
            "No warning sign in the credit data read, but part of it is missing: LOW for lack of data,"
                + " not assessed"));
      }
      out.acceptFallback(label, score);
      return;
    }
    out.accept(label, score);
  }

  private static String levelName(int level) {
    return level == 2 ? "HIGH" : level == 1 ? "NORMAL" : "LOW";
  }

  private static Reason count(Feature<Double> f, double v, int level, double normal, double high, String what) {
    if (level < 0) {
      return Reason.missing(f, f.name() + " is missing: not assessed");
    }
    String rule = level == 2 ? ">= " + num(high) : level == 1 ? ">= " + num(normal) : "< " + num(normal);
    return Reason.of(f, v, rule, num(v) + " " + what + " (" + rule + "): " + levelName(level)
        + " (NORMAL at " + num(normal) + ", HIGH at " + num(high) + ")");
  }

  /** The utilisation's reason: its level, or why it is missing (no limit is never a utilisation). */
  private Reason utilisation(double used, double limit, double u, int level) {
    if (Double.isNaN(limit)) {
      return Reason.missing(LIMIT, "credit_limit is missing: credit utilisation (credit_used / credit_limit) not assessed");
    }
    if (!(limit > 0)) {
      return Reason.missing(LIMIT, "credit_limit is " + num(limit) + (Double.isNaN(used) ? "" : " with credit_used "
          + num(used)) + ": credit utilisation is undefined without a positive limit, not assessed (check the"
          + " customer's credit terms)");
    }
    if (Double.isNaN(used)) {
      return Reason.missing(USED, "credit_used is missing (credit_limit " + num(limit)
          + "): credit utilisation not assessed; missing is not zero");
    }
    String rule = level == 2 ? "> " + num(highUtilisation)
        : level == 1 ? "> " + num(normalUtilisation) : "<= " + num(normalUtilisation);
    String over = used > limit ? ", over the limit by " + num(used - limit) : "";
    return new Reason(UTILISATION, num(u), rule, "credit utilisation " + pct(u) + " (credit_used " + num(used) + " / credit_limit "
        + num(limit) + over + "; " + rule + "): " + levelName(level) + " (NORMAL above "
        + pct(normalUtilisation) + ", HIGH above " + pct(highUtilisation) + ")");
  }

  private Reason overdue(double v, int level) {
    if (level < 0) {
      return Reason.missing(OVERDUE, "overdue_days is missing: not assessed");
    }
    String rule = level == 2 ? "> " + num(highOverdue)
        : level == 1 ? "> " + num(normalOverdue) : "<= " + num(normalOverdue);
    return Reason.of(OVERDUE, v, rule, num(v) + " days past due (" + rule + "): " + levelName(level)
        + " (NORMAL above " + num(normalOverdue) + " days, HIGH above " + num(highOverdue)
        + ", the IFRS 9 presumptions)");
  }
}
