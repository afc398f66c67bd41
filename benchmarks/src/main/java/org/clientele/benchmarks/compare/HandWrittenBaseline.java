package org.clientele.benchmarks.compare;

import static org.clientele.api.ActionCategory.CHANNEL;
import static org.clientele.api.ActionCategory.FOLLOW_UP;
import static org.clientele.api.ActionCategory.PRICING;
import static org.clientele.api.ActionCategory.PRODUCT;
import static org.clientele.api.ActionCategory.PROMOTION;
import static org.clientele.api.ActionCategory.RISK_CONTROL;
import static org.clientele.api.ActionCategory.SERVICE;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.jspecify.annotations.Nullable;

/**
 * The default rules of the six built-in dimensions and the default playbook, written by hand in
 * plain Java: no interfaces, no maps, no configuration beyond the calibrated cut-offs read once
 * from the model ({@link Thresholds}). This is the code a developer would write instead of using
 * Clientele, and the reference every engine figure is a ratio to.
 *
 * <p>It gives the same labels and the same plan as the engine with the default configuration
 * (behaviour scheme {@code lifecycle}); {@code HandWrittenBaselineTest} checks that label for label
 * and action for action on the whole benchmark population. Like the engine, it tells a measured
 * label from one decided for lack of data (loyalty with fewer than two inputs, risk LOW with a
 * credit input missing or UNRATED, value LOW without the revenue, behaviour SWINGING without the
 * visits, industry UNKNOWN): one boolean per dimension in {@link Result}, which the playbook's
 * {@code "basis"} rules read. Like the engine, it reads every feature through {@link
 * Customer#number} and treats a missing value as missing, never as zero.
 * Actions carry the playbook's code, category, priority and rule; their texts are left empty.
 *
 * <p>Thread-safe and immutable. {@link #classify(Customer)} returns an immutable {@link Decision};
 * {@link #classify(Customer, Result)} fills a reusable {@link Result} and allocates nothing.
 */
public final class HandWrittenBaseline {

  // Label indexes, in the engine's label order of each dimension.
  /** value. */
  public static final int CORE = 0, IMPORTANT = 1, POTENTIAL = 2, LOW_VALUE = 3;
  /** loyalty. */
  public static final int HIGH_LOYALTY = 0, MEDIUM_LOYALTY = 1, LOW_LOYALTY = 2;
  /** behaviour, lifecycle scheme. */
  public static final int ACTIVE = 0, NEW = 1, SWINGING = 2, AT_RISK = 3, LOST = 4, PROSPECT = 5;
  /** rfm. */
  public static final int CHAMPIONS = 0, LOYAL = 1, POTENTIAL_LOYALIST = 2, NEW_CUSTOMERS = 3, PROMISING = 4,
      NEED_ATTENTION = 5, ABOUT_TO_SLEEP = 6, RFM_AT_RISK = 7, CANNOT_LOSE = 8, HIBERNATING = 9, RFM_LOST = 10;
  /** risk. */
  public static final int LOW_RISK = 0, NORMAL_RISK = 1, HIGH_RISK = 2, UNRATED = 3;
  /** industry: the sector order of the engine; UNKNOWN last. */
  public static final int MANUFACTURING = 0, CONSTRUCTION = 1, WHOLESALE_RETAIL = 2, TRANSPORT_LOGISTICS = 3,
      HOSPITALITY = 4, INFORMATION_TECH = 5, FINANCE = 6, REAL_ESTATE = 7, PROFESSIONAL_SERVICES = 8, EDUCATION = 10,
      HEALTHCARE = 11, OTHER_SERVICES = 14, UNKNOWN_INDUSTRY = 15;

  /** RFM segment by (R - 1) * 5 + (F - 1). */
  private static final int[] RFM_GRID = {
    /* R1 */ RFM_LOST, HIBERNATING, RFM_AT_RISK, RFM_AT_RISK, CANNOT_LOSE,
    /* R2 */ HIBERNATING, HIBERNATING, RFM_AT_RISK, RFM_AT_RISK, CANNOT_LOSE,
    /* R3 */ ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL,
    /* R4 */ PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, LOYAL,
    /* R5 */ NEW_CUSTOMERS, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS,
  };

  // Industry code tables (ISIC Rev.4, NAICS 2022, GB/T 4754-2017), one character per code: the
  // sector as 'a' + its label index ('.' = no such code), and each division's section letter.
  private static final String ISIC_SECTIONS = "mnannbcdefghiojkloooj.....";
  private static final String ISIC_DIVISIONS =
      ".mmm.nnnnnaaaaaaaaaaaaaaaaaaaaaaaa.nnnnn.bbb.ccc.ddddd.ee.ffffffggg.hiiiiiii.oooooo.jklll.oooooooooj";
  private static final String ISIC_DIVISION_SECTIONS =
      ".AAA.BBBBBCCCCCCCCCCCCCCCCCCCCCCCC.DEEEE.FFF.GGG.HHHHH.II.JJJJJJKKK.LMMMMMMM.NNNNNN.OPQQQ.RRRRSSSTTU";
  private static final String NAICS_DIVISIONS =
      "...........m.........nnb.......aaa........c.cc..dd.fghiio....kl........oe........o..........j.......";
  private static final String GBT_SECTIONS = "mnanbcdefghiiooklojj......";
  private static final String GBT_DIVISIONS =
      ".mmmmmnnnnnnnaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaannnbbbbccddddddddeefffgggghoiiiinnoooookllffooojjjjjjj..";
  private static final String GBT_DIVISION_SECTIONS =
      ".AAAAABBBBBBBCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCDDDEEEEFFGGGGGGGGHHIIIJJJJKLLMMMNNNNOOOPQQRRRRRSSSSSST..";

