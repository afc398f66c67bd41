package org.clientele.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.core.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a JSON Lines file: each non-blank line is one JSON object whose keys are the column
 * names. Scalars become text (numbers keep their JSON spelling and are flagged); {@code null}
 * means missing; an object or array value, or a line that is not a JSON object, makes the row a
 * {@link RejectionReason#MALFORMED_JSON} rejection.
 */
final class JsonLinesRowSource implements RowSource {

  static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(Json.INPUT_LIMITS)
                  // The same key twice on a line is refused, as the same column twice in a CSV
                  // header is (Jackson would otherwise keep the last one silently).
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  /** The longest line read whole; a longer line is skipped to its end and rejected, never held. */
  static final int MAX_LINE_LENGTH = 2 * Json.MAX_INPUT_VALUE_LENGTH;

  private final String source;
  private final BufferedReader reader;
  private long line;
  private boolean lineTooLong;

  JsonLinesRowSource(String source, Reader reader) {
    this.source = source;
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
  }

  @Override
  public List<String> header() {
    return List.of();
  }

  @Override
  public @Nullable RawRow next() {
    String text;
    do {
      try {
        text = readLine();
      } catch (IOException e) {
        throw new InputException(source, line, "cannot read the file: " + e, e);
      }
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    if (lineTooLong) {
      return malformed("", "", "the line is longer than " + MAX_LINE_LENGTH + " characters");
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return malformed(text, "", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return malformed(text, "", "the line is not a JSON object");
    }
    List<String> names = new ArrayList<>(node.size());
    List<@Nullable String> values = new ArrayList<>(node.size());
    boolean[] numeric = new boolean[node.size()];
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        return malformed(
            value.toString(), field.getKey(), "the value is a JSON " + (value.isArray() ? "array" : "object"));
      }
      numeric[names.size()] = value.isNumber();
      names.add(field.getKey());
      values.add(value.isNull() ? null : value.asText());
    }
    return new RawRow(line, names, values, numeric, null);
  }

  /**
   * Reads one line as {@link BufferedReader#readLine()} does (ended by LF, CR or CRLF), but keeps
   * at most {@link #MAX_LINE_LENGTH} characters: a longer line is read to its end, returned as a placeholder
   * and flagged in {@code lineTooLong}, so one runaway line cannot exhaust the memory.
   */
  private @Nullable String readLine() throws IOException {
    StringBuilder out = new StringBuilder(128);
    boolean tooLong = false;
    int c;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        reader.mark(1);
        if (reader.read() != '\n') {
          reader.reset();
        }
        break;
      }
      if (out.length() < MAX_LINE_LENGTH) {
        out.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (c == -1 && out.length() == 0 && !tooLong) {
      return null;
    }
    lineTooLong = tooLong;
    return tooLong ? "(too long)" : out.toString();
  }

  private RawRow malformed(String text, String column, String message) {
    Rejection problem =
        new Rejection(
            source,
            line,
            column,
            text,
            RejectionReason.MALFORMED_JSON,
            message,
            "write one JSON object per line with string, number or null values, for example"
                + " {\"customer_id\": \"C1\", \"date\": \"2024-03-31\", \"amount\": 12.5}");
    return new RawRow(line, List.of(), List.of(), null, problem);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a reader we only read from: nothing was lost.
    }
  }
}
