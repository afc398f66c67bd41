package org.clientele.benchmarks.compare;

import static org.clientele.benchmarks.compare.HandWrittenBaseline.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Plan;
import org.clientele.api.StandardFeatures;
import org.jeasy.rules.api.Condition;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The same rules as {@link HandWrittenBaseline} (the default rules of the six built-in dimensions
 * and the default playbook) written for <a href="https://github.com/j-easy/easy-rules">Easy
 * Rules</a> 4.1.0, the lightweight rule engine a Java developer would pick instead of Clientele,
 * in its fastest form: rules built with {@link RuleBuilder} and lambdas (no expression language),
 * engines and rules created once, and per customer only the {@link Facts}.
 *
 * <p>The customer is a fact; derived values (loyalty score, RFM letters, industry sector) are facts
 * that a first set of rules computes; each dimension is a rule set fired with {@code
 * skipOnFirstAppliedRule} (the first rule that applies gives the label, a string fact named after
 * the dimension, and whether it was measured or decided for lack of data, a boolean fact named
 * after the dimension with {@code Measured} appended); the playbook is one rule set fired in
 * priority order whose rules offer their actions to a plan fact that keeps one rule per category
 * and drops vetoed actions (every vetoing rule of the default playbook outranks the rules it
 * vetoes, so firing in priority order applies vetoes first; a rule with a {@code "basis"} also
 * reads the measured facts of the dimensions it names). {@code EasyRulesPeerTest} checks that it
 * gives the engine's labels, labels for lack of data and plan on the whole benchmark population.
 */
public final class EasyRulesPeer {

  private static final String CUSTOMER = "customer";
  private static final String PLAN = "plan";

