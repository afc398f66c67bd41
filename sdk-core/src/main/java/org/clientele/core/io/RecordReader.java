package org.clientele.core.io;

import java.util.List;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Streams the accepted records of one file; rejected rows go to a {@link RejectionSink}. Holds one
 * row at a time, never the file. Not thread-safe; close it when done (a {@code
 * try}-with-resources block).
 *
 * <pre>{@code
 * try (TransactionReader reader = TransactionReader.open(path, format, rejections)) {
 *   reader.forEachRemaining(deriver::add);
 *   ReadCounts counts = reader.counts();   // read = accepted + rejected
 * }
 * }</pre>
 *
 * @param <T> the record type
 * @since 0.1.0
 */
public abstract sealed class RecordReader<T> implements Records<T>
    permits TransactionReader, CustomerReader, OutcomeReader {

  private final RowSource rows;
  private final RejectionSink sink;
  final String source;
  final ReadCounts.Tally tally;
  private @Nullable T next;
  private long nextLine;
  private long line;
  private boolean done;

  RecordReader(String source, RowSource rows, RejectionSink sink) {
    this.source = source;
    this.rows = rows;
    this.sink = sink;
    this.tally = new ReadCounts.Tally(source);
  }

  /**
   * Returns the name of the file being read.
   *
   * @return the source name used in rejections
   */
  public String source() {
    return source;
  }

  /**
   * Returns the counts so far; after the last record, the counts of the whole file.
   *
   * @return read, accepted and rejected rows, rejections by reason, and notes
   */
  @Override
  public ReadCounts counts() {
    ReadCounts counts = tally.snapshot();
    List<String> late = lateNotes();
    if (late.isEmpty()) {
      return counts;
    }
    List<String> notes = new java.util.ArrayList<>(counts.notes());
    notes.addAll(late);
    return new ReadCounts(counts.source(), counts.read(), counts.accepted(), counts.rejected(), counts.rejectedByReason(), notes);
  }

  /**
   * Notes known only from what was read so far (columns never mapped, dates that parse only with
   * day and month swapped), added to every {@link #counts()}.
   *
   * @return the notes; empty by default
   */
  List<String> lateNotes() {
    return List.of();
  }

  /**
   * Tells whether another accepted record follows, reading (and rejecting) rows until one does.
   *
   * @return true if {@link #next()} has a record
   * @throws RowRejectedException in strict mode, at the first bad row
   * @throws InputException if the file cannot be read further
   */
  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      RawRow row = rows.next();
      if (row == null) {
        done = true;
        break;
      }
      if (row.problem() != null) {
        reject(row.problem());
        continue;
      }
      next = convert(row);
      nextLine = row.line();
    }
    return next != null;
  }

  /**
   * Returns the next accepted record.
   *
   * @return the record
   * @throws NoSuchElementException at the end of the file
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException(source + ": no more records");
    }
    T out = Objects.requireNonNull(next, "hasNext() returned true without a record");
    next = null;
    line = nextLine;
    advanced();
    return out;
  }

  /** Called when {@link #next()} hands out the record converted last: a reader moves what it kept of that row's cells. */
  void advanced() {}

  /**
   * Returns the line where the record last returned by {@link #next()} starts.
   *
   * @return the 1-based line, or 0 before the first record
   */
  @Override
  public long line() {
    return line;
  }

  /**
   * Returns the remaining records as a sequential stream; closing the stream closes this reader.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** Closes the file. */
  @Override
  public void close() {
    rows.close();
  }

  /**
   * Turns a raw row into a record, or rejects it with {@link #reject} and returns null.
   */
  abstract @Nullable T convert(RawRow row);

  /**
   * Converts one row read elsewhere (by {@link TransactionScan}), with this reader's checks,
   * rejections and counts.
   *
   * @return the record, or null if the row was rejected
   */
  final @Nullable T read(RawRow row) {
    Rejection problem = row.problem();
    if (problem != null) {
      return reject(problem);
    }
    return convert(row);
  }

  /** Counts an accepted row. */
  final void accepted() {
    tally.accepted();
  }

  /** Counts and reports a rejected row; returns null for the caller's convenience. */
  final @Nullable T reject(Rejection rejection) {
    tally.rejected(rejection.reason());
    sink.reject(rejection);
    return null;
  }

  final @Nullable T reject(RawRow row, String column, @Nullable String value, RejectionReason reason, String message, String fix) {
    return reject(new Rejection(source, row.line(), column, value == null ? "" : value, reason, message, fix));
  }

  /** Rejects the row if any value holds bytes that were not UTF-8; returns true if it did. */
  final boolean rejectedForEncoding(RawRow row) {
    for (int i = 0; i < row.values().size(); i++) {
      String v = row.values().get(i);
      if (v != null && v.indexOf(TextInput.REPLACEMENT) >= 0) {
        String column = i < row.names().size() ? row.names().get(i) : "#" + (i + 1);
        reject(
            row, column, v, RejectionReason.INVALID_ENCODING,
            "the value contains bytes that are not valid in the file's configured encoding (shown as \uFFFD)",
            "save the file as UTF-8 (for example from a spreadsheet: CSV UTF-8), convert it with"
                + " iconv -f <encoding> -t UTF-8, or set encoding in the configuration (for example"
                + " GB18030)");
        return true;
      }
    }
    return false;
  }

  static RowSource rowSource(String source, java.io.Reader reader, FileFormat format, Layout layout, java.util.List<String> columns, String undecodable) {
    return format == FileFormat.JSONL
        ? new JsonLinesRowSource(source, reader)
        : new CsvRowSource(source, reader, layout, columns, undecodable);
  }

  /** The message for a header that did not decode, when the bytes are not at hand. */
  static String undecodable(String section) {
    return "the header holds characters that are not text (U+FFFD or NUL): the file is not in the"
        + " encoding it was read with; fix: set \"encoding\" in " + section + " (for example"
        + " \"GB18030\" or \"UTF-16\"), or save the file as CSV UTF-8";
  }

  /** The trimmed value at {@code index}, or null if there is none or it is empty. */
  /**
   * The position of a configured column in a header: the exact spelling, else the one name equal
   * to it ignoring case and surrounding spaces (an export's {@code Customer_ID} for {@code
   * customer_id}); -1 if there is none.
   *
   * @param setting the configuration key that names the column, for the error
   * @throws InputException if several names equal it ignoring case and none exactly
   */
  static int columnIndex(List<String> names, String column, String setting, String source) {
    int exact = names.indexOf(column);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().equalsIgnoreCase(column.trim())) {
        if (found >= 0) {
          throw new InputException(source, 0, setting + " \"" + column + "\" matches several columns ignoring case: \""
              + names.get(found) + "\" and \"" + names.get(i) + "\"; set " + setting + " to one of them, spelled exactly", null);
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * A header that did not split (one name holding another delimiter) is a delimiter problem,
   * whatever column was looked for: the sentence saying so, or null.
   *
   * @param section the configuration section, {@code input.customers} or {@code input.transactions}
   */
  static @Nullable String unsplitHeader(List<String> names, String delimiter, String section) {
    if (names.size() != 1) {
      return null;
    }
    String only = names.get(0);
    for (String d : List.of(";", "\t", "|", ",")) {
      String shown = d.equals("\t") ? "tab" : d;
      if (only.contains(d) && !shown.equals(delimiter)) {
        return "the header did not split into columns: it is one column \"" + only + "\", which holds '" + shown
            + "' (the delimiter is \"" + delimiter + "\"); set " + section + ".delimiter to \"" + shown + "\"";
      }
    }
    return null;
  }

  static @Nullable String text(RawRow row, int index) {
    if (index < 0 || index >= row.values().size()) {
      return null;
    }
    String v = row.values().get(index);
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }
}
