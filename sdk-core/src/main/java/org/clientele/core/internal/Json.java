package org.clientele.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The JSON mapper for configurations and models, and the read limits every Jackson parser of this
 * library uses: plain trees only (no polymorphic typing: no default typing is ever enabled and
 * nothing is read into a type named by the input), bounded by {@link StreamReadConstraints},
 * duplicate keys rejected, numbers normalised so a tree survives a write and a read unchanged.
 */
public final class Json {

  /** Limits for configuration and model files: small documents, shallow trees, short numbers. */
  public static final StreamReadConstraints CONFIG_LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxNumberLength(64)
          .maxStringLength(1_000_000)
          .maxDocumentLength(64L * 1024 * 1024)
          .build();

  /** The longest value (in characters) an input row may hold, in CSV or JSON Lines. */
  public static final int MAX_INPUT_VALUE_LENGTH = 16 * 1024 * 1024;

  /**
   * Limits for one input row (CSV, JSON Lines): a value up to {@link #MAX_INPUT_VALUE_LENGTH}
   * characters, numbers up to 1,000 digits, and at most 16 levels of nesting (a row is flat; a
   * deeper line is malformed anyway). The document length is not limited: input files stream.
   */
  public static final StreamReadConstraints INPUT_LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(16)
          .maxNumberLength(1_000)
          .maxStringLength(MAX_INPUT_VALUE_LENGTH)
          .build();

  /** Shared, thread-safe mapper. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONFIG_LIMITS).build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  // The default pretty printer uses the platform's line separator; models must be the same bytes everywhere.
  private static final DefaultPrettyPrinter LF_PRINTER =
      new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

  private Json() {}

  /**
   * Parses a JSON object.
   *
   * @param json the text
   * @param source the file name, for messages
   * @return the object, numbers normalised
   * @throws ConfigurationException naming the line and column of a syntax error
   */
  public static Map<String, Object> readObject(String json, String source) {
    // A configuration saved by Notepad or Excel may start with a UTF-8 byte order mark.
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    return read(() -> MAPPER.readValue(text, Object.class), source);
  }

  /**
   * Parses a JSON object from a stream, with the same limits and checks as {@link #readObject(String,
   * String)}.
   *
   * @param in the document; not closed here
   * @param source the file name, for messages
   * @return the object, numbers normalised
   * @throws ConfigurationException naming the line and column of a syntax error, or the source if
   *     it cannot be read
   */
  public static Map<String, Object> readObject(InputStream in, String source) {
    return read(() -> MAPPER.readValue(in, Object.class), source);
  }

  private interface Parse {
    @Nullable Object tree() throws IOException;
  }

  private static Map<String, Object> read(Parse parse, String source) {
    Object tree;
    try {
      tree = parse.tree();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? source : source + " line " + at.getLineNr() + " column " + at.getColumnNr();
      throw new ConfigurationException(where, "invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException(source, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new ConfigurationException(source + " $", "expected a JSON object at the top level");
    }
    return normalizeMap(map);
  }

  /**
   * Writes a tree as indented JSON.
   *
   * @param tree maps, lists, strings, numbers, booleans
   * @return the JSON text, ending in a newline
   */
  public static String write(Object tree) {
    try {
      return MAPPER.writer(LF_PRINTER).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Copies a JSON-compatible tree into unmodifiable maps and lists (JSON nulls kept), with whole numbers as {@link
   * Long} and the others as {@link Double}, so that equal trees compare equal after a round trip.
   *
   * @param value a tree
   * @return the normalised copy
   */
  public static @Nullable Object normalize(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return normalizeMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normalize(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (value instanceof BigDecimal || value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    return value;
  }
  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

}
