package org.clientele.testkit;

import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.COMPLAINTS_12M;
import static org.clientele.api.StandardFeatures.CREDIT_LIMIT;
import static org.clientele.api.StandardFeatures.CREDIT_USED;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.DEFAULT_COUNT;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.api.StandardFeatures.LAST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.ORDERS_PREV_12M;
import static org.clientele.api.StandardFeatures.ORGANISATION_TYPE;
import static org.clientele.api.StandardFeatures.OVERDUE_DAYS;
import static org.clientele.api.StandardFeatures.PREDICTED_VALUE;
import static org.clientele.api.StandardFeatures.PROFIT_12M;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REFUNDS_12M;
import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REGION_TYPE;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.REVENUE_PREV_12M;
import static org.clientele.api.StandardFeatures.REVENUE_TOTAL;
import static org.clientele.api.StandardFeatures.RISK_WARNINGS;
import static org.clientele.api.StandardFeatures.SATISFACTION;
import static org.clientele.api.StandardFeatures.SIZE;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.demo.FeaturePopulation;

/**
 * Customer builders with sensible defaults, and the edge-case customers the contract tests feed
 * every classifier. Each builder is pre-filled; set what your test is about and build:
 *
 * <pre>{@code
 * Customer lapsed = Customers.established("C-1")
 *     .set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, 400.0)
 *     .set(StandardFeatures.VISITS_12M, 0.0)
 *     .build();
 * Customer unknownRegion = Customers.established("C-2").remove(StandardFeatures.REGION_TYPE).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Customers {

  /**
   * The reference date the defaults' dates and day counts are relative to: 2024-01-01, the same as
   * {@link Population}'s.
   */
  public static final LocalDate REFERENCE_DATE = FeaturePopulation.REFERENCE_DATE;

  private static final Customer TYPICAL = established("typical").build();

  private Customers() {}

  /**
   * Starts an established business customer with every standard feature set to an ordinary value:
   * revenue 48,000 in the last 12 months (42,000 the year before), 14 orders on 11 visits, last
   * purchase 18 days ago, three years of tenure, satisfied, no credit trouble, a food manufacturer
   * ({@code C10}) in a city.
   *
   * @param id the customer id
   * @return a builder to adjust and build
   */
  public static Customer.Builder established(String id) {
    return Customer.builder(id)
        .set(REVENUE_12M, 48_000.0)
        .set(REVENUE_PREV_12M, 42_000.0)
        .set(REVENUE_TOTAL, 160_000.0)
        .set(PROFIT_12M, 9_600.0)
        .set(PREDICTED_VALUE, 150_000.0)
        .set(ORDERS_12M, 14.0)
        .set(ORDERS_PREV_12M, 12.0)
        .set(VISITS_12M, 11.0)
        .set(VISITS_3M, 3.0)
        .set(PURCHASE_DAYS, 40.0)
        .set(REPEAT_PURCHASES, 39.0)
        .set(DAYS_SINCE_LAST_PURCHASE, 18.0)
        .set(TENURE_DAYS, 1_150.0)
        .set(FIRST_PURCHASE_DATE, REFERENCE_DATE.minusDays(1_150))
        .set(LAST_PURCHASE_DATE, REFERENCE_DATE.minusDays(18))
        .set(AVERAGE_ORDER_VALUE, 4_000.0)
        .set(REFUNDS_12M, 300.0)
        .set(SATISFACTION, 4.0)
        .set(COMPLAINTS_12M, 0.0)
        .set(CHANNEL, "offline")
        .set(OVERDUE_DAYS, 0.0)
        .set(DEFAULT_COUNT, 0.0)
        .set(RISK_WARNINGS, 0.0)
        .set(CREDIT_LIMIT, 20_000.0)
        .set(CREDIT_USED, 6_000.0)
        .set(INDUSTRY_CODE, "C10")
        .set(ORGANISATION_TYPE, "enterprise")
        .set(REGION, "Jiangsu")
        .set(REGION_TYPE, "city")
        .set(SIZE, 120.0);
  }

  /**
   * Starts a new customer: one purchase 20 days ago (2,500 on 1 order) and nothing before.
   *
   * @param id the customer id
   * @return a builder to adjust and build
   */
  public static Customer.Builder newcomer(String id) {
    return prospect(id)
        .set(REVENUE_12M, 2_500.0)
        .set(REVENUE_PREV_12M, 0.0)
        .set(REVENUE_TOTAL, 2_500.0)
        .set(ORDERS_12M, 1.0)
        .set(ORDERS_PREV_12M, 0.0)
        .set(VISITS_12M, 1.0)
        .set(VISITS_3M, 1.0)
        .set(PURCHASE_DAYS, 1.0)
        .set(REPEAT_PURCHASES, 0.0)
        .set(DAYS_SINCE_LAST_PURCHASE, 20.0)
        .set(TENURE_DAYS, 20.0)
        .set(FIRST_PURCHASE_DATE, REFERENCE_DATE.minusDays(20))
        .set(LAST_PURCHASE_DATE, REFERENCE_DATE.minusDays(20))
        .set(AVERAGE_ORDER_VALUE, 2_500.0);
  }

  /**
   * Starts a prospect: identity and attributes only (a retailer in a rural region), no purchase
   * history and no credit data, as the domain requires: a prospect has no consumption features.
   *
   * @param id the customer id
   * @return a builder to adjust and build
   */
  public static Customer.Builder prospect(String id) {
    return Customer.builder(id)
        .set(INDUSTRY_CODE, "G47")
        .set(ORGANISATION_TYPE, "enterprise")
        .set(REGION, "Anhui")
        .set(REGION_TYPE, "rural")
        .set(SIZE, 12.0);
  }

  /**
   * Starts a customer with an id and nothing else: every feature missing.
   *
   * @param id the customer id
   * @return an empty builder
   */
  public static Customer.Builder bare(String id) {
    return Customer.builder(id);
  }

  /**
   * Returns the edge-case customers for the standard features and the given extra features (a
   * plugin's own): every feature missing; each feature alone; every number at zero, negative,
   * tiny, huge and at {@code Double.MAX_VALUE} (with ordinary text, and numbers only); text in
   * upper case, odd case with padding, unknown and non-ASCII; dates far in the past and future; a
   * prospect and a newcomer. The id names the case, for example {@code edge-huge-numbers-only}.
   *
   * @param extraFeatures features beyond {@link StandardFeatures} to include
   * @return the customers, in a fixed order
   */
  public static List<Customer> edgeCases(Collection<? extends Feature<?>> extraFeatures) {
    Set<Feature<?>> features = new LinkedHashSet<>(StandardFeatures.all());
    features.addAll(extraFeatures);
    List<Customer> out = new ArrayList<>();
    out.add(bare("edge-no-features").build());
    out.add(prospect("edge-prospect").build());
    out.add(newcomer("edge-newcomer").build());
    out.add(full("edge-typical", features, d -> d, s -> s));
    for (Feature<?> f : features) {
      Customer.Builder b = Customer.builder("edge-only-" + f.name());
      set(b, f, TYPICAL.getOrNull(f), d -> d, s -> s);
      out.add(b.build());
    }
    // In this order: the names of the edge cases are part of what a failing contract test prints.
    Map<String, DoubleUnaryOperator> numbers = new LinkedHashMap<>();
    numbers.put("zero", d -> 0.0);
    numbers.put("negative", d -> -Math.max(1.0, Math.abs(d)));
    numbers.put("very-negative", d -> -1e12);
    numbers.put("tiny", d -> Double.MIN_VALUE);
    numbers.put("fraction", d -> 0.5);
    numbers.put("huge", d -> 1e15);
    numbers.put("max", d -> Double.MAX_VALUE);
    for (Map.Entry<String, DoubleUnaryOperator> number : numbers.entrySet()) {
      String name = number.getKey();
      DoubleUnaryOperator op = number.getValue();
      out.add(full("edge-" + name, features, op, s -> s));
      out.add(numbersOnly("edge-" + name + "-numbers-only", features, op));
    }
    out.add(full("edge-text-upper", features, d -> d, s -> s.toUpperCase(Locale.ROOT)));
    out.add(full("edge-text-odd-case-padded", features, d -> d, Customers::oddCasePadded));
    out.add(full("edge-text-unknown", features, d -> d, s -> "no-such-value-42"));
    out.add(full("edge-text-non-ascii", features, d -> d, s -> "Ürümqi-区域-ß"));
    out.add(full("edge-text-digits", features, d -> d, s -> "0000"));
    out.add(withDates("edge-dates-far-past", features, LocalDate.of(1900, 1, 1)));
    out.add(withDates("edge-dates-future", features, LocalDate.of(2100, 12, 31)));
    return List.copyOf(out);
  }

  private static String oddCasePadded(String s) {
    StringBuilder sb = new StringBuilder("  ");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return sb.append(" \t").toString();
  }

  private static Customer full(
      String id, Set<Feature<?>> features, DoubleUnaryOperator number, UnaryOperator<String> text) {
    Customer.Builder b = Customer.builder(id);
    for (Feature<?> f : features) {
      set(b, f, typical(f), number, text);
    }
    return b.build();
  }

  private static Customer numbersOnly(String id, Set<Feature<?>> features, DoubleUnaryOperator number) {
    Customer.Builder b = Customer.builder(id);
    for (Feature<?> f : features) {
      if (f.kind() == Feature.Kind.NUMBER) {
        set(b, f, typical(f), number, s -> s);
      }
    }
    return b.build();
  }

  private static Customer withDates(String id, Set<Feature<?>> features, LocalDate date) {
    Customer.Builder b = established(id);
    for (Feature<?> f : features) {
      if (f.kind() == Feature.Kind.DATE) {
        set(b, f, date, d -> d, s -> s);
      }
    }
    return b.build();
  }

  /** The ordinary value of a feature: the established customer's, or a neutral one for plugin features. */
  private static Object typical(Feature<?> f) {
    Object v = TYPICAL.getOrNull(f);
    if (v != null) {
      return v;
    }
    return switch (f.kind()) {
      case NUMBER -> 1.0;
      case TEXT -> "sample";
      case DATE -> REFERENCE_DATE.minusDays(30);
    };
  }

  private static void set(
      Customer.Builder b,
      Feature<?> feature,
      @org.jspecify.annotations.Nullable Object value,
      DoubleUnaryOperator number,
      UnaryOperator<String> text) {
    Object v = value == null ? typical(feature) : value;
    if (v instanceof Double d) {
      v = number.applyAsDouble(d);
    } else if (v instanceof String s) {
      v = text.apply(s);
    }
    setRaw(b, feature, v);
  }

  private static <T> void setRaw(Customer.Builder b, Feature<T> feature, Object value) {
    b.set(feature, feature.cast(value));
  }
}
