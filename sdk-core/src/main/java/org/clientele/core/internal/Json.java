package org.clientele.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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

  /**
   * Reads configurations, models and playbooks: jackson-core's streaming parser only, so that
   * building an engine never loads jackson-databind (about half of a cold build's time otherwise).
   */
  public static final JsonFactory CONFIG_FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(CONFIG_LIMITS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Json() {}

  /**
   * Returns the shared, thread-safe mapper for writing JSON and for reading data files, created on
   * first use (engine builds do not need it).
   *
   * @return the mapper: configuration limits, strict duplicate detection, indented output
   */
  public static JsonMapper mapper() {
    return MapperHolder.MAPPER;
  }

  private static final class MapperHolder {
    static final JsonMapper MAPPER =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONFIG_LIMITS).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    // The default pretty printer uses the platform's line separator; models must be the same bytes everywhere.
    static final DefaultPrettyPrinter LF_PRINTER =
        new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
  }

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
    return read(() -> CONFIG_FACTORY.createParser(text), source);
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
    return read(() -> CONFIG_FACTORY.createParser(in), source);
  }

  /**
   * Parses one or more JSON objects that follow one another in a stream (whitespace between them
   * optional), with the same limits and checks as {@link #readObject(InputStream, String)}: the
   * form a class-path resource takes when a fat-jar build appends the same resource of several jars.
   *
   * @param in the documents; not closed here
   * @param source the file name, for messages
   * @return the objects in stream order, at least one, numbers normalised
   * @throws ConfigurationException naming the line and column of a syntax error, or a top-level
   *     value that is not an object, or the source if it cannot be read or holds no object
   */
  public static List<Map<String, Object>> readObjects(InputStream in, String source) {
    try (JsonParser p = CONFIG_FACTORY.createParser(in)) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          JsonLocation at = p.currentLocation();
          throw new ConfigurationException(source + " line " + at.getLineNr() + " column " + at.getColumnNr(),
              "expected a JSON object at the top level (document " + (out.size() + 1) + ")");
        }
        out.add(object(p));
      }
      if (out.isEmpty()) {
        throw new ConfigurationException(source + " $", "expected a JSON object at the top level; the resource is empty");
      }
      return List.copyOf(out);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? source : source + " line " + at.getLineNr() + " column " + at.getColumnNr();
      throw new ConfigurationException(where, "invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException(source, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private interface Open {
    JsonParser parser() throws IOException;
  }

  private static Map<String, Object> read(Open open, String source) {
    try (JsonParser p = open.parser()) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ConfigurationException(source + " $", "expected a JSON object at the top level");
      }
      Map<String, Object> root = object(p);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentLocation();
        throw new ConfigurationException(source + " line " + at.getLineNr() + " column " + at.getColumnNr(),
            "unexpected content after the top-level object: a file holds one JSON object; remove what follows it");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? source : source + " line " + at.getLineNr() + " column " + at.getColumnNr();
      throw new ConfigurationException(where, "invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException(source, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  /** The object whose START_OBJECT the parser is on, as {@link #normalize} would give it. */
  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      out.put(name, value(p));
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    return switch (t) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        yield Collections.unmodifiableList(list);
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? normalize(p.getBigIntegerValue())
          : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseException(p, "unexpected " + t);
    };
  }

  /**
   * Writes a tree as indented JSON.
   *
   * @param tree maps, lists, strings, numbers, booleans
   * @return the JSON text, ending in a newline
   */
  public static String write(Object tree) {
    try {
      return mapper().writer(MapperHolder.LF_PRINTER).writeValueAsString(tree) + "\n";
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
