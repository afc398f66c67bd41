package org.clientele.core.io;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * How a customers file is laid out. Immutable; build with {@link #builder()} or read from the
 * {@code input.customers} section of a configuration with {@link #fromConfig(PluginConfig)}.
 *
 * <p>Each column is matched to a feature: first by {@link #rename()} (exact column name, for the
 * columns of a CRM export such as {@code "Annual Revenue" -> revenue_12m}), otherwise by the
 * feature's standard name (the column name trimmed and lowercased, for example {@code
 * revenue_12m}). The {@link #idColumn()} holds the customer id. Columns that match no feature are
 * ignored and listed once in {@link ReadCounts#notes()}.
 *
 * @param format CSV, JSON Lines, or AUTO (by file extension)
 * @param delimiter one character, {@code "tab"}, or {@code "whitespace"}
 * @param header true if the first row names the columns
 * @param columns the column names in file order; required without a header
 * @param idColumn the column holding the customer id (after no renaming); default {@code id}
 * @param rename file column name to feature name
 * @param datePattern {@code "iso"} or a java.time pattern, for date features
 * @param decimalSeparator {@code '.'} or {@code ','} (CSV only)
 * @param rejectDuplicateIds true to reject a row whose id appeared on an earlier row (costs one
 *     remembered id per customer); false to pass duplicates on
 * @param encoding the text encoding (UTF-8 by default; a byte order mark wins over it)
 * @param thousandsSeparator the grouping separator accepted in numbers ({@code ","}, {@code "."},
 *     {@code "'"} or {@code " "}), or empty for none (the default: {@code 1,234} is rejected)
 * @param currencySymbols symbols or codes accepted before or after a number and ignored, such as
 *     {@code ¥}, {@code $}, {@code €}, {@code USD}; empty by default (a symbol is rejected)
 * @since 0.1.0
 */
public record CustomerFormat(
    FileFormat format,
    String delimiter,
    boolean header,
    List<String> columns,
    String idColumn,
    Map<String, String> rename,
    String datePattern,
    char decimalSeparator,
    boolean rejectDuplicateIds,
    Charset encoding,
    String thousandsSeparator,
    List<String> currencySymbols) {

  /**
   * Validates every option.
   *
   * @param format CSV, JSON Lines, or AUTO (by file extension)
   * @param delimiter one character, {@code "tab"}, or {@code "whitespace"}
   * @param header true if the first row names the columns
   * @param columns the column names in file order; required without a header
   * @param idColumn the column holding the customer id (after no renaming); default {@code id}
   * @param rename file column name to feature name
   * @param datePattern {@code "iso"} or a java.time pattern, for date features
   * @param decimalSeparator {@code '.'} or {@code ','} (CSV only)
   * @param rejectDuplicateIds true to reject a row whose id appeared on an earlier row (costs one
   *     remembered id per customer); false to pass duplicates on
   * @param encoding the text encoding (UTF-8 by default; a byte order mark wins over it)
   * @param thousandsSeparator the grouping separator accepted in numbers ({@code ","}, {@code "."},
   *     {@code "'"} or {@code " "}), or empty for none (the default: {@code 1,234} is rejected)
   * @param currencySymbols symbols or codes accepted before or after a number and ignored, such as
   *     {@code ¥}, {@code $}, {@code €}, {@code USD}; empty by default (a symbol is rejected)
   */
  public CustomerFormat {
    Objects.requireNonNull(format, "format");
    Layout.checkDelimiter(Objects.requireNonNull(delimiter, "delimiter"));
    columns = List.copyOf(columns);
    Objects.requireNonNull(idColumn, "idColumn");
    if (idColumn.isBlank()) {
      throw new IllegalArgumentException("idColumn must not be blank");
    }
    rename = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rename));
    Objects.requireNonNull(datePattern, "datePattern");
    Objects.requireNonNull(encoding, "encoding");
    currencySymbols = List.copyOf(currencySymbols);
    new ValueParser(decimalSeparator, datePattern, thousandsSeparator, currencySymbols); // validates all
    if (!header && columns.isEmpty() && format != FileFormat.JSONL) {
      throw new IllegalArgumentException(
          "a customers file without a header needs its column names: set columns");
    }
  }

  /**
   * Returns the default format: CSV with a header, an {@code id} column, features by standard
   * name.
   *
   * @return the defaults
   */
  public static CustomerFormat defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a format from a configuration section such as {@code $.input.customers}. Keys: {@code
   * format}, {@code delimiter}, {@code header}, {@code columns}, {@code idColumn}, {@code rename}
   * (object: file column to feature name), {@code datePattern}, {@code decimalSeparator}, {@code
   * rejectDuplicateIds}, {@code encoding}, {@code thousandsSeparator}, {@code currencySymbols}.
   *
   * @param config the section
   * @return the format
   * @throws ConfigurationException naming the file and JSON path of a bad key
   */
  public static CustomerFormat fromConfig(PluginConfig config) {
    return fromConfig(config, null);
  }

  /**
   * Reads a format as {@link #fromConfig(PluginConfig)} does, starting from a preset's defaults;
   * every key the section sets wins over the preset ({@code rename} entry by entry).
   *
   * @param config the section
   * @param preset the CRM export preset, or null for the plain defaults
   * @return the format
   * @throws ConfigurationException naming the file and JSON path of a bad key
   * @since 0.1.0
   */
  public static CustomerFormat fromConfig(PluginConfig config, @Nullable InputPreset preset) {
    Objects.requireNonNull(config, "config");
    Builder b = InputPreset.customers(preset).readLayout(config);
    b.idColumn(ConfigReading.columnName(config, "idColumn", b.idColumn));
    Map<String, String> rename = config.textMap("rename");
    for (Map.Entry<String, String> e : rename.entrySet()) {
      if (e.getValue().isBlank()) {
        throw config.error("rename." + e.getKey(), "expected a feature name, found a blank string");
      }
    }
    Map<String, String> merged = new LinkedHashMap<>(b.rename);
    merged.putAll(rename);
    b.rename(merged);
    b.readValueSyntax(config);
    b.rejectDuplicateIds(config.flag("rejectDuplicateIds", true));
    return ConfigReading.build(config, b::build);
  }

  /** Collects options; every setter checks its argument. */
  public static final class Builder extends FormatBuilder<Builder> {
    private String idColumn = "id";
    private Map<String, String> rename = new LinkedHashMap<>();
    private boolean rejectDuplicateIds = true;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Names the id column.
     *
     * @param column default {@code id}
     * @return this builder
     */
    public Builder idColumn(String column) {
      this.idColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Maps one file column to a feature.
     *
     * @param column the column name in the file, for example {@code Annual Revenue}
     * @param feature the feature name, for example {@code revenue_12m}
     * @return this builder
     */
    public Builder rename(String column, String feature) {
      rename.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(feature, "feature"));
      return this;
    }

    /**
     * Replaces the whole column-to-feature mapping.
     *
     * @param mapping file column name to feature name
     * @return this builder
     */
    public Builder rename(Map<String, String> mapping) {
      this.rename = new LinkedHashMap<>(Objects.requireNonNull(mapping, "mapping"));
      return this;
    }

    /**
     * Sets whether a repeated id is rejected.
     *
     * @param reject default true
     * @return this builder
     */
    public Builder rejectDuplicateIds(boolean reject) {
      this.rejectDuplicateIds = reject;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return the format
     * @throws IllegalArgumentException if the options do not fit together
     */
    public CustomerFormat build() {
      return new CustomerFormat(
          format, delimiter, header, new ArrayList<>(columns), idColumn, rename, datePattern,
          decimalSeparator, rejectDuplicateIds, encoding, thousandsSeparator, currencySymbols);
    }
  }
}
