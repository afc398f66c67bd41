package org.clientele.core.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.jspecify.annotations.Nullable;

/**
 * The demo accounts' columns for the needs and promotion-response dimensions of {@code
 * clientele-classifiers-practice}, as a CRM or service-desk export has them. Drawn from a random
 * source of their own, so adding them changed no other column of the demo. (The channel mix comes
 * from the transactions' channel column.)
 *
 * @param serviceTicketShare service tickets as a share of tickets and orders, or null
 * @param productLines product lines bought from in the last 12 months, or null
 * @param projectPurchases project or bundle purchases in the last 12 months, or null
 * @param promotionsReceived promotions sent in the last 12 months, or null
 * @param promotionsRedeemed promotions redeemed in the last 12 months, or null
 * @since 0.1.0
 */
public record PracticeColumns(
    @Nullable Double serviceTicketShare,
    @Nullable Double productLines,
    @Nullable Double projectPurchases,
    @Nullable Double promotionsReceived,
    @Nullable Double promotionsRedeemed) {

  // Declared by name, as the practice module declares them (features are interned by name):
  // sdk-core does not depend on that module.
  private static final Feature<Double> SERVICE_TICKET_SHARE =
      Feature.number("service_ticket_share", "Service tickets as a share of tickets and orders, last 12 months");
  private static final Feature<Double> PRODUCT_LINES =
      Feature.number("product_lines", "Product lines bought from in the last 12 months");
  private static final Feature<Double> PROJECT_PURCHASES =
      Feature.number("project_purchases", "Project or bundle purchases in the last 12 months");
  private static final Feature<Double> PROMOTIONS_RECEIVED =
      Feature.number("promotions_received", "Promotions sent to the customer in the last 12 months");
  private static final Feature<Double> PROMOTIONS_REDEEMED =
      Feature.number("promotions_redeemed", "Promotions the customer redeemed in the last 12 months");

  /**
   * The columns, in the order the customers file writes them.
   *
   * @since 0.1.0
   */
  public static final List<Feature<?>> FEATURES =
      List.of(SERVICE_TICKET_SHARE, PRODUCT_LINES, PROJECT_PURCHASES, PROMOTIONS_RECEIVED, PROMOTIONS_REDEEMED);

  /** Draws an account's columns; a prospect has bought nothing, so no lines, projects or tickets. */
  static PracticeColumns draw(SplittableRandom r, TransactionPopulation.Kind kind) {
    boolean prospect = kind == TransactionPopulation.Kind.PROSPECT;
    boolean key = kind == TransactionPopulation.Kind.KEY_ACCOUNT;
    Double lines = prospect ? Double.valueOf(0) : r.nextInt(100) < 4 ? null : (double) (1 + r.nextInt(key ? 6 : 3));
    int projectChance = key ? 60 : kind == TransactionPopulation.Kind.REGULAR || kind == TransactionPopulation.Kind.GROWING ? 15 : 3;
    Double projects = prospect ? Double.valueOf(0) : r.nextInt(100) < 4 ? null
        : r.nextInt(100) < projectChance ? (double) (1 + r.nextInt(3)) : 0.0;
    Double share = null;
    if (!prospect && r.nextInt(100) >= 6) {
      share = round(r.nextInt(100) < 25 ? 0.3 + 0.4 * r.nextDouble() : 0.25 * r.nextDouble());
    }
    Double received = null;
    Double redeemed = null;
    int u = r.nextInt(100);
    if (u >= 8) {
      int sent = u < 18 ? 0 : r.nextInt(1, 13);
      int group = r.nextInt(100);
      double p = group < 30 ? 0.3 + 0.4 * r.nextDouble() : group < 65 ? 0.1 + 0.2 * r.nextDouble() : 0.06 * r.nextDouble();
      int taken = 0;
      for (int i = 0; i < sent; i++) {
        taken += r.nextDouble() < p ? 1 : 0;
      }
      received = (double) sent;
      redeemed = (double) taken;
    }
    return new PracticeColumns(share, lines, projects, received, redeemed);
  }

  private static double round(double share) {
    return Math.round(share * 1000) / 1000.0;
  }

  /** Sets the columns on a customer being built (a missing value stays missing). */
  void apply(Customer.Builder b) {
    b.setOrRemove(SERVICE_TICKET_SHARE, serviceTicketShare)
        .setOrRemove(PRODUCT_LINES, productLines)
        .setOrRemove(PROJECT_PURCHASES, projectPurchases)
        .setOrRemove(PROMOTIONS_RECEIVED, promotionsReceived)
        .setOrRemove(PROMOTIONS_REDEEMED, promotionsRedeemed);
  }
}
