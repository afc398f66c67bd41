package org.clientele.api;

/**
 * Receives a classifier's verdict on the hot path without allocating. The engine passes one to
 * {@link Classifier#classify(Customer, LabelSink)}; tests can pass a lambda.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LabelSink {

  /**
   * Records the label and score for the customer being classified. Call it exactly once.
   *
   * @param labelIndex an index into the classifier's {@link Dimension#labels()}
   * @param score the classifier's documented score, or {@code NaN}
   */
  void accept(int labelIndex, double score);
}
