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

  private final String id;
  // Values indexed by Feature.index(): lookups on the classification hot path are an array read.
  private final @Nullable Object[] values;
  private final int size;

  private Customer(String id, @Nullable Object[] values, int size) {
    this.id = id;
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
    return i < values.length && values[i] != null;
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
   * Returns the feature's value, or null if missing. Allocation-free.
   *
   * @param feature any feature
   * @param <T> the feature's value type
   * @return the value, or null if missing
   */
  @SuppressWarnings("unchecked")
  public <T> @Nullable T getOrNull(Feature<T> feature) {
    int i = feature.index();
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
    Object v = i < values.length ? values[i] : null;
    return v == null ? ifMissing : (Double) v;
  }

  /**
   * Returns the features present, in declaration order, with their values.
   *
   * @return an unmodifiable map
   */
  public Map<Feature<?>, Object> features() {
    Map<Feature<?>, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
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
    b.values = values.clone();
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Customer other
        && id.equals(other.id)
        && Arrays.equals(trimmed(values), trimmed(other.values));
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(trimmed(values));
  }

  private static @Nullable Object[] trimmed(@Nullable Object[] values) {
    int n = values.length;
    while (n > 0 && values[n - 1] == null) {
      n--;
    }
    return n == values.length ? values : Arrays.copyOf(values, n);
  }

  /** Shows the id and the names of present features, never their values (they may be personal). */
  @Override
  public String toString() {
    return "Customer[id=" + id + ", features=" + features().keySet() + "]";
  }

  /** Collects an id and features; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final String id;
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
      if (checked instanceof Double d && d == 0.0) {
        checked = 0.0; // -0.0 and 0.0 are the same amount; keep equals() from telling them apart
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
      return set(feature, Double.valueOf(value));
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
      int last = -1;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          size++;
          last = i;
        }
      }
      return new Customer(id, Arrays.copyOf(values, last + 1), size);
    }
  }
}
