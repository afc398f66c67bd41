package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PagedTest {

  /** Property: paged columns read back what plain arrays hold, across pages and past unwritten ones. */
  @Test
  void pagedColumnsAgreeWithArrays() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int size = 5 * Paged.PAGE + random.nextInt(Paged.PAGE);
    double[] doubles = new double[size];
    int[] ints = new int[size];
    java.util.Arrays.fill(ints, -7);
    long[] longs = new long[size];
    String[] refs = new String[size];
    Paged.Doubles pagedDoubles = new Paged.Doubles();
    Paged.Ints pagedInts = new Paged.Ints(-7);
    Paged.Longs pagedLongs = new Paged.Longs();
    Paged.Refs<String> pagedRefs = new Paged.Refs<>();
    for (int i = 0; i < 20_000; i++) {
      // Pages 0, 2 and 4 only: the others stay unwritten.
      int n = (2 * random.nextInt(3)) * Paged.PAGE + random.nextInt(Paged.PAGE);
      double v = random.nextGaussian() * 1e6;
      doubles[n] += v;
      pagedDoubles.add(n, v);
      ints[n]++;
      pagedInts.increment(n);
      longs[n] = random.nextLong();
      pagedLongs.set(n, longs[n]);
      refs[n] = Integer.toString(i);
      pagedRefs.set(n, refs[n]);
    }
    for (int n = 0; n < size; n++) {
      assertThat(Double.doubleToRawLongBits(pagedDoubles.get(n))).as("seed %d, %d", seed, n)
          .isEqualTo(Double.doubleToRawLongBits(doubles[n]));
      assertThat(pagedInts.get(n)).as("seed %d, %d", seed, n).isEqualTo(ints[n]);
      assertThat(pagedLongs.get(n)).as("seed %d, %d", seed, n).isEqualTo(longs[n]);
      assertThat(pagedRefs.get(n)).as("seed %d, %d", seed, n).isEqualTo(refs[n]);
    }
    assertThat(pagedInts.get(Integer.MAX_VALUE)).isEqualTo(-7);
  }
}
