package org.clientele.core.job;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.clientele.core.io.Rejection;

/**
 * Thrown by {@link Segmentation#explain} when the customer asked for is in the input but its row was
 * rejected: not "no such customer", which would send the user looking for a typo in the id.
 *
 * @since 0.1.0
 */
public final class CustomerRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The customer id. */
  private final String customerId;

  /** The input the row was read from. */
  private final String source;

  /** The 1-based line where the row starts. */
  private final long line;

  /** The row's rejections. */
  @SuppressWarnings("serial") // an immutable List.copyOf
  private final List<Rejection> rejections;

  /**
   * Creates the exception.
   *
   * @param customerId the customer id
   * @param source the input the row was read from
   * @param line the 1-based line where the row starts
   * @param rejections the row's rejections; empty if they were not kept
   */
  public CustomerRejectedException(String customerId, String source, long line, List<Rejection> rejections) {
    super(message(customerId, source, line, rejections));
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.rejections = List.copyOf(rejections);
  }

  private static String message(String customerId, String source, long line, List<Rejection> rejections) {
    String head = "customer \"" + customerId + "\" is in " + source + " but its row (line " + line + ") was rejected";
    if (rejections.isEmpty()) {
      return head + "; write the rejections to a file (--rejections) to see why";
    }
    return head + ": " + rejections.stream().map(Rejection::describe).collect(Collectors.joining("; "));
  }

  /**
   * Returns the customer id asked for.
   *
   * @return the id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the input the rejected row was read from.
   *
   * @return the file name or description
   */
  public String source() {
    return source;
  }

  /**
   * Returns the line where the rejected row starts.
   *
   * @return the 1-based line
   */
  public long line() {
    return line;
  }

  /**
   * Returns the row's rejections: column, value, reason, message and fix.
   *
   * @return the rejections; empty if the run kept too many others to keep these
   */
  public List<Rejection> rejections() {
    return rejections;
  }
}