  private final RulesEngine allRules = new DefaultRulesEngine();
  private final RulesEngine firstApplied =
      new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(true));
  private final Rules derived = new Rules();
  private final Rules value = new Rules();
  private final Rules loyalty = new Rules();
  private final Rules behaviour = new Rules();
  private final Rules rfm = new Rules();
  private final Rules risk = new Rules();
  private final Rules industry = new Rules();
  private final Rules playbook = new Rules();

  /** The dimensions, in the engine's order. */
  private static final List<String> DIMENSIONS = List.of("value", "loyalty", "behaviour", "rfm", "risk", "industry");

  /**
   * One customer's labels (names, as the rules wrote them) and plan.
   *
   * @param customerId the id
   * @param value value label
   * @param loyalty loyalty label
   * @param behaviour behaviour label
   * @param rfm RFM segment
   * @param risk risk label
   * @param industry industry sector
   * @param lackOfData the dimensions whose label was decided for lack of data, in the engine's order
   * @param plan the plan, most urgent first
   */
  public record Outcome(
      String customerId, String value, String loyalty, String behaviour, String rfm, String risk, String industry,
      List<String> lackOfData, Plan plan) {}

  /**
   * Builds the rules with a model's calibrated cut-offs.
   *
   * @param t the cut-offs
   */
  public EasyRulesPeer(Thresholds t) {
    Objects.requireNonNull(t, "t");
    // Derived facts.
    derived.register(rule("loyalty-score", 1, f -> true, f -> f.put("loyaltyScore", loyaltyScore(customer(f)))));
    derived.register(rule("rfm-letters", 2, f -> true, f -> {
      Customer c = customer(f);
      double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
      int r = lowerIsBetter(recency, t.recencyBreaks());
      f.put("R", recency > 365 ? Math.min(r, 2) : r);
      f.put("F", higherIsBetter(c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN), t.frequencyBreaks()));
      f.put("M", higherIsBetter(c.number(StandardFeatures.REVENUE_TOTAL, Double.NaN), t.monetaryBreaks()));
    }));
    derived.register(rule("industry-sector", 3, f -> true,
        f -> f.put("sector", HandWrittenBaseline.industry(customer(f).getOrNull(StandardFeatures.INDUSTRY_CODE)))));

    // value
    value.register(label("value-core", 1, "value", "CORE", f -> revenue(f) > 0 && revenue(f) >= t.valueCore()));
    value.register(label("value-important", 2, "value", "IMPORTANT", f -> revenue(f) > 0 && revenue(f) >= t.valueImportant()));
    value.register(label("value-potential-growth", 3, "value", "POTENTIAL", f -> {
      double current = revenue(f);
      double previous = customer(f).number(StandardFeatures.REVENUE_PREV_12M, Double.NaN);
      return !Double.isNaN(current) && previous > 0 && (current - previous) / previous >= 0.20;
    }));
    value.register(label("value-potential-predicted", 4, "value", "POTENTIAL", f -> {
      double predicted = customer(f).number(StandardFeatures.PREDICTED_VALUE, Double.NaN);
      return predicted >= t.valueImportant() && predicted > 0;
    }));
    value.register(lackOfData("value-missing", 5, "value", "LOW", f -> Double.isNaN(revenue(f))));
    value.register(label("value-low", 6, "value", "LOW", f -> true));

    // loyalty
    loyalty.register(lackOfData("loyalty-insufficient", 1, "loyalty", "LOW", f -> Double.isNaN(f.<Double>get("loyaltyScore"))));
    loyalty.register(label("loyalty-high", 2, "loyalty", "HIGH", f -> f.<Double>get("loyaltyScore") >= 0.75
        && !(customer(f).number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN) > 365)));
    loyalty.register(label("loyalty-medium", 3, "loyalty", "MEDIUM", f -> f.<Double>get("loyaltyScore") >= 0.40));
    loyalty.register(label("loyalty-low", 4, "loyalty", "LOW", f -> true));

    // behaviour, lifecycle
    behaviour.register(lackOfData("behaviour-contradicting-columns", 0, "behaviour", "SWINGING", f -> {
      Customer c = customer(f);
      return HandWrittenBaseline.contradicts(visits(f), c.number(StandardFeatures.VISITS_3M, Double.NaN),
          c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN), c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN),
          c.number(StandardFeatures.TENURE_DAYS, Double.NaN));
    }));
    behaviour.register(label("behaviour-prospect", 1, "behaviour", "PROSPECT", f -> neverPurchased(customer(f))));
    behaviour.register(label("behaviour-new", 2, "behaviour", "NEW", f -> firstPurchaseRecent(customer(f))));
    behaviour.register(label("behaviour-no-visits-lost", 3, "behaviour", "LOST",
        f -> Double.isNaN(visits(f)) && customer(f).number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN) > 365));
    behaviour.register(lackOfData("behaviour-no-visits", 4, "behaviour", "SWINGING", f -> Double.isNaN(visits(f))));
    behaviour.register(label("behaviour-active", 5, "behaviour", "ACTIVE", f -> visits(f) >= 3));
    behaviour.register(label("behaviour-swinging", 6, "behaviour", "SWINGING", f -> visits(f) >= 2));
    behaviour.register(label("behaviour-one-recent-visit", 7, "behaviour", "SWINGING", f -> {
      Customer c = customer(f);
      double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
      boolean recent = !Double.isNaN(recency) ? recency <= 90 : c.number(StandardFeatures.VISITS_3M, Double.NaN) >= 1;
      return visits(f) >= 1 && recent;
    }));
    behaviour.register(label("behaviour-one-visit", 8, "behaviour", "AT_RISK", f -> visits(f) >= 1));
    behaviour.register(label("behaviour-lost", 9, "behaviour", "LOST", f -> true));

    // rfm: the R x F grid as one rule per segment
    rfm.register(label("rfm-champions", 1, "rfm", "CHAMPIONS", f -> rScore(f) == 5 && fScore(f) >= 4));
    rfm.register(label("rfm-loyal", 2, "rfm", "LOYAL", f -> (rScore(f) == 4 || rScore(f) == 3) && fScore(f) >= 4));
    rfm.register(label("rfm-potential-loyalist", 3, "rfm", "POTENTIAL_LOYALIST", f -> rScore(f) >= 4 && fScore(f) >= 2 && fScore(f) <= 3));
    rfm.register(label("rfm-new-customers", 4, "rfm", "NEW_CUSTOMERS", f -> rScore(f) == 5 && fScore(f) == 1));
    rfm.register(label("rfm-promising", 5, "rfm", "PROMISING", f -> rScore(f) == 4 && fScore(f) == 1));
    rfm.register(label("rfm-need-attention", 6, "rfm", "NEED_ATTENTION", f -> rScore(f) == 3 && fScore(f) == 3));
    rfm.register(label("rfm-about-to-sleep", 7, "rfm", "ABOUT_TO_SLEEP", f -> rScore(f) == 3 && fScore(f) <= 2));
    rfm.register(label("rfm-at-risk", 8, "rfm", "AT_RISK", f -> rScore(f) <= 2 && fScore(f) >= 3 && fScore(f) <= 4));
    rfm.register(label("rfm-cannot-lose", 9, "rfm", "CANNOT_LOSE", f -> rScore(f) <= 2 && fScore(f) == 5));
    rfm.register(label("rfm-hibernating", 10, "rfm", "HIBERNATING", f -> (rScore(f) == 2 && fScore(f) <= 2) || (rScore(f) == 1 && fScore(f) == 2)));
    rfm.register(label("rfm-lost", 11, "rfm", "LOST", f -> true));

    // risk
    risk.register(lackOfData("risk-unrated", 1, "risk", "UNRATED", f -> {
      Customer c = customer(f);
      return !c.has(StandardFeatures.DEFAULT_COUNT) && !c.has(StandardFeatures.OVERDUE_DAYS) && !c.has(StandardFeatures.RISK_WARNINGS)
          && Double.isNaN(utilisation(c));
    }));
    risk.register(label("risk-high", 2, "risk", "HIGH", f -> {
      Customer c = customer(f);
      return c.number(StandardFeatures.DEFAULT_COUNT, 0) >= 2 || c.number(StandardFeatures.OVERDUE_DAYS, 0) > 90
          || c.number(StandardFeatures.RISK_WARNINGS, 0) >= 2 || utilisation(c) > 1.0;
    }));
    risk.register(label("risk-normal", 3, "risk", "NORMAL", f -> {
      Customer c = customer(f);
      return c.number(StandardFeatures.DEFAULT_COUNT, 0) >= 1 || c.number(StandardFeatures.OVERDUE_DAYS, 0) > 30
          || c.number(StandardFeatures.RISK_WARNINGS, 0) >= 1 || utilisation(c) > 0.9;
    }));
    // LOW with defaults, overdue days or warnings unread: no sign of trouble, but not assessed.
    risk.register(lackOfData("risk-low-partial", 4, "risk", "LOW", f -> {
      Customer c = customer(f);
      return Double.isNaN(c.number(StandardFeatures.DEFAULT_COUNT, Double.NaN))
          || Double.isNaN(c.number(StandardFeatures.OVERDUE_DAYS, Double.NaN))
          || Double.isNaN(c.number(StandardFeatures.RISK_WARNINGS, Double.NaN));
    }));
    risk.register(label("risk-low", 5, "risk", "LOW", f -> true));

    // industry
    industry.register(label("industry-known", 1, "industry", f -> SECTORS.get(f.<Integer>get("sector")),
        f -> f.<Integer>get("sector") != UNKNOWN_INDUSTRY));
    industry.register(lackOfData("industry-unknown", 2, "industry", "UNKNOWN", f -> true));

    // the default playbook
    List<PlaybookRule> rules = List.of(
        new PlaybookRule("risk-high", 100, is("risk", "HIGH"), List.of("preferential-terms"), PREPAYMENT_REQUIRED, PREPAID_PRICING),
        new PlaybookRule("high-value-slipping-win-back", 90, both(highValue(), is("behaviour", "AT_RISK", "LOST")), List.of(),
            WIN_BACK_CALL, PERSONAL_RETENTION_OFFER),
        new PlaybookRule("high-value-fickle-relationship", 85,
            measured(both(highValue(), is("loyalty", "LOW")), "value", "loyalty"), List.of(), RELATIONSHIP_REVIEW,
            SERVICE_RECOVERY),
        new PlaybookRule("high-value-cooling-visit", 85, both(highValue(), is("behaviour", "SWINGING", "PASSIVE")), List.of(),
            ACCOUNT_MANAGER_VISIT),
        new PlaybookRule("high-value-loyal-rewards", 80, both(highValue(), is("loyalty", "HIGH", "MEDIUM")), List.of(), LOYALTY_REWARDS),
        new PlaybookRule("low-value-loyal-growth", 80, both(is("value", "LOW"), is("loyalty", "HIGH", "MEDIUM")), List.of(),
            VOLUME_TIER_PRICING),
        new PlaybookRule("low-value-fickle-no-win-back", 80,
            measured(both(is("value", "LOW"), is("loyalty", "LOW")), "value", "loyalty"), List.of("win-back-offer")),
        new PlaybookRule("potential-newcomer-onboarding", 80, both(is("value", "POTENTIAL"), is("behaviour", "NEW")), List.of(),
            ONBOARDING),
        new PlaybookRule("low-value-lapsed-reactivation", 80, both(is("value", "LOW"), is("behaviour", "LOST")),
            List.of("retention-contact"), LOW_COST_REACTIVATION),
        new PlaybookRule("value-core", 70, is("value", "CORE"), List.of(), PERSONALISED_PRODUCTS, PREFERENTIAL_TERMS,
            DEDICATED_ACCOUNT_MANAGER, VIP_EVENTS, VIP_SERVICE, ACCOUNT_REVIEWS),
        new PlaybookRule("behaviour-new", 65, is("behaviour", "NEW"), List.of(), USAGE_GUIDANCE),
        new PlaybookRule("behaviour-prospect", 65, is("behaviour", "PROSPECT"), List.of(), PROACTIVE_CONTACT, PRODUCT_INFORMATION),
        new PlaybookRule("behaviour-retention", 65, is("behaviour", "AT_RISK", "LOST"), List.of(), RETENTION_CONTACT,
            RETENTION_WIN_BACK_OFFER),
        new PlaybookRule("value-important", 60, is("value", "IMPORTANT"), List.of(), CROSS_SELL, VOLUME_DISCOUNT, TRADE_SHOWS,
            CARE_ACTIVITIES, CUSTOMER_CARE, FOLLOW_UP_VISITS),
        new PlaybookRule("loyalty-high", 55, is("loyalty", "HIGH"), List.of(), LOYAL_CUSTOMISED_SERVICE, CUSTOMISED_OFFERS),
        new PlaybookRule("loyalty-low", 55, measured(is("loyalty", "LOW"), "loyalty"), List.of(), SERVICE_QUALITY, NEW_PRODUCTS,
            LOYALTY_WIN_BACK_OFFER),
        PlaybookRule.also("loyalty-not-measured", 55, lackOfData(is("loyalty", "LOW"), "loyalty"), LOYALTY_DATA_CHECK),
        new PlaybookRule("behaviour-active", 52, is("behaviour", "ACTIVE"), List.of(), ACTIVE_CUSTOMISED_SERVICE,
            PERIODIC_RECOMMENDATIONS),
        new PlaybookRule("behaviour-keep-in-touch", 52, is("behaviour", "PASSIVE", "SWINGING"), List.of(), KEEP_IN_TOUCH,
            PURCHASE_STIMULUS),
        new PlaybookRule("value-potential", 50, is("value", "POTENTIAL"), List.of(), CUSTOMISED_PRODUCTS, GROWTH_PRICING,
            PERSONALISED_EMAIL_SMS, PERSONALISED_CAMPAIGN, EXTRA_ATTENTION, DEMAND_DISCOVERY),
        new PlaybookRule("value-low", 50, is("value", "LOW"), List.of(), NEW_PRODUCT_TRIAL, STANDARD_PRICING, SELF_SERVICE,
            STANDARD_PROMOTIONS, STANDARD_SERVICE, SERVE_OR_CONVERT),
        PlaybookRule.also("industry-manufacturing-quality-delivery", 45, is("industry", "MANUFACTURING", "CONSTRUCTION"),
            QUALITY_DELIVERY_COMMITMENT, TECHNICAL_PERFORMANCE_DATA),
        PlaybookRule.also("industry-services-timeliness", 45, is("industry", "TRANSPORT_LOGISTICS", "HOSPITALITY",
            "INFORMATION_TECH", "FINANCE", "REAL_ESTATE", "PROFESSIONAL_SERVICES", "EDUCATION", "HEALTHCARE",
            "OTHER_SERVICES"), RESPONSE_TIME_COMMITMENT),
        PlaybookRule.also("industry-retail-range-promotions", 45, is("industry", "WHOLESALE_RETAIL"),
            RANGE_AND_PROMOTION_CALENDAR),
        new PlaybookRule("risk-low", 40, measured(is("risk", "LOW"), "risk"), List.of(), CREDIT_TERMS),
        new PlaybookRule("risk-normal", 40, is("risk", "NORMAL"), List.of(), PERIODIC_CREDIT_REVIEW),
        new PlaybookRule("risk-not-assessed", 40, lackOfData(is("risk", "LOW"), "risk"), List.of(), CREDIT_CHECK_NOT_ASSESSED),
        new PlaybookRule("risk-unrated", 40, is("risk", "UNRATED"), List.of(), CREDIT_CHECK));
    for (int i = 0; i < rules.size(); i++) {
      PlaybookRule r = rules.get(i);
      // Easy Rules fires the lowest priority number first, ties by name: encode (priority, order).
      playbook.register(rule(r.id(), (1000 - r.priority()) * 100 + i, r.when(), f -> f.<PlanFact>get(PLAN).offer(r)));
    }
  }

  /** The sector names, in the engine's order, for the industry fact. */
  private static final List<String> SECTORS = List.of(
      "MANUFACTURING", "CONSTRUCTION", "WHOLESALE_RETAIL", "TRANSPORT_LOGISTICS", "HOSPITALITY", "INFORMATION_TECH",
      "FINANCE", "REAL_ESTATE", "PROFESSIONAL_SERVICES", "PUBLIC_ADMINISTRATION", "EDUCATION", "HEALTHCARE",
      "AGRICULTURE", "ENERGY_UTILITIES", "OTHER_SERVICES", "UNKNOWN");

  /**
   * Classifies one customer: new facts, every rule set fired in turn.
   *
   * @param c the customer
   * @return the labels and the plan
   */
  public Outcome classify(Customer c) {
    Facts facts = new Facts();
    facts.put(CUSTOMER, c);
    allRules.fire(derived, facts);
    firstApplied.fire(value, facts);
    firstApplied.fire(loyalty, facts);
    firstApplied.fire(behaviour, facts);
    firstApplied.fire(rfm, facts);
    firstApplied.fire(risk, facts);
    firstApplied.fire(industry, facts);
    PlanFact plan = new PlanFact();
    facts.put(PLAN, plan);
    allRules.fire(playbook, facts);
    List<String> lackOfData = new ArrayList<>(2);
    for (String d : DIMENSIONS) {
      if (!isMeasured(facts, d)) {
        lackOfData.add(d);
      }
    }
    return new Outcome(c.id(), facts.get("value"), facts.get("loyalty"), facts.get("behaviour"), facts.get("rfm"),
        facts.get("risk"), facts.get("industry"), List.copyOf(lackOfData), new Plan(plan.actions));
  }

  /** A playbook rule: a condition, vetoed codes and actions; {@code also} adds beside the winners. */
  private record PlaybookRule(String id, int priority, Condition when, List<String> vetoes, boolean also, Action... actions) {

    PlaybookRule(String id, int priority, Condition when, List<String> vetoes, Action... actions) {
      this(id, priority, when, vetoes, false, actions);
    }

    static PlaybookRule also(String id, int priority, Condition when, Action... actions) {
      return new PlaybookRule(id, priority, when, List.of(), true, actions);
    }
  }

  /** The plan being built: one rule per category, vetoed codes dropped. */
  private static final class PlanFact {
    final List<Action> actions = new ArrayList<>();
    final Set<String> vetoed = new HashSet<>();
    final boolean[] taken = new boolean[ActionCategory.values().length];

    void offer(PlaybookRule rule) {
      vetoed.addAll(rule.vetoes());
      if (rule.also()) { // beside the winner: takes no category, and a code is in a plan once
        for (Action a : rule.actions()) {
          if (!vetoed.contains(a.code()) && actions.stream().noneMatch(p -> p.code().equals(a.code()))) {
            actions.add(a);
          }
        }
        return;
      }
      for (Action a : rule.actions()) {
        if (!taken[a.category().ordinal()] && !vetoed.contains(a.code())) {
          actions.add(a);
        }
      }
      for (Action a : actions) {
        taken[a.category().ordinal()] = true;
      }
    }
  }

  private static Rule rule(String name, int priority, Condition when, org.jeasy.rules.api.Action then) {
    return new RuleBuilder().name(name).priority(priority).when(when).then(then).build();
  }

  /** A rule that gives a measured label. */
  private static Rule label(String name, int priority, String dimension, String label, Condition when) {
    return label(name, priority, dimension, f -> label, when);
  }

  /** A rule that gives a measured label computed from the facts. */
  private static Rule label(
      String name, int priority, String dimension, Function<Facts, String> label, Condition when) {
    return rule(name, priority, when, f -> {
      f.put(dimension, label.apply(f));
      f.put(dimension + "Measured", Boolean.TRUE);
    });
  }

  /** A rule that gives a label decided for lack of data. */
  private static Rule lackOfData(String name, int priority, String dimension, String label, Condition when) {
    return rule(name, priority, when, f -> {
      f.put(dimension, label);
      f.put(dimension + "Measured", Boolean.FALSE);
    });
  }

  private static boolean isMeasured(Facts f, String dimension) {
    return f.<Boolean>get(dimension + "Measured");
  }

  /** {@code "basis": "measured"}: the condition, and every dimension it names measured. */
  private static Condition measured(Condition when, String... dimensions) {
    return f -> {
      if (!when.evaluate(f)) {
        return false;
      }
      for (String d : dimensions) {
        if (!isMeasured(f, d)) {
          return false;
        }
      }
      return true;
    };
  }

  /** {@code "basis": "lack-of-data"}: the condition, and a dimension it names decided for lack of data. */
  private static Condition lackOfData(Condition when, String... dimensions) {
    return f -> {
      if (!when.evaluate(f)) {
        return false;
      }
      for (String d : dimensions) {
        if (!isMeasured(f, d)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Condition is(String dimension, String... labels) {
    return f -> {
      String label = f.get(dimension);
      for (String l : labels) {
        if (l.equals(label)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Condition both(Condition a, Condition b) {
    return f -> a.evaluate(f) && b.evaluate(f);
  }

  private static Condition highValue() {
    return is("value", "CORE", "IMPORTANT");
  }

  /** Credit used / credit limit; NaN without a positive limit or without the credit used. */
  private static double utilisation(Customer c) {
    double limit = c.number(StandardFeatures.CREDIT_LIMIT, Double.NaN);
    return limit > 0 ? c.number(StandardFeatures.CREDIT_USED, Double.NaN) / limit : Double.NaN;
  }

  private static Customer customer(Facts f) {
    return f.get(CUSTOMER);
  }

  private static double revenue(Facts f) {
    return customer(f).number(StandardFeatures.REVENUE_12M, Double.NaN);
  }

  private static double visits(Facts f) {
    return customer(f).number(StandardFeatures.VISITS_12M, Double.NaN);
  }

  private static int rScore(Facts f) {
    return f.<Integer>get("R");
  }

  private static int fScore(Facts f) {
    return f.<Integer>get("F");
  }

  private static int lowerIsBetter(double v, double[] breaks) {
    int score = 1;
    for (double b : breaks) {
      score += v < b ? 1 : 0; // NaN (missing) scores 1
    }
    return score;
  }

  private static int higherIsBetter(double v, double[] breaks) {
    int score = 1;
    for (double b : breaks) {
      score += v > b ? 1 : 0;
    }
    return score;
  }

  private static double loyaltyScore(Customer c) {
    int known = 0;
    int points = 0;
    double[] values = {
      c.number(StandardFeatures.TENURE_DAYS, Double.NaN),
      c.number(StandardFeatures.REPEAT_PURCHASES, Double.NaN),
      c.number(StandardFeatures.SATISFACTION, Double.NaN)
    };
    double[][] breaks = {{365, 730}, {1, 4}, {3, 4}};
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        known++;
        points += values[i] >= breaks[i][1] ? 2 : values[i] >= breaks[i][0] ? 1 : 0;
      }
    }
    double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
    if (!Double.isNaN(recency)) {
      known++;
      points += recency <= 90 ? 2 : recency <= 365 ? 1 : 0;
    }
    if (known < 2) {
      return Double.NaN;
    }
    double complaints = c.number(StandardFeatures.COMPLAINTS_12M, Double.NaN);
    int penalty = complaints >= 3 ? 2 : complaints >= 1 ? 1 : 0;
    return Math.max(0, points - penalty) / (2.0 * known);
  }

  private static boolean neverPurchased(Customer c) {
    if (c.has(StandardFeatures.PURCHASE_DAYS)) {
      return c.number(StandardFeatures.PURCHASE_DAYS, 0) <= 0;
    }
    return !c.has(StandardFeatures.DAYS_SINCE_LAST_PURCHASE) && !c.has(StandardFeatures.TENURE_DAYS)
        && !c.has(StandardFeatures.VISITS_12M) && !c.has(StandardFeatures.VISITS_3M);
  }

  private static boolean firstPurchaseRecent(Customer c) {
    if (c.has(StandardFeatures.TENURE_DAYS)) {
      return c.number(StandardFeatures.TENURE_DAYS, 0) <= 90;
    }
    return c.has(StandardFeatures.PURCHASE_DAYS) && c.has(StandardFeatures.VISITS_3M)
        && c.number(StandardFeatures.PURCHASE_DAYS, 0) <= c.number(StandardFeatures.VISITS_3M, 0);
  }
}
