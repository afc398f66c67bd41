package org.clientele.core.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.clientele.core.internal.Formats;
import org.clientele.core.io.OutcomeRecord;
import org.jspecify.annotations.Nullable;

/**
 * Whether each playbook rule works: per rule (and per rule and segment) the response and revenue
 * of the treated customers against the held-out ones ({@link ControlGroup}), the lift with a 95%
 * confidence interval, and a verdict that says when a sample is too small to tell. The library
 * call under {@code clientele outcomes}.
 *
 * <p>Who is held out is decided by the control group (the hash of id and rule), never by the file;
 * a file's {@code group} column is checked against it, and every disagreement, and every cost
 * spent on a held-out customer, is a {@link Leak}. One row per customer and rule counts; later
 * duplicates are counted and ignored.
 *
 * <p>Intervals: for the response rate, the difference of two proportions with the unpooled normal
 * (Wald) standard error; for revenue per customer, the difference of two means with Welch's
 * standard error and the normal quantile 1.96. Both need enough customers on each side: fewer than
 * {@code minSample} in either group gives {@link Verdict#TOO_SMALL}.
 *
 * @param rows per rule, then per rule and segment when segments were given, sorted by key
 * @param leaks control-group violations, in file order
 * @param duplicates rows ignored because their customer and rule came before
 * @param minSample the smallest group size that gets a verdict
 * @since 0.1.0
 */
public record OutcomeAnalysis(List<Lift> rows, List<Leak> leaks, long duplicates, int minSample) {

  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /** The default smallest group size that gets a verdict. */
  public static final int DEFAULT_MIN_SAMPLE = 30;

  /**
   * Copies the lists.
   *
   * @param rows the lifts
   * @param leaks the control-group violations
   * @param duplicates ignored duplicate rows
   * @param minSample the smallest group size that gets a verdict
   */
  public OutcomeAnalysis {
    rows = List.copyOf(rows);
    leaks = List.copyOf(leaks);
  }

  /**
   * Analyses outcomes.
   *
   * @param outcomes the outcome rows, in file order
   * @param control the control group the results were written with
   * @param segments per customer id its segment (for example its value label), or null for the
   *     per-rule rows alone
   * @param minSample the smallest group size that gets a verdict (for example {@link #DEFAULT_MIN_SAMPLE})
   * @return the analysis
   */
  public static OutcomeAnalysis analyse(Iterable<OutcomeRecord> outcomes, ControlGroup control,
      @Nullable Function<String, @Nullable String> segments, int minSample) {
    Objects.requireNonNull(outcomes, "outcomes");
    Objects.requireNonNull(control, "control");
    if (minSample < 2) {
      throw new IllegalArgumentException("minSample must be at least 2");
    }
    Map<String, Acc> byKey = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    List<Leak> leaks = new ArrayList<>();
    long duplicates = 0;
    for (OutcomeRecord o : outcomes) {
      if (!seen.add(o.rule() + '\u0000' + o.customerId())) {
        duplicates++;
        continue;
      }
      boolean held = control.heldOut(o.customerId(), o.rule());
      OutcomeRecord.Group recorded = o.group();
      if (recorded != null && (recorded == OutcomeRecord.Group.HELD_OUT) != held) {
        leaks.add(new Leak(o.customerId(), o.rule(), "the file says " + recorded.code() + ", the control group says "
            + (held ? "held_out" : "treated")));
      } else if (held && o.cost() > 0) {
        leaks.add(new Leak(o.customerId(), o.rule(), "held out, yet the action cost " + Formats.money(o.cost())));
      }
      byKey.computeIfAbsent(o.rule(), k -> new Acc()).add(o, held);
      if (segments != null) {
        String s = segments.apply(o.customerId());
        byKey.computeIfAbsent(o.rule() + " | " + (s == null ? "(not in the results)" : s), k -> new Acc()).add(o, held);
      }
    }
    List<Lift> rows = new ArrayList<>();
    byKey.forEach((k, a) -> rows.add(a.lift(k, minSample)));
    return new OutcomeAnalysis(rows, leaks, duplicates, minSample);
  }

