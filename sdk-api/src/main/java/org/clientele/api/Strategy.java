package org.clientele.api;

import java.util.List;

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

  /**
   * Explains the plan for one customer: which rules matched, which won their category, which were
   * outranked and which actions were vetoed. Called for the customers a person looks at ({@code
   * Engine.explain}), never on the hot path, so it may allocate. The default explains nothing.
   *
   * @param customer the customer
   * @param segments the customer's labels on every dimension
   * @return the explanation, or {@link PlanExplanation#notExplained()}
   * @since 0.1.0
   */
  default PlanExplanation explainPlan(Customer customer, Segments segments) {
    return PlanExplanation.notExplained();
  }

  /**
   * Returns what the strategy found when it was created and a person should know, such as rules it
   * dropped or label combinations no rule serves. The default has none.
   *
   * @return one sentence per finding, empty if none
   * @since 0.1.0
   */
  default List<String> diagnostics() {
    return List.of();
  }

  /**
   * Returns the findings among {@link #diagnostics()} that a person must act on, such as label
   * combinations that get no action (a coverage gap), as opposed to routine ones such as rules
   * dropped for a dimension the run does not have. The engine logs each at WARN when it is built
   * ({@code EngineBuilder.build}, not {@code validate}), so a run that validates and then builds
   * warns once; the strategy itself logs nothing. The default has none.
   *
   * @return one text per finding, each also in {@link #diagnostics()}; empty if none
   * @since 0.1.0
   */
  default List<String> warnings() {
    return List.of();
  }

  /**
   * Tells whether {@link #plan} reads nothing but the labels and their lack-of-data marks ({@link
   * Segments#labelIndex}, {@link Segments#isFallback}): no feature of the customer, no score, no
   * clock, no state. Two customers with the same labels then always get the same actions in the
   * same order, and the engine asks once per combination of labels and shares that plan. The
   * default, false, is always safe; a strategy that answers true and reads anything else would
   * give customers another customer's plan. {@code StrategyProviderContract} checks the claim.
   *
   * @return true only if the plan is a function of the labels and their lack-of-data marks
   * @since 0.1.0
   */
  default boolean planReadsLabelsOnly() {
    return false;
  }
}
