package org.clientele.classifiers.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityClassifierTest {

  private final BehaviourClassifierProvider provider = new BehaviourClassifierProvider();
  private final PluginConfig thresholds =
      PluginConfig.of("activity", Map.of("scheme", "activity", "method", "threshold"));

  static Stream<Arguments> thresholdRules() {
    return Stream.of(
        Arguments.of("frequency below 4", 3.0, 1000.0, "PASSIVE"),
        Arguments.of("frequency at 4", 4.0, 1000.0, "ACTIVE"),
        Arguments.of("frequency above 4", 5.0, 1000.0, "ACTIVE"),
        Arguments.of("volume below 1000", 4.0, 999.99, "PASSIVE"),
        Arguments.of("volume above 1000", 4.0, 1000.01, "ACTIVE"),
        Arguments.of("huge", 1e9, 1e300, "ACTIVE"),
        Arguments.of("negative", -1.0, -1000.0, "PASSIVE"),
        Arguments.of("zero orders in 12 months", 0.0, 0.0, "PASSIVE"));
  }

  @ParameterizedTest(name = "{0}: orders {1}, revenue {2} -> {3}")
  @MethodSource("thresholdRules")
  void activityByThresholds(String name, double orders, double revenue, String expected) {
    Classifier c = provider.create(thresholds);
    Assignment a = both(c, customer(PURCHASE_DAYS, 3.0, ORDERS_12M, orders, REVENUE_12M, revenue));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.score()).isEqualTo(orders);
    assertThat(c.dimension().id()).isEqualTo("activity");
    assertThat(c.dimension().labels()).containsExactly("ACTIVE", "PASSIVE", "PROSPECT");
  }

  @Test
  void prospectsAndMissingInputs() {
    Classifier c = provider.create(thresholds);
    assertThat(both(c, customer(PURCHASE_DAYS, 0.0)).label()).isEqualTo("PROSPECT");
    assertThat(both(c, customer()).label()).isEqualTo("PROSPECT");
    Assignment oneKnown = both(c, customer(PURCHASE_DAYS, 9.0, ORDERS_12M, 9.0));
    assertThat(oneKnown.label()).isEqualTo("ACTIVE");
    assertThat(oneKnown.reasons()).anySatisfy(r -> {
      assertThat(r.feature()).isEqualTo("revenue_12m");
      assertThat(r.isMissing()).isTrue();
    });
    Assignment neitherKnown = both(c, customer(PURCHASE_DAYS, 9.0));
    assertThat(neitherKnown.label()).isEqualTo("PASSIVE");
    assertThat(neitherKnown.fallback()).as("PASSIVE with neither input known is not measured").isTrue();
    assertThat(oneKnown.fallback()).isFalse();
    assertThat(both(c, customer(PURCHASE_DAYS, 9.0, ORDERS_12M, 1.0)).fallback()).as("PASSIVE measured on one input").isFalse();
  }

  @Test
  void combineAny() {
    Classifier c = provider.create(PluginConfig.of("activity",
        Map.of("scheme", "activity", "method", "threshold", "combine", "any")));
    assertThat(both(c, customer(PURCHASE_DAYS, 3.0, ORDERS_12M, 9.0, REVENUE_12M, 1.0)).label()).isEqualTo("ACTIVE");
  }

  @Test
  void calibratedTopHalves() {
    PluginConfig config = PluginConfig.of("activity", Map.of("scheme", "activity"));
    List<Customer> population = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      population.add(customer(PURCHASE_DAYS, (double) i, ORDERS_12M, (double) i, REVENUE_12M, i * 100.0));
    }
    population.add(customer(PURCHASE_DAYS, 1.0, ORDERS_12M, 0.0, REVENUE_12M, 0.0)); // not a buyer: left out
    Map<String, Object> result = Fixtures.calibrate(provider, config, population, 2);
    assertThat(result).containsEntry("frequency", 6.0).containsEntry("volume", 600.0)
        .containsEntry("frequencyPopulation", 10L);
    Classifier c = provider.create(config.with("calibration", result));
    assertThat(both(c, customer(PURCHASE_DAYS, 9.0, ORDERS_12M, 6.0, REVENUE_12M, 600.0)).label()).isEqualTo("ACTIVE");
    assertThat(both(c, customer(PURCHASE_DAYS, 9.0, ORDERS_12M, 5.99, REVENUE_12M, 600.0)).label()).isEqualTo("PASSIVE");
    assertThatThrownBy(() -> provider.create(config))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("calibration");
  }

  @Test
  void lifecycleKeysAreNotReadByTheActivityScheme() {
    PluginConfig config = PluginConfig.of("activity",
        Map.of("scheme", "activity", "method", "threshold", "openCase", "AT_RISK"));
    provider.create(config);
    assertThat(config.unreadKeys()).containsExactly("$.openCase");
  }
}
