package org.clientele.core.io;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a transaction log: a purchase (amount zero or more) or a refund (amount below zero).
 *
 * @param customerId the customer's identifier; not blank
 * @param date the day of the transaction
 * @param amount the money value; negative for a refund
 * @param quantity the number of items, or null if the log has none
 * @param orderId the order the line belongs to, or null: lines with the same order id that follow
 *     each other for a customer count as one order
 * @param channel the sales channel (for example {@code online}), or null
 * @since 0.1.0
 */
public record Transaction(
    String customerId,
    LocalDate date,
    double amount,
    @Nullable Double quantity,
    @Nullable String orderId,
    @Nullable String channel) {

  /**
   * Validates the values.
   *
   * @param customerId the customer's identifier; not blank
   * @param date the day of the transaction
   * @param amount the money value; negative for a refund
   * @param quantity the number of items, or null if the log has none
   * @param orderId the order the line belongs to, or null: lines with the same order id that follow
   *     each other for a customer count as one order
   * @param channel the sales channel (for example {@code online}), or null
   */
  public Transaction {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    if (customerId.isBlank()) {
      throw new IllegalArgumentException("Transaction customerId must not be blank");
    }
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("Transaction amount must be finite, was " + amount);
    }
    if (quantity != null && !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("Transaction quantity must be finite, was " + quantity);
    }
    if (orderId != null && orderId.isBlank()) {
      orderId = null;
    }
    if (channel != null && channel.isBlank()) {
      channel = null;
    }
  }

  /**
   * Creates a transaction with only the required values.
   *
   * @param customerId the customer's identifier
   * @param date the day
   * @param amount the money value; negative for a refund
   * @return the transaction
   */
  public static Transaction of(String customerId, LocalDate date, double amount) {
    return new Transaction(customerId, date, amount, null, null, null);
  }

  /**
   * Tells whether this is a refund.
   *
   * @return true if the amount is below zero
   */
  public boolean isRefund() {
    return amount < 0;
  }
}
