package org.clientele.core.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses numbers and dates strictly: a number is digits with one optional decimal separator, an
 * optional sign and exponent (no grouping, no {@code NaN}, no {@code 0x}); a date matches the
 * pattern exactly and is a real calendar date (no 31 February).
 */
final class ValueParser {

  /** The configuration word for ISO-8601 dates ({@code 2024-03-31}, also with a time part). */
  static final String ISO = "iso";

  private static final Pattern DOT_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?(\\d+(,\\d*)?|,\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  private final char decimalSeparator;
  private final String datePattern;
  private final DateTimeFormatter dateFormat;

  ValueParser(char decimalSeparator, String datePattern) {
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException(
          "decimalSeparator must be \".\" or \",\", not \"" + decimalSeparator + "\"");
    }
    this.decimalSeparator = decimalSeparator;
    this.datePattern = datePattern;
    this.dateFormat = formatter(datePattern);
  }

  static DateTimeFormatter formatter(String pattern) {
    if (pattern.equalsIgnoreCase(ISO)) {
      return DateTimeFormatter.ISO_LOCAL_DATE;
    }
    try {
      // 'y' is year-of-era, which the strict resolver rejects without an era: use 'u' (year).
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(yearOfEraToYear(pattern))
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "datePattern \"" + pattern + "\" is not a java.time pattern (" + e.getMessage()
              + "); use \"iso\" or letters such as yyyyMMdd, dd.MM.yyyy, MM/dd/yyyy",
          e);
    }
  }

  private static String yearOfEraToYear(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      b.append(!quoted && c == 'y' ? 'u' : c);
    }
    return b.toString();
  }

  char decimalSeparator() {
    return decimalSeparator;
  }

  String datePattern() {
    return datePattern;
  }

  /** Outcome of a parse: a value, or the reason and fix for a rejection. */
  record Problem(RejectionReason reason, String message, String fix) {}

  /**
   * Parses a number.
   *
   * @param text the trimmed text, not empty
   * @param jsonNumber true if the text came from a JSON number (always uses {@code .})
   * @return a finite Double, or a Problem
   */
  Object number(String text, boolean jsonNumber) {
    char sep = jsonNumber ? '.' : decimalSeparator;
    if (!(sep == '.' ? DOT_NUMBER : COMMA_NUMBER).matcher(text).matches()) {
      if (NON_FINITE.matcher(text).matches()) {
        return new Problem(
            RejectionReason.NON_FINITE_NUMBER,
            "not a finite number",
            "write a finite number, or leave the value empty if it is unknown");
      }
      return new Problem(
          RejectionReason.UNPARSEABLE_NUMBER,
          "not a number (decimal separator \"" + sep + "\", no thousands separators)",
          "write a plain number such as " + (sep == '.' ? "1234.5" : "1234,5")
              + ", or set decimalSeparator in the configuration");
    }
    double d = Double.parseDouble(sep == '.' ? text : text.replace(',', '.'));
    if (!Double.isFinite(d)) {
      return new Problem(
          RejectionReason.NON_FINITE_NUMBER,
          "number too large to represent",
          "check the value; numbers must be below 1.8e308");
    }
    return d;
  }

  /**
   * Parses a date.
   *
   * @param text the trimmed text, not empty
   * @return a LocalDate, or a Problem
   */
  Object date(String text) {
    try {
      LocalDate date =
          dateFormat == DateTimeFormatter.ISO_LOCAL_DATE && text.length() > 10
              ? isoDateTime(text)
              : dateFormat.parse(text, LocalDate::from);
      if (date.getYear() < 1 || date.getYear() > 9999) {
        return new Problem(
            RejectionReason.UNPARSEABLE_DATE,
            "the year " + date.getYear() + " is outside 1 to 9999",
            "write a real calendar date");
      }
      return date;
    } catch (DateTimeException e) {
      return new Problem(
          RejectionReason.UNPARSEABLE_DATE,
          "not a date in the pattern \"" + datePattern + "\"",
          datePattern.equalsIgnoreCase(ISO)
              ? "write the date as yyyy-MM-dd (for example 2024-03-31), or set datePattern in the"
                  + " configuration"
              : "write a real date in the pattern " + datePattern + ", or correct datePattern in"
                  + " the configuration");
    }
  }

  private static LocalDate isoDateTime(String text) {
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).toLocalDate();
    } catch (DateTimeException e) {
      return OffsetDateTime.parse(text.replace(' ', 'T')).toLocalDate();
    }
  }
}
