package org.clientele.classifiers.behaviour;

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

/** The visit lifecycle scheme; see {@link BehaviourClassifierProvider}. */
final class LifecycleClassifier extends ExplainingClassifier {

  static final int ACTIVE = 0;
  static final int NEW = 1;
  static final int SWINGING = 2;
  static final int AT_RISK = 3;
  static final int LOST = 4;
  static final int PROSPECT = 5;

  private static final Feature<Double> VISITS_12M = StandardFeatures.VISITS_12M;
  private static final Feature<Double> VISITS_3M = StandardFeatures.VISITS_3M;
  private static final Feature<Double> RECENCY = StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
  private static final Feature<Double> TENURE = StandardFeatures.TENURE_DAYS;
  private static final Feature<Double> PURCHASE_DAYS = StandardFeatures.PURCHASE_DAYS;

  private final double activeVisits;
  private final double swingingVisits;
  private final double recentDays;
  private final double lostDays;
  private final int openCase;
  private final int ifVisitsMissing;

  private LifecycleClassifier(
      Dimension dimension, double activeVisits, double swingingVisits, double recentDays,
      double lostDays, int openCase, int ifVisitsMissing) {
    super(dimension);
    this.activeVisits = activeVisits;
    this.swingingVisits = swingingVisits;
    this.recentDays = recentDays;
    this.lostDays = lostDays;
    this.openCase = openCase;
    this.ifVisitsMissing = ifVisitsMissing;
  }

  /** The dimension for a configured id. */
  static Dimension dimension(String id) {
    return Dimension.of(id, "ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT");
  }

  static LifecycleClassifier create(PluginConfig config) {
    Dimension dimension = dimension(config.id());
    double active = config.number("activeVisits", 3, 1, Double.MAX_VALUE);
    double swinging = config.number("swingingVisits", 2, 1, Double.MAX_VALUE);
    Configs.ordered(config, "swingingVisits", swinging, "activeVisits", active);
    double recent = Configs.nonNegative(config, "recentDays", 90);
    double lost = Configs.nonNegative(config, "lostDays", 365);
    Configs.ordered(config, "recentDays", recent, "lostDays", lost);
    int openCase = config.label("openCase", dimension, "SWINGING");
    int ifVisitsMissing = config.label("ifVisitsMissing", dimension, "SWINGING");
    return new LifecycleClassifier(dimension, active, swinging, recent, lost, openCase, ifVisitsMissing);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(VISITS_12M, VISITS_3M, RECENCY, TENURE, PURCHASE_DAYS);
  }

  @Override
  protected void evaluate(Customer c, LabelSink out, @Nullable List<Reason> why) {
    double visits = c.number(VISITS_12M, Double.NaN);
    double visits3m = c.number(VISITS_3M, Double.NaN);
    double days = c.number(PURCHASE_DAYS, Double.NaN);
    double recency = c.number(RECENCY, Double.NaN);
    double tenure = c.number(TENURE, Double.NaN);
    // Columns that contradict each other (each comparison is false when a side is missing): whichever
    // one a rule read would give a label the other denies. Cheap here; the reason is built apart.
    if (visits3m > visits || (Double.isNaN(visits) ? visits3m : visits) > days || recency > tenure) {
      if (why != null) {
        why.add(disagreement(visits, visits3m, days, recency, tenure));
      }
      out.acceptFallback(ifVisitsMissing, Double.NaN);
      return;
    }
    if (History.neverPurchased(c, why, visits, visits3m)) {
      out.accept(PROSPECT, visits);
      return;
    }
    // NEW first: a first-ever purchase inside the window is new whatever the visit count.
    int firstRecent = firstPurchaseRecent(tenure, days, visits3m, why);
    if (firstRecent == YES) {
      out.accept(NEW, visits);
      return;
    }
    if (Double.isNaN(visits)) {
      if (!Double.isNaN(recency) && recency > lostDays) {
        if (why != null) {
          why.add(Reason.missing(VISITS_12M, "visits_12m is missing"));
          why.add(Reason.of(RECENCY, recency, "> " + num(lostDays),
              "Last purchase " + num(recency) + " days ago, more than " + num(lostDays)
                  + ": no visit in the last 12 months, LOST"));
        }
        out.accept(LOST, visits);
        return;
      }
      if (why != null) {
        why.add(Reason.missing(VISITS_12M,
            "visits_12m is missing and the last purchase is not known to be older than "
                + num(lostDays) + " days: the label is " + dimension().label(ifVisitsMissing)
                + " (ifVisitsMissing)"));
      }
      out.acceptFallback(ifVisitsMissing, visits);
      return;
    }
    if (visits >= activeVisits) {
      if (why != null) {
        why.add(Reason.of(VISITS_12M, visits, ">= " + num(activeVisits),
            num(visits) + " visits in the last 12 months, at least " + num(activeVisits) + ": ACTIVE"));
      }
      out.accept(ACTIVE, visits);
      return;
    }
    if (visits >= swingingVisits) {
      if (why != null) {
        why.add(Reason.of(VISITS_12M, visits, ">= " + num(swingingVisits) + " and < " + num(activeVisits),
            num(visits) + " visits in the last 12 months (at least " + num(swingingVisits)
                + ", fewer than " + num(activeVisits) + "): SWINGING"));
      }
      out.accept(SWINGING, visits);
      return;
    }
    if (visits >= 1) {
      if (why != null) {
        why.add(Reason.of(VISITS_12M, visits, ">= 1 and < " + num(swingingVisits),
            num(visits) + " visit in the last 12 months"));
      }
      int recent = lastVisitRecent(recency, visits3m, why);
      if (recent == NO) {
        out.accept(AT_RISK, visits);
        return;
      }
      if (recent == UNKNOWN) {
        if (why != null) {
          why.add(new Reason(RECENCY.name(), null, "",
              "Neither days_since_last_purchase nor visits_3m is known, so the visit cannot be"
                  + " placed: AT_RISK, the cautious reading"));
        }
        out.accept(AT_RISK, visits);
        return;
      }
      if (why != null) {
        why.add(new Reason("open_case", null, "",
            (firstRecent == NO
                    ? "The visit lies within the last " + num(recentDays) + " days and is not the"
                        + " first-ever purchase"
                    : "The visit lies within the last " + num(recentDays) + " days; whether it was"
                        + " the first-ever purchase is unknown")
                + ": a case the practice leaves open, decided as "
                + dimension().label(openCase) + " (openCase)"));
      }
      out.accept(openCase, visits);
      return;
    }
    if (why != null) {
      why.add(Reason.of(VISITS_12M, visits, "< 1", "No visit in the last 12 months: LOST"));
    }
    out.accept(LOST, visits);
  }

