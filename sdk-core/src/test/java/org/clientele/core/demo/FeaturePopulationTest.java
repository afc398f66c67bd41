package org.clientele.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;

class FeaturePopulationTest {

  @Test
  void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
    assertThat(FeaturePopulation.of(5, 300)).isEqualTo(FeaturePopulation.of(5, 300));
    assertThat(FeaturePopulation.of(5, 300)).isNotEqualTo(FeaturePopulation.of(6, 300));
  }

  @Test
  void populationsAreInternallyConsistentForAnySeed() {
    long seed = new Random().nextLong();
    try {
      for (Customer c : FeaturePopulation.builder().seed(seed).size(2_000).missingRate(0).build()) {
        if (c.has(StandardFeatures.ORDERS_12M)) {
          assertThat(c.number(StandardFeatures.VISITS_12M, 0)).isLessThanOrEqualTo(c.number(StandardFeatures.ORDERS_12M, 0));
          assertThat(c.number(StandardFeatures.VISITS_3M, 0)).isLessThanOrEqualTo(c.number(StandardFeatures.VISITS_12M, 0));
          assertThat(c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, 0))
              .isLessThanOrEqualTo(c.number(StandardFeatures.TENURE_DAYS, 0));
          assertThat(c.number(StandardFeatures.REVENUE_12M, -1)).isNotNegative();
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("FeaturePopulation seed " + seed + ": " + e.getMessage(), e);
    }
  }

  @Test
  void revenueHasALongTailProspectsHaveNoHistoryAndSomeFeaturesAreMissing() {
    List<Customer> customers = FeaturePopulation.of(11, 5_000);
    double[] revenue = customers.stream()
        .filter(c -> c.has(StandardFeatures.REVENUE_12M))
        .mapToDouble(c -> c.number(StandardFeatures.REVENUE_12M, 0))
        .sorted()
        .toArray();
    double mean = Arrays.stream(revenue).average().orElseThrow();
    double median = revenue[revenue.length / 2];
    assertThat(mean).as("log-normal revenue: the mean is well above the median").isGreaterThan(1.5 * median);
    long noHistory = customers.stream().filter(c -> !c.has(StandardFeatures.TENURE_DAYS)).count();
    assertThat(noHistory).as("prospects (10%%) plus missing tenure (5%%)").isBetween(600L, 900L);
    long regionMissing = customers.stream().filter(c -> !c.has(StandardFeatures.REGION_TYPE)).count();
    assertThat(regionMissing).as("5%% of a feature is missing").isBetween(150L, 350L);
  }

  @Test
  void sizeAndSharesOutOfRangeAreRejectedWithTheirName() {
    assertThatThrownBy(() -> FeaturePopulation.builder().size(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    assertThatThrownBy(() -> FeaturePopulation.builder().missingRate(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missingRate");
    assertThatThrownBy(() -> FeaturePopulation.builder().prospectShare(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prospectShare");
  }
}
