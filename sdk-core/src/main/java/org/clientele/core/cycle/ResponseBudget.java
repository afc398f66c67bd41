package org.clientele.core.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits an amount across lines (playbook rules, or rules within a segment) by their measured
 * response, with diminishing returns, minimums and caps, exact to the cent: the library call under
 * {@code clientele budget}.
 *
 * <p>Model: spending {@code x} on a line returns {@code r * s * ln(1 + x / s)}, where {@code r} is
 * the line's incremental return per unit measured at spend {@code s} (from {@link
 * OutcomeAnalysis.Lift#returnPerUnit()} and the treated customers' cost). The marginal return
 * {@code r / (1 + x / s)} falls as spend grows: at {@code x = s} it is half of {@code r}. The split
 * maximises the total return: every line not held at its minimum or cap gets the same marginal
 * return (water-filling, found by bisection). A line with no positive measured return gets its
 * minimum only. Amounts are then rounded down to the cent and the remaining cents go one each to
 * the largest remainders (ties by line name), so the shares add up to the total exactly and the
 * same inputs give the same split.
 *
 * <p>Warnings: when the minimums add up to more than half of the amount (that money is placed
 * whatever the response), or the lines held at their caps take more than half, the split is
 * decided by the constraints, not by the measured response.
 *
 * <p>This is the one budget engine: {@link CustomerBudget} funds each customer a rule selects by
 * giving it one line per (customer, rule).
 *
 * @since 0.1.0
 */
public final class ResponseBudget {

  private ResponseBudget() {}

  /**
   * One line to fund.
   *
   * @param name the rule (or rule and segment)
   * @param returnPerUnit the incremental revenue per unit spent, measured at {@code scale}; NaN or
   *     {@code <= 0} when there is no measured positive return
   * @param scale the spend at which the return was measured ({@code > 0}; the treated cost)
   * @param minimum the least this line gets, {@code >= 0}
   * @param cap the most this line gets, or null for no cap
   * @since 0.1.0
   */
  public record Line(String name, double returnPerUnit, double scale, BigDecimal minimum, @Nullable BigDecimal cap) {
    /**
     * Checks the parts.
     *
     * @param name the name
     * @param returnPerUnit the return per unit
     * @param scale the measured spend, {@code > 0}
     * @param minimum the minimum, {@code >= 0}
     * @param cap the cap, or null
     */
    public Line {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(minimum, "minimum");
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("line '" + name + "': the measured spend must be > 0, not " + scale);
      }
      if (minimum.signum() < 0 || (cap != null && cap.compareTo(minimum) < 0)) {
        throw new IllegalArgumentException("line '" + name + "': need 0 <= minimum <= cap");
      }
    }

    /**
     * Returns the line of a measured rule (or rule and segment): its return per unit when {@link
     * OutcomeAnalysis.Lift#hasMeasuredReturn()}, else none (the line gets its minimum only).
     *
     * @param lift the measured row
     * @param minimum the least the line gets
     * @param cap the most it gets, or null for no cap
     * @return the line, named by the row's key
     */
    public static Line of(OutcomeAnalysis.Lift lift, BigDecimal minimum, @Nullable BigDecimal cap) {
      double cost = lift.treated().cost();
      return new Line(lift.key(), lift.hasMeasuredReturn() ? lift.returnPerUnit() : Double.NaN, cost > 0 ? cost : 1,
          minimum, cap);
    }

