package org.clientele.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.demo.FeaturePopulation;
import org.jspecify.annotations.Nullable;

/**
 * A seeded, realistic population over the {@link StandardFeatures}, the customers every contract
 * test calibrates and classifies: the same seed gives the same customers. Revenue is log-normal
 * (a few large accounts, a long tail), orders and complaints are Poisson, visits never exceed
 * orders, recency never exceeds tenure, a share of customers are prospects with no purchase
 * history, and every other feature is missing with a small probability, as in real data.
 *
 * <p>The customers are those of sdk-core's {@link FeaturePopulation}, which generates them; this
 * class is the kit's entry point to it, beside {@link Customers}.
 *
 * <pre>{@code
 * List<Customer> customers = Population.of(42, 1_000);
 * List<Customer> sparse = Population.builder().seed(42).size(500).missingRate(0.3).build();
 * List<Customer> withMine = Population.builder().feature(DISTANCE_KM, (c, random) -> random.nextDouble() * 300).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Population {

  private Population() {}

  /**
   * Generates a population with the default shares: 10% prospects, 5% of features missing.
   *
   * @param seed the random seed; print it when a test fails
   * @param size the number of customers
   * @return the customers, ids {@code P000000} upwards
   */
  public static List<Customer> of(long seed, int size) {
    return FeaturePopulation.of(seed, size);
  }

  /**
   * Starts a population with seed 1, 1,000 customers, 10% prospects and 5% of features missing.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the seed, size and shares of a population. */
  public static final class Builder {
    private final FeaturePopulation.Builder generator = FeaturePopulation.builder();
    private final List<Added<?>> added = new ArrayList<>();
    private long seed = 1;

    private Builder() {}

    /**
     * Sets the random seed.
     *
     * @param seed any number; the same seed gives the same customers
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      generator.seed(seed);
      return this;
    }

    /**
     * Sets the number of customers.
     *
     * @param size 0 or more
     * @return this builder
     */
    public Builder size(int size) {
      generator.size(size);
      return this;
    }

    /**
     * Sets the share of prospects (customers without purchase history).
     *
     * @param share from 0 to 1; default 0.1
     * @return this builder
     */
    public Builder prospectShare(double share) {
      generator.prospectShare(share);
      return this;
    }

    /**
     * Sets the probability that any one feature is missing.
     *
     * @param rate from 0 to 1; default 0.05
     * @return this builder
     */
    public Builder missingRate(double rate) {
      generator.missingRate(rate);
      return this;
    }

    /**
     * Generates the customers.
     *
     * @return an immutable list, ids {@code P000000} upwards
     */
    public List<Customer> build() {
      List<Customer> customers = generator.build();
      if (added.isEmpty()) {
        return customers;
      }
      List<Customer> out = new ArrayList<>(customers.size());
      List<Random> randoms = new ArrayList<>();
      for (Added<?> a : added) {
        randoms.add(new Random(seed * 31 + a.feature().name().hashCode()));
      }
      for (Customer c : customers) {
        Customer.Builder b = c.toBuilder();
        for (int i = 0; i < added.size(); i++) {
          added.get(i).apply(c, randoms.get(i), b);
        }
        out.add(b.build());
      }
      return List.copyOf(out);
    }

    /**
     * Adds a feature of your plugin to every customer, in one call: the kit's population then
     * exercises your rules. The value may depend on the customer's other features; return null to
     * leave it missing. Values come from a random source seeded by the population's seed and the
     * feature's name, so the same seed gives the same values.
     *
     * <pre>{@code
     * Population.builder().size(1_000)
     *     .feature(NeedsFeatures.SERVICE_SHARE, (customer, random) -> random.nextDouble())
     *     .feature(NeedsFeatures.PRODUCT_LINES, (customer, random) -> (double) random.nextInt(8))
     *     .build();
     * }</pre>
     *
     * @param feature the feature
     * @param value gives a customer's value from the customer and a seeded random source
     * @param <T> the feature's value type
     * @return this builder
     * @since 0.1.0
     */
    public <T> Builder feature(Feature<T> feature, BiFunction<Customer, Random, @Nullable T> value) {
      added.add(new Added<>(Objects.requireNonNull(feature, "feature"), Objects.requireNonNull(value, "value")));
      return this;
    }
  }

  /** A feature added to the generated customers. */
  private record Added<T>(Feature<T> feature, BiFunction<Customer, Random, @Nullable T> value) {
    void apply(Customer customer, Random random, Customer.Builder into) {
      into.setOrRemove(feature, value.apply(customer, random));
    }
  }
}
