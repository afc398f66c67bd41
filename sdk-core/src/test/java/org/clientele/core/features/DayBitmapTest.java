package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DayBitmapTest {

  /** Property: counts over any window equal those of a plain sorted set, whatever the order. */
  @Test
  void countsMatchASortedSetForRandomDaysAndWindows() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      DayBitmap bitmap = new DayBitmap();
      TreeSet<Integer> reference = new TreeSet<>();
      int origin = random.nextInt(40_000) - 20_000;
      int span = 1 + random.nextInt(random.nextBoolean() ? 10 : 2_000);
      for (int i = 0, n = random.nextInt(40); i < n; i++) {
        int day = origin + random.nextInt(span);
        bitmap.add(day);
        reference.add(day);
      }
      assertThat(bitmap.count()).as("seed %d", seed).isEqualTo(reference.size());
      if (!reference.isEmpty()) {
        assertThat(bitmap.min()).as("seed %d", seed).isEqualTo(reference.first());
        assertThat(bitmap.max()).as("seed %d", seed).isEqualTo(reference.last());
      }
      for (int w = 0; w < 20; w++) {
        long from = origin - 70 + random.nextInt(span + 140);
        long to = from + random.nextInt(span + 70);
        int expected = reference.subSet((int) from, true, (int) to, false).size();
        assertThat(bitmap.count(from, to)).as("seed %d, window [%d, %d)", seed, from, to).isEqualTo(expected);
      }
    }
  }

  @Test
  void aSingleDayNeedsNoArray() {
    DayBitmap bitmap = new DayBitmap();
    bitmap.add(100);
    bitmap.add(100);
    assertThat(bitmap.count()).isEqualTo(1);
    assertThat(bitmap.count(101, 200)).isZero();
    assertThat(bitmap.count(100, 101)).isEqualTo(1);
  }
}
