package org.clientele.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A typed key for one fact about a customer, such as {@code revenue_12m} or {@code
 * industry_code}.
 *
 * <p>Features are interned by name: {@code Feature.number("x")} returns the same instance every
 * time, and asking for an existing name with another {@link Kind} is an error. The built-in
 * vocabulary is {@link StandardFeatures}; a plugin declares its own as constants:
 *
 * <pre>{@code
 * public static final Feature<Double> DISTANCE_KM = Feature.number("distance_km", "Distance from the nearest branch");
 * }</pre>
 *
 * <p>Names are lowercase snake case ({@code [a-z][a-z0-9_]*}); they are the column names of input
 * files and the keys of JSON output.
 *
 * @param <T> the Java type of the feature's values: {@link Double}, {@link String} or {@link
 *     LocalDate}
 * @since 0.1.0
 */
public final class Feature<T> {

  /** The kinds of value a feature can hold. */
  public enum Kind {
    /** A finite {@code double}. */
    NUMBER(Double.class),
    /** A non-blank string. */
    TEXT(String.class),
    /** A calendar date. */
    DATE(LocalDate.class);

    private final Class<?> type;

    Kind(Class<?> type) {
      this.type = type;
    }

    /**
     * Returns the Java type of values of this kind.
     *
     * @return {@code Double.class}, {@code String.class} or {@code LocalDate.class}
     */
    public Class<?> type() {
      return type;
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final ConcurrentMap<String, Feature<?>> BY_NAME = new ConcurrentHashMap<>();
  private static final List<Feature<?>> BY_INDEX = new ArrayList<>();

  private final String name;
  private final Kind kind;
  private final String description;
  private final int index;

  private Feature(String name, Kind kind, String description, int index) {
    this.name = name;
    this.kind = kind;
    this.description = description;
    this.index = index;
  }

  /**
   * Returns the numeric feature with this name, declaring it if it is new.
   *
   * @param name lowercase snake case, for example {@code revenue_12m}
   * @param description one line for documentation and explanations
   * @return the interned feature
   * @throws IllegalArgumentException if the name is malformed or already declared with another kind
   */
  @SuppressWarnings("unchecked")
  public static Feature<Double> number(String name, String description) {
    return (Feature<Double>) intern(name, Kind.NUMBER, description);
  }

  /**
   * Returns the text feature with this name, declaring it if it is new.
   *
   * @param name lowercase snake case, for example {@code industry_code}
   * @param description one line for documentation and explanations
   * @return the interned feature
   * @throws IllegalArgumentException if the name is malformed or already declared with another kind
   */
  @SuppressWarnings("unchecked")
  public static Feature<String> text(String name, String description) {
    return (Feature<String>) intern(name, Kind.TEXT, description);
  }

  /**
   * Returns the date feature with this name, declaring it if it is new.
   *
   * @param name lowercase snake case, for example {@code first_purchase_date}
   * @param description one line for documentation and explanations
   * @return the interned feature
   * @throws IllegalArgumentException if the name is malformed or already declared with another kind
   */
  @SuppressWarnings("unchecked")
  public static Feature<LocalDate> date(String name, String description) {
    return (Feature<LocalDate>) intern(name, Kind.DATE, description);
  }

  /**
   * Finds a declared feature by name. The {@link StandardFeatures} are always declared; plugin
   * features are declared once their class is loaded.
   *
   * @param name the feature's name
   * @return the feature, or empty if no feature of that name has been declared
   */
  public static Optional<Feature<?>> lookup(String name) {
    Objects.requireNonNull(name, "name");
    StandardFeatures.all(); // make sure the standard vocabulary is declared
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Feature<?> intern(String name, Kind kind, String description) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Feature name '" + name + "' is not lowercase snake case ([a-z][a-z0-9_]*)");
    }
    Feature<?> existing = BY_NAME.get(name);
    if (existing == null) {
      synchronized (BY_INDEX) {
        existing = BY_NAME.get(name);
        if (existing == null) {
          existing = new Feature<>(name, kind, description, BY_INDEX.size());
          BY_INDEX.add(existing);
          BY_NAME.put(name, existing);
        }
      }
    }
    if (existing.kind != kind) {
      throw new IllegalArgumentException(
          "Feature '" + name + "' is already declared as " + existing.kind + ", not " + kind);
    }
    return existing;
  }

  /**
   * Returns the feature's name.
   *
   * @return lowercase snake case, for example {@code revenue_12m}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the kind of value this feature holds.
   *
   * @return number, text or date
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the one-line description given when the feature was first declared.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /** Dense, JVM-wide position of this feature; lets {@link Customer} store values in an array. */
  int index() {
    return index;
  }

  static Feature<?> byIndex(int index) {
    synchronized (BY_INDEX) {
      return BY_INDEX.get(index);
    }
  }

  /**
   * Checks that a value fits this feature and returns it typed.
   *
   * @param value a candidate value
   * @return the same value, typed
   * @throws IllegalArgumentException if the value has the wrong type, is a non-finite number or a
   *     blank text
   */
  @SuppressWarnings("unchecked")
  public T cast(Object value) {
    Objects.requireNonNull(value, name);
    if (!kind.type.isInstance(value)) {
      throw new IllegalArgumentException(
          "Feature '"
              + name
              + "' holds "
              + kind.type.getSimpleName()
              + " values, not "
              + value.getClass().getSimpleName());
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException(
          "Feature '" + name + "' must be a finite number, not " + d + "; leave it out if unknown");
    }
    if (value instanceof String s && s.isBlank()) {
      throw new IllegalArgumentException(
          "Feature '" + name + "' must not be blank; leave it out if unknown");
    }
    return (T) value;
  }

  /** Returns the feature's name. */
  @Override
  public String toString() {
    return name;
  }
}
