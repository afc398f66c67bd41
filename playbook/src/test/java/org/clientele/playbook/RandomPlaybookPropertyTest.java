package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.PlanExplanation;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Segments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random playbooks (label conditions, UNCLASSIFIED, unless, a {@code basis}, feature
 * conditions, vetoes, equal priorities, additive rules and action codes shared between rules) on
 * random customers, some labels decided for lack of data: {@code plan} gives exactly the actions of {@code explain},
 * whether the playbook fits the 64-rule bit tables or takes the general path.
 */
class RandomPlaybookPropertyTest {

  private static final List<Dimension> DIMS = Fixtures.ALL;
  private static final ActionCategory[] CATEGORIES = ActionCategory.values();

  @ParameterizedTest(name = "{0} rules")
  @ValueSource(ints = {1, 12, 64, 65, 90})
  void planAgreesWithExplain(int ruleCount) {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try {
      for (int round = 0; round < 20; round++) {
        Playbook p = Playbook.create(Fixtures.config(randomPlaybook(random, ruleCount)), DIMS);
        for (int n = 0; n < 300; n++) {
          int[] labels = new int[DIMS.size()];
          double[] scores = new double[DIMS.size()];
          boolean[] fallback = new boolean[DIMS.size()];
          for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(DIMS.get(i).size() + 1) - 1; // -1: UNCLASSIFIED
            scores[i] = Double.NaN;
            fallback[i] = random.nextInt(4) == 0; // decided for lack of data
          }
          var segments = Segments.of(DIMS, labels, scores, fallback);
          Customer.Builder b = Customer.builder("C-" + n);
          if (random.nextInt(4) > 0) {
            b.set(StandardFeatures.ORDERS_12M, (double) random.nextInt(10));
          }
          Customer customer = b.build();
          List<Action> plan = Fixtures.plan(p, customer, segments);
          assertThat(plan).isEqualTo(p.explain(customer, segments).actions());
          assertThat(plan).doesNotHaveDuplicates();
          var explanation = p.explainPlan(customer, segments);
          List<String> inPlan = new ArrayList<>();
          explanation.rules(PlanExplanation.RuleStatus.MATCHED_WINNER).forEach(e -> inPlan.add(e.actionCode()));
          explanation.rules(PlanExplanation.RuleStatus.MATCHED_ALSO).forEach(e -> inPlan.add(e.actionCode()));
          assertThat(inPlan).containsExactlyInAnyOrderElementsOf(Fixtures.codes(plan));
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> randomPlaybook(Random random, int ruleCount) {
    List<Object> rules = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<ActionCategory> categories = new ArrayList<>();
    for (int r = 0; r < ruleCount; r++) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", "rule-" + r);
      rule.put("priority", random.nextInt(5) * 10); // many ties: playbook order decides
      Map<String, Object> when = new LinkedHashMap<>();
      Map<String, Object> unless = new LinkedHashMap<>();
      for (Dimension d : DIMS) {
        int pick = random.nextInt(6);
        if (pick == 0) {
          List<String> labels = new ArrayList<>();
          labels.add(d.label(random.nextInt(d.size())));
          if (random.nextInt(5) == 0) {
            labels.add(Dimension.UNCLASSIFIED);
          }
          when.put(d.id(), labels);
        } else if (pick == 1 && !when.containsKey(d.id())) {
          unless.put(d.id(), List.of(d.label(random.nextInt(d.size()))));
        }
      }
      if (!when.isEmpty()) {
        rule.put("when", when);
      }
      if (!unless.isEmpty()) {
        rule.put("unless", unless);
      }
      if (!when.isEmpty() && random.nextInt(3) == 0) {
        rule.put("basis", random.nextBoolean() ? "measured" : "lack-of-data");
      }
      if (random.nextInt(8) == 0) {
        rule.put("features", List.of(Map.of("feature", "orders_12m", "op", ">=", "value", random.nextInt(8))));
      }
      if (r > 0 && random.nextInt(6) == 0) {
        rule.put("vetoes", List.of(codes.get(random.nextInt(codes.size()))));
      }
      if (random.nextInt(4) == 0) {
        rule.put("combine", "also");
      }
      String code = "code-" + r;
      ActionCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      if (r > 0 && random.nextInt(4) == 0) {
        // Another rule's action: one code, once in a plan, whichever rules offer it.
        int other = random.nextInt(codes.size());
        code = codes.get(other);
        category = categories.get(other);
        if (((List<?>) rule.getOrDefault("vetoes", List.of())).contains(code)) {
          rule.remove("vetoes");
        }
      }
      codes.add(code);
      categories.add(category);
      rule.put("rationale", "r");
      rule.put("actions", List.of(Map.of(
          "code", code, "category", category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          "description", "d")));
      rules.add(rule);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("coverage", "off");
    config.put("rules", rules);
    return config;
  }
}
