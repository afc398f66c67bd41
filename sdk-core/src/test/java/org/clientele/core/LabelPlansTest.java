package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Plan;
import org.clientele.api.Segments;
import org.junit.jupiter.api.Test;

/**
 * A strategy that reads labels only is asked once per combination of labels, and every customer
 * still gets the plan of its own labels, decided for lack of data or not.
 */
class LabelPlansTest {

  private static Engine engine(boolean labelsOnly) {
    return Engine.builder()
        .configuration("{\"format\": 1, \"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\","
            + " \"labelsOnly\": " + labelsOnly + "}}", "test")
        .build();
  }

  @Test
  void aStrategyThatReadsLabelsOnlyIsAskedOncePerCombinationAndEveryPlanIsItsLabelsPlan() {
    Engine engine = engine(true);
    List<Customer> customers = Fixtures.population(7, 2_000);
    Fixtures.SimpleStrategyProvider.CALLS.set(0);
    List<Classification> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    engine.classifyAll(customers.iterator(), results::add);
    // HIGH, LOW and UNKNOWN (revenue missing): three combinations, each planned once (a racing
    // second thread may plan one again, never per customer)
    assertThat(Fixtures.SimpleStrategyProvider.CALLS.get()).isBetween(3, 6);
    for (Classification c : results) {
      Action expected = c.labelIndex(0) == 0 ? Fixtures.SimpleStrategyProvider.CALL : Fixtures.SimpleStrategyProvider.EMAIL;
      assertThat(c.plan().actions()).as(c.customerId()).containsExactly(expected);
    }
    ClassificationBuffer buffer = engine.newBuffer();
    engine.classify(customers.get(0), buffer);
    assertThat(buffer.actionCount()).isOne();
    assertThat(buffer.action(0)).isSameAs(results.get(0).plan().actions().get(0));
  }

  @Test
  void aStrategyThatMayReadFeaturesIsAskedForEveryCustomer() {
    Engine engine = engine(false);
    List<Customer> customers = Fixtures.population(7, 500);
    Fixtures.SimpleStrategyProvider.CALLS.set(0);
    engine.classifyAll(customers.iterator(), c -> { });
    assertThat(Fixtures.SimpleStrategyProvider.CALLS.get()).isEqualTo(500);
  }

  @Test
  void everyCombinationHasItsOwnKeyAndAFallbackLabelIsNotTheMeasuredOne() {
    List<Dimension> dims = List.of(Dimension.of("a", "X"), Dimension.of("b", "X", "Y", "Z"), Dimension.of("c", "P", "Q", "R", "S", "T"));
    LabelPlans table = LabelPlans.of(new int[] {1, 3, 5});
    assertThat(table).isNotNull();
    Set<Long> keys = new HashSet<>();
    int combinations = 0;
    for (int a = -1; a < 1; a++) {
      for (int b = -1; b < 3; b++) {
        for (int c = -1; c < 5; c++) {
          for (int fallback = 0; fallback < 8; fallback++) {
            int[] labels = {a, b, c};
            boolean[] marks = {(fallback & 1) != 0, (fallback & 2) != 0, (fallback & 4) != 0};
            boolean meaningful = true; // a fallback mark on an unclassified label means nothing
            for (int p = 0; p < 3; p++) {
              meaningful &= labels[p] >= 0 || !marks[p];
            }
            if (!meaningful) {
              continue;
            }
            combinations++;
            long key = table.key(Segments.of(dims, labels, new double[3], marks));
            assertThat(key).isNotNegative();
            keys.add(key);
          }
        }
      }
    }
    assertThat(keys).hasSize(combinations);
  }

  @Test
  void dimensionsWhoseKeyWouldNotFitInALongGetNoTable() {
    assertThat(LabelPlans.of(new int[] {1 << 20, 1 << 20, 1 << 20})).isNull(); // 3 x 22 bits
    assertThat(LabelPlans.of(new int[] {1 << 20, 1 << 20})).isNotNull();
  }

  @Test
  void theTableKeepsWhatItStoredAndTakesNoMoreThanItsLimit() {
    LabelPlans table = LabelPlans.of(new int[] {1 << 20, 1 << 20});
    Action action = new Action("a", ActionCategory.SERVICE, "d", 1, "r", "why");
    Plan plan = new Plan(List.of(action));
    List<Long> stored = new ArrayList<>();
    for (long k = 0; k < 20_000; k++) { // far more than the table takes
      long key = k * 7919;
      int slot = table.room(key);
      if (slot >= 0) {
        assertThat(table.put(slot, key, new Action[] {action}, plan).key).isEqualTo(key);
        stored.add(key);
      } else {
        assertThat(table.get(key)).isNull();
      }
    }
    assertThat(stored).hasSizeBetween(LabelPlans.LIMIT / 2, LabelPlans.LIMIT);
    for (long key : stored) { // nothing stored was pushed out by what came after
      assertThat(table.get(key)).isNotNull().extracting(k -> k.key).isEqualTo(key);
    }
  }
}
