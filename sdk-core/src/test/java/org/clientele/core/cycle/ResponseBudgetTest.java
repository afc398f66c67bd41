package org.clientele.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResponseBudgetTest {

  private static ResponseBudget.Line line(String name, double r, String min, String cap) {
    return new ResponseBudget.Line(name, r, 1000, new BigDecimal(min), cap == null ? null : new BigDecimal(cap));
  }

  @Test
  void moreMoneyGoesToTheLineThatReturnsMoreAndTheSharesAddUpToTheCent() {
    ResponseBudget.Allocation a = ResponseBudget.allocate(new BigDecimal("10000.01"),
        List.of(line("works", 4.0, "0", null), line("weak", 1.5, "0", null), line("inert", Double.NaN, "0", null)));
    assertThat(a.shares().get(0).amount()).isGreaterThan(a.shares().get(1).amount());
    assertThat(a.shares().get(2).amount()).isEqualByComparingTo("0");
    assertThat(a.shares().stream().map(ResponseBudget.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("10000.01");
    assertThat(a.warnings()).isEmpty(); // the guard below can fire; here nothing dominates
    // Diminishing returns: the better line does not take everything.
    assertThat(a.shares().get(1).amount()).isPositive();
    // Equal marginal returns at the optimum: r / (1 + x / s) the same for both funded lines.
    double m0 = 4.0 / (1 + a.shares().get(0).amount().doubleValue() / 1000);
    double m1 = 1.5 / (1 + a.shares().get(1).amount().doubleValue() / 1000);
    assertThat(m0).isCloseTo(m1, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void theWarningFiresWhenMinimumsTakeMoreThanHalf() {
    ResponseBudget.Allocation a = ResponseBudget.allocate(new BigDecimal("1000"),
        List.of(line("works", 4.0, "100", null), line("inert", 0, "300", null), line("other", 0, "300", null)));
    assertThat(a.shares().get(1).amount()).isEqualByComparingTo("300");
    assertThat(a.warnings()).singleElement().asString().startsWith("the minimums take 70.0% of the budget (700.00 of 1000.00)");
    // Half exactly is not more than half.
    assertThat(ResponseBudget.allocate(new BigDecimal("1000"),
        List.of(line("works", 4.0, "100", null), line("inert", 0, "400", null))).warnings()).isEmpty();
  }

  @Test
  void capsAreKeptAndWhatNoLineCanTakeIsSaid() {
    ResponseBudget.Allocation a = ResponseBudget.allocate(new BigDecimal("1000"),
        List.of(line("works", 4.0, "0", "600"), line("weak", 1.0, "0", "100")));
    assertThat(a.shares().get(0).amount()).isEqualByComparingTo("600");
    assertThat(a.shares().get(1).amount()).isEqualByComparingTo("100");
    assertThat(a.unallocated()).isEqualByComparingTo("300");
    assertThat(a.warnings()).anyMatch(w -> w.startsWith("the caps decide 70.0%")).anyMatch(w -> w.contains("could not be placed"));
    assertThatThrownBy(() -> ResponseBudget.allocate(new BigDecimal("100"), List.of(line("a", 1, "80", null), line("b", 1, "80", null))))
        .hasMessageContaining("the minimums add up to 160");
  }

  @Test
  void randomSplitsAlwaysAddUpExactlyAndRespectEveryBound() {
    long seed = 42;
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < 500; run++) {
      int n = 1 + random.nextInt(6);
      List<ResponseBudget.Line> lines = new java.util.ArrayList<>();
      long minCents = 0;
      for (int i = 0; i < n; i++) {
        String min = BigDecimal.valueOf(random.nextInt(5000), 2).toPlainString();
        minCents += new BigDecimal(min).movePointRight(2).longValue();
        String cap = random.nextBoolean() ? null : new BigDecimal(min).add(BigDecimal.valueOf(random.nextInt(100000), 2)).toPlainString();
        lines.add(new ResponseBudget.Line("l" + i, random.nextDouble() * 5 - 1, 1 + random.nextDouble() * 500, new BigDecimal(min),
            cap == null ? null : new BigDecimal(cap)));
      }
      BigDecimal total = BigDecimal.valueOf(minCents + random.nextInt(500_000), 2);
      ResponseBudget.Allocation a = ResponseBudget.allocate(total, lines);
      BigDecimal sum = a.shares().stream().map(ResponseBudget.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum.add(a.unallocated())).as("seed %d run %d", seed, run).isEqualByComparingTo(total);
      for (int i = 0; i < n; i++) {
        ResponseBudget.Share s = a.shares().get(i);
        assertThat(s.amount()).as("seed %d run %d", seed, run).isGreaterThanOrEqualTo(lines.get(i).minimum());
        if (lines.get(i).cap() != null) {
          assertThat(s.amount()).as("seed %d run %d", seed, run).isLessThanOrEqualTo(lines.get(i).cap());
        }
      }
      assertThat(ResponseBudget.allocate(total, lines)).isEqualTo(a);
    }
  }
}
