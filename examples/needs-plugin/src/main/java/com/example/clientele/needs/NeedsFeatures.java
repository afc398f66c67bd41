package com.example.clientele.needs;

import java.util.List;
import org.clientele.api.Feature;

/**
 * The plugin's own input columns. A customers file names them in its header (for example {@code
 * service_ticket_share}); a host sets them with {@code Customer.builder(id).set(SERVICE_SHARE, 0.4)}.
 */
public final class NeedsFeatures {

  /** Service tickets as a share of all the customer's tickets and orders in the last 12 months, 0 to 1. */
  public static final Feature<Double> SERVICE_SHARE =
      Feature.number("service_ticket_share", "Service tickets as a share of tickets and orders, last 12 months");

  /** How many of our product lines the customer bought from in the last 12 months. */
  public static final Feature<Double> PRODUCT_LINES =
      Feature.number("product_lines", "Product lines bought from in the last 12 months");

  /** Project or bundle purchases (installation, integration, multi-line packages) in the last 12 months. */
  public static final Feature<Double> PROJECT_PURCHASES =
      Feature.number("project_purchases", "Project or bundle purchases in the last 12 months");

  /** All three, in the order the classifier reads them. */
  public static final List<Feature<Double>> ALL = List.of(PROJECT_PURCHASES, PRODUCT_LINES, SERVICE_SHARE);

  private NeedsFeatures() {}
}
