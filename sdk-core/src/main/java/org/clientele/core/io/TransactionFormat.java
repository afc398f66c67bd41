package org.clientele.core.io;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * How a transaction log is laid out. Immutable; build with {@link #builder()} or read from the
 * {@code input.transactions} section of a configuration with {@link #fromConfig(PluginConfig)}.
 *
 * <p>The defaults read an RFC 4180 CSV file with a header row and the columns {@code
 * customer_id}, {@code date} (ISO, {@code 2024-03-31}) and {@code amount}, plus {@code
 * quantity}, {@code order_id} and {@code channel} when the file has them.
 *
 * @param format CSV, JSON Lines, or AUTO (by file extension)
 * @param delimiter one character, {@code "tab"}, or {@code "whitespace"} for runs of spaces and
 *     tabs (leading and trailing ones ignored; no quoting)
 * @param header true if the first row names the columns
 * @param columns the column names in file order; required without a header, and replaces the
 *     header's names if given with one
 * @param customerIdColumn the column holding the customer id
 * @param dateColumn the column holding the date
 * @param amountColumn the column holding the money value (negative = refund)
 * @param quantityColumn the quantity column; null means "{@code quantity} if the file has it",
 *     a name means the file must have it
 * @param orderIdColumn the order id column; null means "{@code order_id} if the file has it"
 * @param channelColumn the channel column; null means "{@code channel} if the file has it"
 * @param datePattern {@code "iso"} or a {@link java.time.format.DateTimeFormatter} pattern such as
 *     {@code yyyyMMdd}
 * @param decimalSeparator {@code '.'} or {@code ','} (CSV only; JSON numbers always use {@code .})
 * @param encoding the text encoding (UTF-8 by default; a byte order mark wins over it)
 * @param thousandsSeparator the grouping separator accepted in numbers ({@code ","}, {@code "."},
 *     {@code "'"} or {@code " "}), or empty for none (the default: {@code 1,234} is rejected)
 * @param currencySymbols symbols or codes accepted before or after a number and ignored, such as
 *     {@code ¥}, {@code $}, {@code €}, {@code USD}; empty by default (a symbol is rejected)
 * @since 0.1.0
 */
public record TransactionFormat(
    FileFormat format,
    String delimiter,
    boolean header,
    List<String> columns,
    String customerIdColumn,
    String dateColumn,
    String amountColumn,
    @Nullable String quantityColumn,
    @Nullable String orderIdColumn,
    @Nullable String channelColumn,
    String datePattern,
    char decimalSeparator,
    Charset encoding,
    String thousandsSeparator,
    List<String> currencySymbols) {

  /** Default name of the optional quantity column. */
  public static final String QUANTITY = "quantity";

  /** Default name of the optional order id column. */
  public static final String ORDER_ID = "order_id";

  /** Default name of the optional channel column. */
  public static final String CHANNEL = "channel";

  /**
   * Validates every option.
   *
   * @param format CSV, JSON Lines, or AUTO (by file extension)
   * @param delimiter one character, {@code "tab"}, or {@code "whitespace"} for runs of spaces and
   *     tabs (leading and trailing ones ignored; no quoting)
   * @param header true if the first row names the columns
   * @param columns the column names in file order; required without a header, and replaces the
   *     header's names if given with one
   * @param customerIdColumn the column holding the customer id
   * @param dateColumn the column holding the date
   * @param amountColumn the column holding the money value (negative = refund)
   * @param quantityColumn the quantity column; null means "{@code quantity} if the file has it",
   *     a name means the file must have it
   * @param orderIdColumn the order id column; null means "{@code order_id} if the file has it"
   * @param channelColumn the channel column; null means "{@code channel} if the file has it"
   * @param datePattern {@code "iso"} or a {@link java.time.format.DateTimeFormatter} pattern such as
   *     {@code yyyyMMdd}
   * @param decimalSeparator {@code '.'} or {@code ','} (CSV only; JSON numbers always use {@code .})
   * @param encoding the text encoding (UTF-8 by default; a byte order mark wins over it)
   * @param thousandsSeparator the grouping separator accepted in numbers ({@code ","}, {@code "."},
   *     {@code "'"} or {@code " "}), or empty for none (the default: {@code 1,234} is rejected)
   * @param currencySymbols symbols or codes accepted before or after a number and ignored, such as
   *     {@code ¥}, {@code $}, {@code €}, {@code USD}; empty by default (a symbol is rejected)
   */
  public TransactionFormat {
    Objects.requireNonNull(format, "format");
    Layout.checkDelimiter(Objects.requireNonNull(delimiter, "delimiter"));
    columns = List.copyOf(columns);
    Objects.requireNonNull(customerIdColumn, "customerIdColumn");
    Objects.requireNonNull(dateColumn, "dateColumn");
    Objects.requireNonNull(amountColumn, "amountColumn");
    Objects.requireNonNull(datePattern, "datePattern");
    Objects.requireNonNull(encoding, "encoding");
    currencySymbols = List.copyOf(currencySymbols);
    new ValueParser(decimalSeparator, datePattern, thousandsSeparator, currencySymbols); // validates all
    if (!header && columns.isEmpty() && format != FileFormat.JSONL) {
      throw new IllegalArgumentException(
          "a transaction file without a header needs its column names: set columns");
    }
  }

  /**
   * Returns the default format: CSV with a header, ISO dates, {@code .} as decimal separator.
   *
   * @return the defaults
   */
  public static TransactionFormat defaults() {
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
   * Returns a builder holding this format's options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.format = format;
    b.delimiter = delimiter;
    b.header = header;
    b.columns = columns;
    b.customerIdColumn = customerIdColumn;
    b.dateColumn = dateColumn;
    b.amountColumn = amountColumn;
    b.quantityColumn = quantityColumn;
    b.orderIdColumn = orderIdColumn;
    b.channelColumn = channelColumn;
    b.datePattern = datePattern;
    b.decimalSeparator = decimalSeparator;
    b.encoding = encoding;
    b.thousandsSeparator = thousandsSeparator;
    b.currencySymbols = currencySymbols;
    return b;
  }

  /**
   * Reads a format from a configuration section such as {@code $.input.transactions}. Keys:
   * {@code format} ({@code auto}, {@code csv}, {@code jsonl}), {@code delimiter}, {@code header},
   * {@code columns} (array), {@code fields} (object with {@code customerId}, {@code date}, {@code
   * amount}, {@code quantity}, {@code orderId}, {@code channel}), {@code datePattern}, {@code
   * decimalSeparator}, {@code encoding}, {@code thousandsSeparator}, {@code currencySymbols}.
   * Absent keys keep their defaults.
   *
   * @param config the section
   * @return the format
   * @throws ConfigurationException naming the file and JSON path of a bad key
   */
  public static TransactionFormat fromConfig(PluginConfig config) {
    return fromConfig(config, null);
  }

  /**
   * Reads a format as {@link #fromConfig(PluginConfig)} does, starting from a preset's defaults;
   * every key the section sets wins over the preset.
   *
   * @param config the section
   * @param preset the CRM export preset, or null for the plain defaults
   * @return the format
   * @throws ConfigurationException naming the file and JSON path of a bad key
   * @since 0.1.0
   */
  public static TransactionFormat fromConfig(PluginConfig config, @Nullable InputPreset preset) {
    Objects.requireNonNull(config, "config");
    Builder b = InputPreset.transactions(preset).readLayout(config);
    PluginConfig fields = config.section("fields");
    b.customerIdColumn(ConfigReading.columnName(fields, "customerId", b.customerIdColumn));
    b.dateColumn(ConfigReading.columnName(fields, "date", b.dateColumn));
    b.amountColumn(ConfigReading.columnName(fields, "amount", b.amountColumn));
    b.quantityColumn(ConfigReading.optionalColumnName(fields, "quantity"));
    b.orderIdColumn(ConfigReading.optionalColumnName(fields, "orderId"));
    b.channelColumn(ConfigReading.optionalColumnName(fields, "channel"));
    b.readValueSyntax(config);
    return ConfigReading.build(config, b::build);
  }

  /** Collects options; every setter checks its argument. */
  public static final class Builder extends FormatBuilder<Builder> {
    private String customerIdColumn = "customer_id";
    private String dateColumn = "date";
    private String amountColumn = "amount";
    private @Nullable String quantityColumn;
    private @Nullable String orderIdColumn;
    private @Nullable String channelColumn;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Names the customer id column.
     *
     * @param column default {@code customer_id}
     * @return this builder
     */
    public Builder customerIdColumn(String column) {
      this.customerIdColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Names the date column.
     *
     * @param column default {@code date}
     * @return this builder
     */
    public Builder dateColumn(String column) {
      this.dateColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Names the amount column.
     *
     * @param column default {@code amount}
     * @return this builder
     */
    public Builder amountColumn(String column) {
      this.amountColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Names the quantity column, which the file must then have.
     *
     * @param column a name, or null for "{@code quantity} if present" (the default)
     * @return this builder
     */
    public Builder quantityColumn(@Nullable String column) {
      this.quantityColumn = column;
      return this;
    }

    /**
     * Names the order id column, which the file must then have.
     *
     * @param column a name, or null for "{@code order_id} if present" (the default)
     * @return this builder
     */
    public Builder orderIdColumn(@Nullable String column) {
      this.orderIdColumn = column;
      return this;
    }

    /**
     * Names the channel column, which the file must then have.
     *
     * @param column a name, or null for "{@code channel} if present" (the default)
     * @return this builder
     */
    public Builder channelColumn(@Nullable String column) {
      this.channelColumn = column;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return the format
     * @throws IllegalArgumentException if the options do not fit together
     */
    public TransactionFormat build() {
      return new TransactionFormat(
          format, delimiter, header, new ArrayList<>(columns), customerIdColumn, dateColumn,
          amountColumn, quantityColumn, orderIdColumn, channelColumn, datePattern,
          decimalSeparator, encoding, thousandsSeparator, currencySymbols);
    }
  }
}