  // The default playbook's actions, by rule.
  static final Action PREPAYMENT_REQUIRED = action("prepayment-required", RISK_CONTROL, 100, "risk-high");
  static final Action PREPAID_PRICING = action("prepaid-pricing", PRICING, 100, "risk-high");
  static final Action WIN_BACK_CALL = action("account-manager-win-back-call", FOLLOW_UP, 90, "high-value-slipping-win-back");
  static final Action PERSONAL_RETENTION_OFFER = action("personal-retention-offer", PROMOTION, 90, "high-value-slipping-win-back");
  static final Action RELATIONSHIP_REVIEW = action("relationship-review", FOLLOW_UP, 85, "high-value-fickle-relationship");
  static final Action SERVICE_RECOVERY = action("service-recovery", SERVICE, 85, "high-value-fickle-relationship");
  static final Action ACCOUNT_MANAGER_VISIT = action("account-manager-visit", CHANNEL, 85, "high-value-cooling-visit");
  static final Action LOYALTY_REWARDS = action("loyalty-rewards", PROMOTION, 80, "high-value-loyal-rewards");
  static final Action VOLUME_TIER_PRICING = action("volume-tier-pricing", PRICING, 80, "low-value-loyal-growth");
  static final Action ONBOARDING = action("onboarding-needs-assessment", FOLLOW_UP, 80, "potential-newcomer-onboarding");
  static final Action LOW_COST_REACTIVATION = action("low-cost-reactivation", PROMOTION, 80, "low-value-lapsed-reactivation");
  // The purchase pattern rules (75) are dropped: the benchmark model has no purchase_pattern dimension.
  static final Action PERSONALISED_PRODUCTS = action("personalised-products", PRODUCT, 70, "value-core");
  static final Action PREFERENTIAL_TERMS = action("preferential-terms", PRICING, 70, "value-core");
  static final Action DEDICATED_ACCOUNT_MANAGER = action("dedicated-account-manager", CHANNEL, 70, "value-core");
  static final Action VIP_EVENTS = action("vip-events", PROMOTION, 70, "value-core");
  static final Action VIP_SERVICE = action("vip-service", SERVICE, 70, "value-core");
  static final Action ACCOUNT_REVIEWS = action("account-reviews", FOLLOW_UP, 70, "value-core");
  static final Action USAGE_GUIDANCE = action("usage-guidance", FOLLOW_UP, 65, "behaviour-new");
  static final Action PROACTIVE_CONTACT = action("proactive-contact", CHANNEL, 65, "behaviour-prospect");
  static final Action PRODUCT_INFORMATION = action("product-information", PRODUCT, 65, "behaviour-prospect");
  static final Action RETENTION_CONTACT = action("retention-contact", FOLLOW_UP, 65, "behaviour-retention");
  static final Action RETENTION_WIN_BACK_OFFER = action("win-back-offer", PROMOTION, 65, "behaviour-retention");
  static final Action CROSS_SELL = action("cross-sell-recommendations", PRODUCT, 60, "value-important");
  static final Action VOLUME_DISCOUNT = action("volume-discount", PRICING, 60, "value-important");
  static final Action TRADE_SHOWS = action("trade-shows-and-forums", CHANNEL, 60, "value-important");
  static final Action CARE_ACTIVITIES = action("care-activities", PROMOTION, 60, "value-important");
  static final Action CUSTOMER_CARE = action("customer-care", SERVICE, 60, "value-important");
  static final Action FOLLOW_UP_VISITS = action("regular-follow-up-visits", FOLLOW_UP, 60, "value-important");
  static final Action LOYAL_CUSTOMISED_SERVICE = action("customised-service", SERVICE, 55, "loyalty-high");
  static final Action CUSTOMISED_OFFERS = action("customised-offers", PROMOTION, 55, "loyalty-high");
  static final Action SERVICE_QUALITY = action("service-quality-improvement", SERVICE, 55, "loyalty-low");
  static final Action NEW_PRODUCTS = action("new-products", PRODUCT, 55, "loyalty-low");
  static final Action LOYALTY_WIN_BACK_OFFER = action("win-back-offer", PROMOTION, 55, "loyalty-low");
  static final Action LOYALTY_DATA_CHECK = action("loyalty-data-check", FOLLOW_UP, 55, "loyalty-not-measured");
  static final Action ACTIVE_CUSTOMISED_SERVICE = action("customised-service", SERVICE, 52, "behaviour-active");
  static final Action PERIODIC_RECOMMENDATIONS = action("periodic-recommendations", FOLLOW_UP, 52, "behaviour-active");
  static final Action KEEP_IN_TOUCH = action("keep-in-touch", CHANNEL, 52, "behaviour-keep-in-touch");
  static final Action PURCHASE_STIMULUS = action("purchase-stimulus", PROMOTION, 52, "behaviour-keep-in-touch");
  static final Action CUSTOMISED_PRODUCTS = action("customised-products", PRODUCT, 50, "value-potential");
  static final Action GROWTH_PRICING = action("growth-pricing", PRICING, 50, "value-potential");
  static final Action PERSONALISED_EMAIL_SMS = action("personalised-email-sms", CHANNEL, 50, "value-potential");
  static final Action PERSONALISED_CAMPAIGN = action("personalised-campaign", PROMOTION, 50, "value-potential");
  static final Action EXTRA_ATTENTION = action("extra-attention", SERVICE, 50, "value-potential");
  static final Action DEMAND_DISCOVERY = action("demand-discovery", FOLLOW_UP, 50, "value-potential");
  static final Action NEW_PRODUCT_TRIAL = action("new-product-trial", PRODUCT, 50, "value-low");
  static final Action STANDARD_PRICING = action("standard-pricing", PRICING, 50, "value-low");
  static final Action SELF_SERVICE = action("self-service-channels", CHANNEL, 50, "value-low");
  static final Action STANDARD_PROMOTIONS = action("standard-promotions", PROMOTION, 50, "value-low");
  static final Action STANDARD_SERVICE = action("standard-service", SERVICE, 50, "value-low");
  static final Action SERVE_OR_CONVERT = action("serve-or-convert-review", FOLLOW_UP, 50, "value-low");
  static final Action TECHNICAL_PERFORMANCE_DATA =
      action("technical-performance-data", PRODUCT, 45, "industry-manufacturing-quality-delivery");
  static final Action QUALITY_DELIVERY_COMMITMENT =
      action("quality-delivery-commitment", SERVICE, 45, "industry-manufacturing-quality-delivery");
  static final Action RESPONSE_TIME_COMMITMENT = action("response-time-commitment", SERVICE, 45, "industry-services-timeliness");
  static final Action RANGE_AND_PROMOTION_CALENDAR =
      action("range-and-promotion-calendar", PROMOTION, 45, "industry-retail-range-promotions");
  static final Action CREDIT_TERMS = action("credit-terms", RISK_CONTROL, 40, "risk-low");
  static final Action PERIODIC_CREDIT_REVIEW = action("periodic-credit-review", RISK_CONTROL, 40, "risk-normal");
  static final Action CREDIT_CHECK_NOT_ASSESSED = action("credit-check", RISK_CONTROL, 40, "risk-not-assessed");
  static final Action CREDIT_CHECK = action("credit-check", RISK_CONTROL, 40, "risk-unrated");

