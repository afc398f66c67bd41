package org.clientele.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The shared vocabulary of customer features. Built-in classifiers read these; input files name
 * their columns after them; plugins may declare more with {@link Feature#number}, {@link
 * Feature#text} and {@link Feature#date}.
 *
 * <p>Conventions: money is in the data's own currency; "12m" is the twelve months up to the
 * reference date, "prev 12m" the twelve months before those; durations are in days. A feature
 * that is not known for a customer is left out, never set to zero: a prospect has no {@link
 * #DAYS_SINCE_LAST_PURCHASE}, and that is different from a purchase today.
 *
 * @since 0.1.0
 */
public final class StandardFeatures {

  private StandardFeatures() {}

  // --- consumption (RFM), derived from a transaction log as of a reference date

  /** Revenue in the last 12 months. */
  public static final Feature<Double> REVENUE_12M =
      Feature.number("revenue_12m", "Revenue in the last 12 months");

  /** Revenue in the 12 months before the last 12 months; with {@link #REVENUE_12M} gives growth. */
  public static final Feature<Double> REVENUE_PREV_12M =
      Feature.number("revenue_prev_12m", "Revenue in the 12 months before the last 12 months");

  /** Revenue over the whole history. */
  public static final Feature<Double> REVENUE_TOTAL =
      Feature.number("revenue_total", "Revenue over the whole history");

  /** Profit (contribution margin) in the last 12 months. */
  public static final Feature<Double> PROFIT_12M =
      Feature.number("profit_12m", "Profit in the last 12 months");

  /** A predicted future value, such as a customer lifetime value from a model. */
  public static final Feature<Double> PREDICTED_VALUE =
      Feature.number("predicted_value", "Predicted future value (for example CLV)");

  /** Orders placed in the last 12 months. */
  public static final Feature<Double> ORDERS_12M =
      Feature.number("orders_12m", "Orders in the last 12 months");

  /** Orders placed in the 12 months before the last 12 months. */
  public static final Feature<Double> ORDERS_PREV_12M =
      Feature.number("orders_prev_12m", "Orders in the 12 months before the last 12 months");

  /** Distinct days with a purchase (a visit) in the last 12 months. */
  public static final Feature<Double> VISITS_12M =
      Feature.number("visits_12m", "Distinct purchase days (visits) in the last 12 months");

  /** Distinct days with a purchase (a visit) in the last 3 months. */
  public static final Feature<Double> VISITS_3M =
      Feature.number("visits_3m", "Distinct purchase days (visits) in the last 3 months");

  /** Distinct days with a purchase over the whole history. */
  public static final Feature<Double> PURCHASE_DAYS =
      Feature.number("purchase_days", "Distinct purchase days over the whole history");

  /** Purchases after the first one (distinct purchase days minus one). */
  public static final Feature<Double> REPEAT_PURCHASES =
      Feature.number("repeat_purchases", "Purchase days after the first one");

  /** Days from the last purchase to the reference date (recency). */
  public static final Feature<Double> DAYS_SINCE_LAST_PURCHASE =
      Feature.number("days_since_last_purchase", "Days since the last purchase (recency)");

  /** Days from the first purchase to the reference date (tenure). */
  public static final Feature<Double> TENURE_DAYS =
      Feature.number("tenure_days", "Days since the first purchase (tenure)");

  /** Date of the first purchase. */
  public static final Feature<LocalDate> FIRST_PURCHASE_DATE =
      Feature.date("first_purchase_date", "Date of the first purchase");

  /** Date of the last purchase. */
  public static final Feature<LocalDate> LAST_PURCHASE_DATE =
      Feature.date("last_purchase_date", "Date of the last purchase");

  /** Average order value over the whole history. */
  public static final Feature<Double> AVERAGE_ORDER_VALUE =
      Feature.number("average_order_value", "Average order value");

  /** Value refunded in the last 12 months (a positive amount). */
  public static final Feature<Double> REFUNDS_12M =
      Feature.number("refunds_12m", "Value refunded in the last 12 months");

  // --- relationship

  /** Satisfaction score on a 1 (very dissatisfied) to 5 (very satisfied) scale. */
  public static final Feature<Double> SATISFACTION =
      Feature.number("satisfaction", "Satisfaction, 1 (very dissatisfied) to 5 (very satisfied)");

  /** Complaints in the last 12 months. */
  public static final Feature<Double> COMPLAINTS_12M =
      Feature.number("complaints_12m", "Complaints in the last 12 months");

  /** Main purchase channel, for example {@code online} or {@code offline}. */
  public static final Feature<String> CHANNEL =
      Feature.text("channel", "Main purchase channel (online / offline)");

  /**
   * Share of purchases made online, 0 to 1: online purchase rows over the purchase rows whose
   * channel is a known online or offline name ({@link ChannelNames}); derived from a transaction
   * log's channel column, or given by a customers file.
   *
   * @since 0.1.0
   */
  public static final Feature<Double> ONLINE_SHARE =
      Feature.number("online_share", "Share of purchases made online, 0 to 1");

  // --- credit

  /** Days the oldest unpaid invoice is past due. */
  public static final Feature<Double> OVERDUE_DAYS =
      Feature.number("overdue_days", "Days the oldest unpaid invoice is past due");

  /** Recorded payment defaults. */
  public static final Feature<Double> DEFAULT_COUNT =
      Feature.number("default_count", "Recorded payment defaults");

  /** Active risk warning signals (from a credit bureau or internal monitoring). */
  public static final Feature<Double> RISK_WARNINGS =
      Feature.number("risk_warnings", "Active risk warning signals");

  /** Credit limit granted. */
  public static final Feature<Double> CREDIT_LIMIT =
      Feature.number("credit_limit", "Credit limit granted");

  /** Credit in use (outstanding receivables). */
  public static final Feature<Double> CREDIT_USED =
      Feature.number("credit_used", "Credit in use");

  // --- identity and attributes

  /**
   * Industry code in ISIC Rev.4, NAICS 2022 or GB/T 4754-2017 form, for example {@code C10},
   * {@code 31} or {@code C13}.
   */
  public static final Feature<String> INDUSTRY_CODE =
      Feature.text("industry_code", "Industry code (ISIC Rev.4, NAICS 2022 or GB/T 4754-2017)");

  /** Organisation type, for example {@code enterprise}, {@code individual}, {@code government}. */
  public static final Feature<String> ORGANISATION_TYPE =
      Feature.text("organisation_type", "Organisation type (enterprise / individual / government)");

  /** Region name or code. */
  public static final Feature<String> REGION = Feature.text("region", "Region name or code");

  /** Region type, for example {@code city}, {@code rural}, {@code mountain}. */
  public static final Feature<String> REGION_TYPE =
      Feature.text("region_type", "Region type (city / rural / mountain)");

  /** Number of employees (organisations) or household size (people). */
  public static final Feature<Double> SIZE =
      Feature.number("size", "Employees (organisations) or household size (people)");

  /** Age in years (people). */
  public static final Feature<Double> AGE = Feature.number("age", "Age in years");

  private static final List<Feature<?>> ALL =
      List.of(
          REVENUE_12M,
          REVENUE_PREV_12M,
          REVENUE_TOTAL,
          PROFIT_12M,
          PREDICTED_VALUE,
          ORDERS_12M,
          ORDERS_PREV_12M,
          VISITS_12M,
          VISITS_3M,
          PURCHASE_DAYS,
          REPEAT_PURCHASES,
          DAYS_SINCE_LAST_PURCHASE,
          TENURE_DAYS,
          FIRST_PURCHASE_DATE,
          LAST_PURCHASE_DATE,
          AVERAGE_ORDER_VALUE,
          REFUNDS_12M,
          SATISFACTION,
          COMPLAINTS_12M,
          CHANNEL,
          ONLINE_SHARE,
          OVERDUE_DAYS,
          DEFAULT_COUNT,
          RISK_WARNINGS,
          CREDIT_LIMIT,
          CREDIT_USED,
          INDUSTRY_CODE,
          ORGANISATION_TYPE,
          REGION,
          REGION_TYPE,
          SIZE,
          AGE);

  /**
   * Returns every standard feature, in documentation order.
   *
   * @return an immutable list
   */
  public static List<Feature<?>> all() {
    return ALL;
  }
}
