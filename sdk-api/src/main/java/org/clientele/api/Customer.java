package org.clientele.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One customer: an identifier plus the features known about it. Immutable and thread-safe.
 *
 * <p>A feature is either present with a valid value (a finite number, a non-blank text, a date) or
 * missing; missing is never the same as zero. Classifiers ask {@link #has(Feature)} or read with a
 * fallback they choose:
 *
 * <pre>{@code
 * Customer c = Customer.builder("ACME-001")
 *     .set(StandardFeatures.REVENUE_12M, 182_000.0)
 *     .set(StandardFeatures.INDUSTRY_CODE, "C10")
 *     .build();
 * c.has(StandardFeatures.OVERDUE_DAYS);                        // false: unknown, not zero
 * c.number(StandardFeatures.REVENUE_12M, Double.NaN);          // 182000.0
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Customer {

  private static final Object[] NONE = new Object[0];
  private static final double[] NO_NUMBERS = new double[0];

  private final String id;
  // Values indexed by Feature.index(): lookups on the classification hot path are an array read.
  // Numbers are unboxed, NaN where missing (a present number is finite): number() reads one dense
  // array, not a boxed Double per feature, which is what the hot path waited on once the customers
  // outgrew the cache. Texts and dates are in values, null where missing.
  private final double[] numbers;
  private final @Nullable Object[] values;
  private final int size;

  private Customer(String id, double[] numbers, @Nullable Object[] values, int size) {
    this.id = id;
    this.numbers = numbers;
    this.values = values;
    this.size = size;
  }

  /**
   * Starts a customer with the given identifier.
   *
   * @param id the customer's identifier in the host's system; not blank
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns the customer's identifier.
   *
   * @return the identifier given to {@link #builder(String)}
   */
  public String id() {
    return id;
  }

  /**
   * Tells whether the feature is known for this customer.
   *
   * @param feature any feature
   * @return true if a value is present
   */
  public boolean has(Feature<?> feature) {
    int i = feature.index();
    return feature.kind() == Feature.Kind.NUMBER
        ? i < numbers.length && !Double.isNaN(numbers[i])
        : i < values.length && values[i] != null;
  }

  /**
   * Returns the feature's value if present.
   *
   * @param feature any feature
   * @param <T> the feature's value type
   * @return the value, or empty if missing
   */
  public <T> Optional<T> get(Feature<T> feature) {
    return Optional.ofNullable(getOrNull(feature));
  }

  /**
   * Returns the feature's value, or null if missing. Allocation-free for texts and dates; a number
   * is boxed on each call, so read numbers with {@link #number(Feature, double)} on a hot path.
   *
   * @param feature any feature
   * @param <T> the feature's value type
   * @return the value, or null if missing
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T getOrNull(Feature<T> feature) {
    int i = feature.index();
    if (feature.kind() == Feature.Kind.NUMBER) {
      return i < numbers.length && !Double.isNaN(numbers[i]) ? (T) Double.valueOf(numbers[i]) : null;
    }
    return i < values.length ? (T) values[i] : null;
  }

  /**
   * Returns a numeric feature's value, or the caller's fallback if missing. Allocation-free: this
   * is the read classifiers use on the hot path.
   *
   * @param feature a numeric feature
   * @param ifMissing returned when the feature is missing (use {@code Double.NaN} to detect it)
   * @return the value or {@code ifMissing}
   */
  public double number(Feature<Double> feature, double ifMissing) {
    int i = feature.index();
    if (i < numbers.length) {
      double v = numbers[i];
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    if (feature.kind() != Feature.Kind.NUMBER) { // reachable only through an unchecked cast
      throw new ClassCastException("Feature '" + feature.name() + "' holds "
          + feature.kind().type().getSimpleName() + " values, not numbers");
    }
    return ifMissing;
  }

  /**
   * Returns the features present, in declaration order, with their values.
   *
   * @return an unmodifiable map
   */
  public Map<Feature<?>, Object> features() {
    Map<Feature<?>, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.max(numbers.length, values.length); i++) {
      Object v = i < values.length ? values[i] : null;
      if (v == null && i < numbers.length && !Double.isNaN(numbers[i])) {
        v = numbers[i];
      }
      if (v != null) {
        out.put(Feature.byIndex(i), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns how many features are present.
   *
   * @return the count of present features
   */
  public int featureCount() {
    return size;
  }

  /**
   * Returns a builder holding this customer's id and features, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.numbers = numbers.clone();
    b.values = values.clone();
    return b;
  }

  @Override
  public boolean equals(Object o) {
    // Both arrays are trimmed by build(), and a NaN slot equals another under Arrays.equals.
    return o instanceof Customer other
        && id.equals(other.id)
        && Arrays.equals(numbers, other.numbers)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return (31 * id.hashCode() + Arrays.hashCode(numbers)) * 31 + Arrays.hashCode(values);
  }

  /** Shows the id and the names of present features, never their values (they may be personal). */
  @Override
  public String toString() {
    return "Customer[id=" + id + ", features=" + features().keySet() + "]";
  }

  /** Collects an id and features; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final String id;
    private double[] numbers = NO_NUMBERS;
    private @Nullable Object[] values = NONE;

    private Builder(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("Customer id must not be blank");
      }
      this.id = id;
    }

    /**
     * Sets a feature's value, replacing any earlier one.
     *
     * @param feature the feature
     * @param value its value: a finite number, a non-blank text or a date
     * @param <T> the feature's value type
     * @return this builder
     * @throws IllegalArgumentException naming the feature if the value is invalid
     */
    public <T> Builder set(Feature<T> feature, T value) {
      Objects.requireNonNull(feature, "feature");
      Object checked = feature.cast(value);
      if (checked instanceof Double d) {
        return setNumber(feature.index(), d);
      }
      int i = feature.index();
      if (i >= values.length) {
        values = Arrays.copyOf(values, Math.max(i + 1, values.length * 2));
      }
      values[i] = checked;
      return this;
    }

    /**
     * Sets a numeric feature's value.
     *
     * @param feature a numeric feature
     * @param value a finite number
     * @return this builder
     * @throws IllegalArgumentException naming the feature if the value is not finite
     */
    public Builder set(Feature<Double> feature, double value) {
      Objects.requireNonNull(feature, "feature");
      if (feature.kind() != Feature.Kind.NUMBER || !Double.isFinite(value)) {
        feature.cast(value); // throws, naming the feature and the cause
      }
      return setNumber(feature.index(), value);
    }

    private Builder setNumber(int i, double value) {
      if (i >= numbers.length) {
        int old = numbers.length;
        numbers = Arrays.copyOf(numbers, Math.max(i + 1, old * 2));
        Arrays.fill(numbers, old, numbers.length, Double.NaN);
      }
      // -0.0 and 0.0 are the same amount; keep equals() from telling them apart
      numbers[i] = value == 0.0 ? 0.0 : value;
      return this;
    }

    /**
     * Sets the feature if the value is not null, otherwise removes it.
     *
     * @param feature the feature
     * @param value its value, or null for missing
     * @param <T> the feature's value type
     * @return this builder
     */
    public <T> Builder setOrRemove(Feature<T> feature, @Nullable T value) {
      return value == null ? remove(feature) : set(feature, value);
    }

    /**
     * Removes a feature, making it missing.
     *
     * @param feature the feature
     * @return this builder
     */
    public Builder remove(Feature<?> feature) {
      int i = Objects.requireNonNull(feature, "feature").index();
      if (i < numbers.length) {
        numbers[i] = Double.NaN;
      }
      if (i < values.length) {
        values[i] = null;
      }
      return this;
    }

    /**
     * Builds the immutable customer.
     *
     * @return the customer
     */
    public Customer build() {
      int size = 0;
      int lastNumber = -1;
      for (int i = 0; i < numbers.length; i++) {
        if (!Double.isNaN(numbers[i])) {
          size++;
          lastNumber = i;
        }
      }
      int last = -1;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          size++;
          last = i;
        }
      }
      return new Customer(id,
          lastNumber < 0 ? NO_NUMBERS : Arrays.copyOf(numbers, lastNumber + 1),
          last < 0 ? NONE : Arrays.copyOf(values, last + 1), size);
    }
  }
}
