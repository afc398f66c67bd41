package org.clientele.core.io;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV transaction log without an object per row: the pass that {@code
 * FeatureDeriver.derive} makes over a file. It gives exactly what {@link TransactionReader} gives
 * for the same file (the same accepted transactions, rejections, lines and counts), because it
 * converts only the rows whose meaning is plain and hands every other one to the reader's own
 * code:
 *
 * <ul>
 *   <li>a line of ASCII text without quotes, with the header's number of values, whose customer
 *       id, date ({@code yyyy-MM-dd}) and amount are present and plain (no surrounding blanks,
 *       decimal point, no exponent, at most 15 digits), is read here, into a reused {@link Row};
 *   <li>any other line without quotes or control characters (a value with blanks around it, a
 *       non-ASCII id, a bad value, the wrong number of values, the header repeated) is decoded
 *       and converted, or rejected, by {@link TransactionReader}'s code;
 *   <li>at the first line with a quote, a carriage return inside it or another control character,
 *       or longer than 1 MiB, the rest of the file from that line on is parsed by the reader's CSV
 *       parser (Jackson), as if it had read the whole file.
 * </ul>
 *
 * A file whose header line is not plain ASCII without quotes is read by {@link TransactionReader}
 * from the start. The visitor receives the accepted rows in file order; rejections go to the sink.
 *
 * @since 0.1.0
 */
public final class TransactionScan {

  private static final int BUFFER = 1 << 16;
  /** Days from 0000-01-01 to 1970-01-01, as in {@link LocalDate}. */
  private static final long DAYS_0000_TO_1970 = 719_528L;
  private static final int MAX_LINE = 1 << 20;
  /** Largest mantissa whose quotient by an exact power of ten is correctly rounded. */
  private static final long EXACT_MANTISSA = 1L << 53;
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private TransactionScan() {}

  /**
   * Receives the accepted rows of a log, in file order.
   *
   * @since 0.1.0
   */
  public interface Visitor {

    /**
     * One accepted row read by the scan itself; the row and its texts are reused for the next
     * row, so copy what must be kept.
     *
     * @param row the row
     */
    void row(Row row);

    /**
     * One accepted row converted by {@link TransactionReader}'s code.
     *
     * @param transaction the transaction
     * @param line the 1-based line where it starts
     * @param dateText the date cell as the file wrote it (for a rejection that names it), or null
     */
    void transaction(Transaction transaction, long line, @Nullable String dateText);
  }

  /**
   * One accepted row as the scan read it, valid only during {@link Visitor#row}: the same values
   * as the {@link Transaction} the reader would have made (the quantity is checked but not kept).
   *
   * @since 0.1.0
   */
  public static final class Row {
    private final Ascii customerId = new Ascii();
    private final Ascii orderId = new Ascii();
    private final Ascii channel = new Ascii();
    private long line;
    private long epochDay;
    private double amount;
    private boolean hasOrderId;
    private boolean hasChannel;

    Row() {}

    /**
     * Returns the row's line.
     *
     * @return the 1-based line
     */
    public long line() {
      return line;
    }

    /**
     * Returns the date.
     *
     * @return the day, as {@link LocalDate#toEpochDay()}
     */
    public long epochDay() {
      return epochDay;
    }

    /**
     * Returns the date.
     *
     * @return the day (a new object)
     */
    public LocalDate date() {
      return LocalDate.ofEpochDay(epochDay);
    }

    /**
     * Returns the amount.
     *
     * @return the money value; negative for a refund
     */
    public double amount() {
      return amount;
    }

    /**
     * Returns the customer id.
     *
     * @return the id's text, reused for the next row ({@code toString()} copies it)
     */
    public CharSequence customerId() {
      return customerId;
    }

    /**
     * Returns the order id.
     *
     * @return the text, reused for the next row, or null if the row has none
     */
    public @Nullable CharSequence orderId() {
      return hasOrderId ? orderId : null;
    }

    /**
     * Returns the channel.
     *
     * @return the text, reused for the next row, or null if the row has none
     */
    public @Nullable CharSequence channel() {
      return hasChannel ? channel : null;
    }
  }

