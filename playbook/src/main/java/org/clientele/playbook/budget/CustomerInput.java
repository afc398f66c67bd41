package org.clientele.playbook.budget;

import java.util.Objects;

/**
 * One customer to fund, with a relative weight inside its segment.
 *
 * @param id the customer's id; unique across the request
 * @param weight a finite number {@code >= 0}; 1 for an even split, or for example the customer's
 *     own expected value relative to its segment. A customer of weight 0 gets nothing.
 * @since 0.1.0
 */
public record CustomerInput(String id, double weight) {

  /**
   * Checks the id and the weight.
   *
   * @param id the customer's id; unique across the request
   * @param weight a finite number {@code >= 0}; 1 for an even split, or for example the customer's
   *     own expected value relative to its segment. A customer of weight 0 gets nothing.
   */
  public CustomerInput {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("CustomerInput id must not be blank");
    }
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException(
          "CustomerInput '" + id + "': weight must be a finite number >= 0, not " + weight);
    }
  }

  /**
   * A customer of weight 1.
   *
   * @param id the customer's id
   * @return the input
   */
  public static CustomerInput of(String id) {
    return new CustomerInput(id, 1);
  }
}
