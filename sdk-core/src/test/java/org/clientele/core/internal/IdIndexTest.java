package org.clientele.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  /**
   * Property: numbers, lookups and texts agree with a map, for ids of any characters (Latin-1 or
   * not, NUL included), of any length (past a page), looked up through any character sequence.
   */
  @Test
  void agreesWithAMapForRandomIds() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    IdIndex index = new IdIndex();
    Map<String, Integer> reference = new HashMap<>();
    String[] byNumber = new String[60_000];
    for (int i = 0; i < 60_000; i++) {
      String id = i % 3 == 0 && !reference.isEmpty()
          ? byNumber[random.nextInt(reference.size())] // seen before
          : randomId(random, i == 1_000 ? (1 << 20) + 17 : 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 12));
      CharSequence view = random.nextBoolean() ? id : CharBuffer.wrap(id.toCharArray());
      Integer expected = reference.get(id);
      assertThat(index.find(view)).as("seed %d", seed).isEqualTo(expected == null ? -1 : expected);
      int number = index.add(view);
      if (expected == null) {
        assertThat(number).as("seed %d", seed).isEqualTo(reference.size());
        reference.put(id, number);
        byNumber[number] = id;
      } else {
        assertThat(number).as("seed %d", seed).isEqualTo(expected);
      }
    }
    assertThat(index.size()).isEqualTo(reference.size());
    for (int n = 0; n < index.size(); n++) {
      assertThat(index.text(n)).as("seed %d", seed).isEqualTo(byNumber[n]);
      assertThat(index.find(byNumber[n])).isEqualTo(n);
    }
  }

  @Test
  void idsThatDifferOnlyInTheHighByteOfACharacterAreTwoIds() {
    IdIndex index = new IdIndex();
    assertThat(index.add("A\u0142")).isZero();
    assertThat(index.add("AB")).isEqualTo(1);
    assertThat(index.add("A\u0042")).isEqualTo(1);
    assertThat(index.find("A\u4242")).isEqualTo(-1);
    assertThat(index.text(0)).isEqualTo("A\u0142");
    assertThat(IdIndex.hash(CharBuffer.wrap("A\u0142"))).isEqualTo("A\u0142".hashCode());
  }

  private static String randomId(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    boolean wide = random.nextInt(8) == 0;
    for (int i = 0; i < length; i++) {
      b.append(wide ? (char) random.nextInt(0xD800) : random.nextInt(20) == 0 ? (char) random.nextInt(256) : (char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }
}
