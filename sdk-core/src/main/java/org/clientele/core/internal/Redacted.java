package org.clientele.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a plugin's exception without its messages, for logs at WARN: a plugin may put customer
 * data (an id, a revenue) in its messages, and those must not reach the host's logs. The copy keeps
 * what a developer needs: the exception classes and stack traces of the whole cause chain, and the
 * messages the engine wrote itself ({@link ContractBreach}).
 */
public final class Redacted extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_CAUSES = 16;

  private final String originalClass;

  private static final String WITHHELD = "message withheld: it may hold customer data";

  private Redacted(String originalClass, String message, @Nullable Redacted cause) {
    super(message, cause, false, true);
    this.originalClass = originalClass;
  }

  /**
   * Copies an exception and its causes without their messages.
   *
   * @param e the exception a plugin threw
   * @return the copy, with the original classes and stack traces
   */
  public static Redacted of(Throwable e) {
    return copy(e, 0);
  }

  private static Redacted copy(Throwable e, int depth) {
    Throwable cause = e.getCause();
    Redacted copiedCause = cause == null || cause == e || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
    // The engine's own sentences (ContractBreach) hold no customer data: they stay readable.
    String message = e instanceof ContractBreach && e.getMessage() != null ? e.getMessage() : WITHHELD;
    Redacted out = new Redacted(e.getClass().getName(), message, copiedCause);
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  /**
   * Returns the class of the original exception.
   *
   * @return its fully qualified name
   */
  public String originalClass() {
    return originalClass;
  }

  /** Reads like the original's {@code toString()}, with a plugin's message replaced. */
  @Override
  public String toString() {
    return originalClass + " (" + getMessage() + ")";
  }
}
