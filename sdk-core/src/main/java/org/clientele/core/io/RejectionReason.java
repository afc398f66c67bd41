package org.clientele.core.io;

import java.util.Locale;

/**
 * Why a row was rejected. The {@link #code()} is the stable name written to rejection files and
 * used to count rejections by reason in reports.
 *
 * @since 0.1.0
 */
public enum RejectionReason {
  /** The row has more or fewer values than the header (or the configured column list). */
  WRONG_COLUMN_COUNT,
  /** A required value (customer id, date, amount) is empty or absent. */
  MISSING_VALUE,
  /** A value that must be a number is not one. */
  UNPARSEABLE_NUMBER,
  /** A value that must be a date does not match the date pattern or is not a real date. */
  UNPARSEABLE_DATE,
  /** A number is NaN, infinite, or too large to represent. */
  NON_FINITE_NUMBER,
  /** A number lies outside the range its feature allows, such as a negative count. */
  OUT_OF_RANGE,
  /** A customers file holds the same id twice; the later row is rejected. */
  DUPLICATE_ID,
  /** The row contains bytes that are not valid in the file's encoding (UTF-8 unless configured). */
  INVALID_ENCODING,
  /** A JSON Lines line is not a JSON object, or a value in it is an object or an array. */
  MALFORMED_JSON,
  /**
   * A real calendar date that cannot be a transaction's: before 1900, a system placeholder such as
   * 9999-12-31 or 1900-01-01, or far after the rest of the file (a mistyped year).
   *
   * @since 0.1.0
   */
  IMPLAUSIBLE_DATE,
  /**
   * A row's values contradict each other, such as a first purchase after the last one.
   *
   * @since 0.1.0
   */
  CONTRADICTORY_VALUES,
  /**
   * A CSV row repeats the header line (two exports concatenated into one file).
   *
   * @since 0.1.0
   */
  REPEATED_HEADER;

  /**
   * Returns the reason's stable name.
   *
   * @return lower snake case, for example {@code unparseable_number}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
