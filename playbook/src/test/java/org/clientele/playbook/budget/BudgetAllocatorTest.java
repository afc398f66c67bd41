package org.clientele.playbook.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BudgetAllocatorTest {

  private static List<String> ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
  }

  private static BigDecimal money(String s) {
    return new BigDecimal(s);
  }

  @Test
  void segmentWeightsSplitTheBudgetAndCustomersSplitTheirSegment() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("1000.00"))
            .segment("value=CORE", 3, ids("c", 2))
            .segment("value=LOW", 1, ids("l", 4))
            .build());

    assertThat(a.segment("value=CORE").orElseThrow().amount()).isEqualByComparingTo("750.00");
    assertThat(a.segment("value=LOW").orElseThrow().amount()).isEqualByComparingTo("250.00");
    assertThat(a.amountFor("c-0")).contains(money("375.00"));
    assertThat(a.amountFor("l-3")).contains(money("62.50"));
    assertThat(a.allocated()).isEqualByComparingTo("1000.00");
    assertThat(a.unallocated()).isEqualByComparingTo("0.00");
  }

  @Test
  void expectedValueFavoursBiggerSegmentsOfEqualValue() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("900"))
            .basis(BudgetRequest.Basis.EXPECTED_VALUE)
            .segment("a", 10, ids("a", 2))
            .segment("b", 10, ids("b", 1))
            .build());
    assertThat(a.segment("a").orElseThrow().amount()).isEqualByComparingTo("600.00");
    assertThat(a.segment("b").orElseThrow().amount()).isEqualByComparingTo("300.00");
  }

  @Test
  void capsHoldAndTheExcessFlowsToUncappedCustomers() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("1000"))
            .segment(SegmentInput.of("core", 9, ids("c", 1)).withLimits(null, money("400")))
            .segment("low", 1, ids("l", 2))
            .build());
    assertThat(a.amountFor("c-0")).contains(money("400.00"));
    assertThat(a.amountFor("l-0")).contains(money("300.00"));
    assertThat(a.amountFor("l-1")).contains(money("300.00"));
  }

  @Test
  void whenEveryoneIsCappedTheRestIsReportedUnallocated() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("1000")).capPerCustomer(money("100")).segment("s", 1, ids("s", 3)).build());
    assertThat(a.allocated()).isEqualByComparingTo("300.00");
    assertThat(a.unallocated()).isEqualByComparingTo("700.00");
  }

  @Test
  void whenMinimumsDoNotFitTheMostValuableCustomersAreFundedFirst() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("250"))
            .basis(BudgetRequest.Basis.EXPECTED_VALUE)
            .minimumPerCustomer(money("100"))
            .segment("low", 1, ids("l", 3))
            .segment("core", 50, ids("c", 1))
            .build());
    assertThat(a.amountFor("c-0").orElseThrow()).isGreaterThanOrEqualTo(money("100"));
    // After the core customer, one low customer's minimum still fits (ties by id), the others get nothing.
    assertThat(a.amountFor("l-0")).contains(money("100.00"));
    assertThat(a.amountFor("l-1")).contains(money("0.00"));
    assertThat(a.amountFor("l-2")).contains(money("0.00"));
    assertThat(a.segment("low").orElseThrow().funded()).isEqualTo(1);
    assertThat(a.allocated()).isEqualByComparingTo("250.00");
  }

  @Test
  void roundingGivesLeftoverCentsByLargestRemainderSoTotalsAreExact() {
    BudgetAllocation a = BudgetAllocator.allocate(BudgetRequest.builder(money("100.00")).segment("s", 1, ids("s", 3)).build());
    assertThat(a.customers()).extracting(BudgetAllocation.CustomerAllocation::amount)
        .containsExactly(money("33.34"), money("33.33"), money("33.33"));
  }

  @Test
  void zeroWeightSegmentsGetNothing() {
    BudgetAllocation a = BudgetAllocator.allocate(
        BudgetRequest.builder(money("10")).segment("a", 0, ids("a", 2)).segment("b", 1, ids("b", 1)).build());
    assertThat(a.segment("a").orElseThrow().amount()).isEqualByComparingTo("0");
    assertThat(a.amountFor("b-0")).contains(money("10.00"));
  }

  @Test
  void badRequestsFailNamingTheSegmentAndCustomer() {
    assertThatThrownBy(() -> BudgetAllocator.allocate(
            BudgetRequest.builder(money("10")).segment("a", 1, List.of("x")).segment("b", 1, List.of("x")).build()))
        .hasMessageContaining("Customer 'x' appears in segment 'a' and in segment 'b'");
    assertThatThrownBy(() -> BudgetRequest.builder(money("10.001")).build()).hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> BudgetRequest.builder(money("10")).minimumPerCustomer(money("5")).capPerCustomer(money("4")).build())
        .hasMessageContaining("capPerCustomer 4 is below minimumPerCustomer 5");
    assertThatThrownBy(() -> SegmentInput.of("a", -1, List.of())).hasMessageContaining("SegmentInput 'a': weight must be");
  }

  /** Seeded random requests: totals add up, limits hold, and the result is reproducible and order-free. */
  @Test
  void totalsAddUpLimitsHoldAndTheSameInputGivesTheSameAllocation() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try {
      for (int run = 0; run < 300; run++) {
        BudgetRequest.Builder b = BudgetRequest.builder(BigDecimal.valueOf(random.nextInt(1_000_000), 2))
            .basis(random.nextBoolean() ? BudgetRequest.Basis.WEIGHT : BudgetRequest.Basis.EXPECTED_VALUE);
        BigDecimal min = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(5000), 2) : BigDecimal.ZERO;
        BigDecimal cap = random.nextBoolean() ? min.add(BigDecimal.valueOf(random.nextInt(50_000), 2)) : null;
        b.minimumPerCustomer(min).capPerCustomer(cap);
        int segments = 1 + random.nextInt(5);
        List<SegmentInput> inputs = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
          List<CustomerInput> customers = new ArrayList<>();
          for (int c = 0, n = random.nextInt(30); c < n; c++) {
            customers.add(new CustomerInput("s" + s + "-c" + c, random.nextInt(4) == 0 ? 0 : random.nextDouble() * 5));
          }
          inputs.add(new SegmentInput("seg-" + s, random.nextInt(5) == 0 ? 0 : random.nextDouble() * 100, customers, null, null));
        }
        inputs.forEach(b::segment);
        BudgetRequest request = b.build();

        BudgetAllocation a = BudgetAllocator.allocate(request);

        BigDecimal sum = a.customers().stream().map(BudgetAllocation.CustomerAllocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(a.allocated());
        assertThat(a.allocated().add(a.unallocated())).isEqualByComparingTo(request.total());
        assertThat(a.segments().stream().map(BudgetAllocation.SegmentAllocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualByComparingTo(a.allocated());
        for (BudgetAllocation.CustomerAllocation c : a.customers()) {
          if (c.amount().signum() > 0) {
            assertThat(c.amount()).isGreaterThanOrEqualTo(min);
          }
          if (cap != null) {
            assertThat(c.amount()).isLessThanOrEqualTo(cap);
          }
        }
        if (a.unallocated().signum() > 0 && cap != null) {
          // Money is left over only when every funded customer is at its cap.
          a.customers().stream().filter(c -> c.amount().signum() > 0).forEach(c -> assertThat(c.amount()).isEqualByComparingTo(cap));
        }
        assertThat(BudgetAllocator.allocate(request)).isEqualTo(a);
        List<SegmentInput> shuffled = new ArrayList<>();
        for (SegmentInput s : inputs) {
          List<CustomerInput> customers = new ArrayList<>(s.customers());
          Collections.shuffle(customers, random);
          shuffled.add(new SegmentInput(s.segment(), s.weight(), customers, null, null));
        }
        BudgetRequest reordered = new BudgetRequest(request.total(), 2, request.basis(), shuffled, min, cap);
        assertThat(BudgetAllocator.allocate(reordered)).isEqualTo(a);
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }
}
