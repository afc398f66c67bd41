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
}
