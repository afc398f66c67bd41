package org.clientele.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clientele.core.io.OutcomeRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split across segments and customers: 400 customers in CORE and LOW that rule {@code works}
 * selects (it truly works), the LOW ones also selected by {@code inert} (it does nothing), 20 in
 * TINY selected by {@code works} (too few to measure on their own), 10 selected by {@code
 * unmeasured} (too few outcomes to measure) and 10 by {@code other}, which has no outcomes at all;
 * a 20% control group.
 */
class CustomerBudgetTest {

  private static final long SEED = 7;
  private static final ControlGroup CONTROL = ControlGroup.of(0.2);

  @TempDir Path dir;
  private Snapshot results;
  private OutcomeAnalysis measured;
  private long heldOutPairs;

  @BeforeEach
  void resultsAndOutcomes() throws IOException {
    StringBuilder csv = new StringBuilder("id,value,value_score,actions,rules,held_out\n");
    List<OutcomeRecord> outcomes = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 440; i++) {
      String id = String.format("C%04d", i);
      String segment = i < 200 ? "CORE" : i < 400 ? "LOW" : i < 420 ? "TINY" : "LOW";
      List<String> rules = i < 420 ? (segment.equals("LOW") ? List.of("works", "inert") : List.of("works"))
          : List.of(i < 430 ? "unmeasured" : "other");
      List<String> treated = new ArrayList<>();
      List<String> held = new ArrayList<>();
      for (String rule : rules) {
        boolean out = CONTROL.heldOut(id, rule);
        (out ? held : treated).add(rule);
        double p = rule.equals("works") ? (out ? 0.10 : 0.40) : 0.15;
        boolean accepted = random.nextDouble() < p;
        if (!rule.equals("other")) {
          outcomes.add(new OutcomeRecord(id, rule, null, LocalDate.of(2025, 2, 1),
              accepted ? OutcomeRecord.Response.ACCEPTED : OutcomeRecord.Response.NO_RESPONSE, accepted ? 200 : 0,
              out ? 0 : 10, null));
        }
      }
      heldOutPairs += held.stream().filter(r -> !r.equals("other")).count();
      csv.append(id).append(',').append(segment).append(",1,")
          .append(treated.stream().map(r -> "act-" + r).collect(Collectors.joining(";"))).append(',')
          .append(String.join(";", treated)).append(',').append(String.join(";", held)).append('\n');
    }
    Path file = dir.resolve("results.csv");
    Files.writeString(file, csv);
    results = Snapshot.read(file);
    measured = OutcomeAnalysis.analyse(outcomes, CONTROL, id -> results.label(id, "value"), OutcomeAnalysis.DEFAULT_MIN_SAMPLE);
  }

  private CustomerBudget.Split split(String amount, String minimum) {
    return CustomerBudget.allocate(new BigDecimal(amount), results, "value", measured, new BigDecimal(minimum), null);
  }

  private static CustomerBudget.Cell cell(CustomerBudget.Split s, String rule, String segment) {
    return s.cells().stream().filter(c -> c.rule().equals(rule) && c.segment().equals(segment)).findFirst().orElseThrow();
  }

  @Test
  void everySelectedCustomerGetsAnAmountAndTheAmountsAddUpToTheCent() {
    CustomerBudget.Split s = split("10000.03", "0");
    BigDecimal sum = s.customers().stream().map(CustomerBudget.CustomerShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum.add(s.unallocated())).isEqualByComparingTo("10000.03");
    assertThat(s.unallocated()).isEqualByComparingTo("0");
    BigDecimal cells = s.cells().stream().map(CustomerBudget.Cell::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(cells).isEqualByComparingTo(sum);
    // One row per (customer, rule) the results select; the held-out pairs get nothing and are counted.
    long selected = results.ids().stream().flatMap(id -> results.rules(id).stream()).filter(r -> !r.equals("other")).count();
    assertThat(s.customers()).hasSize((int) selected);
    assertThat(s.heldOut()).isEqualTo(heldOutPairs).isPositive();
    assertThat(s.customers()).noneMatch(c -> results.heldOutRules(c.customerId()).contains(c.rule()));
    // Customers of one rule and segment get the same amount, give or take a cent.
    Map<String, List<BigDecimal>> byCell = new TreeMap<>();
    s.customers().forEach(c -> byCell.computeIfAbsent(c.rule() + "|" + c.segment(), k -> new ArrayList<>()).add(c.amount()));
    byCell.forEach((k, amounts) -> assertThat(amounts.stream().max(BigDecimal::compareTo).orElseThrow()
        .subtract(amounts.stream().min(BigDecimal::compareTo).orElseThrow())).as(k).isLessThanOrEqualTo(new BigDecimal("0.01")));
    assertThat(s.warnings()).isEmpty();
    // A rule no outcome speaks of is not funded, and said.
    assertThat(s.rulesWithoutOutcomes()).containsExactly("other");
    assertThat(s.customers()).noneMatch(c -> c.rule().equals("other"));
    assertThat(split("10000.03", "0")).isEqualTo(s);
  }

  @Test
  void theRuleThatWorksGetsMorePerCustomerThanTheRuleThatDoesNothing() {
    CustomerBudget.Split s = split("10000", "0");
    CustomerBudget.Cell works = cell(s, "works", "LOW");
    CustomerBudget.Cell inert = cell(s, "inert", "LOW");
    assertThat(works.measured()).isEqualTo(CustomerBudget.Measured.SEGMENT);
    assertThat(works.returnPerUnit()).isGreaterThan(inert.returnPerUnit());
    assertThat(perCustomer(works)).isGreaterThan(perCustomer(inert));
    assertThat(works.expectedReturn()).isGreaterThan(inert.expectedReturn());
  }

  @Test
  void aSegmentTooSmallToMeasureTakesItsRulesReturnAndAnUnmeasuredRuleGetsItsMinimum() {
    CustomerBudget.Split s = split("10000", "1.50");
    CustomerBudget.Cell tiny = cell(s, "works", "TINY");
    assertThat(tiny.measured()).isEqualTo(CustomerBudget.Measured.RULE);
    assertThat(tiny.returnPerUnit()).isEqualTo(measured.row("works").returnPerUnit());
    CustomerBudget.Cell none = cell(s, "unmeasured", "LOW");
    assertThat(none.measured()).isEqualTo(CustomerBudget.Measured.NOT_MEASURED);
    assertThat(none.returnPerUnit()).isNaN();
    assertThat(none.amount()).isEqualByComparingTo(new BigDecimal("1.50").multiply(BigDecimal.valueOf(none.customers())));
  }

  @Test
  void theWarningFiresWhenPerCustomerMinimumsTakeMoreThanHalf() {
    int pairs = split("10000", "0").customers().size();
    // Minimums adding up to just under half: no warning; the measured response splits the rest.
    BigDecimal under = new BigDecimal("4900").divide(BigDecimal.valueOf(pairs), 2, java.math.RoundingMode.FLOOR);
    assertThat(split("10000", under.toPlainString()).warnings()).isEmpty();
    // Just over half: the warning names the share.
    BigDecimal over = new BigDecimal("5100").divide(BigDecimal.valueOf(pairs), 2, java.math.RoundingMode.CEILING);
    CustomerBudget.Split dominated = split("10000", over.toPlainString());
    assertThat(dominated.warnings()).singleElement().asString().startsWith("the minimums take 5");
    assertThatThrownBy(() -> split("100", "20")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the per-customer minimum 20 for " + pairs + " (customer, rule) pairs needs")
        .hasMessageContaining("Fix: lower the minimum or raise the amount");
  }

  @Test
  void resultsThatDoNotNameTheirRulesAreRefused() throws IOException {
    Path old = dir.resolve("old.csv");
    Files.writeString(old, "id,value,value_score,actions\nA,CORE,1,act-works\n");
    Snapshot before = Snapshot.read(old);
    assertThat(before.hasRules()).isFalse();
    assertThatThrownBy(() -> CustomerBudget.allocate(BigDecimal.TEN, before, "value", measured, BigDecimal.ZERO, null))
        .hasMessageContaining("does not name the rule of each action").hasMessageContaining("write it again");
  }

  private static BigDecimal perCustomer(CustomerBudget.Cell c) {
    return c.amount().divide(BigDecimal.valueOf(c.customers()), 2, java.math.RoundingMode.HALF_EVEN);
  }
}
