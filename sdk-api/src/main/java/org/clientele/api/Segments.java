package org.clientele.api;

import java.util.List;

/**
 * A read-only view of one customer's labels on every configured dimension, in the engine's
 * dimension order. A {@link Strategy} reads it; the engine reuses one instance per thread, so a
 * strategy must not keep it beyond the call.
 *
 * <p>Positions are stable for the life of an engine: a strategy resolves dimension ids and labels
 * to positions and indexes once, when it is created, and compares ints per customer.
 *
 * <p>Every result of the engine is a {@code Segments} (the immutable classification, the reusable
 * buffer), and they all answer {@link #label(String)} the same way. Tests and strategies make a
 * fixed one with {@link #of(List, int[], double[])}.
 *
 * @since 0.1.0
 */
public interface Segments {

  /**
   * Returns the number of dimensions.
   *
   * @return the count
   */
  int size();

  /**
   * Returns the dimension at a position.
   *
   * @param position 0 to {@code size() - 1}
   * @return the dimension
   */
  Dimension dimension(int position);

  /**
   * Returns the label index on the dimension at a position.
   *
   * @param position 0 to {@code size() - 1}
   * @return the label index, or {@code -1} if the dimension could not be classified
   */
  int labelIndex(int position);

  /**
   * Returns the score on the dimension at a position.
   *
   * @param position 0 to {@code size() - 1}
   * @return the score, or {@code NaN}
   */
  double score(int position);

  /**
   * Tells whether the label at a position was decided for lack of data rather than measured (see
   * {@link LabelSink#acceptFallback}): loyalty's {@code ifInsufficient} label, risk's label when
   * credit features are missing. The label is still a label of the dimension; a reader that makes
   * claims about the customer (a plan's rationale, a report) must not present it as a measured
   * fact.
   *
   * @param position 0 to {@code size() - 1}
   * @return true if the label is a fallback; false for a measured label and for {@link
   *     Dimension#UNCLASSIFIED}. The default is false, for views that do not record the basis
   * @since 0.1.0
   */
  default boolean isFallback(int position) {
    return false;
  }

  /**
   * Tells whether the label on a dimension, by id, was decided for lack of data. Convenient, not
   * for the hot path.
   *
   * @param dimensionId a dimension id
   * @return true if the label is a fallback
   * @throws IllegalArgumentException if no such dimension is configured
   * @since 0.1.0
   */
  default boolean isFallback(String dimensionId) {
    return isFallback(require(dimensionId));
  }

  /**
   * Finds the position of a dimension.
   *
   * @param dimensionId a dimension id
   * @return its position, or {@code -1} if no such dimension is configured
   */
  default int position(String dimensionId) {
    for (int i = 0; i < size(); i++) {
      if (dimension(i).id().equals(dimensionId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the label on a dimension, by id. Convenient, not for the hot path.
   *
   * @param dimensionId a dimension id
   * @return the label name, or {@link Dimension#UNCLASSIFIED} if its classifier failed
   * @throws IllegalArgumentException if no such dimension is configured (the message lists the
   *     configured ids); test with {@link #position(String)} first where a dimension is optional
   */
  default String label(String dimensionId) {
    return dimension(require(dimensionId)).label(labelIndex(require(dimensionId)));
  }

  /**
   * Returns the score on a dimension, by id. Convenient, not for the hot path.
   *
   * @param dimensionId a dimension id
   * @return the score, or {@code NaN}
   * @throws IllegalArgumentException if no such dimension is configured
   */
  default double score(String dimensionId) {
    return score(require(dimensionId));
  }

  /**
   * Finds the position of a dimension that must exist.
   *
   * @param dimensionId a dimension id
   * @return its position
   * @throws IllegalArgumentException naming the configured ids if there is no such dimension
   */
  private int require(String dimensionId) {
    int p = position(dimensionId);
    if (p < 0) {
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < size(); i++) {
        ids.append(i == 0 ? "" : ", ").append(dimension(i).id());
      }
      throw new IllegalArgumentException("no dimension '" + dimensionId + "'; the dimensions are [" + ids + "]");
    }
    return p;
  }

  /**
   * Returns fixed labels and scores on some dimensions: for tests, and for strategies and reports
   * that take labels from elsewhere (a results file, another system).
   *
   * @param dimensions the dimensions, in order; ids must be distinct
   * @param labels per dimension a label index, or {@code -1} for unclassified
   * @param scores per dimension a score, or {@code NaN}
   * @return an immutable view; the arrays are copied
   * @throws IllegalArgumentException if the lengths differ, an id repeats or a label index is
   *     outside its dimension
   * @since 0.1.0
   */
  static Segments of(List<Dimension> dimensions, int[] labels, double[] scores) {
    return new FixedSegments(dimensions, labels, scores, new boolean[labels.length]);
  }

  /**
   * Returns fixed labels and scores, some of them decided for lack of data ({@link
   * #isFallback(int)}).
   *
   * @param dimensions the dimensions, in order; ids must be distinct
   * @param labels per dimension a label index, or {@code -1} for unclassified
   * @param scores per dimension a score, or {@code NaN}
   * @param fallback per dimension whether the label is a fallback; ignored for {@code -1}
   * @return an immutable view; the arrays are copied
   * @throws IllegalArgumentException as {@link #of(List, int[], double[])}, or if {@code fallback}
   *     has another length
   * @since 0.1.0
   */
  static Segments of(List<Dimension> dimensions, int[] labels, double[] scores, boolean[] fallback) {
    return new FixedSegments(dimensions, labels, scores, fallback);
  }

  /**
   * Returns fixed labels on some dimensions, with no scores ({@code NaN}).
   *
   * @param dimensions the dimensions, in order
   * @param labels per dimension a label index, or {@code -1} for unclassified
   * @return an immutable view
   * @throws IllegalArgumentException as {@link #of(List, int[], double[])}
   * @since 0.1.0
   */
  static Segments of(List<Dimension> dimensions, int... labels) {
    double[] scores = new double[labels.length];
    java.util.Arrays.fill(scores, Double.NaN);
    return new FixedSegments(dimensions, labels, scores, new boolean[labels.length]);
  }
}
