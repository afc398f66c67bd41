package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DaySetsTest {

  /**
   * Property: counts over any window, the first and last day and the days themselves equal those
   * of a plain sorted set, whatever the order the days come in (mostly ascending, as in a dated
   * log, or shuffled), with gaps of one day to many years, for many customers side by side.
   */
  @Test
  void countsMatchASortedSetForRandomDaysAndWindows() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    DaySets sets = new DaySets();
    int customers = 300;
    List<TreeSet<Integer>> reference = new java.util.ArrayList<>();
    int[] origin = new int[customers];
    int[] span = new int[customers];
    for (int n = 0; n < customers; n++) {
      reference.add(new TreeSet<>());
      origin[n] = random.nextInt(80_000) - 25_000;
      span[n] = 1 + random.nextInt(switch (random.nextInt(3)) {
        case 0 -> 10;
        case 1 -> 2_000;
        default -> 3_000_000;
      });
    }
    boolean ascending = random.nextBoolean();
    int[] next = origin.clone();
    for (int row = 0; row < 12_000; row++) {
      int n = random.nextInt(customers);
      int day;
      if (ascending && random.nextInt(10) > 0) {
        next[n] += random.nextInt(1 + Math.min(span[n], 400));
        day = next[n];
      } else {
        day = origin[n] + random.nextInt(span[n]);
      }
      sets.add(n, day);
      reference.get(n).add(day);
    }
    for (int n = 0; n < customers; n++) {
      TreeSet<Integer> expected = reference.get(n);
      assertThat(sets.count(n)).as("seed %d", seed).isEqualTo(expected.size());
      assertThat(sets.days(n)).as("seed %d", seed).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
      if (!expected.isEmpty()) {
        assertThat(sets.min(n)).as("seed %d", seed).isEqualTo(expected.first());
        assertThat(sets.max(n)).as("seed %d", seed).isEqualTo(expected.last());
      }
      for (int w = 0; w < 20; w++) {
        int lo = expected.isEmpty() ? origin[n] : expected.first();
        int hi = expected.isEmpty() ? origin[n] : expected.last();
        long from = lo - 70 + random.nextInt(hi - lo + 140);
        long to = from + random.nextInt(hi - lo + 70);
        int count = expected.subSet((int) from, true, (int) to, false).size();
        assertThat(sets.count(n, from, to)).as("seed %d, window [%d, %d)", seed, from, to).isEqualTo(count);
      }
    }
  }

  @Test
  void aSingleDayNeedsNoArrayAndAnEmptySetCountsNothing() {
    DaySets sets = new DaySets();
    sets.add(0, 100);
    sets.add(0, 100);
    assertThat(sets.count(0)).isEqualTo(1);
    assertThat(sets.count(0, 101, 200)).isZero();
    assertThat(sets.count(0, 100, 101)).isEqualTo(1);
    assertThat(sets.isEmpty(1)).isTrue();
    assertThat(sets.count(1)).isZero();
    assertThat(sets.count(1, Long.MIN_VALUE, Long.MAX_VALUE)).isZero();
  }

  /**
   * Property: once finished, the sets answer the total count and the finished windows' counts as
   * they did before (random days, windows ending on the same day), keep the first and last day,
   * and refuse what needs the days themselves (adding one, listing them, another window).
   */
  @Test
  void finishedSetsKeepTheCountsOfTheirWindowsAndRefuseTheRest() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    DaySets sets = new DaySets();
    int customers = 20_000; // more than two pages of a column
    for (int row = 0; row < 60_000; row++) {
      int n = random.nextInt(customers);
      sets.add(n, 19_000 + random.nextInt(random.nextBoolean() ? 60 : 900));
    }
    long to = 19_000 + random.nextInt(1_000);
    long[] from = {to - 365, to - 90, to - random.nextInt(2_000)};
    int[][] before = new int[customers][];
    for (int n = 0; n < customers; n++) {
      before[n] = new int[] {sets.count(n), sets.count(n, from[0], to), sets.count(n, from[1], to),
          sets.count(n, from[2], to), sets.isEmpty(n) ? 0 : sets.min(n), sets.isEmpty(n) ? 0 : sets.max(n)};
    }
    sets.finish(customers, from, to);
    for (int n = 0; n < customers; n++) {
      int[] after = {sets.count(n), sets.count(n, from[0], to), sets.count(n, from[1], to),
          sets.count(n, from[2], to), sets.isEmpty(n) ? 0 : sets.min(n), sets.isEmpty(n) ? 0 : sets.max(n)};
      assertThat(after).as("seed %d, customer %d", seed, n).containsExactly(before[n]);
    }
    int busy = 0;
    while (sets.count(busy) < 2) {
      busy++;
    }
    int customer = busy;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sets.add(customer, 19_001))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reduced to counts");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sets.days(customer))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reduced to counts");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sets.count(customer, sets.min(customer), to + 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("windows only");
  }
}
