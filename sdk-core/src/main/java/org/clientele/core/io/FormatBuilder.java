package org.clientele.core.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.clientele.api.spi.PluginConfig;

/**
 * The options and setters the customer and transaction format builders share: the file layout
 * and the syntax of values.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class FormatBuilder<B extends FormatBuilder<B>> {
  FileFormat format = FileFormat.AUTO;
  String delimiter = ",";
  boolean header = true;
  List<String> columns = List.of();
  String datePattern = ValueParser.ISO;
  char decimalSeparator = '.';
  Charset encoding = StandardCharsets.UTF_8;
  String thousandsSeparator = "";
  List<String> currencySymbols = List.of();

  FormatBuilder() {}

  /** Returns this builder as its concrete type. */
  abstract B self();

  /** Reads {@code format}, {@code delimiter}, {@code header}, {@code columns} and {@code encoding}. */
  final B readLayout(PluginConfig config) {
    // Absent keys keep the builder's values: the defaults, or a preset's.
    format(config.choice("format", FileFormat.class, format));
    encoding(ConfigReading.encoding(config, encoding));
    delimiter(ConfigReading.delimiter(config, delimiter));
    header(config.flag("header", header));
    return columns(config.has("columns") ? ConfigReading.columnNames(config) : columns);
  }

  /**
   * Reads {@code datePattern}, {@code decimalSeparator}, {@code thousandsSeparator} and {@code
   * currencySymbols}.
   */
  final B readValueSyntax(PluginConfig config) {
    datePattern(ConfigReading.datePattern(config, datePattern));
    decimalSeparator(ConfigReading.decimalSeparator(config, decimalSeparator));
    thousandsSeparator(ConfigReading.thousandsSeparator(config, thousandsSeparator, decimalSeparator));
    return currencySymbols(ConfigReading.currencySymbols(config, currencySymbols));
  }

  /**
   * Sets the file format.
   *
   * @param format CSV, JSONL or AUTO (by file extension, the default)
   * @return this builder
   */
  public final B format(FileFormat format) {
    this.format = Objects.requireNonNull(format, "format");
    return self();
  }

  /**
   * Sets the delimiter.
   *
   * @param delimiter one character, {@code "tab"}, or {@code "whitespace"}; default {@code ","}
   * @return this builder
   * @throws IllegalArgumentException for any other value
   */
  public final B delimiter(String delimiter) {
    this.delimiter = Layout.checkDelimiter(Objects.requireNonNull(delimiter, "delimiter"));
    return self();
  }

  /**
   * Sets whether the first row names the columns.
   *
   * @param header default true
   * @return this builder
   */
  public final B header(boolean header) {
    this.header = header;
    return self();
  }

  /**
   * Names the columns in file order (needed without a header).
   *
   * @param columns the names
   * @return this builder
   */
  public final B columns(List<String> columns) {
    this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    return self();
  }

  /**
   * Sets the date pattern.
   *
   * @param pattern {@code "iso"} (the default) or a java.time pattern such as {@code dd.MM.yyyy}
   *     or {@code yyyyMMdd}
   * @return this builder
   */
  public final B datePattern(String pattern) {
    this.datePattern = Objects.requireNonNull(pattern, "pattern");
    return self();
  }

  /**
   * Sets the text encoding of the file. A byte order mark at the start of the file (UTF-8,
   * UTF-16LE, UTF-16BE) wins over this setting.
   *
   * @param encoding default UTF-8; {@code GB18030} for files from Chinese Excel (also GBK),
   *     {@code UTF-16} for Excel "Unicode text"
   * @return this builder
   * @since 0.1.0
   */
  public final B encoding(Charset encoding) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    return self();
  }

  /**
   * Sets the thousands (grouping) separator accepted in numbers, as in {@code 1,234.50} or
   * {@code 1.234,50}. Groups must have three digits.
   *
   * @param separator {@code ","}, {@code "."}, {@code "'"}, {@code " "} (also matches no-break
   *     spaces), or empty for none (the default)
   * @return this builder
   * @since 0.1.0
   */
  public final B thousandsSeparator(String separator) {
    this.thousandsSeparator = Objects.requireNonNull(separator, "separator");
    return self();
  }

  /**
   * Sets the currency symbols or codes accepted (and ignored) before or after a number, as in
   * {@code ¥1,234.50} or {@code 1.234,50 €}.
   *
   * @param symbols for example {@code ["¥", "$", "€", "USD"]}; empty (the default) for none
   * @return this builder
   * @since 0.1.0
   */
  public final B currencySymbols(List<String> symbols) {
    this.currencySymbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
    return self();
  }

  /**
   * Sets the decimal separator of CSV numbers.
   *
   * @param separator {@code '.'} (the default) or {@code ','}
   * @return this builder
   */
  public final B decimalSeparator(char separator) {
    this.decimalSeparator = separator;
    return self();
  }
}
