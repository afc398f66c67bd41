package org.clientele.core.io;

import java.util.List;
import org.clientele.core.Classification;

/**
 * Receives a {@link org.clientele.core.job.Segmentation} run's results, one per customer in input order, on one thread. A
 * {@link ResultWriter} writes them to a file; a host may store them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ResultSink {

  /** Keeps nothing. */
  ResultSink NONE = result -> {};

  /**
   * Called once before the first result (also when there will be none), with the engine's
   * dimension ids in order.
   *
   * @param dimensionIds the dimensions every result has
   */
  default void begin(List<String> dimensionIds) {}

  /**
   * Receives one customer's result.
   *
   * @param result the classification
   */
  void accept(Classification result);
}
