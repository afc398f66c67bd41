package org.clientele.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.jspecify.annotations.Nullable;

/**
 * A typed, read-only view of one plugin's configuration section: the JSON object under {@code
 * $.dimensions.<id>} or {@code $.strategy} of the configuration file.
 *
 * <p>Every getter takes the key and a default; a value of the wrong form throws a {@link
 * ConfigurationException} whose message names the file, the JSON path of the key, what was
 * expected and what was found. The view remembers which keys were read, so the engine can reject
 * keys that no plugin used (usually typos) with {@link #unreadKeys()}.
 *
 * <p>Values are JSON-compatible: {@link String}, {@link Number}, {@link Boolean}, {@link List} and
 * {@link Map} with string keys. {@link #asMap()} gives them back for serialisation.
 *
 * <p>A plugin that keeps part of its configuration in a file of its own (a decision table, a
 * mapping) reads it with {@link #file(String)}, and a class-path resource with {@link #json(String,
 * InputStream)}: both parse through the engine's {@link ConfigReader}, with the limits and the
 * duplicate-key check of configuration files, and give back a view rooted at that document.
 *
 * @since 0.1.0
 */
public final class PluginConfig {

  private final String id;
  private final String source;
  private final String path;
  private final Map<String, Object> values;
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  private final Map<String, PluginConfig> sections = new ConcurrentHashMap<>();
  private final Map<String, List<PluginConfig>> sectionLists = new ConcurrentHashMap<>();
  private final @Nullable ConfigReader reader;

  /**
   * A view over values this class has copied: {@link #copying} for values from outside, or a
   * nested object of another view's values, which is not copied again (building an engine copied
   * a playbook's rules once per level of nesting).
   */
  private PluginConfig(
      String id, String source, String path, Map<String, Object> copied, @Nullable ConfigReader reader) {
    this.id = Objects.requireNonNull(id, "id");
    this.source = Objects.requireNonNull(source, "source");
    this.path = Objects.requireNonNull(path, "path");
    this.values = copied;
    this.reader = reader;
  }