  private static Action action(String code, ActionCategory category, int priority, String rule) {
    return new Action(code, category, "", priority, rule, "");
  }

  private final double valueCore;
  private final double valueImportant;
  private final double[] recencyBreaks;
  private final double[] frequencyBreaks;
  private final double[] monetaryBreaks;

  /**
   * Creates the baseline with a model's calibrated cut-offs.
   *
   * @param thresholds the cut-offs, for example {@link Thresholds#fromModelJson}
   */
  public HandWrittenBaseline(Thresholds thresholds) {
    Objects.requireNonNull(thresholds, "thresholds");
    this.valueCore = thresholds.valueCore();
    this.valueImportant = thresholds.valueImportant();
    this.recencyBreaks = thresholds.recencyBreaks();
    this.frequencyBreaks = thresholds.frequencyBreaks();
    this.monetaryBreaks = thresholds.monetaryBreaks();
  }

  /**
   * One customer's labels and plan, immutable.
   *
   * @param customerId the customer's id
   * @param value value label index
   * @param loyalty loyalty label index
   * @param behaviour behaviour (lifecycle) label index
   * @param rfm RFM segment index
   * @param risk risk label index
   * @param industry industry sector index
   * @param plan the actions, most urgent first (by descending priority, then category)
   */
  public record Decision(
      String customerId, int value, int loyalty, int behaviour, int rfm, int risk, int industry, List<Action> plan) {
    /**
     * Copies the plan.
     *
     * @param customerId the customer's id
     * @param value value label index
     * @param loyalty loyalty label index
     * @param behaviour behaviour (lifecycle) label index
     * @param rfm RFM segment index
     * @param risk risk label index
     * @param industry industry sector index
     * @param plan the actions, most urgent first (by descending priority, then category)
     */
    public Decision {
      Objects.requireNonNull(customerId, "customerId");
      plan = List.copyOf(plan);
    }
  }

