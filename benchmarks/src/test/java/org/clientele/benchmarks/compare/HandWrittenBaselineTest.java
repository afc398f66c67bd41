package org.clientele.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Classification;
import org.clientele.core.ClassificationBuffer;
import org.clientele.core.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written baseline gives the engine's labels and plans on the whole benchmark population. */
class HandWrittenBaselineTest {

  private static Engine engine;
  private static HandWrittenBaseline baseline;
  private static Customer[] customers;

  @BeforeAll
  static void setUp() {
    customers = BenchmarkData.customers();
    engine = BenchmarkData.engine(1);
    baseline = new HandWrittenBaseline(Thresholds.fromModelJson(BenchmarkData.modelJson()));
  }

  @Test
  void theEngineHasTheDimensionsTheBaselineHardCodes() {
    assertThat(engine.dimensions()).extracting(Dimension::id)
        .containsExactly("value", "loyalty", "behaviour", "rfm", "risk", "industry");
    assertThat(engine.dimensions().get(5).label(HandWrittenBaseline.UNKNOWN_INDUSTRY)).isEqualTo("UNKNOWN");
    assertThat(engine.dimensions().get(3).label(HandWrittenBaseline.RFM_LOST)).isEqualTo("LOST");
  }

  @Test
  void labelsAndPlansEqualTheEnginesOnEveryCustomer() {
    List<Set<Integer>> seen = new ArrayList<>();
    for (int d = 0; d < 6; d++) {
      seen.add(new HashSet<>());
    }
    for (Customer c : customers) {
      Classification expected = engine.classify(c);
      HandWrittenBaseline.Decision actual = baseline.classify(c);
      int[] labels = {actual.value(), actual.loyalty(), actual.behaviour(), actual.rfm(), actual.risk(), actual.industry()};
      for (int d = 0; d < labels.length; d++) {
        assertThat(engine.dimensions().get(d).label(labels[d]))
            .as("customer %s, dimension %s", c.id(), engine.dimensions().get(d).id())
            .isEqualTo(engine.dimensions().get(d).label(expected.labelIndex(d)));
        seen.get(d).add(labels[d]);
      }
      assertThat(actual.customerId()).isEqualTo(c.id());
      assertThat(keys(actual.plan())).as("plan of customer %s", c.id()).isEqualTo(keys(expected.plan().actions()));
    }
    // The demo population reaches every label, so a wrong rule cannot hide behind an unused branch.
    for (int d = 0; d < 6; d++) {
      Dimension dimension = engine.dimensions().get(d);
      assertThat(seen.get(d)).as("labels of %s reached", dimension.id()).hasSize(dimension.size());
    }
  }

  /**
   * Customers whose columns contradict each other (not in the demo population, whose features come
   * from a log): the engine's behaviour is SWINGING for lack of data, and so is both peers'.
   */
  @Test
  void contradictingColumnsGiveTheEnginesLackOfDataLabelInBothPeers() {
    EasyRulesPeer peer = new EasyRulesPeer(Thresholds.fromModelJson(BenchmarkData.modelJson()));
    Customer base = customers[0];
    java.util.Map<String, Customer> odd = java.util.Map.of(
        "more visits in 3 months than in 12",
        base.toBuilder().set(StandardFeatures.VISITS_12M, 1.0).set(StandardFeatures.VISITS_3M, 2.0).build(),
        "a window above the whole history",
        base.toBuilder().set(StandardFeatures.VISITS_12M, 5.0).set(StandardFeatures.VISITS_3M, 1.0)
            .set(StandardFeatures.PURCHASE_DAYS, 3.0).build(),
        "the last purchase before the first",
        base.toBuilder().set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, 400.0).set(StandardFeatures.TENURE_DAYS, 200.0).build());
    int behaviour = 2;
    for (var e : odd.entrySet()) {
      String why = e.getKey();
      Customer c = e.getValue();
      Classification expected = engine.classify(c);
      assertThat(engine.dimensions().get(behaviour).label(expected.labelIndex(behaviour))).as(why).isEqualTo("SWINGING");
      assertThat(expected.isFallback(behaviour)).as(why).isTrue();
      HandWrittenBaseline.Decision actual = baseline.classify(c);
      assertThat(actual.behaviour()).as(why).isEqualTo(HandWrittenBaseline.SWINGING);
      assertThat(keys(actual.plan())).as("plan: %s", why).isEqualTo(keys(expected.plan().actions()));
      EasyRulesPeer.Outcome rules = peer.classify(c);
      assertThat(rules.behaviour()).as(why).isEqualTo("SWINGING");
      assertThat(rules.lackOfData()).as(why).contains("behaviour");
      assertThat(keys(rules.plan().actions())).as("Easy Rules plan: %s", why).isEqualTo(keys(expected.plan().actions()));
    }
  }

  @Test
  void theReusablePathGivesTheSameActionsInTheEnginesOrder() {
    ClassificationBuffer buffer = engine.newBuffer();
    HandWrittenBaseline.Result result = new HandWrittenBaseline.Result();
    boolean[][] basisSeen = new boolean[6][2];
    for (Customer c : customers) {
      engine.classify(c, buffer);
      baseline.classify(c, result);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < buffer.actionCount(); i++) {
        expected.add(key(buffer.action(i)));
      }
      List<String> actual = new ArrayList<>();
      for (int i = 0; i < result.actionCount(); i++) {
        actual.add(key(result.action(i)));
      }
      assertThat(actual).as("customer %s", c.id()).isEqualTo(expected);
      for (int d = 0; d < 6; d++) {
        assertThat(result.label(d)).as("customer %s, dimension %d", c.id(), d).isEqualTo(buffer.labelIndex(d));
        assertThat(result.measured(d)).as("customer %s, dimension %d measured", c.id(), d).isEqualTo(!buffer.isFallback(d));
        basisSeen[d][result.measured(d) ? 1 : 0] = true;
      }
    }
    // Labels for lack of data are reached on value, loyalty, risk and industry, so the playbook's
    // basis rules are exercised both ways (RFM has none; the population always has visits_12m, so
    // behaviour's ifVisitsMissing is not reached).
    for (int d : new int[] {0, 1, 4, 5}) {
      assertThat(basisSeen[d]).as("measured and lack-of-data labels of dimension %d reached", d).containsExactly(true, true);
    }
  }

  @Test
  void theLoopSplitOverThreadsGivesEveryCustomerItsOwnDecisionInOrder() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int threads = 1; threads <= 3; threads++) {
        HandWrittenBaseline.Decision[] split = baseline.classifyAll(customers, pool, threads);
        assertThat(split).hasSameSizeAs(customers);
        for (int i = 0; i < customers.length; i++) {
          assertThat(split[i]).as("customer %d on %d threads", i, threads).isEqualTo(baseline.classify(customers[i]));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thresholdsComeFromTheModel() {
    Thresholds t = Thresholds.fromModelJson(BenchmarkData.modelJson());
    assertThat(t.valueCore()).isGreaterThan(t.valueImportant()).isGreaterThan(0);
    assertThat(t.recencyBreaks()).isSorted();
  }

  static List<String> keys(List<Action> actions) {
    return actions.stream().map(HandWrittenBaselineTest::key).toList();
  }

  static String key(Action a) {
    return a.code() + "/" + a.category() + "/" + a.priority() + "/" + a.rule();
  }
}
