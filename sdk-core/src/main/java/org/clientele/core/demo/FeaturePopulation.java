package org.clientele.core.demo;

import static org.clientele.api.StandardFeatures.AGE;
import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.COMPLAINTS_12M;
import static org.clientele.api.StandardFeatures.CREDIT_LIMIT;
import static org.clientele.api.StandardFeatures.CREDIT_USED;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.DEFAULT_COUNT;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.api.StandardFeatures.LAST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.ORDERS_PREV_12M;
import static org.clientele.api.StandardFeatures.ORGANISATION_TYPE;
import static org.clientele.api.StandardFeatures.OVERDUE_DAYS;
import static org.clientele.api.StandardFeatures.PREDICTED_VALUE;
import static org.clientele.api.StandardFeatures.PROFIT_12M;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REFUNDS_12M;
import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REGION_TYPE;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.REVENUE_PREV_12M;
import static org.clientele.api.StandardFeatures.REVENUE_TOTAL;
import static org.clientele.api.StandardFeatures.RISK_WARNINGS;
import static org.clientele.api.StandardFeatures.SATISFACTION;
import static org.clientele.api.StandardFeatures.SIZE;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;

/**
 * A seeded population of customers described directly by their {@link StandardFeatures}, with no
 * transactions behind them (for transactions, see {@link TransactionPopulation}): the same seed gives
 * the same customers. Revenue is log-normal (a few large accounts, a long tail), orders and
 * complaints are Poisson, visits never exceed orders, recency never exceeds tenure, a share of
 * customers are prospects with no purchase history, and every other feature is missing with a
 * small probability, as in real data. Dates and day counts are relative to {@link
 * #REFERENCE_DATE}. The test kit's {@code Population} hands these customers to every contract
 * test.
 *
 * <pre>{@code
 * List<Customer> customers = FeaturePopulation.of(42, 1_000);
 * List<Customer> sparse = FeaturePopulation.builder().seed(42).size(500).missingRate(0.3).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FeaturePopulation {

  /**
   * The date the customers' dates and day counts are relative to: 2024-01-01.
   *
   * @since 0.1.0
   */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2024, 1, 1);


  private static final String[] INDUSTRIES = {
    "C10", "C13", "C20", "C25", "C28", "F41", "F43", "G46", "G47", "H49", "H52", "I55", "I56",
    "J62", "K64", "L68", "M69", "M71", "O84", "P85", "Q86", "A01", "D35", "S96"
  };
  private static final String[] REGIONS = {
    "Beijing", "Shanghai", "Guangdong", "Jiangsu", "Zhejiang", "Sichuan", "Anhui", "Yunnan",
    "Gansu", "Xinjiang", "Tibet", "Qinghai", "Hainan", "Shandong"
  };
  private static final String[] REGION_TYPES = {"city", "city", "city", "city", "rural", "rural", "mountain"};

  private final long seed;
  private final int size;
  private final double prospectShare;
  private final double missingRate;

  private FeaturePopulation(long seed, int size, double prospectShare, double missingRate) {
    this.seed = seed;
    this.size = size;
    this.prospectShare = prospectShare;
    this.missingRate = missingRate;
  }

  /**
   * Generates a population with the default shares: 10% prospects, 5% of features missing.
   *
   * @param seed the random seed; print it when a test fails
   * @param size the number of customers
   * @return the customers, ids {@code P000000} upwards
   *
   * @since 0.1.0
   */
  public static List<Customer> of(long seed, int size) {
    return builder().seed(seed).size(size).build();
  }

  /**
   * Starts a population with seed 1, 1,000 customers, 10% prospects and 5% of features missing.
   *
   * @return a builder
   *
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  private List<Customer> generate() {
    Random random = new Random(seed);
    List<Customer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(customer(random, String.format(Locale.ROOT, "P%06d", i)));
    }
    return List.copyOf(out);
  }

  private Customer customer(Random r, String id) {
    Customer.Builder b = Customer.builder(id);
    double kind = r.nextDouble();
    String organisation = kind < 0.6 ? "enterprise" : kind < 0.9 ? "individual" : "government";
    maybe(r, b, ORGANISATION_TYPE, organisation);
    maybe(r, b, INDUSTRY_CODE, INDUSTRIES[r.nextInt(INDUSTRIES.length)]);
    maybe(r, b, REGION, REGIONS[r.nextInt(REGIONS.length)]);
    maybe(r, b, REGION_TYPE, REGION_TYPES[r.nextInt(REGION_TYPES.length)]);
    if (organisation.equals("individual")) {
      maybe(r, b, SIZE, (double) (1 + r.nextInt(6)));
      maybe(r, b, AGE, (double) Math.round(clamp(42 + 13 * r.nextGaussian(), 18, 90)));
    } else {
      maybe(r, b, SIZE, (double) Math.max(1, Math.round(logNormal(r, Math.log(50), 1.2))));
    }
    if (r.nextDouble() < prospectShare) {
      return b.build(); // a prospect: no consumption, relationship or credit data
    }
    double rate = logNormal(r, Math.log(6), 0.9); // this customer's orders per year
    double orderValue = logNormal(r, Math.log(800), 1.0);
    double orders = poisson(r, rate);
    double ordersPrev = poisson(r, rate * logNormal(r, 0, 0.4));
    boolean newcomer = r.nextDouble() < 0.15;
    if (newcomer) {
      ordersPrev = 0;
      orders = Math.max(1, orders);
    }
    double revenue = money(orders * orderValue * logNormal(r, 0, 0.2));
    double revenuePrev = money(ordersPrev * orderValue * logNormal(r, 0, 0.2));
    double visits = orders == 0 ? 0 : 1 + binomial(r, (int) orders - 1, 0.8);
    double visits3m = binomial(r, (int) visits, 0.25);
    double olderDays = newcomer ? 0 : poisson(r, rate * 2);
    double purchaseDays = Math.max(1, visits + binomial(r, (int) ordersPrev, 0.8) + olderDays);
    double recency;
    if (visits3m > 0) {
      recency = r.nextInt(91);
    } else if (visits > 0) {
      recency = 91 + r.nextInt(275);
    } else {
      recency = 366 + Math.round(-400 * Math.log(1 - r.nextDouble()));
    }
    double tenure = newcomer ? recency + r.nextInt(Math.max(1, 365 - (int) recency)) : 365 + r.nextInt(3_300);
    tenure = Math.max(tenure, recency);
    maybe(r, b, REVENUE_12M, revenue);
    maybe(r, b, REVENUE_PREV_12M, revenuePrev);
    maybe(r, b, REVENUE_TOTAL, money(revenue + revenuePrev + olderDays * orderValue));
    maybe(r, b, PROFIT_12M, money(revenue * (0.18 + 0.12 * r.nextGaussian())));
    if (r.nextDouble() < 0.3) {
      maybe(r, b, PREDICTED_VALUE, money(Math.max(revenue, orderValue) * logNormal(r, 0.5, 0.6)));
    }
    maybe(r, b, ORDERS_12M, orders);
    maybe(r, b, ORDERS_PREV_12M, ordersPrev);
    maybe(r, b, VISITS_12M, visits);
    maybe(r, b, VISITS_3M, visits3m);
    maybe(r, b, PURCHASE_DAYS, purchaseDays);
    maybe(r, b, REPEAT_PURCHASES, purchaseDays - 1);
    maybe(r, b, DAYS_SINCE_LAST_PURCHASE, recency);
    maybe(r, b, TENURE_DAYS, tenure);
    maybe(r, b, FIRST_PURCHASE_DATE, REFERENCE_DATE.minusDays((long) tenure));
    maybe(r, b, LAST_PURCHASE_DATE, REFERENCE_DATE.minusDays((long) recency));
    maybe(r, b, AVERAGE_ORDER_VALUE, money(orderValue));
    if (r.nextDouble() < 0.1) {
      maybe(r, b, REFUNDS_12M, money(revenue * 0.2 * r.nextDouble()));
    }
    if (r.nextDouble() < 0.6) {
      double[] weights = {0.05, 0.1, 0.25, 0.4, 0.2};
      double u = r.nextDouble();
      int score = 1;
      for (double w : weights) {
        if ((u -= w) <= 0) {
          break;
        }
        score++;
      }
      maybe(r, b, SATISFACTION, (double) Math.min(score, 5));
    }
    maybe(r, b, COMPLAINTS_12M, poisson(r, 0.3));
    maybe(r, b, CHANNEL, r.nextDouble() < 0.55 ? "online" : "offline");
    if (!organisation.equals("individual") && r.nextDouble() < 0.8) {
      maybe(r, b, OVERDUE_DAYS, r.nextDouble() < 0.8 ? 0.0 : (double) Math.round(-30 * Math.log(1 - r.nextDouble())));
      maybe(r, b, DEFAULT_COUNT, poisson(r, 0.1));
      maybe(r, b, RISK_WARNINGS, poisson(r, 0.15));
      double limit = money(logNormal(r, Math.log(20_000), 0.8));
      maybe(r, b, CREDIT_LIMIT, limit);
      maybe(r, b, CREDIT_USED, money(limit * 1.1 * r.nextDouble()));
    }
    return b.build();
  }

  private <T> void maybe(Random r, Customer.Builder b, Feature<T> feature, T value) {
    // Draw for every feature, present or not, so that one feature's presence never shifts the others.
    if (r.nextDouble() >= missingRate) {
      b.set(feature, value);
    }
  }

  private static double logNormal(Random r, double mu, double sigma) {
    return Math.exp(mu + sigma * r.nextGaussian());
  }

  private static double poisson(Random r, double lambda) {
    if (lambda > 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
    }
    // Knuth: multiply uniforms until the product drops below e^-lambda.
    double limit = Math.exp(-lambda);
    double product = r.nextDouble();
    int k = 0;
    while (product > limit) {
      k++;
      product *= r.nextDouble();
    }
    return k;
  }

  private static double binomial(Random r, int trials, double p) {
    int k = 0;
    for (int i = 0; i < trials; i++) {
      if (r.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  private static double money(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  /**
   * Sets the seed, size and shares of a population.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private long seed = 1;
    private int size = 1_000;
    private double prospectShare = 0.1;
    private double missingRate = 0.05;

    private Builder() {}

    /**
     * Sets the random seed.
     *
     * @param seed any number; the same seed gives the same customers
     * @return this builder
     *
     * @since 0.1.0
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of customers.
     *
     * @param size 0 or more
     * @return this builder
     *
     * @since 0.1.0
     */
    public Builder size(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("FeaturePopulation size must be >= 0, was " + size);
      }
      this.size = size;
      return this;
    }

    /**
     * Sets the share of prospects (customers without purchase history).
     *
     * @param share from 0 to 1; default 0.1
     * @return this builder
     *
     * @since 0.1.0
     */
    public Builder prospectShare(double share) {
      this.prospectShare = share(share, "prospectShare");
      return this;
    }

    /**
     * Sets the probability that any one feature is missing.
     *
     * @param rate from 0 to 1; default 0.05
     * @return this builder
     *
     * @since 0.1.0
     */
    public Builder missingRate(double rate) {
      this.missingRate = share(rate, "missingRate");
      return this;
    }

    private static double share(double v, String name) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("FeaturePopulation " + name + " must be from 0 to 1, was " + v);
      }
      return v;
    }

    /**
     * Generates the customers.
     *
     * @return an immutable list, ids {@code P000000} upwards
     *
     * @since 0.1.0
     */
    public List<Customer> build() {
      return new FeaturePopulation(seed, size, prospectShare, missingRate).generate();
    }
  }
}
