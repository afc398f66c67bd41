package org.clientele.classifiers.loyalty;

import static org.clientele.classifiers.internal.Text.num;

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

/** See {@link LoyaltyClassifierProvider}. */
final class LoyaltyClassifier extends ExplainingClassifier {

  static final int HIGH = 0;
  static final int MEDIUM = 1;
  static final int LOW = 2;

  /** The inputs that earn points, in the order reasons list them. */
  private static final List<Feature<Double>> POSITIVE =
      List.of(
          StandardFeatures.TENURE_DAYS,
          StandardFeatures.REPEAT_PURCHASES,
          StandardFeatures.SATISFACTION,
          StandardFeatures.DAYS_SINCE_LAST_PURCHASE);

  /** Where fewer is better: recency earns its points by being at or below its cut points. */
  private static final boolean[] LOWER_IS_BETTER = {false, false, false, true};

  private static final Feature<Double> RECENCY = StandardFeatures.DAYS_SINCE_LAST_PURCHASE;

  private static final Feature<Double> COMPLAINTS = StandardFeatures.COMPLAINTS_12M;

  private final Feature<?>[] inputs;
  private final double[] one;
  private final double[] two;
  private final double complaintOne;
  private final double complaintTwo;
  private final double high;
  private final double medium;
  private final int minInputs;
  private final int ifInsufficient;
  private final double lapsedDays;

  private LoyaltyClassifier(
      Dimension dimension, double[][] positive, double[] complaints, double high, double medium,
      int minInputs, int ifInsufficient, double lapsedDays) {
    super(dimension);
    this.inputs = POSITIVE.toArray(new Feature<?>[0]);
    this.one = new double[positive.length];
    this.two = new double[positive.length];
    for (int i = 0; i < positive.length; i++) {
      one[i] = positive[i][0];
      two[i] = positive[i][1];
    }
    this.complaintOne = complaints[0];
    this.complaintTwo = complaints[1];
    this.high = high;
    this.medium = medium;
    this.minInputs = minInputs;
    this.ifInsufficient = ifInsufficient;
    this.lapsedDays = lapsedDays;
  }

  static LoyaltyClassifier create(PluginConfig config) {
    Dimension dimension = Dimension.of(config.id(), "HIGH", "MEDIUM", "LOW");
    double[][] positive = {
      config.breaks("tenureDays", List.of(365.0, 730.0), 2),
      config.breaks("repeatPurchases", List.of(1.0, 4.0), 2),
      config.breaks("satisfaction", List.of(3.0, 4.0), 2),
      descending(config, "recencyDays", List.of(365.0, 90.0)),
    };
    double[] complaints = config.breaks("complaints", List.of(1.0, 3.0), 2);
    double high = config.number("high", 0.75, 0, 1);
    double medium = config.number("medium", 0.40, 0, 1);
    Configs.ordered(config, "medium", medium, "high", high);
    int minInputs = config.integer("minInputs", 2);
    if (minInputs < 1 || minInputs > POSITIVE.size()) {
      throw config.error("minInputs", "expected a whole number from 1 to " + POSITIVE.size() + ", found " + minInputs);
    }
    int ifInsufficient = config.label("ifInsufficient", dimension, "LOW");
    double lapsedDays = config.number("lapsedDays", 365, 0, Double.MAX_VALUE);
    return new LoyaltyClassifier(dimension, positive, complaints, high, medium, minInputs, ifInsufficient, lapsedDays);
  }

  /** Two cut points for a fewer-is-better input, in descending order: 1 point at or below the first, 2 at the second. */
  private static double[] descending(PluginConfig config, String key, List<Double> defaultValue) {
    List<Double> list = config.numbers(key, defaultValue);
    if (list.size() != 2 || list.get(1) > list.get(0)) {
      throw config.error(key, "expected 2 numbers of days in descending order (1 point at or below the first,"
          + " 2 at or below the second), found " + list);
    }
    return new double[] {list.get(0), list.get(1)};
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(inputs[0], inputs[1], inputs[2], inputs[3], COMPLAINTS);
  }

