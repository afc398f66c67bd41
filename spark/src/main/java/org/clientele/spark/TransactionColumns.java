package org.clientele.spark;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a transactions {@code Dataset<Row>} keeps each value. The defaults are the columns of the
 * demo log and of {@code clientele generate}: {@code customer_id}, {@code date}, {@code amount},
 * {@code order_id}, {@code channel}.
 *
 * <p>Types: the customer id is a string; the date a Spark {@code date} or an ISO text
 * ({@code 2024-03-31}); the amount any numeric type or a text holding a number. The order id and
 * the channel are optional (null here, or a column the Dataset does not have, means none).
 *
 * @param customerId the customer id column
 * @param date the transaction date column
 * @param amount the money amount column (negative for a refund)
 * @param orderId the order id column, or null: rows with the same order id that follow each other
 *     for a customer are one order
 * @param channel the sales channel column, or null
 * @since 0.1.0
 */
public record TransactionColumns(
    String customerId, String date, String amount, @Nullable String orderId, @Nullable String channel) {

  /**
   * Checks the names.
   *
   * @param customerId the customer id column
   * @param date the transaction date column
   * @param amount the money amount column (negative for a refund)
   * @param orderId the order id column, or null
   * @param channel the sales channel column, or null
   */
  public TransactionColumns {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * Returns the columns of the demo log.
   *
   * @return {@code customer_id, date, amount, order_id, channel}
   */
  public static TransactionColumns defaults() {
    return new TransactionColumns("customer_id", "date", "amount", "order_id", "channel");
  }
}
