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
import java.util.List;
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
  private final int expectedColumns;
  private long lastLine;

  /**
   * Opens the parser and reads the header.
   *
   * @param columns names for the columns in file order; if empty, the header row names them
   */
  CsvRowSource(String source, Reader reader, Layout layout, List<String> columns) {
    this.source = source;
    Reader text = layout.whitespace() ? new WhitespaceRunReader(reader) : reader;
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(layout.whitespace() ? WhitespaceRunReader.SEPARATOR : layout.delimiter());
    if (layout.whitespace()) {
      schema = schema.withoutQuoteChar();
    }
    try {
      parser = FACTORY.createParser(text);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read the file: " + e.getMessage(), e);
    }
    parser.setSchema(schema);
    List<String> headerRow = List.of();
    if (layout.header()) {
      RawRow first = readRow();
      if (first != null) {
        List<String> trimmed = new ArrayList<>();
        for (String name : first.values()) {
          trimmed.add(name == null ? "" : name.trim());
        }
        headerRow = List.copyOf(trimmed);
      }
    }
    this.header = headerRow;
    this.names = columns.isEmpty() ? headerRow : List.copyOf(columns);
    this.expectedColumns = names.size();
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
    if (row == null) {
      return null;
    }
    if (row.values().size() == expectedColumns) {
      return new RawRow(row.line(), names, row.values(), null, null);
    }
    String text = String.join(",", nonNull(row.values()));
    Rejection problem =
        new Rejection(
            source,
            row.line(),
            "",
            text,
            RejectionReason.WRONG_COLUMN_COUNT,
            "expected " + expectedColumns + " values " + names + ", found " + row.values().size(),
            "give every row exactly " + expectedColumns
                + " values, or correct the delimiter or column list in the configuration;"
                + " quote values that contain the delimiter");
    return new RawRow(row.line(), names, row.values(), null, problem);
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
          line = parser.currentTokenLocation().getLineNr();
        }
        values.add(parser.getText());
      }
      lastLine = line;
      return new RawRow(line, List.of(), Collections.unmodifiableList(values), null, null);
    } catch (StreamConstraintsException e) {
      // A value beyond the read limits: the parser cannot resynchronise on the next row.
      throw new InputException(
          source,
          parser.currentLocation().getLineNr(),
          e.getOriginalMessage() + "; a value may hold at most " + Json.MAX_INPUT_VALUE_LENGTH
              + " characters, and nothing after it is read: shorten the value, or check for a"
              + " quote that is never closed",
          e);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? lastLine : e.getLocation().getLineNr();
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
