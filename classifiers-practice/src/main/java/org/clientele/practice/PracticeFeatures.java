package org.clientele.practice;

import java.time.LocalDate;
import org.clientele.api.Feature;

/**
 * Input features that the practice dimensions read and that are not standard features of sdk-api.
 * A customers file names them in its header (for example {@code service_ticket_share}); a host sets
 * them with {@code Customer.builder(id).set(PracticeFeatures.SERVICE_TICKET_SHARE, 0.4)}. The
 * standard features these dimensions also read ({@code region}, {@code region_type}, {@code age},
 * {@code channel}) are in {@link org.clientele.api.StandardFeatures}.
 *
 * @since 0.1.0
 */
public final class PracticeFeatures {

  // --- demographics (the age dimension, org.clientele.practice.age)

  /**
   * Date of birth (people), read by the age dimension when {@code age} is missing: the age in
   * completed years as of the run's reference date.
   */
  public static final Feature<LocalDate> BIRTH_DATE = Feature.date("birth_date", "Date of birth (people)");

  // --- needs and promotion response

  /** Service tickets as a share of all the customer's tickets and orders in the last 12 months, 0 to 1. */
  public static final Feature<Double> SERVICE_TICKET_SHARE =
      Feature.number("service_ticket_share", "Service tickets as a share of tickets and orders, last 12 months");

  /** How many of our product lines the customer bought from in the last 12 months. */
  public static final Feature<Double> PRODUCT_LINES =
      Feature.number("product_lines", "Product lines bought from in the last 12 months");

  /** Project or bundle purchases (installation, integration, multi-line packages) in the last 12 months. */
  public static final Feature<Double> PROJECT_PURCHASES =
      Feature.number("project_purchases", "Project or bundle purchases in the last 12 months");

  /** Promotions sent to the customer in the last 12 months (campaign offers, coupons). */
  public static final Feature<Double> PROMOTIONS_RECEIVED =
      Feature.number("promotions_received", "Promotions sent to the customer in the last 12 months");

  /** Promotions the customer redeemed (bought on) in the last 12 months. */
  public static final Feature<Double> PROMOTIONS_REDEEMED =
      Feature.number("promotions_redeemed", "Promotions the customer redeemed in the last 12 months");

  private PracticeFeatures() {}
}
