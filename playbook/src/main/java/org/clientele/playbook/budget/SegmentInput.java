package org.clientele.playbook.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One segment to fund: its weight and its customers, optionally with its own per-customer limits.
 *
 * @param segment the segment's name, for example {@code value=CORE} or {@code high-value-loyal};
 *     unique across the request
 * @param weight a finite number {@code >= 0}: under {@link BudgetRequest.Basis#WEIGHT} the
 *     segment's relative share of the budget; under {@link BudgetRequest.Basis#EXPECTED_VALUE} the
 *     expected value of one customer of the segment. A segment of weight 0 gets nothing.
 * @param customers the segment's customers
 * @param minimum per-customer minimum for this segment, or null for the request's
 * @param cap per-customer cap for this segment, or null for the request's
 * @since 0.1.0
 */
public record SegmentInput(
    String segment,
    double weight,
    List<CustomerInput> customers,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal cap) {

  /**
   * Checks the parts and copies the customers.
   *
   * @param segment the segment's name, for example {@code value=CORE} or {@code high-value-loyal};
   *     unique across the request
   * @param weight a finite number {@code >= 0}: under {@link BudgetRequest.Basis#WEIGHT} the
   *     segment's relative share of the budget; under {@link BudgetRequest.Basis#EXPECTED_VALUE} the
   *     expected value of one customer of the segment. A segment of weight 0 gets nothing.
   * @param customers the segment's customers
   * @param minimum per-customer minimum for this segment, or null for the request's
   * @param cap per-customer cap for this segment, or null for the request's
   */
  public SegmentInput {
    Objects.requireNonNull(segment, "segment");
    if (segment.isBlank()) {
      throw new IllegalArgumentException("SegmentInput segment name must not be blank");
    }
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException(
          "SegmentInput '" + segment + "': weight must be a finite number >= 0, not " + weight);
    }
    customers = List.copyOf(customers);
    if (minimum != null && minimum.signum() < 0) {
      throw new IllegalArgumentException("SegmentInput '" + segment + "': minimum must be >= 0, not " + minimum);
    }
    if (cap != null && cap.signum() < 0) {
      throw new IllegalArgumentException("SegmentInput '" + segment + "': cap must be >= 0, not " + cap);
    }
    if (minimum != null && cap != null && cap.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "SegmentInput '" + segment + "': cap " + cap + " is below minimum " + minimum);
    }
  }

  /**
   * A segment of customers of weight 1, with the request's limits.
   *
   * @param segment the segment's name
   * @param weight its weight (share, or expected value per customer)
   * @param customerIds its customers' ids
   * @return the input
   */
  public static SegmentInput of(String segment, double weight, List<String> customerIds) {
    return new SegmentInput(
        segment, weight, customerIds.stream().map(CustomerInput::of).toList(), null, null);
  }

  /**
   * Returns a copy with its own per-customer limits.
   *
   * @param minimum the per-customer minimum, or null for the request's
   * @param cap the per-customer cap, or null for the request's
   * @return the new input
   */
  public SegmentInput withLimits(@Nullable BigDecimal minimum, @Nullable BigDecimal cap) {
    return new SegmentInput(segment, weight, customers, minimum, cap);
  }
}
