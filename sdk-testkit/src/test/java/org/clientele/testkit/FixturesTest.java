package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.clientele.api.Assignment;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void theSameSeedGivesTheSameCustomersAndAnotherSeedOthers() {
    assertThat(Population.of(5, 300)).isEqualTo(Population.of(5, 300));
    assertThat(Population.of(5, 300)).isNotEqualTo(Population.of(6, 300));
  }

  @Test
  void populationsAreInternallyConsistentForAnySeed() {
    long seed = new Random().nextLong();
    try {
      for (Customer c : Population.builder().seed(seed).size(2_000).missingRate(0).build()) {
        if (c.has(StandardFeatures.ORDERS_12M)) {
          assertThat(c.number(StandardFeatures.VISITS_12M, 0)).isLessThanOrEqualTo(c.number(StandardFeatures.ORDERS_12M, 0));
          assertThat(c.number(StandardFeatures.VISITS_3M, 0)).isLessThanOrEqualTo(c.number(StandardFeatures.VISITS_12M, 0));
          assertThat(c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, 0))
              .isLessThanOrEqualTo(c.number(StandardFeatures.TENURE_DAYS, 0));
          assertThat(c.number(StandardFeatures.REVENUE_12M, -1)).isNotNegative();
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("Population seed " + seed + ": " + e.getMessage(), e);
    }
  }

  @Test
  void revenueHasALongTailProspectsHaveNoHistoryAndSomeFeaturesAreMissing() {
    List<Customer> customers = Population.of(11, 5_000);
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
  void edgeCasesCoverEveryFeatureAndHaveDistinctIds() {
    Feature<String> plugin = Feature.text("kit_fixture_zone", "A plugin's own feature");
    List<Customer> cases = Customers.edgeCases(List.of(plugin));
    assertThat(cases).extracting(Customer::id).doesNotHaveDuplicates().contains("edge-no-features", "edge-only-kit_fixture_zone");
    assertThat(cases.get(0).featureCount()).isZero();
    Customer huge = cases.stream().filter(c -> c.id().equals("edge-huge")).findFirst().orElseThrow();
    assertThat(huge.number(StandardFeatures.REVENUE_12M, 0)).isEqualTo(1e15);
    assertThat(huge.get(plugin)).contains("sample");
    Customer odd = cases.stream().filter(c -> c.id().equals("edge-text-odd-case-padded")).findFirst().orElseThrow();
    assertThat(odd.get(StandardFeatures.REGION_TYPE)).contains("  CiTy \t");
  }

  @Test
  void assignmentAssertionsPassOnMatchesAndExplainMismatches() {
    Dimension d = Dimension.of("value", "CORE", "LOW");
    Assignment a = Assignment.of(d, "CORE", 182_000, List.of(
        Reason.of(StandardFeatures.REVENUE_12M, 182_000.0, ">= 50000", "Revenue is at or above 50,000"),
        Reason.missing(StandardFeatures.PROFIT_12M, "No profit known")));

    assertThatAssignment(a).hasLabel("CORE").hasDimension("value").hasScore(182_000).hasReasonAbout("revenue_12m")
        .hasReasonAboutMissing(StandardFeatures.PROFIT_12M).hasReasonContaining("at or above").hasReasons();
    assertThatThrownBy(() -> assertThatAssignment(a).hasLabel("LOW"))
        .hasMessageContaining("Expected label LOW on dimension 'value' but was CORE")
        .hasMessageContaining("Revenue is at or above 50,000");
    assertThatThrownBy(() -> assertThatAssignment(a).hasReasonAbout(StandardFeatures.ORDERS_12M))
        .hasMessageContaining("Expected a reason about 'orders_12m'");
    assertThatThrownBy(() -> assertThatAssignment(Assignment.of(d, "LOW", Double.NaN, List.of())).hasReasons())
        .hasMessageContaining("Expected reasons");
  }

  @Test
  void planAssertionsNameTheActionsPresent() {
    var plan = new org.clientele.api.Plan(List.of(
        new org.clientele.api.Action("call", org.clientele.api.ActionCategory.CHANNEL, "Call", 5, "r1", "Why")));
    ClienteleAssertions.assertThatPlan(plan).hasAction("call").doesNotHaveAction("email")
        .hasActionIn(org.clientele.api.ActionCategory.CHANNEL).hasActionsInOrder("call");
    assertThatThrownBy(() -> ClienteleAssertions.assertThatPlan(plan).hasAction("email"))
        .hasMessageContaining("Expected the plan to hold action 'email' but it holds [call]");
  }
}
