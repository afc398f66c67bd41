package org.clientele.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a JSON Lines file: each non-blank line is one JSON object whose keys are the column
 * names. Scalars become text (numbers keep their JSON spelling and are flagged); {@code null}
 * means missing; an object or array value, or a line that is not a JSON object, makes the row a
 * {@link RejectionReason#MALFORMED_JSON} rejection.
 */
final class JsonLinesRowSource implements RowSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final BufferedReader reader;
  private long line;

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
        text = reader.readLine();
      } catch (IOException e) {
        throw new InputException(source, line, "cannot read the file: " + e, e);
      }
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
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
