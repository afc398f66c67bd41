package org.clientele.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.junit.jupiter.api.Test;

/** The Easy Rules peer gives the engine's labels and plans on the whole benchmark population. */
class EasyRulesPeerTest {

  @Test
  void labelsAndPlansEqualTheEnginesOnEveryCustomer() {
    Engine engine = BenchmarkData.engine(1);
    EasyRulesPeer peer = new EasyRulesPeer(Thresholds.fromModelJson(BenchmarkData.modelJson()));
    for (Customer c : BenchmarkData.customers()) {
      Classification expected = engine.classify(c);
      EasyRulesPeer.Outcome actual = peer.classify(c);
      assertThat(actual.customerId()).isEqualTo(c.id());
      assertThat(new String[] {actual.value(), actual.loyalty(), actual.behaviour(), actual.rfm(), actual.risk(), actual.industry()})
          .as("labels of customer %s", c.id())
          .containsExactly(expected.labels().values().toArray(new String[0]));
      assertThat(actual.lackOfData())
          .as("labels for lack of data of customer %s", c.id())
          .containsExactlyElementsOf(engine.dimensions().stream()
              .map(Dimension::id).filter(expected::isFallback).toList());
      assertThat(HandWrittenBaselineTest.keys(actual.plan().actions()))
          .as("plan of customer %s", c.id())
          .isEqualTo(HandWrittenBaselineTest.keys(expected.plan().actions()));
    }
  }
}
