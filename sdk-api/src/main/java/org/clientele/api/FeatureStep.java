package org.clientele.api;

import java.util.List;
import java.util.Set;

/**
 * Adds computed features to a customer before any classifier runs, so that every classifier and
 * every playbook rule can read them like the features of the input: the home of predictions
 * (P(alive), churn risk, predicted lifetime value from a model fitted at calibration) and of any
 * other per-customer computation several dimensions need. Created by a {@link
 * org.clientele.api.spi.FeatureProvider}; immutable and thread-safe.
 *
 * <p>The engine calls {@link #apply} once per customer, in configuration order (a later step sees
 * what an earlier one added), before the classifiers and the strategy. A step sets only the
 * features it {@linkplain #features() declares} and never removes or changes another: a customer it
 * cannot compute for (no purchase history) is returned unchanged, and its features stay missing,
 * which classifiers and rules already treat as unknown, never as zero.
 *
 * @since 0.1.0
 */
public interface FeatureStep {

  /**
   * Returns the features this step adds, the same for every customer.
   *
   * @return the features set by {@link #apply}
   * @since 0.1.0
   */
  Set<Feature<?>> features();

  /**
   * Returns the customer with this step's features set.
   *
   * @param customer the customer, with the input's features and those of earlier steps
   * @return a copy with the features set, or {@code customer} itself when there is nothing to add
   * @since 0.1.0
   */
  Customer apply(Customer customer);

  /**
   * Returns the features this step reads, for checking the input and for the report.
   *
   * @return the features read; empty by default
   * @since 0.1.0
   */
  default Set<Feature<?>> inputs() {
    return Set.of();
  }

  /**
   * Returns what a person should know about this step once it is created: a fit that did not
   * converge, a small population, a weakly determined parameter. The engine shows them with the
   * run's warnings so that a doubtful prediction is never silent.
   *
   * @return one sentence per finding; empty by default
   * @since 0.1.0
   */
  default List<String> diagnostics() {
    return List.of();
  }
}
