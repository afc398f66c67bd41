package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerColumnsTest {

  /**
   * Property: "same order as the customer's last" is exactly string equality, for order ids of
   * every kind the code treats apart (short ASCII, long digits with leading zeros, long or
   * non-ASCII text, empty), for several customers side by side.
   */
  @Test
  void theLastOrderIsComparedExactly() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> pool = new ArrayList<>(List.of("", "0", "00", "0000001-1", "000000001", "0000000001", "00000000001",
        "12345678901234567", "012345678901234567", "123456789012345678", "ORD-2024-000123", "ORD-2024-000124",
        "0000001-12", "0000001-13", "0000001-1-2", "2024-000123", "2024-0001230", "10.1234/5678", "12:34:56_789",
        "--------------", "-------------", "1-2-3-4-5-6-7-8", "0000000000", "00000000000000", "_0000001-12",
        "é", "\u0000", "a\u0000", "\u4242"));
    for (int i = 0; i < 200; i++) {
      int length = random.nextInt(20);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < length; k++) {
        b.append(random.nextInt(4) > 0 ? (char) ('0' + random.nextInt(3)) : (char) random.nextInt(300));
      }
      pool.add(b.toString());
    }
    CustomerColumns columns = new CustomerColumns();
    int customers = 5;
    String[] last = new String[customers];
    for (int row = 0; row < 20_000; row++) {
      int n = random.nextInt(customers);
      String order = random.nextInt(50) == 0 ? null : pool.get(random.nextInt(last[n] != null && random.nextBoolean() ? 1 : pool.size()));
      if (random.nextInt(3) == 0 && last[n] != null) {
        order = last[n];
      }
      CharSequence view = order == null || random.nextBoolean() ? order : CharBuffer.wrap(order.toCharArray());
      if (view != null) {
        long code = CustomerColumns.orderCode(view);
        assertThat(columns.isLastOrder(n, code, view)).as("seed %d: %s after %s", seed, order, last[n])
            .isEqualTo(view.toString().equals(last[n]));
      }
      columns.setLastOrder(n, view == null ? CustomerColumns.NO_ORDER : CustomerColumns.orderCode(view), view);
      last[n] = order;
    }
  }

  /**
   * Property: no two order ids share a code unless both are coded as text (whose characters are
   * then compared): random ids of 0 to 18 characters, mostly digits and separators (the kinds the
   * codes pack), some letters and other characters.
   */
  @Test
  void noTwoOrderIdsShareACodeOutsideText() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String alphabet = "0123456789-./:_0000011111-aZ é\u0000";
    java.util.Map<Long, String> seen = new java.util.HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      int length = 1 + random.nextInt(18);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String id = b.toString();
      long code = CustomerColumns.orderCode(id);
      if ((code & 0xC000_0000_0000_0000L) == 0xC000_0000_0000_0000L) {
        continue; // text: compared by its characters
      }
      String before = seen.putIfAbsent(code, id);
      assertThat(before == null || before.equals(id)).as("seed %d: %s and %s share code %x", seed, before, id, code).isTrue();
    }
    assertThat(CustomerColumns.orderCode("0000001-12") & 0xC000_0000_0000_0000L)
        .as("an id of digits and a dash is packed, not kept as text").isEqualTo(Long.MIN_VALUE);
  }
}