    double gain() {
      return Double.isNaN(returnPerUnit) || returnPerUnit <= 0 ? 0 : returnPerUnit;
    }
  }

  /**
   * One line's share.
   *
   * @param name the line
   * @param amount what it gets, to the cent
   * @param atMinimum whether the minimum decided the amount
   * @param atCap whether the cap decided the amount
   * @param expectedReturn the expected incremental revenue of the amount, by the model
   * @since 0.1.0
   */
  public record Share(String name, BigDecimal amount, boolean atMinimum, boolean atCap, double expectedReturn) {
    /**
     * Checks the parts.
     *
     * @param name the line
     * @param amount the amount
     * @param atMinimum whether held at the minimum
     * @param atCap whether held at the cap
     * @param expectedReturn the expected return
     */
    public Share {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * The split.
   *
   * @param total the amount split
   * @param shares one per line, in the lines' order
   * @param unallocated what no line could take (every line at its cap)
   * @param warnings sentences, empty when the measured response decided the split
   * @since 0.1.0
   */
  public record Allocation(BigDecimal total, List<Share> shares, BigDecimal unallocated, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param total the amount split
     * @param shares the shares
     * @param unallocated what was left
     * @param warnings the warnings
     */
    public Allocation {
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(unallocated, "unallocated");
      shares = List.copyOf(shares);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Splits an amount.
   *
   * @param total the amount, {@code >= 0}, at most 2 decimals
   * @param lines the lines, at least one
   * @return the split
   * @throws IllegalArgumentException if the minimums add up to more than the amount
   */
  public static Allocation allocate(BigDecimal total, List<Line> lines) {
    Objects.requireNonNull(total, "total");
    if (total.signum() < 0 || total.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("the amount must be >= 0 with at most 2 decimals, not " + total);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("nothing to fund: no lines");
    }
    BigDecimal minimums = lines.stream().map(Line::minimum).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (minimums.compareTo(total) > 0) {
      throw new IllegalArgumentException("the minimums add up to " + minimums + ", more than the amount " + total);
    }
    int n = lines.size();
    double t = total.doubleValue();
    double[] x = new double[n];
    // Bisection on the marginal return lambda: spend(lambda) falls as lambda rises.
    double hi = lines.stream().mapToDouble(Line::gain).max().orElse(0);
    double lo = 0;
    Curves curves = Curves.of(lines);
    if (hi > 0 && spend(curves, 0, x) > t) {
      for (int k = 0; k < 200; k++) {
        double mid = (lo + hi) / 2;
        if (spend(curves, mid, x) > t) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      spend(curves, hi, x);
    } else {
      spend(curves, 0, x); // everyone at the cap (or minimum): the rest stays unallocated
    }
    // Exact to the cent: floor, then the remaining cents to the largest remainders.
    BigDecimal[] cents = new BigDecimal[n];
    long given = 0;
    long totalCents = total.movePointRight(2).longValueExact();
    double[] remainder = new double[n];
    for (int i = 0; i < n; i++) {
      long c = (long) Math.floor(x[i] * 100 + 1e-6);
      long min = lines.get(i).minimum().movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
      c = Math.max(c, min);
      BigDecimal cap = lines.get(i).cap();
      if (cap != null) {
        c = Math.min(c, cap.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact());
      }
      cents[i] = BigDecimal.valueOf(c);
      remainder[i] = x[i] * 100 - c;
      given += c;
    }
    long left = totalCents - given;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -remainder[i]).thenComparing(i -> lines.get(i).name()));
    boolean progress = true;
    while (left > 0 && progress) {
      progress = false;
      for (int i : order) {
        if (left == 0) {
          break;
        }
        BigDecimal cap = lines.get(i).cap();
        if ((cap == null || cents[i].compareTo(cap.movePointRight(2)) < 0) && lines.get(i).gain() > 0) {
          cents[i] = cents[i].add(BigDecimal.ONE);
          left--;
          progress = true;
        }
      }
    }
    List<Share> shares = new ArrayList<>();
    BigDecimal atCap = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      Line l = lines.get(i);
      BigDecimal amount = cents[i].movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
      boolean min = amount.compareTo(l.minimum()) == 0 && l.minimum().signum() > 0;
      boolean cap = l.cap() != null && amount.compareTo(l.cap()) == 0;
      if (cap) {
        atCap = atCap.add(amount);
      }
      double a = amount.doubleValue();
      shares.add(new Share(l.name(), amount, min, cap, l.gain() * l.scale() * Math.log1p(a / l.scale())));
    }
    BigDecimal unallocated = BigDecimal.valueOf(left).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    List<String> warnings = new ArrayList<>();
    BigDecimal half = total.divide(BigDecimal.valueOf(2));
    // The minimums take their money whatever the response: more than half, and the response splits less than half.
    if (total.signum() > 0 && minimums.compareTo(half) > 0) {
      warnings.add("the minimums take " + percent(minimums, total) + " of the budget ("
          + minimums.setScale(2, RoundingMode.UNNECESSARY) + " of " + total.setScale(2, RoundingMode.UNNECESSARY)
          + "): the split follows the constraints more than the measured response");
    }
    if (total.signum() > 0 && atCap.compareTo(half) > 0) {
      warnings.add("the caps decide " + percent(atCap, total) + " of the budget (" + atCap + " of "
          + total.setScale(2, RoundingMode.UNNECESSARY) + "): the split follows the constraints more than the measured response");
    }
    if (unallocated.signum() > 0) {
      warnings.add(unallocated + " could not be placed: no line with a measured positive return can take more (each is at its cap, or none has a positive return)");
    }
    return new Allocation(total.setScale(2, RoundingMode.UNNECESSARY), shares, unallocated, warnings);
  }

  /** The lines as numbers, read once: the bisection evaluates them 200 times. */
  private record Curves(double[] gain, double[] scale, double[] minimum, double[] cap) {
    static Curves of(List<Line> lines) {
      int n = lines.size();
      double[] gain = new double[n];
      double[] scale = new double[n];
      double[] minimum = new double[n];
      double[] cap = new double[n];
      for (int i = 0; i < n; i++) {
        Line l = lines.get(i);
        gain[i] = l.gain();
        scale[i] = l.scale();
        minimum[i] = l.minimum().doubleValue();
        BigDecimal c = l.cap();
        cap[i] = c == null ? Double.POSITIVE_INFINITY : c.doubleValue();
      }
      return new Curves(gain, scale, minimum, cap);
    }
  }

  /** Each line's spend at marginal return lambda, clipped to its minimum and cap; returns the sum. */
  private static double spend(Curves c, double lambda, double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double g = c.gain()[i];
      double v = g <= 0 ? 0 : lambda <= 0 ? Double.MAX_VALUE : c.scale()[i] * (g / lambda - 1);
      v = Math.min(Math.max(v, c.minimum()[i]), c.cap()[i]);
      x[i] = v;
      sum += v;
    }
    return sum;
  }


  private static String percent(BigDecimal part, BigDecimal total) {
    return part.movePointRight(2).divide(total, 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