  /**
   * A reusable result: labels, whether each was measured (or decided for lack of data), and the
   * plan in category order. Not thread-safe.
   */
  public static final class Result {
    int value;
    int loyalty;
    int behaviour;
    int rfm;
    int risk;
    int industry;
    // Measured, or decided for lack of data (the engine's Segments.isFallback, negated). RFM has
    // no fallback: a missing input scores 1, a measured reading.
    boolean valueMeasured;
    boolean loyaltyMeasured;
    boolean behaviourMeasured;
    boolean riskMeasured;
    boolean industryMeasured;
    // One winner per category, plus the actions added beside the winners: at most two of the
    // industry rules and loyalty-not-measured's data check.
    final Action[] actions = new Action[ActionCategory.values().length + 3];
    int actionCount;

    /** Creates an empty result. */
    public Result() {}

    /**
     * Returns the label index on a dimension, in the engine's dimension order.
     *
     * @param position 0 value, 1 loyalty, 2 behaviour, 3 rfm, 4 risk, 5 industry
     * @return the label index
     */
    public int label(int position) {
      return switch (position) {
        case 0 -> value;
        case 1 -> loyalty;
        case 2 -> behaviour;
        case 3 -> rfm;
        case 4 -> risk;
        case 5 -> industry;
        default -> throw new IndexOutOfBoundsException(position);
      };
    }

    /**
     * Tells whether the label on a dimension was measured; false if it was decided for lack of
     * data (the engine's {@code Segments.isFallback}).
     *
     * @param position 0 value, 1 loyalty, 2 behaviour, 3 rfm, 4 risk, 5 industry
     * @return true for a measured label (RFM's always is)
     */
    public boolean measured(int position) {
      return switch (position) {
        case 0 -> valueMeasured;
        case 1 -> loyaltyMeasured;
        case 2 -> behaviourMeasured;
        case 3 -> true;
        case 4 -> riskMeasured;
        case 5 -> industryMeasured;
        default -> throw new IndexOutOfBoundsException(position);
      };
    }

    /**
     * Returns the number of actions.
     *
     * @return the count
     */
    public int actionCount() {
      return actionCount;
    }

    /**
     * Returns an action, in category order.
     *
     * @param index 0 to {@code actionCount() - 1}
     * @return the action
     */
    public Action action(int index) {
      Objects.checkIndex(index, actionCount);
      return actions[index];
    }

    private void add(Action a) {
      actions[actionCount++] = a;
    }
  }

  /**
   * Classifies a customer into a reusable result. Allocates nothing.
   *
   * @param c the customer
   * @param out the result to overwrite
   */
  public void classify(Customer c, Result out) {
    value(c, out);
    loyalty(c, out);
    behaviour(c, out);
    out.rfm = rfm(c);
    risk(c, out);
    out.industry = industry(c.getOrNull(StandardFeatures.INDUSTRY_CODE));
    out.industryMeasured = out.industry != UNKNOWN_INDUSTRY;
    out.actionCount = 0;
    plan(c, out);
  }

  /**
   * Classifies a customer.
   *
   * @param c the customer
   * @return the labels and the plan, most urgent first
   */
  public Decision classify(Customer c) {
    Result r = new Result();
    classify(c, r);
    Action[] plan = r.actions;
    int n = r.actionCount;
    // Most urgent first, then by category: an insertion sort, stable, on at most ten actions.
    for (int i = 1; i < n; i++) {
      Action a = plan[i];
      int j = i - 1;
      while (j >= 0 && before(a, plan[j])) {
        plan[j + 1] = plan[j];
        j--;
      }
      plan[j + 1] = a;
    }
    return new Decision(c.id(), r.value, r.loyalty, r.behaviour, r.rfm, r.risk, r.industry,
        List.of(n == plan.length ? plan : Arrays.copyOf(plan, n)));
  }

  /** The name of the threads of {@link #helpers}. */
  public static final String HELPER_NAME = "hand-written-worker";

