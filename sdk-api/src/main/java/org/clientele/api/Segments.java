package org.clientele.api;

import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one customer's labels on every configured dimension, in the engine's
 * dimension order. A {@link Strategy} reads it; the engine reuses one instance per thread, so a
 * strategy must not keep it beyond the call.
 *
 * <p>Positions are stable for the life of an engine: a strategy resolves dimension ids and labels
 * to positions and indexes once, when it is created, and compares ints per customer.
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
   * @return the label name (possibly {@link Dimension#UNCLASSIFIED}), or null if no such dimension
   */
  default @Nullable String label(String dimensionId) {
    int p = position(dimensionId);
    return p < 0 ? null : dimension(p).label(labelIndex(p));
  }
}
