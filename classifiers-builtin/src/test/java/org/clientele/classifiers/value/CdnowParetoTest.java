package org.clientele.classifiers.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pareto calibration on the real CDNOW cohort (23,570 customers, revenue over the whole history). */
class CdnowParetoTest {

  private static List<Customer> customers;
  private static double total;

  @BeforeAll
  static void load() throws IOException {
    Path file = Path.of(System.getProperty("clientele.sharedData", "../shared/data"), "cdnow", "CDNOW_master.txt");
    Assumptions.assumeTrue(Files.isReadable(file), "CDNOW data not found at " + file.toAbsolutePath());
    Map<String, Double> revenue = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length == 4 && !cols[0].equals("customer_id")) {
        revenue.merge(cols[0], Double.parseDouble(cols[3]), Double::sum);
      }
    }
    customers = new ArrayList<>();
    total = 0;
    for (Map.Entry<String, Double> e : revenue.entrySet()) {
      customers.add(Customer.builder(e.getKey()).set(StandardFeatures.REVENUE_TOTAL, e.getValue()).build());
      total += Math.max(0, e.getValue());
    }
    assertThat(customers).hasSize(23_570);
  }

  private static double coreShare(Classifier c) {
    double core = 0;
    for (Customer customer : customers) {
      if (c.explain(customer).label().equals("CORE")) {
        core += customer.number(StandardFeatures.REVENUE_TOTAL, 0);
      }
    }
    return core / total;
  }

  @Test
  void exactAndSketchRegimesBothCoverEightyPercentOfRevenue() {
    ValueClassifierProvider provider = new ValueClassifierProvider();
    PluginConfig exact = PluginConfig.of("value", Map.of("metric", "revenue_total", "potential", Map.of("enabled", false)));
    Classifier exactClassifier = Fixtures.calibrated(provider, exact, customers, 4);
    double exactShare = coreShare(exactClassifier);
    assertThat(exactShare).isGreaterThanOrEqualTo(0.8).isLessThan(0.81);

    PluginConfig sketch = PluginConfig.of("value", Map.of("metric", "revenue_total",
        "potential", Map.of("enabled", false), "sketch", Map.of("exactLimit", 1000)));
    List<Customer> shuffled = new ArrayList<>(customers);
    Collections.shuffle(shuffled, new Random(3));
    Map<String, Object> result = Fixtures.calibrate(provider, sketch, shuffled, 4);
    assertThat(result).containsEntry("exact", false);
    Map<String, Object> exactResult = Fixtures.calibrate(provider, exact, customers, 1);
    double truth = (Double) exactResult.get("core");
    assertThat((Double) result.get("core")).isBetween(truth / 1.01, truth);
    double sketchShare = coreShare(provider.create(sketch.with("calibration", result)));
    // Never less than the share asked for; at most one 1% bin of customers more.
    assertThat(sketchShare).isGreaterThanOrEqualTo(0.8).isLessThan(0.83);
  }
}
