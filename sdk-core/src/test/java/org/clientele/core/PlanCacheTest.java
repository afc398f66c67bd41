package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Plan;
import org.junit.jupiter.api.Test;

/** The shared plans are the plans of their actions, and a population's few hundred plans all stay cached. */
class PlanCacheTest {

  private static final Action[] ACTIONS = new Action[40];

  static {
    for (int i = 0; i < ACTIONS.length; i++) {
      ACTIONS[i] = new Action("a" + i, ActionCategory.values()[i % ActionCategory.values().length], "d", i % 7, "r" + i, "why");
    }
  }

  /** {@code n} distinct action lists of 1 to 10 actions, seeded. */
  private static List<Action[]> plans(long seed, int n) {
    Random random = new Random(seed);
    List<Action[]> out = new ArrayList<>();
    java.util.Set<List<Action>> seen = new java.util.HashSet<>();
    while (out.size() < n) {
      Action[] a = new Action[1 + random.nextInt(10)];
      for (int i = 0; i < a.length; i++) {
        a[i] = ACTIONS[random.nextInt(ACTIONS.length)];
      }
      if (seen.add(Arrays.asList(a))) {
        out.add(a);
      }
    }
    return out;
  }

  @Test
  void everyPlanIsThePlanOfItsActionsEvenWhenTheCacheOverflows() {
    PlanCache cache = new PlanCache();
    Action[] buffer = new Action[16];
    for (Action[] actions : plans(1, 20_000)) {
      System.arraycopy(actions, 0, buffer, 0, actions.length);
      buffer[actions.length] = ACTIONS[0]; // past count: never read
      assertThat(cache.plan(buffer, actions.length)).isEqualTo(new Plan(Arrays.asList(actions)));
    }
    assertThat(cache.plan(buffer, 0)).isSameAs(Plan.EMPTY);
  }

  @Test
  void aPopulationsPlansAreBuiltOnceEach() {
    PlanCache cache = new PlanCache();
    List<Action[]> plans = plans(2, 300); // the benchmark population has 420
    List<Plan> first = plans.stream().map(a -> cache.plan(a, a.length)).toList();
    for (int i = 0; i < plans.size(); i++) {
      Action[] copy = plans.get(i).clone(); // the same actions in another array
      assertThat(cache.plan(copy, copy.length)).as("plan %d", i).isSameAs(first.get(i));
    }
  }
}
