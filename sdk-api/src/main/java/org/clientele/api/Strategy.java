package org.clientele.api;

/**
 * Turns a customer's labels into a {@link Plan} of actions. Implemented by the built-in playbook
 * and by plugins; created by a {@link org.clientele.api.spi.StrategyProvider}, which receives the
 * engine's dimensions so that it can resolve ids and labels to positions once.
 *
 * <p>Thread-safe and free of I/O; should allocate nothing per customer (build {@link Action}s
 * up front and hand them to the sink).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Strategy {

  /**
   * Chooses the actions for one customer.
   *
   * @param customer the customer, for rules on features (such as order value)
   * @param segments the customer's labels on every dimension
   * @param out receives the chosen actions
   */
  void plan(Customer customer, Segments segments, PlanSink out);
}
