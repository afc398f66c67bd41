package org.clientele.core.io;

/**
 * Thrown in strict mode ({@link RejectionSink#strict()}) at the first row that would have been
 * rejected; the message is the rejection's {@link Rejection#describe() description}.
 *
 * @since 0.1.0
 */
public final class RowRejectedException extends InputException {

  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  /**
   * Creates the exception for one rejected row.
   *
   * @param rejection the row's rejection
   */
  public RowRejectedException(Rejection rejection) {
    super(
        rejection.source(),
        rejection.line(),
        "strict mode stops at the first bad row: " + rejection.describe(),
        null);
    this.rejection = rejection;
  }

  /**
   * Returns the rejection that stopped the reading.
   *
   * @return the rejection
   */
  public Rejection rejection() {
    return rejection;
  }
}
