package org.clientele.playbook.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Splits a marketing budget over segments and customers (营销资源优化: limited resources go first
 * to the most valuable segments).
 *
 * <p>The method, in whole units of the currency's smallest unit so that totals add up exactly:
 *
 * <ol>
 *   <li>Each customer gets an <em>effective weight</em>: under {@link BudgetRequest.Basis#WEIGHT},
 *       its segment's weight times its own weight divided by the sum of its segment's customer
 *       weights; under {@link BudgetRequest.Basis#EXPECTED_VALUE}, its segment's expected value
 *       per customer times its own weight. Customers of weight 0 get nothing.
 *   <li>If the budget cannot give every customer its minimum, customers are funded in
 *       descending effective weight (ties: segment order, then customer id), each one whose
 *       minimum still fits; the others get nothing. A minimum is a floor for a funded customer,
 *       not a promise to everyone.
 *   <li>Funded customers get {@code clamp(lambda * weight, minimum, cap)}, with {@code lambda}
 *       chosen so that the amounts sum to the budget: money a capped customer cannot take flows to
 *       the others in proportion to their weights. If every funded customer is capped, the rest
 *       is reported as {@code unallocated}.
 *   <li>Amounts are rounded down to whole units and the remaining units go one each to the
 *       customers with the largest rounding remainders (ties: segment order, then customer id).
 * </ol>
 *
 * <p>The result depends only on the request's values: the same request gives the same allocation,
 * and the order of customers inside a segment does not matter.
 *
 * @since 0.1.0
 */
public final class BudgetAllocator {

  private BudgetAllocator() {}

  /**
   * Allocates the budget.
   *
   * @param request what to allocate
   * @return the allocation
   * @throws IllegalArgumentException naming the segment and customer if a customer appears twice,
   *     a segment name twice, or an amount has more decimals than the request's scale
   */
  public static BudgetAllocation allocate(BudgetRequest request) {
    int scale = request.scale();
    long total = units(request.total(), scale, "total");

    List<String> ids = new ArrayList<>();
    List<Integer> segmentOf = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<Long> lows = new ArrayList<>();
    List<Long> highs = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, Integer> segmentNames = new HashMap<>();
    List<SegmentInput> segments = request.segments();
    for (int s = 0; s < segments.size(); s++) {
      SegmentInput segment = segments.get(s);
      if (segmentNames.putIfAbsent(segment.segment(), s) != null) {
        throw new IllegalArgumentException("Segment '" + segment.segment() + "' appears twice in the BudgetRequest");
      }
      BigDecimal min = segment.minimum() != null ? segment.minimum() : request.minimumPerCustomer();
      BigDecimal cap = segment.cap() != null ? segment.cap() : request.capPerCustomer();
      long lo = units(min, scale, "minimum of segment '" + segment.segment() + "'");
      long hi = cap == null ? Long.MAX_VALUE : units(cap, scale, "cap of segment '" + segment.segment() + "'");
      if (hi < lo) {
        throw new IllegalArgumentException(
            "Segment '" + segment.segment() + "': cap " + cap + " is below minimum " + min);
      }
      List<CustomerInput> customers = new ArrayList<>(segment.customers());
      customers.sort(Comparator.comparing(CustomerInput::id));
      double sum = customers.stream().mapToDouble(CustomerInput::weight).sum();
      for (CustomerInput c : customers) {
        String before = seen.putIfAbsent(c.id(), segment.segment());
        if (before != null) {
          throw new IllegalArgumentException(
              "Customer '" + c.id() + "' appears in segment '" + before + "' and in segment '"
                  + segment.segment() + "'; fund each customer through one segment");
        }
        double w =
            request.basis() == BudgetRequest.Basis.WEIGHT
                ? (sum == 0 ? 0 : segment.weight() * c.weight() / sum)
                : segment.weight() * c.weight();
        ids.add(c.id());
        segmentOf.add(s);
        weights.add(w);
        lows.add(lo);
        highs.add(hi);
      }
    }

    int n = ids.size();
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    long[] lo = lows.stream().mapToLong(Long::longValue).toArray();
    long[] hi = highs.stream().mapToLong(Long::longValue).toArray();
    boolean[] funded = fund(w, lo, total);

    long[] amount = new long[n];
    long sumHigh = 0;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (funded[i]) {
        any = true;
        sumHigh = hi[i] == Long.MAX_VALUE || sumHigh > Long.MAX_VALUE - hi[i] ? Long.MAX_VALUE : sumHigh + hi[i];
      }
    }
    if (any && sumHigh <= total) {
      for (int i = 0; i < n; i++) {
        amount[i] = funded[i] ? hi[i] : 0;
      }
    } else if (any) {
      fill(w, lo, hi, funded, total, amount);
    }

    long allocated = 0;
    long[] perSegment = new long[segments.size()];
    int[] fundedPerSegment = new int[segments.size()];
    int[] sizePerSegment = new int[segments.size()];
    List<BudgetAllocation.CustomerAllocation> customerRows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      allocated += amount[i];
      int s = segmentOf.get(i);
      perSegment[s] += amount[i];
      sizePerSegment[s]++;
      if (amount[i] > 0) {
        fundedPerSegment[s]++;
      }
      customerRows.add(
          new BudgetAllocation.CustomerAllocation(ids.get(i), segments.get(s).segment(), money(amount[i], scale)));
    }
    List<BudgetAllocation.SegmentAllocation> segmentRows = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      double share = total == 0 ? 0 : (double) perSegment[s] / total;
      segmentRows.add(
          new BudgetAllocation.SegmentAllocation(
              segments.get(s).segment(), sizePerSegment[s], fundedPerSegment[s], money(perSegment[s], scale), share));
    }
    return new BudgetAllocation(
        money(total, scale), money(allocated, scale), money(total - allocated, scale), segmentRows, customerRows);
  }

  /** Chooses who is funded: everyone with weight, or by weight while minimums fit. */
  private static boolean[] fund(double[] w, long[] lo, long total) {
    int n = w.length;
    boolean[] funded = new boolean[n];
    long minimums = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        funded[i] = true;
        minimums = Math.addExact(minimums, lo[i]);
      }
    }
    if (minimums <= total) {
      return funded;
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -w[i]).thenComparingInt(i -> i));
    long used = 0;
    for (int i : order) {
      funded[i] = false;
      if (w[i] > 0 && used + lo[i] <= total) {
        funded[i] = true;
        used += lo[i];
      }
    }
    return funded;
  }

  /** Water-filling between minimums and caps, then rounding to whole units that sum to total. */
  private static void fill(double[] w, long[] lo, long[] hi, boolean[] funded, long total, long[] amount) {
    int n = w.length;
    double weightSum = 0;
    for (int i = 0; i < n; i++) {
      if (funded[i]) {
        weightSum += w[i];
      }
    }
    double low = 0;
    double high = total / weightSum;
    while (sum(high, w, lo, hi, funded) < total) {
      high *= 2;
    }
    for (int k = 0; k < 200 && high - low > high * 1e-15; k++) {
      double mid = (low + high) / 2;
      if (sum(mid, w, lo, hi, funded) < total) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double[] ideal = new double[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      if (!funded[i]) {
        continue;
      }
      ideal[i] = clamp(high * w[i], lo[i], hi[i]);
      amount[i] = Math.max(lo[i], Math.min(hi[i], (long) Math.floor(ideal[i])));
      given += amount[i];
    }
    long rest = total - given;
    Integer[] order = IntStream.range(0, n).filter(i -> funded[i]).boxed().toArray(Integer[]::new);
    if (rest > 0) {
      // Largest remainders first; ties by segment order, then id (the index order).
      java.util.Arrays.sort(
          order, Comparator.comparingDouble((Integer i) -> -(ideal[i] - Math.floor(ideal[i]))).thenComparingInt(i -> i));
    } else if (rest < 0) {
      java.util.Arrays.sort(
          order, Comparator.comparingDouble((Integer i) -> ideal[i] - Math.floor(ideal[i])).thenComparingInt(i -> i));
    }
    while (rest != 0) {
      boolean moved = false;
      for (int i : order) {
        if (rest > 0 && amount[i] < hi[i]) {
          amount[i]++;
          rest--;
          moved = true;
        } else if (rest < 0 && amount[i] > lo[i]) {
          amount[i]--;
          rest++;
          moved = true;
        }
        if (rest == 0) {
          break;
        }
      }
      if (!moved) {
        throw new IllegalStateException("budget rounding cannot place " + rest + " units");
      }
    }
  }

  private static double sum(double lambda, double[] w, long[] lo, long[] hi, boolean[] funded) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      if (funded[i]) {
        s += clamp(lambda * w[i], lo[i], hi[i]);
      }
    }
    return s;
  }

  private static double clamp(double x, long lo, long hi) {
    double h = hi == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : hi;
    return Math.max(lo, Math.min(h, x));
  }

  private static long units(BigDecimal amount, int scale, String what) {
    try {
      return amount.movePointRight(scale).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Budget " + what + " " + amount + " has more than " + scale + " decimals or is too large", e);
    }
  }

  private static BigDecimal money(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }
}
