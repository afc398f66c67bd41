package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;

/** The built-in classifiers and playbook through the real engine, found by ServiceLoader. */
class BuiltInEngineTest {

  static List<Customer> population(long seed, int size) {
    Random r = new Random(seed);
    String[] industries = {"C10", "G47", "K64", "Q86", "P85", "31", "52", "F", "X99"};
    List<Customer> out = new ArrayList<>(size);
    LocalDate today = LocalDate.of(2026, 11, 1);
    for (int i = 0; i < size; i++) {
      Customer.Builder b = Customer.builder("C" + i);
      double silent;
      if (r.nextInt(20) > 0) { // 5% prospects with no purchases
        double revenue = Math.floor(Math.exp(7 + 2 * r.nextGaussian()));
        b.set(StandardFeatures.REVENUE_12M, revenue)
            .set(StandardFeatures.REVENUE_PREV_12M, Math.floor(revenue * (0.5 + r.nextDouble())))
            .set(StandardFeatures.ORDERS_12M, (double) r.nextInt(30))
            .set(StandardFeatures.VISITS_12M, (double) r.nextInt(6))
            .set(StandardFeatures.VISITS_3M, (double) r.nextInt(2))
            .set(StandardFeatures.PURCHASE_DAYS, (double) (1 + r.nextInt(40)))
            .set(StandardFeatures.REPEAT_PURCHASES, (double) r.nextInt(39))
            .set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, silent = r.nextInt(600))
            // The first purchase is at least as long ago as the last (the batch job rejects the contrary).
            .set(StandardFeatures.TENURE_DAYS, Math.max(silent, r.nextInt(3000)))
            .set(StandardFeatures.FIRST_PURCHASE_DATE, today.minusDays(r.nextInt(3000)))
            .set(StandardFeatures.REVENUE_TOTAL, revenue * 3);
      }
      if (r.nextBoolean()) {
        b.set(StandardFeatures.SATISFACTION, (double) (1 + r.nextInt(5)))
            .set(StandardFeatures.COMPLAINTS_12M, (double) r.nextInt(4));
      }
      if (r.nextInt(4) > 0) {
        b.set(StandardFeatures.OVERDUE_DAYS, (double) r.nextInt(120))
            .set(StandardFeatures.DEFAULT_COUNT, (double) r.nextInt(3))
            .set(StandardFeatures.RISK_WARNINGS, (double) r.nextInt(3));
      }
      b.set(StandardFeatures.INDUSTRY_CODE, industries[r.nextInt(industries.length)]);
      out.add(b.build());
    }
    return out;
  }

  @Test
  void theDefaultEngineCalibratesClassifiesAndPlansEveryCustomer() {
    List<Customer> population = population(2026, 5_000);
    EngineBuilder builder = Engine.builder();
    Model model = builder.calibrate(population);
    Engine engine = builder.model(model).build();

    assertThat(engine.dimensions())
        .extracting(Dimension::id)
        .containsExactly("value", "loyalty", "behaviour", "rfm", "risk", "industry", "purchase_pattern");
    assertThat(engine.diagnostics()).isEmpty();
    for (Customer c : population) {
      Classification result = engine.classify(c);
      assertThat(result.labels().values()).doesNotContain(Dimension.UNCLASSIFIED);
      assertThat(result.plan().isEmpty()).as("plan of %s", c.id()).isFalse();
    }
    assertThat(engine.errorCounts().values()).containsOnly(0L);
  }

  @Test
  void theDefaultEngineExplainsEachPlanRuleByRuleThroughThePlaybook() {
    List<Customer> population = population(11, 500);
    EngineBuilder builder = Engine.builder();
    Engine engine = builder.model(builder.calibrate(population)).build();

    // The default playbook also serves the activity scheme of behaviour; with lifecycle its PASSIVE is ignored.
    assertThat(engine.strategyDiagnostics())
        .isNotEmpty()
        .allMatch(d -> d.startsWith("Default playbook: ") && d.contains("label 'PASSIVE' is not a label of dimension 'behaviour'"));
    for (Customer c : population) {
      var explanation = engine.explain(c);
      assertThat(explanation.planExplanation().explained()).isTrue();
      assertThat(explanation.planExplanation().rules().stream()
              .filter(r -> r.status() == org.clientele.api.PlanExplanation.RuleStatus.MATCHED_WINNER
                  || r.status() == org.clientele.api.PlanExplanation.RuleStatus.MATCHED_ALSO))
          .extracting(r -> r.ruleId() + "/" + r.actionCode())
          .as("winners and additions of %s", c.id())
          .containsExactlyInAnyOrderElementsOf(
              explanation.plan().actions().stream().map(a -> a.rule() + "/" + a.code()).toList());
    }
  }

  @Test
  void aCalibratedDefaultModelRoundTripsThroughJsonAndClassifiesIdentically() {
    List<Customer> population = population(7, 3_000);
    EngineBuilder builder = Engine.builder();
    Model model = builder.calibrate(population);
    Engine original = builder.model(model).build();

    Model reloaded = Model.fromJson(model.toJson(), "model.json");
    Engine live = Engine.builder().model(reloaded).build();

    assertThat(reloaded).isEqualTo(model);
    for (Customer c : population) {
      assertThat(live.classify(c)).isEqualTo(original.classify(c));
      assertThat(live.explain(c).assignments())
          .extracting(a -> a.label())
          .containsExactlyElementsOf(original.classify(c).labels().values());
    }
  }

  @Test
  void everyLabelOfTheLifecycleAndRiskDimensionsIsReachable() {
    List<Customer> population = population(99, 5_000);
    EngineBuilder builder = Engine.builder();
    Engine engine = builder.model(builder.calibrate(population)).build();
    var seen = new java.util.HashMap<String, java.util.Set<String>>();
    for (Customer c : population) {
      engine.classify(c).labels().forEach((d, l) -> seen.computeIfAbsent(d, k -> new java.util.TreeSet<>()).add(l));
    }

    assertThat(seen.get("value")).containsExactlyInAnyOrder("CORE", "IMPORTANT", "POTENTIAL", "LOW");
    assertThat(seen.get("risk")).containsExactlyInAnyOrder("LOW", "NORMAL", "HIGH", "UNRATED");
    assertThat(seen.get("loyalty")).containsExactlyInAnyOrder("HIGH", "MEDIUM", "LOW");
  }
}