  private static PluginConfig copying(
      String id, String source, String path, Map<String, ?> values, @Nullable ConfigReader reader) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    return new PluginConfig(id, source, path, copyObject(values, source + " " + path), reader);
  }

  /**
   * Creates a view over a section.
   *
   * @param id the id of the dimension or strategy this section configures
   * @param source the file it came from, or a description such as {@code <inline>}
   * @param path the JSON path of the section, for example {@code $.dimensions.value}
   * @param values the section's keys and JSON-compatible values
   * @return the view
   * @throws ConfigurationException if a value is not JSON-compatible
   */
  public static PluginConfig of(String id, String source, String path, Map<String, ?> values) {
    return copying(id, source, path, values, null);
  }

  /**
   * Creates a view over a section given in code.
   *
   * @param id the id of the dimension or strategy this section configures
   * @param values the keys and JSON-compatible values
   * @return the view
   */
  public static PluginConfig of(String id, Map<String, ?> values) {
    return copying(id, "<inline>", "$", values, null);
  }

  /**
   * Creates an empty section: every getter returns its default.
   *
   * @param id the id of the dimension or strategy
   * @return the view
   */
  public static PluginConfig empty(String id) {
    return of(id, Map.of());
  }

  /**
   * Returns the id of the dimension or strategy this section configures.
   *
   * @return the configuration key of the section, for example {@code value}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the file this section came from.
   *
   * @return a file name or a description such as {@code <inline>}
   */
  public String source() {
    return source;
  }

  /**
   * Returns the JSON path of this section.
   *
   * @return for example {@code $.dimensions.value}
   */
  public String path() {
    return path;
  }

  /**
   * Tells whether a key is present (and marks it read).
   *
   * @param key a key of this section
   * @return true if present
   */
  public boolean has(String key) {
    read.add(key);
    return values.containsKey(key);
  }

  /**
   * Returns the keys present in this section.
   *
   * @return the keys, in file order
   */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * Reads a text value.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return the value
   * @throws ConfigurationException if present and not a string
   */
  public String string(String key, String defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s) {
      return s;
    }
    throw mismatch(key, "a string", v);
  }

  /**
   * Reads a number.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return the value
   * @throws ConfigurationException if present and not a finite number
   */
  public double number(String key, double defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw mismatch(key, "a number", v);
  }

  /**
   * Reads a number that must lie in a closed range.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @param min the smallest accepted value
   * @param max the largest accepted value
   * @return the value
   * @throws ConfigurationException if present and not a number in the range
   */
  public double number(String key, double defaultValue, double min, double max) {
    if (!has(key)) {
      return defaultValue;
    }
    double v = number(key, defaultValue);
    if (v < min || v > max) {
      throw error(key, "expected a number from " + plain(min) + " to " + plain(max) + ", found " + plain(v));
    }
    return v;
  }

  /**
   * Reads a whole number.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return the value
   * @throws ConfigurationException if present and not a whole number that fits an int
   */
  public int integer(String key, int defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw mismatch(key, "a whole number", v);
  }

  /**
   * Reads a boolean.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return the value
   * @throws ConfigurationException if present and not {@code true} or {@code false}
   */
  public boolean flag(String key, boolean defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw mismatch(key, "true or false", v);
  }

  /**
   * Reads one of an enum's constants, written in any case and with {@code -} for {@code _}.
   *
   * @param key the key
   * @param type the enum
   * @param defaultValue returned if absent
   * @param <E> the enum type
   * @return the constant
   * @throws ConfigurationException listing the accepted values if the value is not one of them
   */
  public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s) {
      String wanted = s.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(wanted)) {
          return e;
        }
      }
    }
    List<String> accepted = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      accepted.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw mismatch(key, "one of " + accepted, v);
  }

  /**
   * Reads a list of numbers.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return an immutable list
   * @throws ConfigurationException if present and not an array of finite numbers
   */
  public List<Double> numbers(String key, List<Double> defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof List<?> list) {
      List<Double> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw error(key + "[" + i + "]", "expected a number, found " + describe(list.get(i)));
        }
        out.add(n.doubleValue());
      }
      return List.copyOf(out);
    }
    throw mismatch(key, "an array of numbers", v);
  }

  /**
   * Reads a list of strings.
   *
   * @param key the key
   * @param defaultValue returned if absent
   * @return an immutable list
   * @throws ConfigurationException if present and not an array of strings
   */
  public List<String> strings(String key, List<String> defaultValue) {
    Object v = get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String s)) {
          throw error(key + "[" + i + "]", "expected a string, found " + describe(list.get(i)));
        }
        out.add(s);
      }
      return List.copyOf(out);
    }
    throw mismatch(key, "an array of strings", v);
  }

  /**
   * Reads the name of a numeric feature, such as the input column a classifier reads. A name not
   * declared yet is declared as a number, so a host's own columns can be used; a name declared as
   * text or a date is refused.
   *
   * @param key the key
   * @param defaultFeature returned if the key is absent
   * @return the feature
   * @throws ConfigurationException if the name is not a valid feature name or names a text or date
   *     feature
   * @since 0.1.0
   */
  public Feature<Double> numberFeature(String key, Feature<Double> defaultFeature) {
    String name = string(key, defaultFeature.name()).trim();
    Optional<Feature<?>> known = Feature.lookup(name);
    if (known.isPresent()) {
      Feature<?> f = known.get();
      if (f.kind() != Feature.Kind.NUMBER) {
        throw error(key, "feature '" + name + "' holds " + f.kind().name().toLowerCase(Locale.ROOT)
            + " values; name a numeric feature");
      }
      @SuppressWarnings("unchecked") // a NUMBER feature is a Feature<Double>
      Feature<Double> numeric = (Feature<Double>) f;
      return numeric;
    }
    try {
      return Feature.number(name, "Numeric feature named in the configuration");
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage() + "; name a numeric feature such as revenue_12m");
    }
  }

  /**
   * Reads a label of a dimension, written in any case and with {@code -} for {@code _}.
   *
   * @param key the key
   * @param dimension the dimension the label must belong to
   * @param defaultLabel returned (as its index) if the key is absent
   * @return the label's index in the dimension
   * @throws ConfigurationException listing the labels if the value is not one of them
   * @since 0.1.0
   */
  public int label(String key, Dimension dimension, String defaultLabel) {
    String name = string(key, defaultLabel).trim().replace('-', '_').toUpperCase(Locale.ROOT);
    int index = dimension.indexOf(name);
    if (index < 0) {
      throw error(key, "expected one of " + dimension.labels() + ", found \"" + name + "\"");
    }
    return index;
  }

  /**
   * Reads the cut points between ordered bands: exactly {@code count} numbers in ascending order
   * (equal neighbours allowed, which leaves a band empty).
   *
   * @param key the key
   * @param defaultValue returned if the key is absent
   * @param count the number of cut points required
   * @return a new array of the numbers
   * @throws ConfigurationException if the value is not {@code count} finite numbers in ascending
   *     order
   * @since 0.1.0
   */
  public double[] breaks(String key, List<Double> defaultValue, int count) {
    List<Double> list = numbers(key, defaultValue);
    if (list.size() != count) {
      throw error(key, "expected " + count + " numbers in ascending order, found " + list.size());
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = list.get(i);
      if (i > 0 && out[i] < out[i - 1]) {
        throw error(key, "expected numbers in ascending order, found " + list);
      }
    }
    return out;
  }

  /**
   * Reads an object whose values are all strings, such as a mapping table.
   *
   * @param key the key
   * @return an immutable map in file order; empty if absent
   * @throws ConfigurationException if present and not an object of strings
   */
  public Map<String, String> textMap(String key) {
    Object v = get(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getValue() instanceof String s)) {
          throw error(
              key + "." + e.getKey(), "expected a string, found " + describe(e.getValue()));
        }
        out.put((String) e.getKey(), s);
      }
      return Collections.unmodifiableMap(out);
    }
    throw mismatch(key, "an object of strings", v);
  }

  /**
   * Reads a nested object as a section of its own.
   *
   * @param key the key
   * @return the nested section; empty if absent
   * @throws ConfigurationException if present and not an object
   */
  public PluginConfig section(String key) {
    Object v = get(key);
    if (v == null) {
      return sections.computeIfAbsent(key, k -> new PluginConfig(id, source, childPath(k), Map.of(), reader));
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw mismatch(key, "an object", v);
    }
    return sections.computeIfAbsent(key, k -> new PluginConfig(id, source, childPath(k), copied(map), reader));
  }

  /**
   * Reads an array of objects, each as a section of its own (for example the rules of a
   * playbook).
   *
   * @param key the key
   * @return the sections, in order; empty if absent
   * @throws ConfigurationException if present and not an array of objects
   */
  public List<PluginConfig> sections(String key) {
    Object v = get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw mismatch(key, "an array of objects", v);
    }
    return sectionLists.computeIfAbsent(
        key,
        k -> {
          List<PluginConfig> out = new ArrayList<>(list.size());
          for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
              throw error(k + "[" + i + "]", "expected an object, found " + describe(list.get(i)));
            }
            out.add(new PluginConfig(id, source, childPath(k) + "[" + i + "]", copied(map), reader));
          }
          return List.copyOf(out);
        });
  }

  /**
   * Returns a copy of this section with one key set, for example the calibration result.
   *
   * @param key the key
   * @param value a JSON-compatible value
   * @return a new view; this one is unchanged
   */
  public PluginConfig with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return copying(id, source, path, copy, reader);
  }

  /**
   * Returns a copy of this section that reads the documents of {@link #file(String)} and {@link
   * #json(String, InputStream)} with the given reader. The engine calls this with its own reader;
   * sections, lists of sections and {@link #with} copies keep it.
   *
   * @param reader the reader
   * @return a new view; this one is unchanged
   * @since 0.1.0
   */
  public PluginConfig withReader(ConfigReader reader) {
    Objects.requireNonNull(reader, "reader");
    return new PluginConfig(id, source, path, values, reader);
  }

  /**
   * Reads the JSON file named by a key of this section. A relative name is resolved beside the
   * configuration file (the folder of {@link #source()}) when the source is a file, else against
   * the working directory, so a configuration and its files travel together.
   *
   * <p>The key may also hold the file's content itself, as a JSON object: a saved model embeds
   * the files its sections name ({@code Model.write} in sdk-core), so it builds on a machine that
   * does not have them. The plugin reads both forms the same way.
   *
   * @param key the key holding the file name, for example {@code file}
   * @return the file's top-level object as a view whose {@link #source()} is the file's path and
   *     whose {@link #path()} is {@code $}, or for an embedded object a view rooted at this key;
   *     empty if the key is absent
   * @throws ConfigurationException naming this key if the value is neither a string nor an object
   *     or the file cannot be opened, and naming the file (line and column where known) if it is
   *     not a JSON object within the engine's read limits or repeats a key
   * @since 0.1.0
   */
  public Optional<PluginConfig> file(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    if (get(key) instanceof Map<?, ?> embedded) {
      // Not a tracked section: as for a file, its keys are the plugin's to check.
      return Optional.of(new PluginConfig(id, source, childPath(key), copied(embedded), reader));
    }
    String name = string(key, "");
    Path file;
    try {
      file = resolve(name);
    } catch (InvalidPathException e) {
      throw error(key, "not a file name: \"" + name + "\" (" + e.getReason() + ")");
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException | SecurityException e) {
      throw new ConfigurationException(
          file + " (" + source + " " + childPath(key) + ")",
          "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage(),
          e);
    }
    try (InputStream open = in) {
      return Optional.of(json(file.toString(), open));
    } catch (IOException e) {
      throw new ConfigurationException(file.toString(), "cannot close the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON object from a stream the plugin opened, for example a class-path resource of its
   * own, with the same reader as {@link #file(String)}.
   *
   * @param source the name of the document, for messages and the returned view's {@link #source()}
   * @param in the document; the caller closes it
   * @return the top-level object as a view with this section's id, the given source and the path
   *     {@code $}
   * @throws ConfigurationException naming the source if the document is not a JSON object within
   *     the engine's read limits, repeats a key, or no reader is available
   * @since 0.1.0
   */
  public PluginConfig json(String source, InputStream in) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    ConfigReader r = readerFor(source);
    Map<String, Object> map = r.readObject(in, source);
    if (map == null) {
      throw new ConfigurationException(source + " $", "expected a JSON object at the top level");
    }
    return copying(id, source, "$", map, r);
  }

  /**
   * Reads the JSON objects that follow one another in a stream the plugin opened: a class-path
   * resource that several jars ship under the same name and that a fat-jar build appended into one
   * (maven-shade's {@code AppendingTransformer}, Gradle shadow's {@code append}). Each object is
   * read as {@link #json(String, InputStream)} reads one.
   *
   * @param source the name of the resource, for messages; when it holds several objects, each
   *     view's {@link #source()} adds {@code " (document i of n)"}
   * @param in the documents; the caller closes it
   * @return the objects in stream order, at least one, each as a view with this section's id and
   *     the path {@code $}
   * @throws ConfigurationException naming the source if a top-level value is not a JSON object
   *     within the engine's read limits, repeats a key, or no reader is available
   * @since 0.1.0
   */
  public List<PluginConfig> jsonDocuments(String source, InputStream in) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    ConfigReader r = readerFor(source);
    List<Map<String, Object>> maps = r.readObjects(in, source);
    List<PluginConfig> out = new ArrayList<>(maps.size());
    for (int i = 0; i < maps.size(); i++) {
      String name = maps.size() == 1 ? source : source + " (document " + (i + 1) + " of " + maps.size() + ")";
      Map<String, Object> map = maps.get(i);
      if (map == null) {
        throw new ConfigurationException(name + " $", "expected a JSON object at the top level");
      }
      // Copied and checked as json(...) does: a reader of the host's must not hand in values a
      // plugin could see change, or that are not JSON's.
      out.add(copying(id, name, "$", map, r));
    }
    return List.copyOf(out);
  }

  /** The reader of this configuration, or the engine's; fails naming {@code source} if there is none. */
  private ConfigReader readerFor(String source) {
    ConfigReader r = reader != null ? reader : DefaultReader.INSTANCE;
    if (r == null) {
      throw new ConfigurationException(
          source,
          "no JSON reader to read it: create the engine with org.clientele:clientele-sdk-core on the class"
              + " path, or give this configuration one with PluginConfig.withReader(...)");
    }
    return r;
  }

  private Path resolve(String name) {
    Path file = Path.of(name);
    if (file.isAbsolute()) {
      return file;
    }
    try {
      Path config = Path.of(source);
      Path parent = config.toAbsolutePath().getParent();
      if (parent != null && Files.isRegularFile(config)) {
        return parent.resolve(file);
      }
    } catch (InvalidPathException | SecurityException notAFile) {
      // the source is a description such as <inline>: resolve against the working directory
    }
    return file;
  }

  /** The reader found by ServiceLoader, for views created without one; null if there is none. */
  private static final class DefaultReader {
    static final @Nullable ConfigReader INSTANCE = find();

    private static @Nullable ConfigReader find() {
      try {
        for (ConfigReader r : ServiceLoader.load(ConfigReader.class)) {
          return r;
        }
      } catch (ServiceConfigurationError e) {
        // a broken provider: no reader; json() says what to add
      }
      return null;
    }
  }

  /**
   * Returns the section's values, for serialisation.
   *
   * @return an immutable, JSON-compatible map in file order
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * Marks every key of this section as read (a nested object then counts as read whole, unless it is
   * read with {@link #section}), and returns the section. Meant for a calibration section, which the plugin's own {@link Calibrator} wrote:
   * its keys cannot be a user's typos, and a key that {@code create} does not need (a count kept
   * for the report) need not be read one by one.
   *
   * <pre>{@code
   * PluginConfig calibration = config.section(CALIBRATION_KEY).markAllRead();
   * double cutoff = calibration.number("cutoff", Double.NaN);
   * }</pre>
   *
   * @return this section
   * @since 0.1.0
   */
  public PluginConfig markAllRead() {
    read.addAll(values.keySet());
    return this;
  }

  /**
   * Returns the JSON paths of keys present here or in nested sections that nobody has read,
   * usually typos. Read a section (with {@link #section} or {@link #sections}) to have its keys
   * checked too; a nested object read in any other way counts as read whole.
   *
   * @return the unread keys' paths, sorted
   */
  public Set<String> unreadKeys() {
    Set<String> out = new TreeSet<>();
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        out.add(childPath(key));
      }
    }
    for (PluginConfig s : sections.values()) {
      out.addAll(s.unreadKeys());
    }
    for (List<PluginConfig> list : sectionLists.values()) {
      for (PluginConfig s : list) {
        out.addAll(s.unreadKeys());
      }
    }
    return out;
  }

  /**
   * Creates the exception for a bad value, naming the file and the key's JSON path.
   *
   * @param key the key, or a dotted path below this section
   * @param problem what is wrong and what is expected
   * @return the exception, to throw
   */
  public ConfigurationException error(String key, String problem) {
    return new ConfigurationException(source + " " + childPath(key), problem);
  }

  private @Nullable Object get(String key) {
    Objects.requireNonNull(key, "key");
    read.add(key);
    return values.get(key);
  }

  private String childPath(String key) {
    return path + "." + key;
  }

  private ConfigurationException mismatch(String key, String expected, Object found) {
    return error(key, "expected " + expected + ", found " + describe(found));
  }

  private static String describe(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    if (v instanceof Number n) {
      return plain(n.doubleValue());
    }
    return String.valueOf(v);
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> asStringMap(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }

  /** A nested object of {@link #values}: made by {@link #copyObject}, so string-keyed and unmodifiable. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> copied(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static Map<String, Object> copyObject(Map<String, ?> map, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object value = e.getValue();
      // The path names the value in messages; built only for what can hold an error (a plain
      // string or boolean cannot), as most values of a configuration are.
      Object v = value == null || value instanceof String || value instanceof Boolean
          ? value
          : copyValue(value, where + "." + e.getKey());
      if (v != null) {
        out.put(Objects.requireNonNull(e.getKey(), "key"), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object copyValue(@Nullable Object v, String where) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    // One Java type per kind of JSON number, so equal configurations compare equal however built.
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) {
          throw new ConfigurationException(where, "object keys must be strings, found " + k);
        }
      }
      return copyObject(asStringMap(m), where);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        Object c = item instanceof String || item instanceof Boolean ? item : copyValue(item, where + "[" + i + "]");
        if (c == null) {
          throw new ConfigurationException(where + "[" + i + "]", "arrays must not hold null");
        }
        out.add(c);
      }
      return Collections.unmodifiableList(out);
    }
    throw new ConfigurationException(
        where, "expected a JSON value, found a " + v.getClass().getSimpleName());
  }

  /** Two views are equal when they configure the same id with the same values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PluginConfig other && id.equals(other.id) && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + values.hashCode();
  }

  @Override
  public String toString() {
    return source + " " + path + " " + values;
  }
}