  @SuppressWarnings("unchecked")
  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    int known = 0;
    int points = 0;
    for (int i = 0; i < inputs.length; i++) {
      Feature<Double> f = (Feature<Double>) inputs[i];
      double v = c.number(f, Double.NaN);
      if (Double.isNaN(v)) {
        if (why != null) {
          why.add(Reason.missing(f, f.name() + " is missing: left out of the score (neither points nor a penalty)"));
        }
        continue;
      }
      known++;
      boolean lower = LOWER_IS_BETTER[i];
      int p = lower
          ? (v <= two[i] ? 2 : v <= one[i] ? 1 : 0)
          : (v >= two[i] ? 2 : v >= one[i] ? 1 : 0);
      points += p;
      if (why != null) {
        String at = lower ? "<= " : ">= ";
        String rule = p == 2 ? at + num(two[i]) : p == 1 ? at + num(one[i]) : (lower ? "> " : "< ") + num(one[i]);
        why.add(Reason.of(f, v, rule, f.name() + " " + num(v) + " earns " + p + " of 2 points ("
            + "1 at " + at + num(one[i]) + ", 2 at " + at + num(two[i]) + ")"));
      }
    }
    if (known < minInputs) {
      if (why != null) {
        why.add(Reason.conclusion("loyalty_inputs", known, ">= " + minInputs,
            "Only " + known + " of " + inputs.length + " loyalty inputs are known, fewer than "
                + minInputs + ": the label is " + dimension().label(ifInsufficient) + " (ifInsufficient)"));
      }
      out.acceptFallback(ifInsufficient, Double.NaN);
      return;
    }
    double k = c.number(COMPLAINTS, Double.NaN);
    int penalty = 0;
    if (Double.isNaN(k)) {
      if (why != null) {
        why.add(Reason.missing(COMPLAINTS, COMPLAINTS.name() + " is missing: no penalty applied"));
      }
    } else {
      penalty = k >= complaintTwo ? 2 : k >= complaintOne ? 1 : 0;
      if (why != null) {
        String rule = penalty == 2 ? ">= " + num(complaintTwo)
            : penalty == 1 ? ">= " + num(complaintOne) : "< " + num(complaintOne);
        why.add(Reason.of(COMPLAINTS, k, rule, COMPLAINTS.name() + " " + num(k) + " costs " + penalty
            + " points (1 at " + num(complaintOne) + ", 2 at " + num(complaintTwo) + ")"));
      }
    }
    double score = Math.max(0, points - penalty) / (2.0 * known);
    int label = score >= high ? HIGH : score >= medium ? MEDIUM : LOW;
    int scored = label;
    double silent = c.number(RECENCY, Double.NaN);
    boolean lapsed = label == HIGH && silent > lapsedDays;
    if (lapsed) {
      // A customer who stopped buying more than a year ago is not highly loyal, however long the
      // relationship was: the behaviour dimension calls the same customer LOST.
      label = MEDIUM;
    }
    if (why != null) {
      String rule = scored == HIGH ? ">= " + num(high)
          : scored == MEDIUM ? ">= " + num(medium) + " and < " + num(high) : "< " + num(medium);
      why.add(new Reason("loyalty_score", num(score), rule,
          "Loyalty score " + num(score) + " = max(0, " + points + " points - " + penalty + " penalty) / "
              + (2 * known) + " possible: " + dimension().label(scored) + " (HIGH at " + num(high)
              + ", MEDIUM at " + num(medium) + ")"));
      if (lapsed) {
        why.add(Reason.of(RECENCY, silent, "<= " + num(lapsedDays),
            "At most MEDIUM: no purchase for " + num(silent) + " days, more than " + num(lapsedDays)
                + " (lapsedDays); a lapsed customer is not highly loyal"));
      }
    }
    out.accept(label, score);
  }
}