  /**
   * Tells whether {@link #scan} reads a file in this layout: CSV (by the format or the file's
   * extension) in UTF-8 with a header row, a one-character ASCII delimiter other than a space, and
   * no column list.
   *
   * @param file the file
   * @param format its layout
   * @return true if {@link #scan} accepts them
   */
  public static boolean supports(Path file, TransactionFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    if (format.format().resolve(file) != FileFormat.CSV
        || !format.header()
        || !format.columns().isEmpty()
        || !StandardCharsets.UTF_8.equals(format.encoding())) {
      return false;
    }
    Layout layout = Layout.of(format.delimiter(), true);
    // The CSV parser drops the spaces that start a line: a space delimiter is left to it.
    return !layout.whitespace() && layout.delimiter() < 0x80 && layout.delimiter() != ' ';
  }

  /**
   * Reads a file, sending the accepted rows to the visitor and the rejected ones to the sink.
   *
   * @param file the transaction log; gzip is decompressed
   * @param format its layout; {@link #supports} must be true
   * @param sink receives rejected rows ({@link RejectionSink#strict()} to stop at the first)
   * @param visitor receives accepted rows
   * @return the counts of the file, as {@link TransactionReader#counts()} gives them
   * @throws InputException if the file cannot be read, or its header lacks a required column
   * @throws IllegalArgumentException if the layout is not supported
   */
  public static ReadCounts scan(Path file, TransactionFormat format, RejectionSink sink, Visitor visitor) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(visitor, "visitor");
    if (!supports(file, format)) {
      throw new IllegalArgumentException(
          "TransactionScan reads UTF-8 CSV files with a header and a one-character delimiter;"
              + " read " + file + " with TransactionReader");
    }
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open the file: " + e, e);
    }
    return scan(raw, source, format, sink, visitor);
  }

  /**
   * Reads a file's bytes, as {@link #scan(Path, TransactionFormat, RejectionSink, Visitor)} does:
   * for a caller that opens the file itself (to count its bytes for a progress bar).
   *
   * @param raw the file's bytes from the start (gzip is decompressed); closed when done
   * @param source the file's name, for rejections and errors
   * @param format its layout; {@link #supports} must be true for the file
   * @param sink receives rejected rows ({@link RejectionSink#strict()} to stop at the first)
   * @param visitor receives accepted rows
   * @return the counts of the file, as {@link TransactionReader#counts()} gives them
   * @throws InputException if the file cannot be read, or its header lacks a required column
   * @since 0.1.0
   */
  public static ReadCounts scan(InputStream raw, String source, TransactionFormat format, RejectionSink sink, Visitor visitor) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(visitor, "visitor");
    try (InputStream in = InputFiles.text(raw, source)) {
      return new Pass(source, in, format, sink, visitor).run();
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read the file: " + e, e);
    }
  }

  /** The rows a {@link TransactionReader} reads once the scan has handed the rest of the file over. */
  static final class Rows implements RowSource {
    private final List<String> names;
    private final List<String> header;
    private @Nullable RowSource rest;

    Rows(List<String> names, List<String> header) {
      this.names = names;
      this.header = header;
    }

    List<String> names() {
      return names;
    }

    void handOver(RowSource rows) {
      rest = rows;
    }

    @Override
    public @Nullable RawRow next() {
      RowSource r = rest;
      return r == null ? null : r.next();
    }

    @Override
    public List<String> header() {
      return header;
    }

    @Override
    public void close() {
      RowSource r = rest;
      if (r != null) {
        r.close();
      }
    }
  }

  /** One pass over one file. */
  private static final class Pass {
    private final String source;
    private final InputStream in;
    private final TransactionFormat format;
    private final RejectionSink sink;
    private final Visitor visitor;
    private final Layout layout;
    private final byte delimiter;
    private final boolean plainDates;
    private final boolean plainNumbers;
    private final Row row = new Row();
    private byte[] buf = new byte[BUFFER];
    /** Valid bytes are {@code [0, end)}; the current line is {@code [lineStart, lineEnd)}, the next starts at {@code next}. */
    private int end;
    private int lineStart;
    private int lineEnd;
    private int next;
    private boolean eof;
    private boolean tooLong;
    private long line;
    private int[] fieldStart = new int[0];
    private int[] fieldEnd = new int[0];
    private double number;

    Pass(String source, InputStream in, TransactionFormat format, RejectionSink sink, Visitor visitor) {
      this.source = source;
      this.in = in;
      this.format = format;
      this.sink = sink;
      this.visitor = visitor;
      this.layout = Layout.of(format.delimiter(), true);
      this.delimiter = (byte) layout.delimiter();
      this.plainDates = ValueParser.ISO.equalsIgnoreCase(format.datePattern());
      this.plainNumbers = format.decimalSeparator() == '.' && format.thousandsSeparator().isEmpty()
          && format.currencySymbols().isEmpty();
    }

    ReadCounts run() throws IOException {
      fill();
      int bom = end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
      next = bom;
      if (!nextLine() || !plainHeader()) {
        return whole();
      }
      line = 1;
      String headerText = new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.US_ASCII);
      List<String> names;
      List<String> header;
      try (CsvRowSource h = new CsvRowSource(source, new StringReader(headerText), layout, List.of(),
          RecordReader.undecodable("input.transactions"))) {
        names = h.names();
        header = h.header();
      }
      Rows rows = new Rows(names, header);
      try (TransactionReader reader = TransactionReader.scanned(source, rows, format, sink)) {
        int[] columns = reader.columnPositions();
        fieldStart = new int[names.size() + 1];
        fieldEnd = new int[names.size() + 1];
        byte[] firstName = header.get(0).getBytes(StandardCharsets.US_ASCII);
        while (nextLine()) {
          line++;
          if (tooLong || !lineByLine(reader, columns, names, header, firstName)) {
            handOver(reader, rows, names, header);
            break;
          }
        }
        return reader.counts();
      }
    }

    /**
     * Reads the current line; false if it must be handed over to the CSV parser (a quote, a
     * carriage return or another control character, or a line of blanks alone).
     */
    private boolean lineByLine(TransactionReader reader, int[] columns, List<String> names, List<String> header, byte[] firstName) {
      int s = lineStart;
      int e = lineEnd;
      while (s < e && buf[s] == ' ') {
        s++; // the CSV parser drops the spaces that start a line
      }
      if (s == e) {
        return true; // an empty line, or spaces alone: skipped, as the CSV parser skips them
      }
      int capacity = fieldStart.length;
      int n = 0;
      boolean ascii = true;
      boolean blank = true;
      fieldStart[0] = s;
      for (int i = s; i < e; i++) {
        byte b = buf[i];
        if (b == delimiter) {
          if (n < capacity) {
            fieldEnd[n] = i;
          }
          n++;
          if (n < capacity) {
            fieldStart[n] = i + 1;
          }
        } else if (b == '"' || (b >= 0 && b < ' ' && b != '\t')) {
          return false;
        } else if (b < 0) {
          ascii = false;
        } else if (b != ' ' && b != '\t') {
          blank = false;
        }
      }
      if (n < capacity) {
        fieldEnd[n] = e;
      }
      n++;
      if (n == 1 && blank) {
        return false; // blanks alone: the parser's call
      }
      if (!ascii || n != names.size() || sameBytes(0, firstName) || !plainRow(reader, columns)) {
        converted(reader, s, names, header);
      }
      return true;
    }

    /** Reads a plain row into {@link #row} and hands it to the visitor; false if it is not plain. */
    private boolean plainRow(TransactionReader reader, int[] columns) {
      if (!plainDates || !plainNumbers) {
        return false;
      }
      int id = columns[0];
      if (!trimmed(id) || fieldEnd[id] == fieldStart[id]) {
        return false;
      }
      long day = isoDay(columns[1]);
      if (day == Long.MIN_VALUE || !plainNumber(columns[2])) {
        return false;
      }
      double amount = number;
      int quantity = columns[3];
      if (quantity >= 0 && fieldEnd[quantity] > fieldStart[quantity] && !plainNumber(quantity)) {
        return false;
      }
      int order = columns[4];
      int channel = columns[5];
      if ((order >= 0 && !trimmed(order)) || (channel >= 0 && !trimmed(channel))) {
        return false;
      }
      row.line = line;
      row.epochDay = day;
      row.amount = amount;
      row.customerId.set(buf, fieldStart[id], fieldEnd[id]);
      row.hasOrderId = order >= 0 && fieldEnd[order] > fieldStart[order];
      if (row.hasOrderId) {
        row.orderId.set(buf, fieldStart[order], fieldEnd[order]);
      }
      row.hasChannel = channel >= 0 && fieldEnd[channel] > fieldStart[channel];
      if (row.hasChannel) {
        row.channel.set(buf, fieldStart[channel], fieldEnd[channel]);
      }
      reader.accepted();
      visitor.row(row);
      return true;
    }

    /** True if the field has no blank at either end (an empty field has none). */
    private boolean trimmed(int field) {
      int s = fieldStart[field];
      int e = fieldEnd[field];
      return s == e || (buf[s] > ' ' && buf[e - 1] > ' ');
    }

    private boolean sameBytes(int field, byte[] text) {
      int s = fieldStart[field];
      if (fieldEnd[field] - s != text.length) {
        return false;
      }
      for (int i = 0; i < text.length; i++) {
        if (buf[s + i] != text[i]) {
          return false;
        }
      }
      return true;
    }

    /** The epoch day of a {@code yyyy-MM-dd} date from year 1 on, or Long.MIN_VALUE if it is not one. */
    private long isoDay(int field) {
      int s = fieldStart[field];
      if (fieldEnd[field] - s != 10 || buf[s + 4] != '-' || buf[s + 7] != '-') {
        return Long.MIN_VALUE;
      }
      int year = digits(s, 4);
      int month = digits(s + 5, 2);
      int day = digits(s + 8, 2);
      if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
        return Long.MIN_VALUE;
      }
      return epochDay(year, month, day);
    }

    /** {@link LocalDate#toEpochDay()} for a valid date from year 1 on, without the object. */
    private static long epochDay(int year, int month, int day) {
      long y = year;
      long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400 + (367L * month - 362) / 12 + day - 1;
      if (month > 2) {
        total -= lengthOfMonth(year, 2) == 29 ? 1 : 2;
      }
      return total - DAYS_0000_TO_1970;
    }

    private static int lengthOfMonth(int year, int month) {
      return switch (month) {
        case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        case 4, 6, 9, 11 -> 30;
        default -> 31;
      };
    }

    /** The value of {@code count} decimal digits, or -1 if one is not a digit. */
    private int digits(int from, int count) {
      int v = 0;
      for (int i = from; i < from + count; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        v = v * 10 + d;
      }
      return v;
    }

    /**
     * Parses {@code [+-]digits[.digits]} (at least one digit, at most 15 in all) into {@link
     * #number}, exactly as {@link Double#parseDouble} does (the mantissa and the power of ten are
     * exact, so the quotient is correctly rounded); false for anything else.
     */
    private boolean plainNumber(int field) {
      int i = fieldStart[field];
      int e = fieldEnd[field];
      boolean negative = false;
      if (i < e && (buf[i] == '-' || buf[i] == '+')) {
        negative = buf[i] == '-';
        i++;
      }
      long mantissa = 0;
      int digits = 0;
      int decimals = -1;
      for (; i < e; i++) {
        byte b = buf[i];
        if (b == '.' && decimals < 0) {
          decimals = 0;
          continue;
        }
        int d = b - '0';
        if (d < 0 || d > 9 || ++digits > 15) {
          return false;
        }
        mantissa = mantissa * 10 + d;
        if (decimals >= 0) {
          decimals++;
        }
      }
      if (digits == 0 || mantissa > EXACT_MANTISSA) {
        return false;
      }
      double v = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : (double) mantissa;
      number = negative ? -v : v;
      return true;
    }

    /** Decodes the current line and converts (or rejects) it with the reader's code. */
    private void converted(TransactionReader reader, int start, List<String> names, List<String> header) {
      // Decoded with its line break, as the parser decodes it, so that a malformed sequence at
      // the end of the line becomes the same replacement characters.
      String text = new String(buf, start, next - start, StandardCharsets.UTF_8);
      int cut = text.length();
      while (cut > 0 && (text.charAt(cut - 1) == '\n' || text.charAt(cut - 1) == '\r')) {
        cut--;
      }
      List<@Nullable String> values = new ArrayList<>(names.size());
      char d = layout.delimiter();
      int from = 0;
      for (int i = 0; i < cut; i++) {
        if (text.charAt(i) == d) {
          values.add(text.substring(from, i));
          from = i + 1;
        }
      }
      values.add(text.substring(from, cut));
      Transaction t = reader.read(CsvRowSource.framed(source, line, names, header, values));
      if (t != null) {
        reader.advanced(); // as next() would: the record's date text becomes the reader's last
        visitor.transaction(t, line, reader.rawText("date"));
      }
    }

    /** Hands the current line and the rest of the file to the reader's CSV parser. */
    private void handOver(TransactionReader reader, Rows rows, List<String> names, List<String> header) {
      InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, lineStart, end - lineStart), in);
      Reader text = new BufferedReader(new InputStreamReader(rest, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
      rows.handOver(new CsvRowSource(source, text, layout, header, names, line - 1));
      while (reader.hasNext()) {
        visitor.transaction(reader.next(), reader.line(), reader.rawText("date"));
      }
    }

    /** Reads the whole file with {@link TransactionReader}, from its first byte. */
    private ReadCounts whole() {
      InputStream all = new SequenceInputStream(new ByteArrayInputStream(buf, 0, end), in);
      try (TransactionReader reader = TransactionReader.open(all, source, format, sink)) {
        while (reader.hasNext()) {
          visitor.transaction(reader.next(), reader.line(), reader.rawText("date"));
        }
        return reader.counts();
      }
    }

    /** True if the current line is a header the scan reads: ASCII text, no quotes or control characters. */
    private boolean plainHeader() {
      if (tooLong) {
        return false;
      }
      boolean text = false;
      for (int i = lineStart; i < lineEnd; i++) {
        byte b = buf[i];
        if (b < ' ' || b == '"' || b == 127) {
          return false;
        }
        text |= b != ' ' && b != delimiter;
      }
      return text;
    }

    /**
     * Finds the next line: {@code [lineStart, lineEnd)} without its line break, {@link #next} after
     * it. Sets {@link #tooLong} for a line beyond {@link #MAX_LINE}; false at the end of the file.
     */
    private boolean nextLine() throws IOException {
      int from = next;
      int scan = from;
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            lineStart = from;
            lineEnd = i > from && buf[i - 1] == '\r' ? i - 1 : i;
            next = i + 1;
            return true;
          }
        }
        if (eof) {
          if (from == end) {
            return false;
          }
          lineStart = from;
          lineEnd = end;
          next = end;
          return true;
        }
        // Move the partial line to the front, grow if it fills the buffer, and read more.
        int kept = end - from;
        if (kept >= MAX_LINE) {
          lineStart = from;
          lineEnd = end;
          next = end;
          tooLong = true;
          return true;
        }
        if (from > 0) {
          System.arraycopy(buf, from, buf, 0, kept);
        } else if (kept == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        end = kept;
        from = 0;
        scan = kept;
        next = 0;
        fill();
      }
    }

    private void fill() throws IOException {
      while (end < buf.length) {
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
          return;
        }
        end += n;
        if (n == 0) {
          return;
        }
      }
    }
  }

  /** ASCII text in a byte buffer, as a character sequence (reused: it changes with the row). */
  private static final class Ascii implements CharSequence {
    private byte[] bytes = new byte[0];
    private int from;
    private int length;

    void set(byte[] buf, int start, int end) {
      bytes = buf;
      from = start;
      length = end - start;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      Objects.checkIndex(index, length);
      return (char) bytes[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
      return new String(bytes, from, length, StandardCharsets.US_ASCII);
    }
  }
}
