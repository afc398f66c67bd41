package org.clientele.core.io;

import java.util.Objects;

/**
 * Receives the rows a reader rejects, in file order. Readers call it on the reading thread; the
 * counts are kept by the reader ({@link ReadCounts}), so a sink only has to store or print.
 *
 * <p>Ready-made sinks: {@link #discard()} (count only), {@link #strict()} (stop at the first bad
 * row), {@link RejectionWriter} (a CSV or JSON Lines file), or a lambda such as {@code
 * list::add}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RejectionSink {

  /**
   * Receives one rejected row.
   *
   * @param rejection the row's rejection
   * @throws RowRejectedException to stop reading (strict mode)
   */
  void reject(Rejection rejection);

  /**
   * Tells whether this sink stops at the first bad row; readers use it to decide whether to read
   * a file twice (a strict sink sees the first pass too).
   *
   * @return true for {@link #strict()}
   */
  default boolean isStrict() {
    return false;
  }

  /**
   * Returns a sink that keeps nothing; the reader still counts the rejections.
   *
   * @return the sink
   */
  static RejectionSink discard() {
    return r -> {};
  }

  /**
   * Returns the strict sink: the first rejection throws a {@link RowRejectedException} naming the
   * file, line, column, value and reason.
   *
   * @return the sink
   */
  static RejectionSink strict() {
    return new RejectionSink() {
      @Override
      public void reject(Rejection rejection) {
        throw new RowRejectedException(rejection);
      }

      @Override
      public boolean isStrict() {
        return true;
      }
    };
  }

  /**
   * Returns a sink that passes each rejection to this sink and then to {@code next}.
   *
   * @param next the second sink
   * @return the combined sink, strict if either is
   */
  default RejectionSink andThen(RejectionSink next) {
    Objects.requireNonNull(next, "next");
    RejectionSink first = this;
    return new RejectionSink() {
      @Override
      public void reject(Rejection rejection) {
        first.reject(rejection);
        next.reject(rejection);
      }

      @Override
      public boolean isStrict() {
        return first.isStrict() || next.isStrict();
      }
    };
  }
}
