package org.clientele.core;

/**
 * What the engine does when a classifier or strategy throws a {@link RuntimeException} (or breaks
 * its contract: no label, or a label outside its dimension) while classifying a customer. An
 * {@link Error} is never caught.
 *
 * @since 0.1.0
 */
public enum ErrorPolicy {
  /** Stop: the call throws a {@link ClassificationException} naming the dimension and provider. */
  FAIL_FAST,
  /**
   * Carry on: the failed dimension is reported as {@link org.clientele.api.Dimension#UNCLASSIFIED}
   * (or the plan is empty, for a failed strategy), the failure is counted in {@link
   * Engine#errorCounts()}, and logged once per dimension at WARN; the other dimensions are
   * classified as usual. The default.
   */
  FALLBACK
}
