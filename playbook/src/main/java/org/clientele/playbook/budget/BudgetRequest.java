package org.clientele.playbook.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to allocate: a total budget over segments of customers, with per-customer limits.
 *
 * @param total the budget, {@code >= 0}, with at most {@code scale} decimals
 * @param scale the decimals of the currency's smallest unit (2 for cents); every amount is a whole
 *     number of such units, so the allocations add up exactly
 * @param basis what a segment's weight means
 * @param segments the segments, in order of precedence for ties
 * @param minimumPerCustomer a funded customer gets at least this; {@code 0} for none
 * @param capPerCustomer no customer gets more than this; null for no cap
 * @since 0.1.0
 */
public record BudgetRequest(
    BigDecimal total,
    int scale,
    BudgetRequest.Basis basis,
    List<SegmentInput> segments,
    BigDecimal minimumPerCustomer,
    @Nullable BigDecimal capPerCustomer) {

  /** What a segment's weight means. */
  public enum Basis {
    /** The segment's relative share of the budget; its customers split it by their weights. */
    WEIGHT,
    /**
     * The expected value of one customer of the segment; each customer's share is proportional
     * to it (times the customer's weight), so bigger segments of equal value get more.
     */
    EXPECTED_VALUE
  }

  /**
   * Checks the parts and copies the segments.
   *
   * @param total the budget, {@code >= 0}, with at most {@code scale} decimals
   * @param scale the decimals of the currency's smallest unit (2 for cents); every amount is a whole
   *     number of such units, so the allocations add up exactly
   * @param basis what a segment's weight means
   * @param segments the segments, in order of precedence for ties
   * @param minimumPerCustomer a funded customer gets at least this; {@code 0} for none
   * @param capPerCustomer no customer gets more than this; null for no cap
   */
  public BudgetRequest {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(minimumPerCustomer, "minimumPerCustomer");
    if (scale < 0 || scale > 6) {
      throw new IllegalArgumentException("BudgetRequest scale must be 0 to 6 decimals, not " + scale);
    }
    if (total.signum() < 0) {
      throw new IllegalArgumentException("BudgetRequest total must be >= 0, not " + total);
    }
    if (total.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          "BudgetRequest total " + total + " has more than " + scale + " decimals; round it or raise the scale");
    }
    if (minimumPerCustomer.signum() < 0) {
      throw new IllegalArgumentException("BudgetRequest minimumPerCustomer must be >= 0, not " + minimumPerCustomer);
    }
    if (capPerCustomer != null && capPerCustomer.compareTo(minimumPerCustomer) < 0) {
      throw new IllegalArgumentException(
          "BudgetRequest capPerCustomer " + capPerCustomer + " is below minimumPerCustomer " + minimumPerCustomer);
    }
    segments = List.copyOf(segments);
  }

  /**
   * Starts a request for a total budget, in units of 2 decimals, by segment weight, with no
   * limits.
   *
   * @param total the budget
   * @return a builder
   */
  public static Builder builder(BigDecimal total) {
    return new Builder(total);
  }

  /** Collects a request; {@link #build()} checks it. */
  public static final class Builder {
    private final BigDecimal total;
    private int scale = 2;
    private Basis basis = Basis.WEIGHT;
    private final List<SegmentInput> segments = new ArrayList<>();
    private BigDecimal minimum = BigDecimal.ZERO;
    private @Nullable BigDecimal cap;

    private Builder(BigDecimal total) {
      this.total = Objects.requireNonNull(total, "total");
    }

    /**
     * Sets the decimals of the smallest unit.
     *
     * @param scale 0 to 6; default 2
     * @return this builder
     */
    public Builder scale(int scale) {
      this.scale = scale;
      return this;
    }

    /**
     * Sets what segment weights mean.
     *
     * @param basis default {@link Basis#WEIGHT}
     * @return this builder
     */
    public Builder basis(Basis basis) {
      this.basis = Objects.requireNonNull(basis, "basis");
      return this;
    }

    /**
     * Adds a segment.
     *
     * @param segment the segment
     * @return this builder
     */
    public Builder segment(SegmentInput segment) {
      segments.add(Objects.requireNonNull(segment, "segment"));
      return this;
    }

    /**
     * Adds a segment of customers of weight 1.
     *
     * @param name the segment's name
     * @param weight its weight
     * @param customerIds its customers
     * @return this builder
     */
    public Builder segment(String name, double weight, List<String> customerIds) {
      return segment(SegmentInput.of(name, weight, customerIds));
    }

    /**
     * Sets the per-customer minimum.
     *
     * @param minimum {@code >= 0}; default 0
     * @return this builder
     */
    public Builder minimumPerCustomer(BigDecimal minimum) {
      this.minimum = Objects.requireNonNull(minimum, "minimum");
      return this;
    }

    /**
     * Sets the per-customer cap.
     *
     * @param cap at least the minimum, or null for none (the default)
     * @return this builder
     */
    public Builder capPerCustomer(@Nullable BigDecimal cap) {
      this.cap = cap;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public BudgetRequest build() {
      return new BudgetRequest(total, scale, basis, segments, minimum, cap);
    }
  }
}