  /**
   * The reason for columns that contradict each other: more visits in the last 3 months than in the
   * last 12, more in a window than in the whole history ({@code purchase_days}), or a last purchase
   * before the first one. The customers reader checks each column's range, not the pair; the label
   * is then {@code ifVisitsMissing}, for lack of data. Features derived from a transaction log
   * always agree.
   */
  private Reason disagreement(double visits, double visits3m, double days, double recency, double tenure) {
    String label = " the label is " + dimension().label(ifVisitsMissing) + " (ifVisitsMissing), for lack of data, until"
        + " the export is corrected";
    if (visits3m > visits) {
      return Reason.of(VISITS_3M, visits3m, "<= " + num(visits), "visits_3m " + num(visits3m) + " is more than"
          + " visits_12m " + num(visits) + ", but the last 3 months are inside the last 12: the two columns disagree"
          + " (another period? another unit?);" + label);
    }
    if (recency > tenure) {
      return Reason.of(RECENCY, recency, "<= " + num(tenure), "Last purchase " + num(recency) + " days ago but the"
          + " first only " + num(tenure) + " days ago (tenure_days): the two columns disagree (swapped?);" + label);
    }
    Feature<Double> window = Double.isNaN(visits) ? VISITS_3M : VISITS_12M;
    double recent = Double.isNaN(visits) ? visits3m : visits;
    return Reason.of(PURCHASE_DAYS, days, ">= " + num(recent), "purchase_days " + num(days) + " over the whole"
        + " history is fewer than " + window.name() + " " + num(recent) + ": the two columns disagree (another"
        + " period? another unit?);" + label);
  }

  private static final int NO = 0;
  private static final int YES = 1;
  private static final int UNKNOWN = 2;

  /** Is the first-ever purchase inside the recent window? */
  private int firstPurchaseRecent(double tenure, double days, double visits3m, @Nullable List<Reason> why) {
    if (!Double.isNaN(tenure)) {
      boolean recent = tenure <= recentDays;
      if (why != null && recent) {
        why.add(Reason.of(TENURE, tenure, "<= " + num(recentDays),
            "First purchase " + num(tenure) + " days ago, within " + num(recentDays) + " days: NEW"));
      } else if (why != null) {
        why.add(Reason.of(TENURE, tenure, "> " + num(recentDays),
            "First purchase " + num(tenure) + " days ago: not new"));
      }
      return recent ? YES : NO;
    }
    // Without tenure: every purchase day inside the window means the first one is too.
    if (!Double.isNaN(days) && !Double.isNaN(visits3m)) {
      boolean recent = days <= visits3m;
      if (why != null) {
        why.add(Reason.missing(TENURE, "tenure_days is missing; purchase_days " + num(days)
            + (recent ? " are all" : " are not all") + " among the " + num(visits3m)
            + " visits of the last 3 months (visits_3m)" + (recent ? ": NEW" : ": not new")));
      }
      return recent ? YES : NO;
    }
    if (why != null) {
      why.add(Reason.missing(TENURE,
          "tenure_days is missing (and purchase_days with visits_3m cannot replace it): NEW not"
              + " assessed"));
    }
    return UNKNOWN;
  }

  /** Does the single visit lie inside the recent window? */
  private int lastVisitRecent(double recency, double visits3m, @Nullable List<Reason> why) {
    if (!Double.isNaN(recency)) {
      boolean recent = recency <= recentDays;
      if (why != null) {
        why.add(Reason.of(RECENCY, recency, (recent ? "<= " : "> ") + num(recentDays),
            "It lies " + num(recency) + " days ago, " + (recent ? "within " : "more than ")
                + num(recentDays) + " days" + (recent ? "" : " (3 to 12 months ago): AT_RISK")));
      }
      return recent ? YES : NO;
    }
    if (!Double.isNaN(visits3m)) {
      boolean recent = visits3m >= 1;
      if (why != null) {
        why.add(Reason.of(VISITS_3M, visits3m, recent ? ">= 1" : "< 1",
            "days_since_last_purchase is missing; visits_3m " + num(visits3m)
                + (recent ? ": the visit is within the last 3 months"
                    : ": the visit lies 3 to 12 months ago, AT_RISK")));
      }
      return recent ? YES : NO;
    }
    return UNKNOWN;
  }
}
