package org.clientele.classifiers.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchasePatternClassifierTest {

  private final PurchasePatternClassifierProvider provider = new PurchasePatternClassifierProvider();

  private Classifier threshold(double frequency, double orderValue) {
    return provider.create(PluginConfig.of("purchase_pattern",
        Map.of("method", "threshold", "frequencyCutoff", frequency, "orderValueCutoff", orderValue)));
  }

  private static Customer buyer(Double orders, Double aov) {
    return customer(ORDERS_12M, orders, AVERAGE_ORDER_VALUE, aov);
  }

  @ParameterizedTest(name = "orders {0}, order value {1} -> {2}")
  @CsvSource({
    "6, 101, FREQUENT_BIG_ORDERS",
    "6, 100, FREQUENT_SMALL_ORDERS",
    "5, 101, OCCASIONAL_BIG_ORDERS",
    "5, 100, OCCASIONAL_SMALL_ORDERS",
    "0, 0, OCCASIONAL_SMALL_ORDERS",
  })
  void aValueEqualToACutOffIsOnTheLowSide(double orders, double aov, String label) {
    Assignment a = both(threshold(5, 100), buyer(orders, aov));
    assertThat(a.label()).isEqualTo(label);
    assertThat(a.score()).isEqualTo(aov);
  }

  @Test
  void aMissingAxisIsUnknownWithAReasonNeverZero() {
    Classifier c = threshold(5, 100);
    Assignment prospect = both(c, buyer(0.0, null));
    assertThat(prospect.label()).isEqualTo("UNKNOWN");
    assertThat(prospect.reasons()).extracting(Reason::text)
        .anyMatch(t -> t.contains("average_order_value is missing") && t.contains("missing is not zero"));
    assertThat(both(c, buyer(null, 500.0)).label()).isEqualTo("UNKNOWN");
  }

  @Test
  void reasonsNameBothAxesTheirCutOffsAndTheBasis() {
    Assignment a = both(threshold(5, 100), buyer(7.0, 40.0));
    assertThat(a.reasons()).extracting(Reason::text).anySatisfy(t -> assertThat(t)
        .isEqualTo("orders_12m 7 is above the cut-off 5 (configured frequencyCutoff): frequent"));
    assertThat(a.reasons()).extracting(Reason::text).anySatisfy(t -> assertThat(t)
        .isEqualTo("average_order_value 40 is at or below the cut-off 100 (configured orderValueCutoff): small orders"));
  }

  @Test
  void medianCutOffsSplitACalibratedPopulationIntoFourQuadrants() {
    List<Customer> population = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      population.add(buyer((double) (i % 10), 10.0 * ((i * 7) % 13)));
    }
    PluginConfig config = PluginConfig.of("purchase_pattern", Map.of());
    Map<String, Object> cal = Fixtures.calibrate(provider, config, population, 3);
    double fCut = ((Number) cal.get("frequencyCutoff")).doubleValue();
    double vCut = ((Number) cal.get("orderValueCutoff")).doubleValue();
    // The median of each axis, computed here independently of the calibrator.
    assertThat(fCut).isEqualTo(median(population.stream().map(p -> p.number(ORDERS_12M, 0)).toList()));
    assertThat(vCut).isEqualTo(median(population.stream().map(p -> p.number(AVERAGE_ORDER_VALUE, 0)).toList()));
    assertThat(cal).doesNotContainKey("degenerate");
    Classifier c = provider.create(config.with("calibration", cal));
    Map<String, Integer> counts = new HashMap<>();
    for (Customer p : population) {
      Assignment a = both(c, p);
      counts.merge(a.label(), 1, Integer::sum);
      boolean frequent = p.number(ORDERS_12M, 0) > fCut;
      boolean big = p.number(AVERAGE_ORDER_VALUE, 0) > vCut;
      assertThat(a.label()).isEqualTo((frequent ? "FREQUENT_" : "OCCASIONAL_") + (big ? "BIG_ORDERS" : "SMALL_ORDERS"));
      assertThat(a.reasons()).extracting(Reason::text).anyMatch(t -> t.contains("(median of 100 customers, ") && t.contains(" above it (exact))"));
    }
    assertThat(counts).containsOnlyKeys("FREQUENT_BIG_ORDERS", "FREQUENT_SMALL_ORDERS", "OCCASIONAL_BIG_ORDERS",
        "OCCASIONAL_SMALL_ORDERS");
  }

  private static List<?> degenerate(Map<String, Object> cal) {
    assertThat(cal.get("degenerate")).isInstanceOf(List.class);
    return (List<?>) cal.get("degenerate");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() + 1) / 2 - 1); // the lower median: half the customers at or below it
  }

  @Test
  void everyoneWithTheSameFrequencyIsReportedAsDegenerateNotSilentlySplit() {
    List<Customer> population = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      population.add(buyer(1.0, 10.0 + i));
    }
    PluginConfig config = PluginConfig.of("purchase_pattern", Map.of());
    Map<String, Object> cal = Fixtures.calibrate(provider, config, population, 2);
    assertThat(degenerate(cal)).singleElement().asString()
        .contains("every one of the 50 customers with orders_12m has 1").contains("the split means nothing");
    Classifier c = provider.create(config.with("calibration", cal));
    Assignment a = both(c, population.get(0));
    assertThat(a.label()).isEqualTo("OCCASIONAL_SMALL_ORDERS");
    assertThat(a.reasons()).extracting(Reason::text)
        .anyMatch(t -> t.startsWith("Calibration could not split the population: every one of the 50 customers"));
  }

  @Test
  void aMedianOnTheLargestValueMovesDownSoTheTiedTopGroupIsTheHighSide() {
    List<Customer> population = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      population.add(buyer(i < 10 ? 0.0 : 2.0, 50.0 + i)); // two thirds share the largest frequency
    }
    Map<String, Object> cal = Fixtures.calibrate(provider, PluginConfig.of("purchase_pattern", Map.of()), population, 1);
    assertThat(((Number) cal.get("frequencyCutoff")).doubleValue()).isZero();
    assertThat(((Number) cal.get("frequencyAbove")).longValue()).isEqualTo(20);
    assertThat((String) cal.get("frequencyMoved")).contains("20 of 30 customers have it");
  }

  @Test
  void anAxisNoCustomerHadLeavesEveryoneUnknownAndSaysSo() {
    List<Customer> population = List.of(buyer(3.0, null), buyer(5.0, null));
    PluginConfig config = PluginConfig.of("purchase_pattern", Map.of());
    Map<String, Object> cal = Fixtures.calibrate(provider, config, population, 1);
    assertThat(degenerate(cal)).singleElement().asString().startsWith("no customer has average_order_value");
    Classifier c = provider.create(config.with("calibration", cal));
    assertThat(both(c, buyer(3.0, 20.0)).reasons()).extracting(Reason::text)
        .anyMatch(t -> t.contains("has no cut-off to compare with"));
    assertThat(both(c, buyer(3.0, 20.0)).label()).isEqualTo("UNKNOWN");
  }

  @Test
  void configurationErrorsNameTheKey() {
    assertThatThrownBy(() -> provider.create(PluginConfig.of("purchase_pattern", Map.of("method", "threshold"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("frequencyCutoff")
        .hasMessageContaining("method 'quantile'");
    assertThatThrownBy(() -> provider.calibrator(PluginConfig.of("purchase_pattern", Map.of("frequencyQuantile", 1))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("frequencyQuantile")
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("purchase_pattern", Map.of())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs a calibration");
  }

  @Test
  void aQuantileOtherThanTheMedianIsNamedInTheReasons() {
    List<Customer> population = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      population.add(buyer((double) i, (double) i));
    }
    PluginConfig config = PluginConfig.of("purchase_pattern", Map.of("frequencyQuantile", 0.75));
    Classifier c = Fixtures.calibrated(provider, config, population, 1);
    Assignment a = both(c, buyer(16.0, 16.0));
    assertThat(a.label()).isEqualTo("FREQUENT_BIG_ORDERS");
    assertThat(a.reasons()).extracting(Reason::text).anyMatch(t -> t.contains("cut-off 15 (75% quantile of 20 customers, 5 above it (exact))"));
  }
}
