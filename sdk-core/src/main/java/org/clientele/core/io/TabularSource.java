package org.clientele.core.io;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table of rows with named columns, from anywhere: a spreadsheet, a database query, a host's own
 * export. Give one to {@link CustomerReader#open(TabularSource, CustomerFormat, RejectionSink)} or
 * {@link TransactionReader#open(TabularSource, TransactionFormat, RejectionSink)} and its rows get
 * exactly what a CSV file gets: the column mapping ({@code rename}, the id column), typed value
 * parsing, rejections (source, row, column, value, reason, fix) and the counts. Built in: {@link
 * JdbcSource} (a query's result set); {@code XlsxSource} in {@code clientele-xlsx}.
 *
 * <p>Cells are {@code null} (empty), a {@link String} (parsed like CSV text: the format's decimal
 * separator and date pattern apply), a {@link Number} (a machine number: taken as it is, whatever
 * the decimal separator), or a {@link java.time.LocalDate} / {@link java.time.LocalDateTime}
 * (taken as that day). Anything else is read as its {@code toString()}.
 *
 * <p>A source is read once, on one thread, and closed by the reader.
 *
 * @since 0.1.0
 */
public interface TabularSource extends AutoCloseable {

  /**
   * Returns the name used in rejections and counts (a file name, {@code "crm.accounts"}...).
   *
   * @return the name
   */
  String name();

  /**
   * Returns the column names, in order (the header of the table).
   *
   * @return the names; the same list for every row
   * @throws InputException if the header cannot be read
   */
  List<String> columns();

  /**
   * Returns the next row's cells, parallel to {@link #columns()} (a shorter row is padded with
   * empty cells; a longer one is rejected).
   *
   * @return the cells, or null after the last row
   * @throws InputException if the source cannot be read further
   */
  @Nullable List<@Nullable Object> next();

  /**
   * Returns where the row last returned by {@link #next()} is, for rejections: a spreadsheet row
   * number, a result-set row number.
   *
   * @return 1-based, counting the header row if the source has one
   */
  long line();

  /** Releases the source (a file, a result set). */
  @Override
  void close();
}
