package com.example.clientele.needs;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.testkit.Population;

/** The kit's population with the plugin's three columns added, each missing now and then as in real data. */
final class NeedsPopulation {

  private NeedsPopulation() {}

  static List<Customer> of(long seed, int size) {
    return Population.builder().seed(seed).size(size)
        .feature(NeedsFeatures.SERVICE_SHARE, (customer, random) -> random.nextDouble() < 0.05 ? null : random.nextDouble())
        .feature(NeedsFeatures.PRODUCT_LINES, (customer, random) -> random.nextDouble() < 0.05 ? null : (double) random.nextInt(6))
        .feature(NeedsFeatures.PROJECT_PURCHASES,
            (customer, random) -> random.nextDouble() < 0.2 ? (double) (1 + random.nextInt(3)) : 0.0)
        .build();
  }
}
