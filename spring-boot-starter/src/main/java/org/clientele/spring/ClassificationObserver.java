package org.clientele.spring;

import org.clientele.core.Classification;

/**
 * Told about every classification {@link ClienteleService} makes: how the starter's metrics count
 * labels and time. Implementations must be thread-safe and fast, and must not keep the customer.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClassificationObserver {

  /** An observer that does nothing. */
  ClassificationObserver NONE = (result, nanos) -> {};

  /**
   * Called after each classification, on the thread that made it.
   *
   * @param result the result
   * @param nanos how long it took
   */
  void classified(Classification result, long nanos);
}
