package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.core.demo.FeaturePopulation;
import org.junit.jupiter.api.Test;

class FixturesTest {

  private static final Feature<Double> DISTANCE = Feature.number("kit_fixture_distance_km", "Distance to the branch");

  @Test
  void aFeatureAddedInOneCallIsSeededMayDependOnTheCustomerAndMayBeMissing() {
    Population.Builder builder = Population.builder().seed(11).size(300)
        .feature(DISTANCE, (customer, random) -> customer.has(StandardFeatures.REVENUE_12M) ? random.nextDouble() * 100 : null);
    List<Customer> first = builder.build();
    List<Customer> again = Population.builder().seed(11).size(300)
        .feature(DISTANCE, (customer, random) -> customer.has(StandardFeatures.REVENUE_12M) ? random.nextDouble() * 100 : null)
        .build();
    List<Customer> plain = Population.of(11, 300);
    assertThat(first).isEqualTo(again).hasSize(300);
    for (int i = 0; i < first.size(); i++) {
      Customer c = first.get(i);
      assertThat(c.toBuilder().remove(DISTANCE).build()).as("every other feature unchanged").isEqualTo(plain.get(i));
      assertThat(c.has(DISTANCE)).as("present exactly where the function gave a value").isEqualTo(c.has(StandardFeatures.REVENUE_12M));
    }
    assertThat(first.stream().filter(c -> c.has(DISTANCE)).map(c -> c.getOrNull(DISTANCE)).distinct().count())
        .as("values vary").isGreaterThan(100);
    assertThat(Population.builder().seed(12).size(300).feature(DISTANCE, (customer, random) -> random.nextDouble()).build())
        .as("another seed, other values").isNotEqualTo(Population.builder().seed(11).size(300)
            .feature(DISTANCE, (customer, random) -> random.nextDouble()).build());
  }

  @Test
  void thePopulationIsSdkCoresFeaturePopulationWithEveryBuilderSetting() {
    // The generator and its own tests live in sdk-core (FeaturePopulationTest); the kit hands it on.
    assertThat(Population.of(5, 300)).isEqualTo(FeaturePopulation.of(5, 300));
    assertThat(Population.builder().seed(9).size(400).prospectShare(0.5).missingRate(0.3).build())
        .isEqualTo(FeaturePopulation.builder().seed(9).size(400).prospectShare(0.5).missingRate(0.3).build())
        .isNotEqualTo(FeaturePopulation.builder().seed(9).size(400).prospectShare(0.5).build())
        .isNotEqualTo(FeaturePopulation.builder().seed(9).size(400).missingRate(0.3).build())
        .hasSize(400);
    assertThat(Customers.REFERENCE_DATE).isEqualTo(FeaturePopulation.REFERENCE_DATE);
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
