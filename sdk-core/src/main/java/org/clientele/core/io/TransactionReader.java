package org.clientele.core.io;

import java.util.ArrayList;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a transaction log (CSV or JSON Lines) as a stream of {@link Transaction}s, turning bad
 * rows into {@link Rejection}s. See {@link RecordReader} for the reading contract and {@link
 * TransactionFormat} for the layout options.
 *
 * <p>A row is rejected when its customer id or date or amount is empty ({@link
 * RejectionReason#MISSING_VALUE}), the date does not match the pattern, the amount or quantity is
 * not a finite number, a value is not UTF-8, or a CSV row has the wrong number of values. A
 * negative amount is a refund, not an error.
 *
 * @since 0.1.0
 */
public final class TransactionReader extends RecordReader<Transaction> {

  private final TransactionFormat format;
  private final ValueParser values;
  private final @Nullable Columns columns;
  // The date cell as written, of the row converted last and of the record handed out last.
  private @Nullable String pendingDateText;
  private @Nullable String lastDateText;

  private TransactionReader(String source, RowSource rows, TransactionFormat format, RejectionSink sink) {
    super(source, rows, sink);
    this.format = format;
    this.values = new ValueParser(format.decimalSeparator(), format.datePattern(), format.thousandsSeparator(), format.currencySymbols());
    this.columns = rows instanceof CsvRowSource csv ? new Columns(csv.names(), source, format)
        : rows instanceof TabularRowSource table ? new Columns(table.names(), source, format)
        : rows instanceof TransactionScan.Rows scanned ? new Columns(scanned.names(), source, format) : null;
    List<String> names = rows instanceof CsvRowSource csv ? csv.names()
        : rows instanceof TabularRowSource table ? table.names()
        : rows instanceof TransactionScan.Rows scanned ? scanned.names() : List.of();
    String ignored = columns == null ? null : ignoredColumns(source, names, columns);
    if (ignored != null) {
      tally.note(ignored);
    }
  }

  /**
   * The note naming the columns a log has and the reader does not use, with the optional columns
   * that look like one the reader would use under another spelling: a status or type column is
   * never applied by itself (a lost opportunity would count as revenue), and an "ORDER_ID" not
   * read as order_id leaves line items ungrouped.
   */
  private static @Nullable String ignoredColumns(String source, List<String> names, Columns c) {
    java.util.Set<Integer> used = new java.util.HashSet<>(
        List.of(c.id(), c.date(), c.amount(), c.quantity(), c.orderId(), c.channel()));
    List<String> ignored = new ArrayList<>();
    List<String> nearMisses = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (used.contains(i)) {
        continue;
      }
      String name = names.get(i).trim();
      ignored.add(name.isEmpty() ? "(unnamed column " + (i + 1) + ")" : name);
      String key = name.toLowerCase(java.util.Locale.ROOT).replace(" ", "_").replace("-", "_");
      if (c.quantity() < 0 && key.equals(TransactionFormat.QUANTITY)) {
        nearMisses.add("\"" + name + "\" as quantity (fields.quantity)");
      } else if (c.orderId() < 0 && (key.equals(TransactionFormat.ORDER_ID) || key.equals("orderid"))) {
        nearMisses.add("\"" + name + "\" as order_id (fields.orderId), so that the line items of one order count as one order");
      } else if (c.channel() < 0 && key.equals(TransactionFormat.CHANNEL)) {
        nearMisses.add("\"" + name + "\" as channel (fields.channel)");
      }
    }
    if (ignored.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(source).append(": columns not read: ").append(ignored)
        .append(" (a log gives each row's customer, date and amount, and optionally quantity, order_id and"
            + " channel; no other column filters or changes a row: remove rows such as lost or cancelled ones"
            + " from the export first)");
    if (!nearMisses.isEmpty()) {
      b.append("; did you mean ").append(String.join(", ", nearMisses)).append('?');
    }
    return b.toString();
  }

  /**
   * Opens a file.
   *
   * @param file the file; UTF-8 with or without a byte order mark
   * @param format its layout; AUTO resolves by the file's extension
   * @param sink receives rejected rows ({@link RejectionSink#strict()} to stop at the first)
   * @return the reader, positioned after the header
   * @throws InputException if the file cannot be opened or its header lacks a required column
   */
  public static TransactionReader open(Path file, TransactionFormat format, RejectionSink sink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    return open(TextInput.open(file, format.encoding()), source, format, sink);
  }

  /**
   * Reads from a byte stream in the format's {@linkplain TransactionFormat#encoding() encoding} (a byte
   * order mark wins); for pipes, network streams and stored uploads.
   *
   * @param in the bytes; closed when the reader is closed
   * @param source the name used in rejections and counts
   * @param format the layout; AUTO resolves by {@code source}
   * @param sink receives rejected rows
   * @return the reader, positioned after the header
   * @throws InputException if the header does not decode in the encoding, or lacks a required
   *     column
   * @since 0.1.0
   */
  public static TransactionReader open(InputStream in, String source, TransactionFormat format, RejectionSink sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    // gzip is decompressed and known binary formats refused before decoding (InputFiles).
    return open(TextInput.decode(InputFiles.text(in, source), format.encoding()), source, format, sink);
  }

  private static TransactionReader open(TextInput.Decoded text, String source, TransactionFormat format, RejectionSink sink) {
    return open(text.reader(), source, format, sink,
        TextInput.notDecodable(text.charset(), text.looksLike(), "input.transactions"));
  }

  /**
   * Reads from a character stream (for example a string in a test, or a network stream).
   *
   * @param reader the text; a leading byte order mark is dropped
   * @param source the name used in rejections and counts
   * @param format the layout; AUTO resolves by {@code source}
   * @param sink receives rejected rows
   * @return the reader, positioned after the header
   * @throws InputException if the header lacks a required column
   */
  public static TransactionReader open(Reader reader, String source, TransactionFormat format, RejectionSink sink) {
    return open(reader, source, format, sink, undecodable("input.transactions"));
  }

  private static TransactionReader open(Reader reader, String source, TransactionFormat format, RejectionSink sink, String undecodable) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    FileFormat resolved = format.format().resolve(source);
    Layout layout = Layout.of(format.delimiter(), format.header());
    RowSource rows =
        rowSource(source, TextInput.withoutBom(reader), resolved, layout, format.columns(), undecodable);
    try {
      TransactionReader out = new TransactionReader(source, rows, format, sink);
      if (rows instanceof CsvRowSource csv && csv.names().isEmpty()) {
        out.tally.note(source + ": the file is empty (no header, no rows)");
      }
      return out;
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /**
   * A reader for the rows {@link TransactionScan} does not convert itself: the same conversion,
   * rejections and counts as a reader of the whole file.
   */
  static TransactionReader scanned(String source, TransactionScan.Rows rows, TransactionFormat format, RejectionSink sink) {
    return new TransactionReader(source, rows, format, sink);
  }

  /** The column positions, resolved from the header (only for CSV rows and tables). */
  int[] columnPositions() {
    Columns c = java.util.Objects.requireNonNull(columns, "CSV and tables resolve their columns");
    return new int[] {c.id(), c.date(), c.amount(), c.quantity(), c.orderId(), c.channel()};
  }

  /** Column positions resolved once from a CSV header or column list. */
  private record Columns(int id, int date, int amount, int quantity, int orderId, int channel) {
    Columns(List<String> names, String source, TransactionFormat f) {
      this(
          required(names, f.customerIdColumn(), "customerId", source, f.delimiter()),
          required(names, f.dateColumn(), "date", source, f.delimiter()),
          required(names, f.amountColumn(), "amount", source, f.delimiter()),
          optional(names, f.quantityColumn(), TransactionFormat.QUANTITY, "quantity", source, f.delimiter()),
          optional(names, f.orderIdColumn(), TransactionFormat.ORDER_ID, "orderId", source, f.delimiter()),
          optional(names, f.channelColumn(), TransactionFormat.CHANNEL, "channel", source, f.delimiter()));
    }

    private static int required(List<String> names, String column, String role, String source, String delimiter) {
      if (names.isEmpty()) {
        return -1; // an empty file: nothing to resolve
      }
      int i = columnIndex(names, column, "fields." + role, source);
      if (i < 0) {
        String unsplit = unsplitHeader(names, delimiter, "input.transactions");
        throw new InputException(
            source, 0,
            unsplit != null ? unsplit : "no column \"" + column + "\" for the " + role + " among " + names
                + "; set fields." + role + " to one of these (or columns, for a file without a header)",
            null);
      }
      return i;
    }

    private static int optional(
        List<String> names, @Nullable String configured, String defaultName, String role, String source, String delimiter) {
      // An optional column by its default name is read only when spelled so; another spelling
      // ("ORDER_ID") is named in the note of columns not read, so the user decides.
      return configured == null ? names.indexOf(defaultName) : required(names, configured, role, source, delimiter);
    }
  }

  /**
   * Reads the rows of a table (a spreadsheet, a query's result set): the same column mapping,
   * value parsing, rejections and counts as a CSV file with that header.
   *
   * @param table the rows; closed with this reader
   * @param format the column names, date pattern and decimal separator for text cells; its file
   *     format, delimiter and columns do not apply
   * @param sink receives rejected rows
   * @return the reader, positioned before the first row
   * @throws InputException if the table lacks a required column
   * @since 0.1.0
   */
  public static TransactionReader open(TabularSource table, TransactionFormat format, RejectionSink sink) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    RowSource rows;
    try {
      rows = new TabularRowSource(table, format.datePattern());
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
    try {
      return new TransactionReader(table.name(), rows, format, sink);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  @Override
  @Nullable Transaction convert(RawRow row) {
    if (rejectedForEncoding(row)) {
      return null;
    }
    Columns c = columns;
    String id = text(row, c == null ? index(row, format.customerIdColumn()) : c.id());
    if (id == null) {
      return missing(row, format.customerIdColumn(), "customer id", "write the customer's id");
    }
    int dateIndex = c == null ? index(row, format.dateColumn()) : c.date();
    String dateText = text(row, dateIndex);
    if (dateText == null) {
      return missing(row, format.dateColumn(), "date", "write the transaction's date");
    }
    Object date = values.date(dateText);
    if (date instanceof ValueParser.Problem p) {
      return reject(row, format.dateColumn(), dateText, p.reason(), p.message(), p.fix());
    }
    int amountIndex = c == null ? index(row, format.amountColumn()) : c.amount();
    String amountText = text(row, amountIndex);
    if (amountText == null) {
      return missing(row, format.amountColumn(), "amount", "write the money value (negative for a refund)");
    }
    Object amount = values.number(amountText, row.isJsonNumber(amountIndex));
    if (amount instanceof ValueParser.Problem p) {
      return reject(row, format.amountColumn(), amountText, p.reason(), p.message(), p.fix());
    }
    String quantityColumn = format.quantityColumn() == null ? TransactionFormat.QUANTITY : format.quantityColumn();
    int quantityIndex = c == null ? index(row, quantityColumn) : c.quantity();
    String quantityText = text(row, quantityIndex);
    Double quantity = null;
    if (quantityText != null) {
      Object q = values.number(quantityText, row.isJsonNumber(quantityIndex));
      if (q instanceof ValueParser.Problem p) {
        return reject(row, quantityColumn, quantityText, p.reason(), p.message(), p.fix());
      }
      quantity = (Double) q;
    }
    String orderId = text(row, c == null ? index(row, orElse(format.orderIdColumn(), TransactionFormat.ORDER_ID)) : c.orderId());
    String channel = text(row, c == null ? index(row, orElse(format.channelColumn(), TransactionFormat.CHANNEL)) : c.channel());
    accepted();
    pendingDateText = dateText;
    return new Transaction(id, (LocalDate) date, (Double) amount, quantity, orderId, channel);
  }

  @Override
  void advanced() {
    lastDateText = pendingDateText;
  }

  /**
   * Returns the file's column name for {@code date}, as configured; other fields keep their name.
   *
   * @param field a field of {@link Transaction}
   * @return the column name
   */
  @Override
  public String column(String field) {
    return field.equals("date") ? format.dateColumn() : field;
  }

  /**
   * Returns the date cell of the record last returned, as the file wrote it.
   *
   * @param field {@code date}; other fields are not kept
   * @return the text, or null
   */
  @Override
  public @Nullable String rawText(String field) {
    return field.equals("date") ? lastDateText : null;
  }

  private @Nullable Transaction missing(RawRow row, String column, String what, String fix) {
    return reject(row, column, "", RejectionReason.MISSING_VALUE, "the " + what + " is empty or absent", fix);
  }

  private static String orElse(@Nullable String configured, String defaultName) {
    return configured == null ? defaultName : configured;
  }

  private static int index(RawRow row, String name) {
    return row.names().indexOf(name);
  }

  @Override
  List<String> lateNotes() {
    String swapped = values.swappedNote(source);
    return swapped == null ? List.of() : List.of(swapped);
  }
}
