package org.clientele.core.io;

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

  FormatBuilder() {}

  /** Returns this builder as its concrete type. */
  abstract B self();

  /** Reads {@code format}, {@code delimiter}, {@code header} and {@code columns}. */
  final B readLayout(PluginConfig config) {
    format(config.choice("format", FileFormat.class, FileFormat.AUTO));
    delimiter(ConfigReading.delimiter(config, ","));
    header(config.flag("header", true));
    return columns(ConfigReading.columnNames(config));
  }

  /** Reads {@code datePattern} and {@code decimalSeparator}. */
  final B readValueSyntax(PluginConfig config) {
    datePattern(ConfigReading.datePattern(config));
    return decimalSeparator(ConfigReading.decimalSeparator(config));
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
