package org.clientele.practice;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.testkit.Population;
import org.jspecify.annotations.Nullable;

/**
 * The kit's population with every practice input added in one call, each missing now and then as
 * in real exports, so every label of every practice dimension occurs.
 */
public final class PracticePopulation {

  private PracticePopulation() {}

  /**
   * Makes the population.
   *
   * @param seed the seed
   * @param size the number of customers
   * @return the customers
   */
  public static List<Customer> of(long seed, int size) {
    return Population.builder().seed(seed).size(size)
        .feature(PracticeFeatures.SERVICE_TICKET_SHARE, (c, r) -> r.nextDouble() < 0.05 ? null : r.nextDouble() * 0.6)
        .feature(PracticeFeatures.PRODUCT_LINES, (c, r) -> r.nextDouble() < 0.05 ? null : (double) r.nextInt(6))
        .feature(PracticeFeatures.PROJECT_PURCHASES, (c, r) -> r.nextDouble() < 0.25 ? (double) (1 + r.nextInt(3)) : 0.0)
        .feature(StandardFeatures.ONLINE_SHARE, (c, r) -> r.nextDouble() < 0.1 ? null : r.nextDouble())
        .feature(PracticeFeatures.PROMOTIONS_RECEIVED, (c, r) -> sent(c))
        .feature(PracticeFeatures.PROMOTIONS_REDEEMED, (c, r) -> {
          Double sent = sent(c);
          return sent == null ? null : (double) r.nextInt((int) (double) sent + 1);
        })
        .build();
  }

  /** Promotions sent, from the id (the kit gives each added feature its own random source). */
  private static @Nullable Double sent(Customer c) {
    int h = Math.floorMod(c.id().hashCode() * 31 + 7, 40);
    return h < 2 ? null : (double) (h % 12);
  }
}
