package org.clientele.testkit;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.demo.FeaturePopulation;

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

    private Builder() {}

    /**
     * Sets the random seed.
     *
     * @param seed any number; the same seed gives the same customers
     * @return this builder
     */
    public Builder seed(long seed) {
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
      return generator.build();
    }
  }
}
