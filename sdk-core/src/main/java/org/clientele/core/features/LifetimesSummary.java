package org.clientele.core.features;

import java.util.Objects;
import org.clientele.api.Customer;
import org.clientele.api.Feature;

/**
 * One customer's summary in the conventions of the Python {@code lifetimes} library ({@code
 * summary_data_from_transaction_data}), the input of BG/NBD, Pareto/NBD and Gamma-Gamma models.
 * Transactions up to and including the observation end count; all transactions of one day are
 * merged into one.
 *
 * @param customerId the customer's id
 * @param frequency repeat purchase periods: distinct purchase days minus one
 * @param recency the last purchase day minus the first, in {@code unit}s (0 without repeats)
 * @param t the observation end minus the first purchase day, in {@code unit}s ("T")
 * @param monetaryValue the mean amount of the repeat purchase days (each day's amounts summed,
 *     the first day left out); 0 without repeats, as in {@code lifetimes}
 * @param unit days or weeks
 * @since 0.1.0
 */
public record LifetimesSummary(
    String customerId, double frequency, double recency, double t, double monetaryValue, PeriodUnit unit) {

  /** Repeat purchase periods (lifetimes {@code frequency}). */
  public static final Feature<Double> FREQUENCY =
      Feature.number("lifetimes_frequency", "Repeat purchase periods (lifetimes frequency)");

  /** Last minus first purchase (lifetimes {@code recency}). */
  public static final Feature<Double> RECENCY =
      Feature.number("lifetimes_recency", "Last minus first purchase, in periods (lifetimes recency)");

  /** Observation end minus first purchase (lifetimes {@code T}). */
  public static final Feature<Double> T =
      Feature.number("lifetimes_t", "Observation end minus first purchase, in periods (lifetimes T)");

  /** Mean value of the repeat purchase days (lifetimes {@code monetary_value}). */
  public static final Feature<Double> MONETARY_VALUE =
      Feature.number("lifetimes_monetary_value", "Mean value of repeat purchase days (lifetimes monetary_value)");

  /**
   * Validates the values.
   *
   * @param customerId the customer's id
   * @param frequency repeat purchase periods: distinct purchase days minus one
   * @param recency the last purchase day minus the first, in {@code unit}s (0 without repeats)
   * @param t the observation end minus the first purchase day, in {@code unit}s ("T")
   * @param monetaryValue the mean amount of the repeat purchase days (each day's amounts summed,
   *     the first day left out); 0 without repeats, as in {@code lifetimes}
   * @param unit days or weeks
   */
  public LifetimesSummary {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(unit, "unit");
    if (frequency < 0 || recency < 0 || t < recency || !Double.isFinite(monetaryValue)) {
      throw new IllegalArgumentException(
          "inconsistent lifetimes summary for " + customerId + ": frequency " + frequency
              + ", recency " + recency + ", T " + t + ", monetary value " + monetaryValue);
    }
  }

  /**
   * Returns the summary as a customer with the four {@code lifetimes_*} features.
   *
   * @return the customer
   */
  public Customer toCustomer() {
    return Customer.builder(customerId)
        .set(FREQUENCY, frequency)
        .set(RECENCY, recency)
        .set(T, t)
        .set(MONETARY_VALUE, monetaryValue)
        .build();
  }
}
