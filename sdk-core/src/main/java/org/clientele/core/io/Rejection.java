package org.clientele.core.io;

import java.util.Objects;

/**
 * One input row that was not accepted, with everything a user needs to find and fix it.
 *
 * @param source the file name (or another description of the input)
 * @param line the 1-based line where the row starts (the header, if any, is line 1)
 * @param column the column or JSON key at fault; empty when the whole row is at fault
 * @param value the offending value as read, possibly shortened; empty when there is none
 * @param reason the reason's category, for counting
 * @param message what is wrong, in a sentence
 * @param fix what to change in the file or the configuration
 * @param afterGap true for an {@link RejectionReason#IMPLAUSIBLE_DATE} of a row dated after a long
 *     gap in the log (a mistyped year): decided against the rest of the log once its dates were
 *     seen, not from the row alone (a placeholder, a date before 1900), so a pass made again after
 *     the date is settled passes on only these
 * @since 0.1.0
 */
public record Rejection(
    String source,
    long line,
    String column,
    String value,
    RejectionReason reason,
    String message,
    String fix,
    boolean afterGap) {

  /** Longest value kept verbatim; longer values (a runaway quoted field) are shortened. */
  static final int MAX_VALUE_LENGTH = 200;

  /**
   * Validates and shortens the value.
   *
   * @param source the file name (or another description of the input)
   * @param line the 1-based line where the row starts (the header, if any, is line 1)
   * @param column the column or JSON key at fault; empty when the whole row is at fault
   * @param value the offending value as read, possibly shortened; empty when there is none
   * @param reason the reason's category, for counting
   * @param message what is wrong, in a sentence
   * @param fix what to change in the file or the configuration
   * @param afterGap whether the row is dated after a long gap in the log
   */
  public Rejection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      value = value.substring(0, MAX_VALUE_LENGTH) + "...";
    }
    if (afterGap && reason != RejectionReason.IMPLAUSIBLE_DATE) {
      throw new IllegalArgumentException("only an implausible_date rejection is of a row after a gap, not " + reason.code());
    }
  }

  /**
   * A rejection decided from the row alone (not after a gap).
   *
   * @param source the file name (or another description of the input)
   * @param line the 1-based line where the row starts (the header, if any, is line 1)
   * @param column the column or JSON key at fault; empty when the whole row is at fault
   * @param value the offending value as read, possibly shortened; empty when there is none
   * @param reason the reason's category, for counting
   * @param message what is wrong, in a sentence
   * @param fix what to change in the file or the configuration
   */
  public Rejection(String source, long line, String column, String value, RejectionReason reason, String message, String fix) {
    this(source, line, column, value, reason, message, fix, false);
  }

  /**
   * Returns a one-line description, for example {@code orders.csv line 12, column amount, value
   * "12,x": not a number (unparseable_number); fix: write a number such as 12.5}.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder b = new StringBuilder().append(source).append(" line ").append(line);
    if (!column.isEmpty()) {
      b.append(", column ").append(column);
    }
    if (!value.isEmpty()) {
      b.append(", value \"").append(value).append('"');
    }
    return b.append(": ")
        .append(message)
        .append(" (")
        .append(reason.code())
        .append("); fix: ")
        .append(fix)
        .toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
