package org.clientele.api;

/**
 * Receives the actions a {@link Strategy} chooses for a customer, without allocating.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PlanSink {

  /**
   * Adds an action to the customer's plan.
   *
   * @param action a prebuilt action
   */
  void add(Action action);
}