  /**
   * Creates the pool {@link #classifyAll} runs its other parts on: {@code threads - 1} daemon
   * threads named {@value #HELPER_NAME} (one, never given work, for one thread).
   *
   * @param threads the parts of a call, the calling thread included
   * @return the pool
   */
  public static ExecutorService helpers(int threads) {
    return Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
      Thread t = new Thread(r, HELPER_NAME);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Classifies customers the simplest parallel way a developer would: {@code threads} contiguous
   * parts, all but the last on the pool, the last on the calling thread.
   *
   * @param customers the customers
   * @param pool runs the first {@code threads - 1} parts; unused for one thread
   * @param threads the parts, the calling thread included
   * @return the decisions, in input order
   * @throws InterruptedException if interrupted while waiting for a part
   * @throws ExecutionException if a part fails
   */
  public Decision[] classifyAll(Customer[] customers, ExecutorService pool, int threads)
      throws InterruptedException, ExecutionException {
    Decision[] results = new Decision[customers.length];
    int part = (customers.length + threads - 1) / threads;
    Future<?>[] parts = new Future<?>[threads - 1];
    for (int t = 0; t < parts.length; t++) {
      int from = t * part;
      parts[t] = pool.submit(() -> classify(customers, from, Math.min(from + part, customers.length), results));
    }
    classify(customers, Math.min((threads - 1) * part, customers.length), customers.length, results);
    for (Future<?> f : parts) {
      f.get();
    }
    return results;
  }

  private void classify(Customer[] customers, int from, int to, Decision[] results) {
    for (int i = from; i < to; i++) {
      results[i] = classify(customers[i]);
    }
  }

  private static boolean before(Action a, Action b) {
    return a.priority() > b.priority() || (a.priority() == b.priority() && a.category().compareTo(b.category()) < 0);
  }

  // --- value: Pareto cut-offs; below them POTENTIAL on 20% growth or a predicted value at the
  // important cut-off; otherwise LOW (with the revenue missing: LOW for lack of data, ifMissing).

  private void value(Customer c, Result out) {
    double revenue = c.number(StandardFeatures.REVENUE_12M, Double.NaN);
    out.valueMeasured = true; // the tiers are measured; only LOW without the revenue is not
    if (revenue > 0) { // false for NaN: a missing revenue is never a top contributor
      if (revenue >= valueCore) {
        out.value = CORE;
        return;
      }
      if (revenue >= valueImportant) {
        out.value = IMPORTANT;
        return;
      }
    }
    double previous = c.number(StandardFeatures.REVENUE_PREV_12M, Double.NaN);
    if (!Double.isNaN(revenue) && previous > 0 && (revenue - previous) / previous >= 0.20) {
      out.value = POTENTIAL;
      return;
    }
    double predicted = c.number(StandardFeatures.PREDICTED_VALUE, Double.NaN);
    if (predicted >= valueImportant && predicted > 0) {
      out.value = POTENTIAL;
      return;
    }
    out.value = LOW_VALUE;
    out.valueMeasured = !Double.isNaN(revenue);
  }

  // --- loyalty: 0-2 points each for tenure (365, 730 days), repeat purchases (1, 4),
  // satisfaction (3, 4) and recency (365, 90 days or fewer); complaints (1, 3) cost 1-2 points;
  // score = points / possible; silent for more than 365 days: at most MEDIUM. Fewer than two of
  // the four inputs known: LOW for lack of data (ifInsufficient).

  private static void loyalty(Customer c, Result out) {
    int known = 0;
    int points = 0;
    double tenure = c.number(StandardFeatures.TENURE_DAYS, Double.NaN);
    if (!Double.isNaN(tenure)) {
      known++;
      points += tenure >= 730 ? 2 : tenure >= 365 ? 1 : 0;
    }
    double repeat = c.number(StandardFeatures.REPEAT_PURCHASES, Double.NaN);
    if (!Double.isNaN(repeat)) {
      known++;
      points += repeat >= 4 ? 2 : repeat >= 1 ? 1 : 0;
    }
    double satisfaction = c.number(StandardFeatures.SATISFACTION, Double.NaN);
    if (!Double.isNaN(satisfaction)) {
      known++;
      points += satisfaction >= 4 ? 2 : satisfaction >= 3 ? 1 : 0;
    }
    double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
    if (!Double.isNaN(recency)) {
      known++;
      points += recency <= 90 ? 2 : recency <= 365 ? 1 : 0;
    }
    if (known < 2) {
      out.loyalty = LOW_LOYALTY;
      out.loyaltyMeasured = false;
      return;
    }
    double complaints = c.number(StandardFeatures.COMPLAINTS_12M, Double.NaN);
    int penalty = complaints >= 3 ? 2 : complaints >= 1 ? 1 : 0; // NaN: no penalty
    double score = Math.max(0, points - penalty) / (2.0 * known);
    int label = score >= 0.75 ? HIGH_LOYALTY : score >= 0.40 ? MEDIUM_LOYALTY : LOW_LOYALTY;
    out.loyalty = label == HIGH_LOYALTY && recency > 365 ? MEDIUM_LOYALTY : label; // lapsed: at most MEDIUM
    out.loyaltyMeasured = true;
  }

  // --- behaviour, lifecycle: PROSPECT, NEW (first purchase within 90 days), ACTIVE (3+ visits in
  // 12 months), SWINGING (2), one visit: AT_RISK if over 90 days ago, else SWINGING; LOST (0).
  // Without the visits: LOST beyond 365 days, else SWINGING for lack of data (ifVisitsMissing).

  private static void behaviour(Customer c, Result out) {
    out.behaviourMeasured = true;
    double visits = c.number(StandardFeatures.VISITS_12M, Double.NaN);
    double visits3m = c.number(StandardFeatures.VISITS_3M, Double.NaN);
    double purchaseDays = c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN);
    double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
    double tenure = c.number(StandardFeatures.TENURE_DAYS, Double.NaN);
    if (contradicts(visits, visits3m, purchaseDays, recency, tenure)) {
      out.behaviourMeasured = false; // columns that disagree: ifVisitsMissing, for lack of data
      out.behaviour = SWINGING;
      return;
    }
    if (Double.isNaN(purchaseDays)) {
      if (Double.isNaN(recency) && Double.isNaN(tenure) && Double.isNaN(visits) && Double.isNaN(visits3m)) {
        out.behaviour = PROSPECT; // no purchase history at all
        return;
      }
    } else if (purchaseDays <= 0) {
      out.behaviour = PROSPECT;
      return;
    }
    if (!Double.isNaN(tenure)) {
      if (tenure <= 90) {
        out.behaviour = NEW;
        return;
      }
    } else if (!Double.isNaN(purchaseDays) && !Double.isNaN(visits3m) && purchaseDays <= visits3m) {
      out.behaviour = NEW; // every purchase day lies in the last three months
      return;
    }
    if (Double.isNaN(visits)) {
      out.behaviourMeasured = recency > 365; // LOST is read from the recency; SWINGING is ifVisitsMissing
      out.behaviour = recency > 365 ? LOST : SWINGING;
      return;
    }
    if (visits >= 3) {
      out.behaviour = ACTIVE;
      return;
    }
    if (visits >= 2) {
      out.behaviour = SWINGING;
      return;
    }
    if (visits >= 1) {
      boolean recent = !Double.isNaN(recency) ? recency <= 90 : visits3m >= 1; // unknown: AT_RISK
      out.behaviour = recent ? SWINGING : AT_RISK;
      return;
    }
    out.behaviour = LOST;
  }

