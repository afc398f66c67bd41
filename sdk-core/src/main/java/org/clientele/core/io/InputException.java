package org.clientele.core.io;

import org.jspecify.annotations.Nullable;

/**
 * An input cannot be read at all: the file is missing or unreadable, its header lacks a required
 * column, its CSV structure is broken beyond one row (an unclosed quote), or its format
 * configuration does not fit it. Unlike a {@link Rejection}, nothing after this point of the file
 * is read. The message names the file, the line where known, and the fix.
 *
 * @since 0.1.0
 */
public class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file (or other source) that cannot be read. */
  private final String source;

  /** The 1-based line of the problem, or 0 if it is not on one line. */
  private final long line;

  /**
   * Creates the exception.
   *
   * @param source the file name
   * @param line the 1-based line, or 0 if the problem is not on one line
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure, or null
   */
  public InputException(String source, long line, String message, @Nullable Throwable cause) {
    super(source + (line > 0 ? " line " + line : "") + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /**
   * Returns the file name.
   *
   * @return the source given to the reader
   */
  public String source() {
    return source;
  }

  /**
   * Returns the line of the problem.
   *
   * @return the 1-based line, or 0 if unknown
   */
  public long line() {
    return line;
  }
}
