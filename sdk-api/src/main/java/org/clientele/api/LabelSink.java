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

  /**
   * Records a label decided <em>for lack of data</em>: a configured fallback (loyalty's {@code
   * ifInsufficient}, risk's {@code ifNoData}) or a label that the missing inputs could have
   * changed, not a measurement. Results, the report and the playbook keep it apart from a measured
   * label of the same name (see {@link Segments#isFallback(int)}), so a customer we know nothing
   * about is never shown as "LOW risk" on the same footing as one whose credit record was read.
   * Call it instead of {@link #accept}, exactly once.
   *
   * <p>The default forwards to {@link #accept}, dropping the basis: a sink that does not record it
   * (a test lambda) still receives the label.
   *
   * @param labelIndex an index into the classifier's {@link Dimension#labels()}
   * @param score the classifier's documented score, or {@code NaN}
   * @since 0.1.0
   */
  default void acceptFallback(int labelIndex, double score) {
    accept(labelIndex, score);
  }
}