  /**
   * Lifecycle's check of columns that contradict each other (more visits in 3 months than in 12, a
   * window above the whole history, the last purchase before the first); false when a side is
   * missing.
   */
  static boolean contradicts(double visits, double visits3m, double purchaseDays, double recency, double tenure) {
    return visits3m > visits || (Double.isNaN(visits) ? visits3m : visits) > purchaseDays || recency > tenure;
  }

  // --- rfm: quintile scores 1-5 of days since the last purchase and purchase days (equal to a cut
  // point scores lower; missing scores 1; R at most 2 beyond 365 days), segment from the R x F grid.

  int rfm(Customer c) {
    double recency = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
    double orders = c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN);
    int r = 1;
    if (!Double.isNaN(recency)) {
      for (double b : recencyBreaks) {
        if (recency < b) {
          r++;
        }
      }
      if (recency > 365) {
        r = Math.min(r, 2); // lapsed: never recent
      }
    }
    int f = 1;
    if (!Double.isNaN(orders)) {
      for (double b : frequencyBreaks) {
        if (orders > b) {
          f++;
        }
      }
    }
    return RFM_GRID[(r - 1) * 5 + (f - 1)];
  }

  // --- risk: HIGH at 2 defaults, 90+ days overdue, 2 warnings or credit used over the limit;
  // NORMAL at 1, 30+, 1 or utilisation above 0.9; UNRATED without any credit data (ifNoData). Both
  // UNRATED and LOW with defaults, overdue days or warnings missing are for lack of data; NORMAL
  // and HIGH rest on a signal read.

  private static void risk(Customer c, Result out) {
    double defaults = c.number(StandardFeatures.DEFAULT_COUNT, Double.NaN);
    double overdue = c.number(StandardFeatures.OVERDUE_DAYS, Double.NaN);
    double warnings = c.number(StandardFeatures.RISK_WARNINGS, Double.NaN);
    double limit = c.number(StandardFeatures.CREDIT_LIMIT, Double.NaN);
    // Credit utilisation: no positive limit, no utilisation.
    double utilisation = limit > 0 ? c.number(StandardFeatures.CREDIT_USED, Double.NaN) / limit : Double.NaN;
    if (Double.isNaN(defaults) && Double.isNaN(overdue) && Double.isNaN(warnings) && Double.isNaN(utilisation)) {
      out.risk = UNRATED;
      out.riskMeasured = false;
      return;
    }
    out.riskMeasured = true;
    // Comparisons with NaN are false: a missing input raises nothing.
    if (defaults >= 2 || overdue > 90 || warnings >= 2 || utilisation > 1.0) {
      out.risk = HIGH_RISK;
    } else if (defaults >= 1 || overdue > 30 || warnings >= 1 || utilisation > 0.9) {
      out.risk = NORMAL_RISK;
    } else {
      out.risk = LOW_RISK;
      // "No sign of trouble" with a signal unread was not seen, only not known (the utilisation
      // is not one of these: without a limit there is none to read).
      out.riskMeasured = !Double.isNaN(defaults) && !Double.isNaN(overdue) && !Double.isNaN(warnings);
    }
  }

  // --- industry: a section letter and/or two or more digits, read in every code system that can
  // read it; the sector if they agree, UNKNOWN otherwise.

  static int industry(@Nullable String code) {
    if (code == null) {
      return UNKNOWN_INDUSTRY;
    }
    int start = 0;
    int system = 0; // 0 auto, 1 ISIC, 2 NAICS, 3 GB/T
    int colon = code.indexOf(':');
    if (colon >= 0) {
      String prefix = code.substring(0, colon).trim();
      if (prefix.equalsIgnoreCase("isic")) {
        system = 1;
      } else if (prefix.equalsIgnoreCase("naics")) {
        system = 2;
      } else if (prefix.equalsIgnoreCase("gb") || prefix.equalsIgnoreCase("gbt") || prefix.equalsIgnoreCase("gb/t")) {
        system = 3;
      } else {
        return UNKNOWN_INDUSTRY;
      }
      start = colon + 1;
    }
    char letter = 0;
    int digits = 0;
    int division = 0;
    for (int i = start; i < code.length(); i++) {
      char ch = Character.toUpperCase(code.charAt(i));
      if (ch == ' ' || ch == '.' || ch == '-' || ch == '_' || ch == '\t') {
        continue;
      }
      if (ch >= 'A' && ch <= 'Z' && letter == 0 && digits == 0) {
        letter = ch;
      } else if (ch >= '0' && ch <= '9') {
        if (digits < 2) {
          division = division * 10 + (ch - '0');
        }
        digits++;
      } else {
        return UNKNOWN_INDUSTRY;
      }
    }
    if (digits == 1 || (letter == 0 && digits == 0)) {
      return UNKNOWN_INDUSTRY;
    }
    int isic = system == 0 || system == 1
        ? read(letter, digits, division, 4, ISIC_SECTIONS, ISIC_DIVISIONS, ISIC_DIVISION_SECTIONS) : -1;
    int naics = (system == 0 || system == 2) && letter == 0 && digits <= 6 ? sector(NAICS_DIVISIONS.charAt(division)) : -1;
    int gbt = system == 0 || system == 3
        ? read(letter, digits, division, 4, GBT_SECTIONS, GBT_DIVISIONS, GBT_DIVISION_SECTIONS) : -1;
    int agreed = merge(merge(isic, naics), gbt);
    return agreed < 0 ? UNKNOWN_INDUSTRY : agreed;
  }

  /** Two readings: the one that exists, the same one, or UNKNOWN when they disagree. */
  private static int merge(int a, int b) {
    if (a < 0) {
      return b;
    }
    if (b < 0 || a == b) {
      return a;
    }
    return UNKNOWN_INDUSTRY;
  }

  private static int read(
      char letter, int digits, int division, int maxDigits, String sections, String divisions, String divisionSections) {
    if (digits > maxDigits) {
      return -1;
    }
    if (letter != 0 && digits == 0) {
      return sector(sections.charAt(letter - 'A'));
    }
    if (letter != 0 && divisionSections.charAt(division) != letter) {
      return -1;
    }
    return sector(divisions.charAt(division));
  }

  private static int sector(char ch) {
    return ch == '.' ? -1 : ch - 'a';
  }

  // --- the default playbook, one category at a time, rules in priority order (ties: playbook
  // order); vetoes are applied where the vetoed action would win. Rules with "basis": "measured"
  // (the two fickle quadrants, loyalty-low, risk-low) need every label they read measured; those
  // with "lack-of-data" (loyalty-not-measured, risk-not-assessed) need one of them for lack of data.

  private static void plan(Customer c, Result out) {
    int value = out.value;
    int loyalty = out.loyalty;
    int behaviour = out.behaviour;
    int risk = out.risk;
    boolean highValue = value == CORE || value == IMPORTANT;
    boolean loyal = loyalty == HIGH_LOYALTY || loyalty == MEDIUM_LOYALTY;
    boolean riskHigh = risk == HIGH_RISK;
    boolean slipping = highValue && (behaviour == AT_RISK || behaviour == LOST);
    boolean loyaltyLow = loyalty == LOW_LOYALTY && out.loyaltyMeasured; // loyalty-low
    boolean loyaltyNotMeasured = loyalty == LOW_LOYALTY && !out.loyaltyMeasured; // loyalty-not-measured
    boolean fickle = highValue && loyaltyLow && out.valueMeasured;
    boolean lowValueFickle = value == LOW_VALUE && loyaltyLow && out.valueMeasured; // vetoes win-back-offer
    boolean lowValueLapsed = value == LOW_VALUE && behaviour == LOST; // vetoes retention-contact
    int industry = out.industry;
    boolean industrial = industry == MANUFACTURING || industry == CONSTRUCTION;
    boolean services = industry == TRANSPORT_LOGISTICS || industry == HOSPITALITY || industry == INFORMATION_TECH
        || industry == FINANCE || industry == REAL_ESTATE || industry == PROFESSIONAL_SERVICES || industry == EDUCATION
        || industry == HEALTHCARE || industry == OTHER_SERVICES;

    // product
    if (value == CORE) {
      out.add(PERSONALISED_PRODUCTS);
    } else if (behaviour == PROSPECT) {
      out.add(PRODUCT_INFORMATION);
    } else if (value == IMPORTANT) {
      out.add(CROSS_SELL);
    } else if (loyaltyLow) {
      out.add(NEW_PRODUCTS);
    } else if (value == POTENTIAL) {
      out.add(CUSTOMISED_PRODUCTS);
    } else {
      out.add(NEW_PRODUCT_TRIAL);
    }
    if (industrial) { // added beside the category's winner
      out.add(TECHNICAL_PERFORMANCE_DATA);
    }
    // pricing (risk HIGH vetoes preferential-terms; it also wins the category)
    if (riskHigh) {
      out.add(PREPAID_PRICING);
    } else if (value == LOW_VALUE && loyal) {
      out.add(VOLUME_TIER_PRICING);
    } else if (value == CORE) {
      out.add(PREFERENTIAL_TERMS);
    } else if (value == IMPORTANT) {
      out.add(VOLUME_DISCOUNT);
    } else if (value == POTENTIAL) {
      out.add(GROWTH_PRICING);
    } else {
      out.add(STANDARD_PRICING);
    }
    // channel
    if (highValue && behaviour == SWINGING) {
      out.add(ACCOUNT_MANAGER_VISIT);
    } else if (value == CORE) {
      out.add(DEDICATED_ACCOUNT_MANAGER);
    } else if (behaviour == PROSPECT) {
      out.add(PROACTIVE_CONTACT);
    } else if (value == IMPORTANT) {
      out.add(TRADE_SHOWS);
    } else if (behaviour == SWINGING) {
      out.add(KEEP_IN_TOUCH);
    } else if (value == POTENTIAL) {
      out.add(PERSONALISED_EMAIL_SMS);
    } else {
      out.add(SELF_SERVICE);
    }
    // promotion (low value x low loyalty vetoes win-back-offer)
    if (slipping) {
      out.add(PERSONAL_RETENTION_OFFER);
    } else if (highValue && loyal) {
      out.add(LOYALTY_REWARDS);
    } else if (lowValueLapsed) {
      out.add(LOW_COST_REACTIVATION);
    } else if (value == CORE) {
      out.add(VIP_EVENTS);
    } else if ((behaviour == AT_RISK || behaviour == LOST) && !lowValueFickle) {
      out.add(RETENTION_WIN_BACK_OFFER);
    } else if (value == IMPORTANT) {
      out.add(CARE_ACTIVITIES);
    } else if (loyalty == HIGH_LOYALTY) {
      out.add(CUSTOMISED_OFFERS);
    } else if (loyaltyLow && !lowValueFickle) {
      out.add(LOYALTY_WIN_BACK_OFFER);
    } else if (behaviour == SWINGING) {
      out.add(PURCHASE_STIMULUS);
    } else if (value == POTENTIAL) {
      out.add(PERSONALISED_CAMPAIGN);
    } else {
      out.add(STANDARD_PROMOTIONS);
    }
    if (industry == WHOLESALE_RETAIL) {
      out.add(RANGE_AND_PROMOTION_CALENDAR);
    }
    // service
    if (fickle) {
      out.add(SERVICE_RECOVERY);
    } else if (value == CORE) {
      out.add(VIP_SERVICE);
    } else if (value == IMPORTANT) {
      out.add(CUSTOMER_CARE);
    } else if (loyalty == HIGH_LOYALTY) {
      out.add(LOYAL_CUSTOMISED_SERVICE);
    } else if (loyaltyLow) {
      out.add(SERVICE_QUALITY);
    } else if (behaviour == ACTIVE) {
      out.add(ACTIVE_CUSTOMISED_SERVICE);
    } else if (value == POTENTIAL) {
      out.add(EXTRA_ATTENTION);
    } else {
      out.add(STANDARD_SERVICE);
    }
    if (industrial) {
      out.add(QUALITY_DELIVERY_COMMITMENT);
    } else if (services) {
      out.add(RESPONSE_TIME_COMMITMENT);
    }
    // follow-up (low value x LOST vetoes retention-contact)
    if (slipping) {
      out.add(WIN_BACK_CALL);
    } else if (fickle) {
      out.add(RELATIONSHIP_REVIEW);
    } else if (value == POTENTIAL && behaviour == NEW) {
      out.add(ONBOARDING);
    } else if (value == CORE) {
      out.add(ACCOUNT_REVIEWS);
    } else if (behaviour == NEW) {
      out.add(USAGE_GUIDANCE);
    } else if ((behaviour == AT_RISK || behaviour == LOST) && !lowValueLapsed) {
      out.add(RETENTION_CONTACT);
    } else if (value == IMPORTANT) {
      out.add(FOLLOW_UP_VISITS);
    } else if (behaviour == ACTIVE) {
      out.add(PERIODIC_RECOMMENDATIONS);
    } else if (value == POTENTIAL) {
      out.add(DEMAND_DISCOVERY);
    } else {
      out.add(SERVE_OR_CONVERT);
    }
    if (loyaltyNotMeasured) { // added beside the category's winner
      out.add(LOYALTY_DATA_CHECK);
    }
    // risk control
    if (riskHigh) {
      out.add(PREPAYMENT_REQUIRED);
    } else if (risk == LOW_RISK) {
      out.add(out.riskMeasured ? CREDIT_TERMS : CREDIT_CHECK_NOT_ASSESSED);
    } else if (risk == NORMAL_RISK) {
      out.add(PERIODIC_CREDIT_REVIEW);
    } else {
      out.add(CREDIT_CHECK);
    }
  }
}
