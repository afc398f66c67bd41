package org.clientele.core.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits an amount across segments and customers: every customer a playbook rule selects in a
 * results file (and does not hold out) gets an amount for that rule, from the rule's measured
 * response in the customer's segment. The library call under {@code clientele budget --results}.
 * Only the rules the outcomes speak of are funded; the others are listed in {@link
 * Split#rulesWithoutOutcomes()}, so that nothing is left out silently.
 *
 * <p>Each (customer, rule) pair is one line of {@link ResponseBudget}: spending {@code x} on the
 * customer returns {@code r c ln(1 + x / c)}, where {@code r} is the incremental return per unit
 * measured for the rule in the customer's segment and {@code c} the cost per treated customer
 * measured there. A segment whose sample is too small to measure on its own takes its rule's
 * measurement ({@link Measured#RULE}); a rule with no measured positive return gets the
 * per-customer minimum only. Customers of one rule and segment are alike to the model, so they get
 * the same amount give or take a cent; the amounts add up to the total exactly (less what no
 * customer can take), and the same inputs give the same split.
 *
 * @since 0.1.0
 */
public final class CustomerBudget {

  private CustomerBudget() {}

  /**
   * Where a cell's return per unit was measured.
   *
   * @since 0.1.0
   */
  public enum Measured {
    /** On the rule's customers in this segment. */
    SEGMENT,
    /** On all the rule's customers: the segment alone was too small to tell. */
    RULE,
    /** Not at all: too few outcomes, or no cost recorded; the customers get their minimum only. */
    NOT_MEASURED
  }

  /**
   * One rule within one segment: the sum of its customers' shares.
   *
   * @param rule the playbook rule
   * @param segment the customers' label on the dimension
   * @param customers how many customers the rule selects in the segment (held-out ones not counted)
   * @param measured where the return was measured
   * @param returnPerUnit the incremental return per unit spent, NaN when not measured
   * @param costPerCustomer the cost per treated customer it was measured at, NaN when not measured
   * @param amount what the cell's customers get together, to the cent
   * @param expectedReturn the expected incremental revenue of the amount, by the model
   * @since 0.1.0
   */
  public record Cell(String rule, String segment, int customers, Measured measured, double returnPerUnit,
      double costPerCustomer, BigDecimal amount, double expectedReturn) {
    /**
     * Checks the parts.
     *
     * @param rule the rule
     * @param segment the segment
     * @param customers the customers
     * @param measured where it was measured
     * @param returnPerUnit the return per unit
     * @param costPerCustomer the measured cost per customer
     * @param amount the amount
     * @param expectedReturn the expected return
     */
    public Cell {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(measured, "measured");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * One customer's amount for one rule.
   *
   * @param customerId the customer
   * @param rule the rule that selects it
   * @param segment its label on the dimension
   * @param amount what it gets for this rule, to the cent
   * @since 0.1.0
   */
  public record CustomerShare(String customerId, String rule, String segment, BigDecimal amount) {
    /**
     * Checks the parts.
     *
     * @param customerId the customer
     * @param rule the rule
     * @param segment the segment
     * @param amount the amount
     */
    public CustomerShare {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * The split.
   *
   * @param total the amount split
   * @param cells per rule and segment, sorted by rule then segment
   * @param customers per (customer, rule), in the results' order, then the customer's rules' order
   * @param heldOut the (customer, rule) pairs held out by the control group: no action, no money
   * @param unallocated what no customer could take (every one at its cap, or none with a positive return)
   * @param rulesWithoutOutcomes the rules of the results that no outcome row speaks of, sorted: not funded
   * @param warnings sentences, empty when the measured response decided the split
   * @since 0.1.0
   */
  public record Split(BigDecimal total, List<Cell> cells, List<CustomerShare> customers, long heldOut,
      BigDecimal unallocated, List<String> rulesWithoutOutcomes, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param total the amount split
     * @param cells the cells
     * @param customers the customer shares
     * @param heldOut the held-out pairs
     * @param unallocated what was left
     * @param rulesWithoutOutcomes the rules not funded
     * @param warnings the warnings
     */
    public Split {
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(unallocated, "unallocated");
      cells = List.copyOf(cells);
      customers = List.copyOf(customers);
      rulesWithoutOutcomes = List.copyOf(rulesWithoutOutcomes);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Splits an amount across the customers the rules of a results file select.
   *
   * @param total the amount, {@code >= 0}, at most 2 decimals
   * @param funded the results to fund: their customers, segments and rules (and held-out rules)
   * @param dimension the dimension whose label is the segment
   * @param measured the outcome analysis, with rows per rule and per rule and segment ({@code
   *     "rule | SEGMENT"}) on the same dimension
   * @param minimumPerCustomer the least each (customer, rule) pair gets, {@code >= 0}
   * @param capPerCustomer the most each pair gets, or null for no cap
   * @return the split
   * @throws IllegalArgumentException if the results name no rules, have no such dimension, select
   *     no customer for a rule with outcomes, or the minimums add up to more than the amount
   */
  public static Split allocate(BigDecimal total, Snapshot funded, String dimension, OutcomeAnalysis measured,
      BigDecimal minimumPerCustomer, @Nullable BigDecimal capPerCustomer) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(funded, "funded");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(minimumPerCustomer, "minimumPerCustomer");
    if (!funded.hasRules()) {
      throw new IllegalArgumentException(funded.name() + " does not name the rule of each action (a CSV written before"
          + " the 'rules' column): write it again with 'clientele classify'");
    }
    if (!funded.dimensions().contains(dimension)) {
      throw new IllegalArgumentException(funded.name() + ": no dimension '" + dimension + "' among " + funded.dimensions());
    }
    List<ResponseBudget.Line> lines = new ArrayList<>();
    List<CustomerShare> pairs = new ArrayList<>();
    Map<String, Cell> cells = new java.util.TreeMap<>();
    long heldOut = 0;
    java.util.Set<String> without = new java.util.TreeSet<>();
    java.util.Set<String> spokenOf = new java.util.HashSet<>();
    measured.rows().forEach(r -> spokenOf.add(r.key()));
    for (String id : funded.ids()) {
      String segment = Objects.requireNonNull(funded.label(id, dimension));
      for (String rule : funded.heldOutRules(id)) {
        if (spokenOf.contains(rule)) {
          heldOut++;
        }
      }
      for (String rule : funded.rules(id)) {
        if (!spokenOf.contains(rule)) {
          without.add(rule);
          continue;
        }
        Cell cell = cells.computeIfAbsent(rule + '\u0000' + segment, k -> measure(rule, segment, measured));
        cells.put(rule + '\u0000' + segment, withCustomer(cell));
        pairs.add(new CustomerShare(id, rule, segment, BigDecimal.ZERO));
        lines.add(new ResponseBudget.Line(rule + " | " + id, cell.returnPerUnit(),
            Double.isNaN(cell.costPerCustomer()) ? 1 : cell.costPerCustomer(), minimumPerCustomer, capPerCustomer));
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(funded.name() + ": none of its customers is selected by a rule the outcomes"
          + " speak of (" + measured.rows().stream().map(OutcomeAnalysis.Lift::key).filter(k -> !k.contains(" | "))
          .toList() + "), so no one to fund. Fix: give the results the next actions come from");
    }
    BigDecimal minimums = minimumPerCustomer.multiply(BigDecimal.valueOf(lines.size()));
    if (minimums.compareTo(total) > 0) {
      throw new IllegalArgumentException("the per-customer minimum " + minimumPerCustomer + " for " + lines.size()
          + " (customer, rule) pairs needs " + minimums.setScale(2, RoundingMode.UNNECESSARY) + ", more than the amount "
          + total + ". Fix: lower the minimum or raise the amount");
    }
    ResponseBudget.Allocation split = ResponseBudget.allocate(total, lines);
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    Map<String, Double> returns = new LinkedHashMap<>();
    List<CustomerShare> shares = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      CustomerShare p = pairs.get(i);
      ResponseBudget.Share s = split.shares().get(i);
      shares.add(new CustomerShare(p.customerId(), p.rule(), p.segment(), s.amount()));
      String key = p.rule() + '\u0000' + p.segment();
      amounts.merge(key, s.amount(), BigDecimal::add);
      returns.merge(key, s.expectedReturn(), Double::sum);
    }
    List<Cell> done = new ArrayList<>();
    cells.forEach((key, c) -> done.add(new Cell(c.rule(), c.segment(), c.customers(), c.measured(), c.returnPerUnit(),
        c.costPerCustomer(), amounts.getOrDefault(key, BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY), returns.getOrDefault(key, 0.0))));
    return new Split(split.total(), done, shares, heldOut, split.unallocated(), List.copyOf(without), split.warnings());
  }

  /** The cell's measurement: its own row when measured, else its rule's, else none. */
  private static Cell measure(String rule, String segment, OutcomeAnalysis measured) {
    OutcomeAnalysis.Lift own = measured.row(rule + " | " + segment);
    OutcomeAnalysis.Lift ruleRow = measured.row(rule);
    OutcomeAnalysis.Lift use = own != null && own.hasMeasuredReturn() ? own
        : ruleRow != null && ruleRow.hasMeasuredReturn() ? ruleRow : null;
    Measured where = use == null ? Measured.NOT_MEASURED : use == own ? Measured.SEGMENT : Measured.RULE;
    double r = use == null ? Double.NaN : use.returnPerUnit();
    double c = use == null ? Double.NaN : use.treated().cost() / use.treated().customers();
    return new Cell(rule, segment, 0, where, r, c, BigDecimal.ZERO, 0);
  }

  private static Cell withCustomer(Cell c) {
    return new Cell(c.rule(), c.segment(), c.customers() + 1, c.measured(), c.returnPerUnit(), c.costPerCustomer(),
        c.amount(), c.expectedReturn());
  }
}