  /**
   * Returns the row of a rule, or of a rule and segment ({@code "rule | SEGMENT"}).
   *
   * @param key the key
   * @return the row, or null
   */
  public @Nullable Lift row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
  }

  /** Accumulates one key's two groups. */
  private static final class Acc {
    final Group treated = new Group();
    final Group held = new Group();

    void add(OutcomeRecord o, boolean isHeld) {
      (isHeld ? held : treated).add(o);
    }

    Lift lift(String key, int minSample) {
      Stats t = treated.stats();
      Stats h = held.stats();
      boolean small = t.customers() < minSample || h.customers() < minSample;
      double dp = t.responseRate() - h.responseRate();
      double sep = Math.sqrt(variance(t.responseRate(), t.customers()) + variance(h.responseRate(), h.customers()));
      double dr = t.revenuePerCustomer() - h.revenuePerCustomer();
      double ser = Math.sqrt(treated.meanVariance() + held.meanVariance());
      Interval response = new Interval(dp, dp - Z95 * sep, dp + Z95 * sep, small);
      Interval revenue = new Interval(dr, dr - Z95 * ser, dr + Z95 * ser, small);
      return new Lift(key, t, h, response, revenue);
    }

    private static double variance(double p, long n) {
      return n == 0 ? Double.NaN : p * (1 - p) / n;
    }
  }

  /** One group's running sums (Welford for the revenue variance). */
  private static final class Group {
    long n;
    long accepted;
    double mean;
    double m2;
    double revenue;
    double cost;

    void add(OutcomeRecord o) {
      n++;
      if (o.response() == OutcomeRecord.Response.ACCEPTED) {
        accepted++;
      }
      double x = o.revenueAfter();
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      revenue += x;
      cost += o.cost();
    }

    double meanVariance() {
      return n < 2 ? Double.NaN : m2 / (n - 1) / n;
    }

    Stats stats() {
      return new Stats(n, accepted, revenue, cost);
    }
  }

  /**
   * One group's totals.
   *
   * @param customers customers in the group
   * @param accepted customers who accepted
   * @param revenue their revenue after, summed
   * @param cost the cost spent on them
   * @since 0.1.0
   */
  public record Stats(long customers, long accepted, double revenue, double cost) {
    /**
     * Returns the share who accepted.
     *
     * @return accepted / customers, NaN for an empty group
     */
    public double responseRate() {
      return customers == 0 ? Double.NaN : (double) accepted / customers;
    }

    /**
     * Returns the mean revenue after.
     *
     * @return revenue / customers, NaN for an empty group
     */
    public double revenuePerCustomer() {
      return customers == 0 ? Double.NaN : revenue / customers;
    }
  }

  /**
   * A difference (treated minus held out) with its 95% confidence interval.
   *
   * @param difference the point estimate
   * @param low the interval's lower end
   * @param high the interval's upper end
   * @param tooSmall whether a group is below the minimum sample
   * @since 0.1.0
   */
  public record Interval(double difference, double low, double high, boolean tooSmall) {
    /**
     * Returns what the interval says.
     *
     * @return too small, positive, negative or not distinguishable from 0
     */
    public Verdict verdict() {
      if (tooSmall || Double.isNaN(low) || Double.isNaN(high)) {
        return Verdict.TOO_SMALL;
      }
      return low > 0 ? Verdict.POSITIVE : high < 0 ? Verdict.NEGATIVE : Verdict.NOT_DISTINGUISHABLE;
    }
  }

  /**
   * What a lift interval says.
   *
   * @since 0.1.0
   */
  public enum Verdict {
    /** The interval lies above 0: the rule works. */
    POSITIVE,
    /** The interval lies below 0: the rule does harm. */
    NEGATIVE,
    /** The interval contains 0: no effect can be told from none. */
    NOT_DISTINGUISHABLE,
    /** A group has fewer customers than the minimum sample: too small to tell. */
    TOO_SMALL
  }

  /**
   * One rule's (or rule and segment's) treated against held out.
   *
   * @param key the rule id, or {@code "rule | SEGMENT"}
   * @param treated the customers who got the action
   * @param heldOut the customers held out
   * @param response the lift in response rate
   * @param revenue the lift in revenue per customer
   * @since 0.1.0
   */
  public record Lift(String key, Stats treated, Stats heldOut, Interval response, Interval revenue) {
    /**
     * Checks the parts.
     *
     * @param key the key
     * @param treated the treated group
     * @param heldOut the held-out group
     * @param response the response lift
     * @param revenue the revenue lift
     */
    public Lift {
      Objects.requireNonNull(key, "key");
    }

    /**
     * Returns the incremental revenue per unit of cost: the revenue lift times the treated
     * customers, over their cost.
     *
     * @return the return per unit spent, NaN when nothing was spent or the lift is unknown
     */
    public double returnPerUnit() {
      return treated.cost() > 0 ? revenue.difference() * treated.customers() / treated.cost() : Double.NaN;
    }

    /**
     * Tells whether this row measures a return a budget can use: both groups reach the minimum
     * sample, and the treated customers' cost is known.
     *
     * @return true if {@link #returnPerUnit()} is measured
     */
    public boolean hasMeasuredReturn() {
      return revenue.verdict() != Verdict.TOO_SMALL && treated.cost() > 0 && !Double.isNaN(returnPerUnit());
    }
  }

  /**
   * A control-group violation: a held-out customer who was treated, or the reverse.
   *
   * @param customerId the customer
   * @param rule the rule
   * @param problem what is wrong
   * @since 0.1.0
   */
  public record Leak(String customerId, String rule, String problem) {
    /**
     * Checks the parts.
     *
     * @param customerId the customer
     * @param rule the rule
     * @param problem what is wrong
     */
    public Leak {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /**
   * Describes the analysis for people: one line per row, then the leaks.
   *
   * @return lines of text ending in a newline
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-44s %9s %9s %8s %8s  %-34s %-22s %s%n", "rule | segment", "treated", "held out",
        "resp T", "resp H", "response lift [95% CI]", "revenue lift / cust.", "verdict"));
    for (Lift l : rows) {
      out.append(String.format(Locale.ROOT, "%-44s %9s %9s %8s %8s  %-34s %-22s %s%n", l.key(),
          Formats.count(l.treated().customers()), Formats.count(l.heldOut().customers()),
          pct(l.treated().responseRate()), pct(l.heldOut().responseRate()),
          interval(l.response(), true), money(l.revenue()), words(l)));
    }
    if (duplicates > 0) {
      out.append(Formats.count(duplicates)).append(" duplicate rows (same customer and rule) ignored\n");
    }
    if (!leaks.isEmpty()) {
      out.append("CONTROL GROUP LEAK: ").append(Formats.count(leaks.size()))
          .append(" rows disagree with the control group; the lifts of their rules are not trustworthy:\n");
      for (int i = 0; i < Math.min(5, leaks.size()); i++) {
        Leak k = leaks.get(i);
        out.append("  ").append(k.customerId()).append(", rule ").append(k.rule()).append(": ").append(k.problem()).append('\n');
      }
    }
    return out.toString();
  }

  private String words(Lift l) {
    return switch (l.response().verdict()) {
      case POSITIVE -> "works (interval above 0)";
      case NEGATIVE -> "does harm (interval below 0)";
      case NOT_DISTINGUISHABLE -> "not distinguishable from 0";
      case TOO_SMALL -> "too small to tell (fewer than " + minSample + " in a group)";
    };
  }

  private static String pct(double p) {
    return Double.isNaN(p) ? "-" : Formats.percent(p);
  }

  private static String interval(Interval i, boolean percent) {
    if (Double.isNaN(i.difference())) {
      return "-";
    }
    return percent
        ? String.format(Locale.ROOT, "%+.1f pts [%+.1f, %+.1f]", i.difference() * 100, i.low() * 100, i.high() * 100)
        : String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", i.difference(), i.low(), i.high());
  }

  private static String money(Interval i) {
    return Double.isNaN(i.difference()) ? "-" : String.format(Locale.ROOT, "%+,.2f", i.difference());
  }
}
