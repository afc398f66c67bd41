package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** -0.0 (for example from "-0" in a file) is the same amount as 0.0. */
class NegativeZeroTest {

  @Test
  void negativeZeroIsStoredAsZero() {
    Customer a = Customer.builder("a").set(StandardFeatures.REVENUE_12M, -0.0).build();
    Customer b = Customer.builder("a").set(StandardFeatures.REVENUE_12M, 0.0).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Double.doubleToRawLongBits(a.number(StandardFeatures.REVENUE_12M, 1))).isZero();
  }
}
