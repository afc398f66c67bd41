package org.clientele.core.io;

import static org.clientele.api.StandardFeatures.AGE;
import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.COMPLAINTS_12M;
import static org.clientele.api.StandardFeatures.CREDIT_LIMIT;
import static org.clientele.api.StandardFeatures.CREDIT_USED;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.DEFAULT_COUNT;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.ORDERS_PREV_12M;
import static org.clientele.api.StandardFeatures.OVERDUE_DAYS;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REFUNDS_12M;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.RISK_WARNINGS;
import static org.clientele.api.StandardFeatures.SATISFACTION;
import static org.clientele.api.StandardFeatures.SIZE;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Feature;
import org.jspecify.annotations.Nullable;

/**
 * The ranges a standard numeric feature can take. Counts, durations, limits and refunds cannot be
 * negative; satisfaction is on a 1 to 5 scale. Revenue, profit and predicted value may be negative
 * (refunds, losses). Features not listed here (plugin features) accept any finite number.
 */
final class FeatureRules {

  private FeatureRules() {}

  /** A closed range. */
  record Range(double min, double max) {
    String describe() {
      return max == Double.MAX_VALUE ? "at least " + plain(min) : "from " + plain(min) + " to " + plain(max);
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
  }

  private static final Range NON_NEGATIVE = new Range(0, Double.MAX_VALUE);

  private static final Map<Feature<Double>, Range> RANGES = ranges();

  private static Map<Feature<Double>, Range> ranges() {
    // In a fixed order, so that a customer with two values out of range is always rejected for the same one.
    Map<Feature<Double>, Range> ranges = new LinkedHashMap<>();
    for (Feature<Double> f : List.of(
        ORDERS_12M, ORDERS_PREV_12M, VISITS_12M, VISITS_3M, PURCHASE_DAYS, REPEAT_PURCHASES,
        DAYS_SINCE_LAST_PURCHASE, TENURE_DAYS, AVERAGE_ORDER_VALUE, REFUNDS_12M, COMPLAINTS_12M,
        OVERDUE_DAYS, DEFAULT_COUNT, RISK_WARNINGS, CREDIT_LIMIT, CREDIT_USED, SIZE)) {
      ranges.put(f, NON_NEGATIVE);
    }
    ranges.put(SATISFACTION, new Range(1, 5));
    ranges.put(AGE, new Range(0, 150));
    return Collections.unmodifiableMap(ranges);
  }

  /** Returns every feature with a range, in a fixed order. */
  static Set<Feature<Double>> all() {
    return RANGES.keySet();
  }

  /** Returns the allowed range of a feature, or null if any finite number is allowed. */
  static @Nullable Range range(Feature<?> feature) {
    return RANGES.get(feature);
  }
}
