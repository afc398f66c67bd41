package org.clientele.core.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

  /** What a value that looks like a formatted amount looks like: a digit and a grouping or symbol. */
  private static final Pattern GROUPED = Pattern.compile(".*\\d[,.'\u00A0\u202F ]\\d{3}([,.'\u00A0\u202F ]\\d{3})*([.,]\\d+)?\\D*");

  private final char decimalSeparator;
  private final String datePattern;
  private final DateTimeFormatter dateFormat;
  private final String thousandsSeparator;
  private final List<String> currencySymbols;
  private final @Nullable Pattern groupedNumber;
  // The pattern with day and month the other way round (dd/MM/yyyy <-> MM/dd/yyyy), null when the
  // pattern has no such pair: a value only it reads is the sign of a file written the other way.
  private final @Nullable String swappedPattern;
  private final @Nullable DateTimeFormatter swappedFormat;
  private final java.util.concurrent.atomic.LongAdder swappedOnly = new java.util.concurrent.atomic.LongAdder();

  ValueParser(char decimalSeparator, String datePattern) {
    this(decimalSeparator, datePattern, "", List.of());
  }

  ValueParser(char decimalSeparator, String datePattern, String thousandsSeparator, List<String> currencySymbols) {
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException(
          "decimalSeparator must be \".\" or \",\", not \"" + decimalSeparator + "\"");
    }
    String problem = checkThousands(thousandsSeparator, decimalSeparator);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    for (String symbol : currencySymbols) {
      String bad = checkCurrencySymbol(symbol);
      if (bad != null) {
        throw new IllegalArgumentException("currencySymbols: " + bad);
      }
    }
    this.decimalSeparator = decimalSeparator;
    this.datePattern = datePattern;
    this.dateFormat = formatter(datePattern);
    this.swappedPattern = swapDayAndMonth(datePattern);
    this.swappedFormat = swappedPattern == null ? null : formatter(swappedPattern);
    this.thousandsSeparator = thousandsSeparator;
    // Longest first, so that "US$" is stripped before "$".
    List<String> symbols = new ArrayList<>(currencySymbols);
    symbols.sort(Comparator.comparingInt(String::length).reversed());
    this.currencySymbols = List.copyOf(symbols);
    if (thousandsSeparator.isEmpty()) {
      this.groupedNumber = null;
    } else {
      String sep = thousandsSeparator.equals(" ") ? "[ \u00A0\u202F]" : Pattern.quote(thousandsSeparator);
      String dec = Pattern.quote(String.valueOf(decimalSeparator));
      this.groupedNumber = Pattern.compile("[+-]?\\d{1,3}(" + sep + "\\d{3})+(" + dec + "\\d*)?");
    }
  }

  /** The pattern with dd and MM exchanged, or null unless it has each once (and is not ISO). */
  static @Nullable String swapDayAndMonth(String pattern) {
    if (pattern.equalsIgnoreCase(ISO) || pattern.indexOf("dd") < 0 || pattern.indexOf("dd") != pattern.lastIndexOf("dd")
        || pattern.indexOf("MM") < 0 || pattern.indexOf("MM") != pattern.lastIndexOf("MM") || pattern.contains("MMM")) {
      return null;
    }
    return pattern.replace("dd", "\u0000").replace("MM", "dd").replace("\u0000", "MM");
  }

  /**
   * Returns how many date values did not parse in the configured pattern but do with day and
   * month exchanged.
   *
   * @return the count so far
   */
  long swappedOnly() {
    return swappedOnly.sum();
  }

  /**
   * The note for a file with dates that parse only with day and month exchanged, or null.
   *
   * @param source the file
   * @return one sentence with the count, both patterns and the fix
   */
  @Nullable String swappedNote(String source) {
    long n = swappedOnly.sum();
    if (n == 0 || swappedPattern == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%s: %,d date%s parse only as %s, not in the configured pattern %s (rejected as"
        + " unparseable_date): if the file writes them that way, every accepted date with a day of 12 or less was"
        + " read with day and month swapped. Set datePattern to \"%s\" and run again", source, n, n == 1 ? "" : "s",
        swappedPattern, datePattern, swappedPattern);
  }

  /** Null if the separator is acceptable with this decimal separator, else the problem. */
  static @Nullable String checkThousands(String separator, char decimalSeparator) {
    if (separator.isEmpty()) {
      return null;
    }
    if (!List.of(",", ".", "'", " ").contains(separator)) {
      return "expected \",\", \".\", \"'\", \" \" or \"\" (none), found \"" + separator + "\"";
    }
    if (separator.charAt(0) == decimalSeparator) {
      return "the thousands separator \"" + separator + "\" is also the decimal separator; set"
          + " decimalSeparator to the other one (for 1.234,50 use thousandsSeparator \".\" and"
          + " decimalSeparator \",\")";
    }
    return null;
  }

  /** Null if the symbol is acceptable, else the problem. */
  static @Nullable String checkCurrencySymbol(String symbol) {
    String s = symbol.trim();
    if (s.isEmpty()) {
      return "a currency symbol must not be blank";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c) || c == '+' || c == '-' || c == '.' || c == ',') {
        return "a currency symbol may not hold digits, signs or separators, found \"" + symbol + "\"";
      }
    }
    return null;
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
    if (!jsonNumber) {
      text = plain(text);
    }
    if (!(sep == '.' ? DOT_NUMBER : COMMA_NUMBER).matcher(text).matches()) {
      if (NON_FINITE.matcher(text).matches()) {
        return new Problem(
            RejectionReason.NON_FINITE_NUMBER,
            "not a finite number",
            "write a finite number, or leave the value empty if it is unknown");
      }
      return notANumber(text, sep);
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

  /** Strips the configured currency symbols and thousands separators; otherwise returns the text. */
  private String plain(String text) {
    String t = text;
    for (String symbol : currencySymbols) {
      String sym = symbol.trim();
      String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1).trim() : t;
      String sign = unsigned == t ? "" : t.substring(0, 1);
      if (unsigned.regionMatches(true, 0, sym, 0, sym.length())) {
        t = sign + unsigned.substring(sym.length()).trim();
        break;
      }
      if (t.regionMatches(true, t.length() - sym.length(), sym, 0, sym.length())) {
        t = t.substring(0, t.length() - sym.length()).trim();
        break;
      }
    }
    Pattern grouped = groupedNumber;
    if (grouped != null && grouped.matcher(t).matches()) {
      StringBuilder b = new StringBuilder(t.length());
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        boolean group = thousandsSeparator.equals(" ")
            ? c == ' ' || c == '\u00A0' || c == '\u202F'
            : c == thousandsSeparator.charAt(0);
        if (!group) {
          b.append(c);
        }
      }
      t = b.toString();
    }
    return t;
  }

  /**
   * The currency symbol or code written before or after the digits ({@code $}, {@code US$}, {@code
   * EUR}), or null when the text is not digits with one such mark (a word such as {@code N/A}).
   */
  static @Nullable String symbolSeen(String text) {
    String t = text.trim();
    int start = 0;
    while (start < t.length() && (t.charAt(start) == '-' || t.charAt(start) == '+')) {
      start++;
    }
    int prefixEnd = start;
    while (prefixEnd < t.length() && isMark(t.charAt(prefixEnd))) {
      prefixEnd++;
    }
    int suffixStart = t.length();
    while (suffixStart > prefixEnd && isMark(t.charAt(suffixStart - 1))) {
      suffixStart--;
    }
    String prefix = t.substring(start, prefixEnd).trim();
    String suffix = t.substring(suffixStart).trim();
    String body = t.substring(prefixEnd, suffixStart);
    if (body.isEmpty() || !Character.isDigit(body.charAt(0)) || (!prefix.isEmpty() && !suffix.isEmpty())) {
      return null;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isLetter(c) || Character.getType(c) == Character.CURRENCY_SYMBOL) {
        return null; // a mark inside the digits: not a symbol written beside an amount
      }
    }
    String mark = prefix.isEmpty() ? suffix : prefix;
    return mark.isEmpty() || mark.length() > 4 ? null : mark;
  }

  private static boolean isMark(char c) {
    return Character.getType(c) == Character.CURRENCY_SYMBOL || Character.isLetter(c) || c == ' ' || c == '\u00a0';
  }

  /** The grouping character of an amount such as {@code $1,234.50} (the one that is not the decimal separator), or null. */
  private static @Nullable String groupingSeen(String text, String symbol, char sep) {
    String body = text.trim().replace(symbol, "").trim();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != sep && !Character.isDigit(c) && c != '-' && c != '+') {
        String g = Pattern.quote(String.valueOf(c));
        boolean groups = body.matches("[+-]?\\d{1,3}(" + g + "\\d{3})+(" + Pattern.quote(String.valueOf(sep)) + "\\d+)?");
        return groups ? String.valueOf(c) : null;
      }
    }
    return null;
  }

  /** The rejection for a value that is not a number, with the key to set when it looks formatted. */
  private Problem notANumber(String text, char sep) {
    boolean symbol = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CURRENCY_SYMBOL || Character.isLetter(c)) {
        symbol = true;
        break;
      }
    }
    boolean grouped = GROUPED.matcher(text).matches();
    String found = symbol ? symbolSeen(text) : null;
    // A symbol already configured was read: something else is wrong with the amount.
    String seen = found != null && currencySymbols.stream().noneMatch(s -> s.trim().equals(found)) ? found : null;
    if (seen != null) {
      // Name the symbol the file holds, and the setting that reads it, ready to paste.
      String group = groupingSeen(text, seen, sep);
      List<String> settings = new ArrayList<>();
      if (group != null && !group.equals(thousandsSeparator)) {
        settings.add("\"thousandsSeparator\": \"" + group + "\"");
      }
      List<String> symbols = new ArrayList<>(currencySymbols);
      symbols.add(seen);
      settings.add("\"currencySymbols\": [" + String.join(", ", symbols.stream().map(s -> "\"" + s + "\"").toList()) + "]");
      return new Problem(
          RejectionReason.UNPARSEABLE_NUMBER,
          "not a plain number: it holds the currency symbol \"" + seen + "\""
              + (group != null ? " and thousands separators \"" + group + "\"" : "")
              + (currencySymbols.isEmpty() ? ", and no currencySymbols are set" : ", which is not among currencySymbols " + currencySymbols)
              + " (decimal separator \"" + sep + "\")",
          "set " + String.join(", ", settings) + " in the input section of the configuration,"
              + " or write plain numbers such as " + (sep == '.' ? "1234.5" : "1234,5"));
    }
    if (symbol || grouped) {
      List<String> keys = new ArrayList<>();
      if (grouped) {
        keys.add("thousandsSeparator" + (thousandsSeparator.isEmpty() ? "" : " (now \"" + thousandsSeparator + "\")"));
      }
      if (symbol) {
        keys.add("currencySymbols" + (currencySymbols.isEmpty() ? "" : " (now " + currencySymbols + ")"));
      }
      return new Problem(
          RejectionReason.UNPARSEABLE_NUMBER,
          "not a plain number: it holds " + (symbol && grouped ? "a currency symbol and thousands separators"
              : symbol ? "a currency symbol or letters" : "thousands separators")
              + " (decimal separator \"" + sep + "\")",
          "set " + String.join(" and ", keys) + " in the input section of the configuration (for"
              + " \"¥1,234.50\": \"thousandsSeparator\": \",\", \"currencySymbols\": [\"¥\"]; for"
              + " \"1.234,50 €\": \"decimalSeparator\": \",\", \"thousandsSeparator\": \".\","
              + " \"currencySymbols\": [\"€\"]), or write plain numbers such as 1234.5");
    }
    return new Problem(
        RejectionReason.UNPARSEABLE_NUMBER,
        "not a number (decimal separator \"" + sep + "\""
            + (thousandsSeparator.isEmpty() ? ", no thousands separators" : ", thousands separator \"" + thousandsSeparator + "\" in groups of three")
            + ")",
        "write a plain number such as " + (sep == '.' ? "1234.5" : "1234,5")
            + ", or set decimalSeparator in the configuration");
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
      if (swappedFormat != null && parses(swappedFormat, text)) {
        swappedOnly.increment();
        return new Problem(
            RejectionReason.UNPARSEABLE_DATE,
            "not a date in the pattern \"" + datePattern + "\", but a date in \"" + swappedPattern
                + "\": the file may write day and month the other way round",
            "if it does, set datePattern to \"" + swappedPattern + "\" (the dates accepted so far were then read with day"
                + " and month swapped); if not, correct this date");
      }
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

  private static boolean parses(DateTimeFormatter format, String text) {
    try {
      format.parse(text, LocalDate::from);
      return true;
    } catch (DateTimeException e) {
      return false;
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
