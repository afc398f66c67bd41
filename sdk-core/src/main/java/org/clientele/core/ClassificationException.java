package org.clientele.core;

/**
 * A classifier or strategy failed on a customer under {@link ErrorPolicy#FAIL_FAST}. The message
 * names the dimension and the provider; the customer's id is available from {@link #customerId()}
 * but kept out of the message, which hosts tend to log.
 *
 * @since 0.1.0
 */
public final class ClassificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The id of the dimension whose classifier failed. */
  private final String dimension;

  /** The id of the customer being classified. */
  private final String customerId;

  ClassificationException(String dimension, String customerId, String message, Throwable cause) {
    super(message, cause);
    this.dimension = dimension;
    this.customerId = customerId;
  }

  /**
   * Returns the dimension whose classifier failed, or {@code strategy} for the strategy.
   *
   * @return the dimension id
   */
  public String dimension() {
    return dimension;
  }

  /**
   * Returns the id of the customer being classified.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }
}
