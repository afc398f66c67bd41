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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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
 * <p>With more than one thread the lines after the header are cut into chunks of whole lines that
 * worker threads parse by the same rules into offsets and values; the calling thread hands their
 * rows to the reader's code and the visitor in file order, with each chunk's lines counted after
 * the lines of the chunks before it. The calls, lines, rejections and counts are those of the
 * sequential scan; at a chunk's first line for the CSV parser, the bytes from there on go to it.
 *
 * @since 0.1.0
 */
public final class TransactionScan {

  private static final int BUFFER = 1 << 16;
  /** Days from 0000-01-01 to 1970-01-01, as in {@link LocalDate}. */
  private static final long DAYS_0000_TO_1970 = 719_528L;
  private static final int MAX_LINE = 1 << 20;
  /** The bytes of a chunk that a worker parses (more if a line is longer): about ten thousand rows of a typical log. */
  static final int CHUNK = 1 << 19;
  /** The workers of a parallel scan: daemons, so that a host's exit never waits for a scan. */
  private static final ThreadFactory WORKERS = task -> {
    Thread t = new Thread(task, "clientele-scan");
    t.setDaemon(true);
    return t;
  };
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
    return scan(raw, source, format, sink, visitor, 1, CHUNK);
  }

  /**
   * Reads a file's bytes as {@link #scan(InputStream, String, TransactionFormat, RejectionSink,
   * Visitor)} does, parsing it on several threads: the file is cut into chunks of whole lines
   * (about half a mebibyte each) that {@code threads - 1} worker threads parse into offsets and
   * values, and the rows are handed to the visitor on the calling thread in file order. The
   * visitor and the sink get exactly the calls, lines, rejections and counts of the sequential
   * scan; only the parsing is shared out. From the first line the CSV parser must read (a quote, a control character), the rest of
   * the file is read by it on the calling thread, as in the sequential scan. Up to {@code 2 *
   * threads} chunks are read ahead of the visitor.
   *
   * @param raw the file's bytes from the start (gzip is decompressed); closed when done
   * @param source the file's name, for rejections and errors
   * @param format its layout; {@link #supports} must be true for the file
   * @param sink receives rejected rows ({@link RejectionSink#strict()} to stop at the first)
   * @param visitor receives accepted rows
   * @param threads the threads of the scan, the calling thread included; 1 reads line by line on
   *     the calling thread alone
   * @return the counts of the file, as {@link TransactionReader#counts()} gives them
   * @throws InputException if the file cannot be read, or its header lacks a required column
   * @throws IllegalArgumentException if {@code threads} is less than 1
   * @since 0.1.0
   */
  public static ReadCounts scan(
      InputStream raw, String source, TransactionFormat format, RejectionSink sink, Visitor visitor, int threads) {
    return scan(raw, source, format, sink, visitor, threads, CHUNK);
  }

  /** The scan with a chunk size of choice: tests cut files at every awkward byte. */
  static ReadCounts scan(InputStream raw, String source, TransactionFormat format, RejectionSink sink, Visitor visitor,
      int threads, int chunkBytes) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(visitor, "visitor");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    try (InputStream in = InputFiles.text(raw, source)) {
      return new Pass(source, in, format, sink, visitor, threads, Math.max(1, chunkBytes)).run();
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
    private final int threads;
    private final int chunkBytes;
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

    Pass(String source, InputStream in, TransactionFormat format, RejectionSink sink, Visitor visitor, int threads,
        int chunkBytes) {
      this.source = source;
      this.in = in;
      this.format = format;
      this.sink = sink;
      this.visitor = visitor;
      this.layout = Layout.of(format.delimiter(), true);
      this.delimiter = (byte) layout.delimiter();
      this.threads = threads;
      this.chunkBytes = chunkBytes;
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
        LineParser parser = new LineParser(delimiter, format, reader.columnPositions(), names.size(),
            header.get(0).getBytes(StandardCharsets.US_ASCII));
        if (threads > 1) {
          chunked(parser, reader, rows, names, header);
          return reader.counts();
        }
        while (nextLine()) {
          line++;
          if (tooLong || !lineByLine(parser, reader, names, header)) {
            handOver(reader, rows, header, new ByteArrayInputStream(buf, lineStart, end - lineStart));
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
    private boolean lineByLine(LineParser parser, TransactionReader reader, List<String> names, List<String> header) {
      switch (parser.parse(buf, lineStart, lineEnd)) {
        case LineParser.PLAIN -> {
          row.line = line;
          plain(parser, buf, reader);
        }
        case LineParser.CONVERT -> converted(reader, buf, parser.start, next, names, header);
        case LineParser.HAND_OVER -> {
          return false;
        }
        default -> { } // an empty line, or spaces alone: skipped, as the CSV parser skips them
      }
      return true;
    }

    /** Hands the plain row the parser read to the visitor ({@link Row#line} is set). */
    private void plain(LineParser p, byte[] bytes, TransactionReader reader) {
      row.epochDay = p.day;
      row.amount = p.amount;
      row.customerId.set(bytes, p.idFrom, p.idTo);
      row.hasOrderId = p.orderFrom >= 0;
      if (row.hasOrderId) {
        row.orderId.set(bytes, p.orderFrom, p.orderTo);
      }
      row.hasChannel = p.channelFrom >= 0;
      if (row.hasChannel) {
        row.channel.set(bytes, p.channelFrom, p.channelTo);
      }
      reader.accepted();
      visitor.row(row);
    }

    /**
     * Decodes the line at {@link #line}, {@code [start, next)} of {@code bytes} with its line break,
     * and converts (or rejects) it with the reader's code.
     */
    private void converted(TransactionReader reader, byte[] bytes, int start, int next, List<String> names, List<String> header) {
      // Decoded with its line break, as the parser decodes it, so that a malformed sequence at
      // the end of the line becomes the same replacement characters.
      String text = new String(bytes, start, next - start, StandardCharsets.UTF_8);
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

    /**
     * Hands the line at {@link #line} and the rest of the file to the reader's CSV parser: {@code
     * read} holds the bytes already read from that line's start, {@link #in} the rest.
     */
    private void handOver(TransactionReader reader, Rows rows, List<String> header, InputStream read) {
      List<String> names = rows.names();
      InputStream rest = new SequenceInputStream(read, in);
      Reader text = new BufferedReader(new InputStreamReader(rest, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
      rows.handOver(new CsvRowSource(source, text, layout, header, names, line - 1));
      while (reader.hasNext()) {
        visitor.transaction(reader.next(), reader.line(), reader.rawText("date"));
      }
    }

    /**
     * Reads the rest of the file in chunks of whole lines that worker threads parse, and hands
     * their rows to the reader and the visitor here, in file order: the same calls, lines and
     * counts as the line-by-line loop. At the first line of a chunk that the CSV parser must read,
     * the bytes from that line on (the rest of that chunk, the chunks read after it, the rest of the
     * file) are handed over as the loop hands them over. At most {@code 2 * threads} chunks are read
     * ahead, so memory stays bounded.
     */
    private void chunked(LineParser parser, TransactionReader reader, Rows rows, List<String> names, List<String> header)
        throws IOException {
      ChunkReader chunks = new ChunkReader(in, buf, next, end, eof, chunkBytes);
      int depth = 2 * threads;
      ArrayDeque<Chunk> free = new ArrayDeque<>();
      ArrayDeque<Parsing> parsing = new ArrayDeque<>(depth);
      // The calling thread is busy with the visitor: threads - 1 workers parse (measured: on two
      // cores, two workers beside it were slower than one).
      ExecutorService workers = Executors.newFixedThreadPool(threads - 1, WORKERS);
      try {
        while (true) {
          while (parsing.size() < depth) {
            Chunk c = free.isEmpty() ? new Chunk(parser.copy(), chunkBytes / 32) : free.pop();
            if (!chunks.next(c)) {
              free.push(c);
              break;
            }
            parsing.add(new Parsing(c, workers.submit(c::parse)));
          }
          Parsing head = parsing.poll();
          if (head == null) {
            return;
          }
          Chunk c = head.await(source);
          long base = line;
          int[] spans = c.spans;
          for (int r = 0, at = 0; r < c.rows; r++, at += Chunk.SPANS) {
            line = base + c.lines[r];
            if (c.kinds[r] == LineParser.PLAIN) {
              row.line = line;
              row.epochDay = c.days[r];
              row.amount = c.amounts[r];
              row.customerId.set(c.bytes, spans[at], spans[at + 1]);
              row.hasOrderId = spans[at + 2] >= 0;
              if (row.hasOrderId) {
                row.orderId.set(c.bytes, spans[at + 2], spans[at + 3]);
              }
              row.hasChannel = spans[at + 4] >= 0;
              if (row.hasChannel) {
                row.channel.set(c.bytes, spans[at + 4], spans[at + 5]);
              }
              reader.accepted();
              visitor.row(row);
            } else {
              converted(reader, c.bytes, spans[at], spans[at + 1], names, header);
            }
          }
          if (c.handOverFrom >= 0) {
            line = base + c.handOverLine;
            List<InputStream> read = new ArrayList<>();
            read.add(new ByteArrayInputStream(c.bytes, c.handOverFrom, c.length - c.handOverFrom));
            for (Parsing p : parsing) {
              read.add(new ByteArrayInputStream(p.chunk().bytes, 0, p.chunk().length));
            }
            read.add(chunks.carried());
            handOver(reader, rows, header, new SequenceInputStream(Collections.enumeration(read)));
            return;
          }
          line = base + c.lineCount;
          free.push(c);
        }
      } finally {
        workers.shutdownNow(); // the workers only parse: a chunk still being parsed is dropped
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

  /** A chunk on its way through a worker. */
  private record Parsing(Chunk chunk, Future<?> done) {

    /** Waits for the worker; the chunk, parsed. */
    Chunk await(String source) {
      try {
        done.get();
        return chunk;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InputException(source, 0, "interrupted while reading the file", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("reading " + source + " on a worker thread failed", cause);
      }
    }
  }

  /**
   * Whole lines of the file and what a worker read from them: per row its kind, line (from 1 in
   * the chunk), byte offsets of its texts, day and amount; no object per row. Reused once the
   * rows were handed to the visitor.
   */
  private static final class Chunk {
    /** Offsets per row: id, order id and channel (from, to; -1 if absent); a converted line: start, next. */
    static final int SPANS = 6;
    private final LineParser parser;
    byte[] bytes = new byte[0];
    int length;
    int rows;
    byte[] kinds;
    int[] lines;
    int[] spans;
    long[] days;
    double[] amounts;
    /** The lines in the chunk (up to the line handed over, if one is). */
    int lineCount;
    /** The first byte of the line from which the CSV parser reads the file, or -1. */
    int handOverFrom;
    /** That line, from 1 in the chunk. */
    int handOverLine;

    /** A chunk for the parser's thread, with room for {@code rows} rows before it grows. */
    Chunk(LineParser parser, int rows) {
      this.parser = parser;
      int capacity = Math.max(16, rows);
      kinds = new byte[capacity];
      lines = new int[capacity];
      spans = new int[capacity * SPANS];
      days = new long[capacity];
      amounts = new double[capacity];
    }

    /** Parses the lines, as the sequential loop does, up to the end or the first line to hand over. */
    void parse() {
      rows = 0;
      handOverFrom = -1;
      byte[] b = bytes;
      int n = length;
      int rel = 0;
      int pos = 0;
      while (pos < n) {
        int nl = pos;
        while (nl < n && b[nl] != '\n') {
          nl++;
        }
        int lineEnd;
        int next;
        if (nl < n) {
          lineEnd = nl > pos && b[nl - 1] == '\r' ? nl - 1 : nl;
          next = nl + 1;
        } else {
          lineEnd = n;
          next = n;
        }
        rel++;
        int kind = nl - pos >= MAX_LINE ? LineParser.HAND_OVER : parser.parse(b, pos, lineEnd);
        if (kind == LineParser.HAND_OVER) {
          handOverFrom = pos;
          handOverLine = rel;
          lineCount = rel;
          return;
        }
        if (kind != LineParser.SKIP) {
          add(kind, rel, next);
        }
        pos = next;
      }
      lineCount = rel;
    }

    private void add(int kind, int line, int next) {
      if (rows == kinds.length) {
        int size = rows * 2;
        kinds = Arrays.copyOf(kinds, size);
        lines = Arrays.copyOf(lines, size);
        spans = Arrays.copyOf(spans, size * SPANS);
        days = Arrays.copyOf(days, size);
        amounts = Arrays.copyOf(amounts, size);
      }
      LineParser p = parser;
      int at = rows * SPANS;
      kinds[rows] = (byte) kind;
      lines[rows] = line;
      if (kind == LineParser.PLAIN) {
        spans[at] = p.idFrom;
        spans[at + 1] = p.idTo;
        spans[at + 2] = p.orderFrom;
        spans[at + 3] = p.orderTo;
        spans[at + 4] = p.channelFrom;
        spans[at + 5] = p.channelTo;
        days[rows] = p.day;
        amounts[rows] = p.amount;
      } else {
        spans[at] = p.start;
        spans[at + 1] = next;
      }
      rows++;
    }
  }

  /**
   * Cuts the rest of a file into chunks of whole lines, each about {@code target} bytes: a chunk
   * ends after its last line break, and the bytes after it start the next. A chunk is longer when
   * a line is; a line of {@link #MAX_LINE} bytes without a break ends one (its worker hands it over).
   */
  private static final class ChunkReader {
    private final InputStream in;
    private final int target;
    private byte[] carry;
    private int carried;
    private boolean eof;

    ChunkReader(InputStream in, byte[] buf, int from, int end, boolean eof, int target) {
      this.in = in;
      this.target = target;
      this.carry = Arrays.copyOfRange(buf, from, end);
      this.carried = end - from;
      this.eof = eof;
    }

    /** Fills the chunk with the next lines; false at the end of the file. */
    boolean next(Chunk c) throws IOException {
      byte[] b = c.bytes.length >= Math.max(target, carried) ? c.bytes : new byte[Math.max(target, carried)];
      System.arraycopy(carry, 0, b, 0, carried);
      int end = carried;
      carried = 0;
      int scanned = 0;
      int want = target;
      while (true) {
        while (end < want && !eof) {
          if (end == b.length) {
            b = Arrays.copyOf(b, Math.max(want, b.length * 2));
          }
          int n = in.read(b, end, Math.min(b.length, want) - end);
          if (n < 0) {
            eof = true;
          } else {
            end += n;
          }
        }
        int cut = end - 1;
        while (cut >= scanned && b[cut] != '\n') {
          cut--;
        }
        if (cut >= scanned || (eof ? end > 0 : end >= MAX_LINE)) {
          int length = cut >= scanned ? cut + 1 : end;
          int rest = end - length;
          if (carry.length < rest) {
            carry = new byte[Math.max(rest, target)];
          }
          System.arraycopy(b, length, carry, 0, rest);
          carried = rest;
          c.bytes = b;
          c.length = length;
          return true;
        }
        if (eof) {
          c.bytes = b;
          return false;
        }
        scanned = end;
        want = end + target;
      }
    }

    /** The bytes read after the last chunk, before the rest of the file. */
    InputStream carried() {
      return new ByteArrayInputStream(carry, 0, carried);
    }
  }

  /**
   * Reads one line's bytes: whether the scan converts it itself (and its values), hands it to the
   * reader's code, skips it, or hands the rest of the file to the CSV parser. One per thread: the
   * sequential pass and each chunk of a parallel one use the same rules.
   */
  static final class LineParser {
    /** An empty line, or spaces alone: skipped, as the CSV parser skips them. */
    static final int SKIP = 0;
    /** A plain row, read into the parser's fields. */
    static final int PLAIN = 1;
    /** A line without quotes or control characters that the reader's code converts or rejects. */
    static final int CONVERT = 2;
    /** A quote, a carriage return or another control character, or blanks alone: the CSV parser's from here on. */
    static final int HAND_OVER = 3;

    private final byte delimiter;
    private final boolean plainDates;
    private final boolean plainNumbers;
    private final int[] columns;
    private final int width;
    private final byte[] firstName;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private byte[] buf = new byte[0];
    private double number;
    /** The line's first byte after the spaces that start it. */
    int start;
    long day;
    double amount;
    int idFrom;
    int idTo;
    /** The order id's bytes, or -1 if the row has none. */
    int orderFrom;
    int orderTo;
    /** The channel's bytes, or -1 if the row has none. */
    int channelFrom;
    int channelTo;

    LineParser(byte delimiter, TransactionFormat format, int[] columns, int width, byte[] firstName) {
      this(delimiter, ValueParser.ISO.equalsIgnoreCase(format.datePattern()),
          format.decimalSeparator() == '.' && format.thousandsSeparator().isEmpty() && format.currencySymbols().isEmpty(),
          columns, width, firstName);
    }

    /** A parser with the same rules, for another thread. */
    LineParser copy() {
      return new LineParser(delimiter, plainDates, plainNumbers, columns, width, firstName);
    }

    private LineParser(byte delimiter, boolean plainDates, boolean plainNumbers, int[] columns, int width, byte[] firstName) {
      this.delimiter = delimiter;
      this.plainDates = plainDates;
      this.plainNumbers = plainNumbers;
      this.columns = columns;
      this.width = width;
      this.firstName = firstName;
      this.fieldStart = new int[width + 1];
      this.fieldEnd = new int[width + 1];
    }

    /** Reads the line {@code [from, to)} (without its line break) of {@code bytes}: one of the kinds above. */
    int parse(byte[] bytes, int from, int to) {
      buf = bytes;
      int s = from;
      int e = to;
      while (s < e && buf[s] == ' ') {
        s++; // the CSV parser drops the spaces that start a line
      }
      start = s;
      if (s == e) {
        return SKIP;
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
          return HAND_OVER;
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
        return HAND_OVER; // blanks alone: the parser's call
      }
      return ascii && n == width && !sameBytes(0, firstName) && plainRow() ? PLAIN : CONVERT;
    }

    /** Reads a plain row's values into this parser's fields; false if it is not plain. */
    private boolean plainRow() {
      if (!plainDates || !plainNumbers) {
        return false;
      }
      int id = columns[0];
      if (!trimmed(id) || fieldEnd[id] == fieldStart[id]) {
        return false;
      }
      long d = isoDay(columns[1]);
      if (d == Long.MIN_VALUE || !plainNumber(columns[2])) {
        return false;
      }
      double a = number;
      int quantity = columns[3];
      if (quantity >= 0 && fieldEnd[quantity] > fieldStart[quantity] && !plainNumber(quantity)) {
        return false;
      }
      int order = columns[4];
      int channel = columns[5];
      if ((order >= 0 && !trimmed(order)) || (channel >= 0 && !trimmed(channel))) {
        return false;
      }
      day = d;
      amount = a;
      idFrom = fieldStart[id];
      idTo = fieldEnd[id];
      boolean hasOrder = order >= 0 && fieldEnd[order] > fieldStart[order];
      orderFrom = hasOrder ? fieldStart[order] : -1;
      orderTo = hasOrder ? fieldEnd[order] : -1;
      boolean hasChannel = channel >= 0 && fieldEnd[channel] > fieldStart[channel];
      channelFrom = hasChannel ? fieldStart[channel] : -1;
      channelTo = hasChannel ? fieldEnd[channel] : -1;
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
