package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Segments;
import org.junit.jupiter.api.Test;

/** Seeded random customers through the default playbook: invariants of every plan. */
class PlanPropertyTest {

  @Test
  void planAgreesWithExplainHasOneRulePerCategoryAndEveryActionFromAMatchingRule() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Dimension> dims = Fixtures.ALL;
    Playbook p = Playbook.defaults(dims);
    Set<String> additive = new HashSet<>();
    p.rules().stream().filter(Rule::additive).forEach(r -> additive.add(r.id()));
    assertThat(additive).as("the default playbook's additive rules").isNotEmpty();
    try {
      for (int n = 0; n < 5_000; n++) {
        int[] labels = new int[dims.size()];
        for (int i = 0; i < labels.length; i++) {
          labels[i] = random.nextInt(dims.get(i).size() + 1) - 1; // -1: UNCLASSIFIED
        }
        var segments = Segments.of(dims, labels);
        Customer.Builder b = Customer.builder("C-" + n);
        if (random.nextBoolean()) {
          b.set(StandardFeatures.ORDERS_12M, (double) random.nextInt(12));
        }
        if (random.nextBoolean()) {
          b.set(StandardFeatures.AVERAGE_ORDER_VALUE, random.nextDouble() * 200);
        }
        Customer customer = b.build();

        List<Action> plan = Fixtures.plan(p, customer, segments);
        PlanTrace trace = p.explain(customer, segments);
        assertThat(plan).isEqualTo(trace.actions());
        Set<ActionCategory> seen = new HashSet<>();
        List<String> rulesPerCategory = new ArrayList<>();
        for (Action a : plan) {
          assertThat(trace.matchedRules()).contains(a.rule());
          if (additive.contains(a.rule())) {
            continue; // added beside the category's winner ("combine": "also"), not competing for it
          }
          if (seen.add(a.category())) {
            rulesPerCategory.add(a.rule());
          } else {
            assertThat(trace.decision(a.category()).winner()).isEqualTo(a.rule());
          }
        }
        if (labels[0] == 2) { // risk HIGH: never credit terms, always prepayment
          assertThat(Fixtures.codes(plan)).doesNotContain("preferential-terms", "credit-terms").contains("prepayment-required");
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }
}
