package org.clientele.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clientele.core.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a delimited file, parsed by Jackson's CSV module (RFC 4180 quoting, quoted line breaks,
 * CRLF or LF). With the whitespace delimiter the text first passes through {@link
 * WhitespaceRunReader} and quoting is off.
 */
final class CsvRowSource implements RowSource {

  static final CsvFactory FACTORY =
      CsvFactory.builder()
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .streamReadConstraints(Json.INPUT_LIMITS)
          .build();

  private final String source;
  private final CsvParser parser;
  private final List<String> names;
  private final List<String> header;
  private final @Nullable QuoteTracker quotes;
  /** Lines before the text's first line (non-zero when the rest of a file is handed over mid-way). */
  private final long lineOffset;
  private long lastLine;

  /**
   * Opens the parser and reads the header.
   *
   * @param columns names for the columns in file order; if empty, the header row names them
   * @param undecodable the message when the header holds bytes that did not decode (the file is
   *     in another encoding than the configured one)
   * @throws InputException if the header does not decode, or names a column twice
   */
  CsvRowSource(String source, Reader reader, Layout layout, List<String> columns, String undecodable) {
    this.source = source;
    this.lineOffset = 0;
    QuoteTracker tracker = layout.whitespace() ? null : new QuoteTracker(reader, layout.delimiter(), 1);
    this.quotes = tracker;
    this.parser = parser(source, layout, tracker == null ? new WhitespaceRunReader(reader) : tracker);
    List<String> headerRow = List.of();
    if (layout.header()) {
      RawRow first = readRow();
      if (first != null) {
        List<String> trimmed = new ArrayList<>();
        for (String name : first.values()) {
          String t = name == null ? "" : name.trim();
          if (t.indexOf(TextInput.REPLACEMENT) >= 0 || t.indexOf('\u0000') >= 0) {
            close();
            throw new InputException(source, 1, undecodable, null);
          }
          trimmed.add(t);
        }
        headerRow = List.copyOf(trimmed);
      }
    }
    this.header = headerRow;
    this.names = columns.isEmpty() ? headerRow : List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!name.isEmpty() && !seen.add(name)) {
        close();
        throw new InputException(
            source, columns.isEmpty() ? 1 : 0,
            "the column \"" + name + "\" appears twice in " + names + " (two exports pasted side by"
                + " side, or a column copied); fix: rename or remove one of them"
                + (columns.isEmpty() ? "" : " in columns"),
            null);
      }
    }
  }

  /**
   * Reads the rest of a file whose header was already read (by {@link TransactionScan}, which
   * hands over at the first line it does not read itself).
   *
   * @param reader the text from the start of line {@code lineOffset + 1}
   * @param header the header row, trimmed
   * @param names the column names
   * @param lineOffset the lines before the text
   */
  CsvRowSource(String source, Reader reader, Layout layout, List<String> header, List<String> names, long lineOffset) {
    this.source = source;
    this.lineOffset = lineOffset;
    QuoteTracker tracker = layout.whitespace() ? null : new QuoteTracker(reader, layout.delimiter(), lineOffset + 1);
    this.quotes = tracker;
    this.parser = parser(source, layout, tracker == null ? new WhitespaceRunReader(reader) : tracker);
    this.header = List.copyOf(header);
    this.names = List.copyOf(names);
  }

  private static CsvParser parser(String source, Layout layout, Reader text) {
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(layout.whitespace() ? WhitespaceRunReader.SEPARATOR : layout.delimiter());
    if (layout.whitespace()) {
      schema = schema.withoutQuoteChar();
    }
    CsvParser p;
    try {
      p = FACTORY.createParser(text);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read the file: " + e.getMessage(), e);
    }
    p.setSchema(schema);
    return p;
  }

  @Override
  public List<String> header() {
    return header;
  }

  /** Column names the rows are read with: the configured list, else the header. */
  List<String> names() {
    return names;
  }

  @Override
  public @Nullable RawRow next() {
    RawRow row = readRow();
    return row == null ? null : framed(source, row.line(), names, header, row.values());
  }

  /**
   * A row of values as the readers get it: a rejection for the header repeated, or for the wrong
   * number of values, else the values under their names. One home for both CSV readers (Jackson's
   * and {@link TransactionScan}'s).
   */
  static RawRow framed(String source, long line, List<String> names, List<String> header, List<@Nullable String> values) {
    if (isRepeatedHeader(header, values)) {
      Rejection repeated =
          new Rejection(
              source,
              line,
              "",
              String.join(",", nonNull(values)),
              RejectionReason.REPEATED_HEADER,
              "the header line appears again in the middle of the file (two exports concatenated?)",
              "delete the repeated header line; if two files were joined, check that both have the"
                  + " same columns");
      return new RawRow(line, names, values, null, repeated);
    }
    int expectedColumns = names.size();
    if (values.size() == expectedColumns) {
      return new RawRow(line, names, values, null, null);
    }
    String text = String.join(",", nonNull(values));
    Rejection problem =
        new Rejection(
            source,
            line,
            "",
            text,
            RejectionReason.WRONG_COLUMN_COUNT,
            "expected " + expectedColumns + " values " + names + ", found " + values.size(),
            "give every row exactly " + expectedColumns
                + " values, or correct the delimiter or column list in the configuration;"
                + " quote values that contain the delimiter");
    return new RawRow(line, names, values, null, problem);
  }

  /** True if the row repeats the header's names (ignoring surrounding blanks). */
  private static boolean isRepeatedHeader(List<String> header, List<@Nullable String> values) {
    if (header.isEmpty() || values.size() != header.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) == null ? "" : values.get(i).trim();
      if (i == 0 && v.startsWith("\uFEFF")) {
        v = v.substring(1).trim(); // the header of a second export, joined with its byte order mark
      }
      if (!header.get(i).equals(v)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> nonNull(List<@Nullable String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(v == null ? "" : v);
    }
    return out;
  }

  /** Reads one row's values; its names are filled in by {@link #next()}. */
  private @Nullable RawRow readRow() {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      if (token != JsonToken.START_ARRAY) {
        throw new InputException(source, lastLine, "unexpected CSV token " + token, null);
      }
      List<@Nullable String> values = new ArrayList<>();
      long line = -1;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          break;
        }
        if (line < 0) {
          line = parser.currentTokenLocation().getLineNr() + lineOffset;
        }
        values.add(parser.getText());
      }
      lastLine = line;
      return new RawRow(line, List.of(), Collections.unmodifiableList(values), null, null);
    } catch (StreamConstraintsException e) {
      // A value beyond the read limits: the parser cannot resynchronise on the next row.
      QuoteTracker q = quotes;
      // The tracker may be a buffer ahead of the parser: trust it only for a quote opened at or
      // before the parser's position.
      boolean open = q != null && q.inQuote() && q.quoteLine() <= parser.currentLocation().getLineNr() + lineOffset;
      throw new InputException(
          source,
          q != null && open ? q.quoteLine() : parser.currentLocation().getLineNr() + lineOffset,
          (open ? "the quoted value that starts on this line never ends: " : "")
              + e.getOriginalMessage() + "; a value may hold at most " + Json.MAX_INPUT_VALUE_LENGTH
              + " characters, and nothing after it is read: shorten the value, or check for a"
              + " quote that is never closed",
          e);
    } catch (JsonProcessingException e) {
      QuoteTracker q = quotes;
      // Only at the end of the text is the tracker's state the parser's (before, it reads ahead).
      if (q != null && q.ended() && q.inQuote()) {
        throw new InputException(
            source,
            q.quoteLine(),
            "a quote opened on this line is never closed, so the rest of the file ("
                + (q.line() - q.quoteLine() + 1) + " lines) would be one value; fix: close the"
                + " quote, or double the quote characters inside a quoted value (\"\")",
            e);
      }
      long line = e.getLocation() == null ? lastLine : e.getLocation().getLineNr() + lineOffset;
      throw new InputException(
          source,
          line,
          e.getOriginalMessage()
              + "; the CSV structure is broken from here on (usually a quote that is never"
              + " closed): close the quote, or double the quote characters inside a quoted value",
          e);
    } catch (IOException e) {
      throw new InputException(source, lastLine, "cannot read the file: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Closing a reader we only read from: nothing was lost.
    }
  }
}
