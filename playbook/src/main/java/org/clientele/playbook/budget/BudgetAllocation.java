package org.clientele.playbook.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link BudgetAllocator#allocate}: amounts per segment and per customer that add up
 * exactly to {@code allocated}, and {@code allocated + unallocated == total}.
 *
 * @param total the requested budget
 * @param allocated what was given to customers
 * @param unallocated what could not be given because every funded customer reached its cap (or no
 *     customer has weight); zero otherwise
 * @param segments one per requested segment, in request order
 * @param customers one per requested customer (unfunded ones with zero), in request order, then
 *     by id within a segment
 * @since 0.1.0
 */
public record BudgetAllocation(
    BigDecimal total,
    BigDecimal allocated,
    BigDecimal unallocated,
    List<SegmentAllocation> segments,
    List<CustomerAllocation> customers) {

  /**
   * Copies the lists.
   *
   * @param total the requested budget
   * @param allocated what was given to customers
   * @param unallocated what could not be given because every funded customer reached its cap (or no
   *     customer has weight); zero otherwise
   * @param segments one per requested segment, in request order
   * @param customers one per requested customer (unfunded ones with zero), in request order, then
   *     by id within a segment
   */
  public BudgetAllocation {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(allocated, "allocated");
    Objects.requireNonNull(unallocated, "unallocated");
    segments = List.copyOf(segments);
    customers = List.copyOf(customers);
  }

  /**
   * Finds one customer's amount.
   *
   * @param customerId the customer's id
   * @return the amount, or empty if the customer was not in the request
   */
  public Optional<BigDecimal> amountFor(String customerId) {
    return customers.stream().filter(c -> c.customerId().equals(customerId)).map(CustomerAllocation::amount).findFirst();
  }

  /**
   * Finds one segment's allocation.
   *
   * @param segment the segment's name
   * @return the allocation, or empty if the segment was not in the request
   */
  public Optional<SegmentAllocation> segment(String segment) {
    return segments.stream().filter(s -> s.segment().equals(segment)).findFirst();
  }

  /**
   * One segment's part.
   *
   * @param segment the segment's name
   * @param customers how many customers it has
   * @param funded how many of them got an amount above zero
   * @param amount the sum of its customers' amounts
   * @param share the amount as a fraction of the total budget (0 if the total is 0)
   */
  public record SegmentAllocation(String segment, int customers, int funded, BigDecimal amount, double share) {

    /**
     * Checks the parts.
     *
     * @param segment the segment's name
     * @param customers how many customers it has
     * @param funded how many of them got an amount above zero
     * @param amount the sum of its customers' amounts
     * @param share the amount as a fraction of the total budget (0 if the total is 0)
     */
    public SegmentAllocation {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * One customer's part.
   *
   * @param customerId the customer's id
   * @param segment the segment it was funded through
   * @param amount its amount, zero if unfunded
   */
  public record CustomerAllocation(String customerId, String segment, BigDecimal amount) {

    /**
     * Checks the parts.
     *
     * @param customerId the customer's id
     * @param segment the segment it was funded through
     * @param amount its amount, zero if unfunded
     */
    public CustomerAllocation {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
