package org.clientele.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.features.CustomerJoin;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic synthetic population of B2B accounts with about two years of transactions
 * (2023-01-01 to 2024-12-31; features are derived as of 2025-01-01): the population of the
 * {@code clientele demo} and {@code generate} commands and of the benchmarks. (For customers
 * described by their features alone, with no transactions, see {@link FeaturePopulation}.)
 *
 * <p>The same size and seed always give the same accounts, byte for byte, on every platform; each
 * account depends only on the seed and its index, so any account can be made on its own, in any
 * order, in constant memory.
 *
 * <p>The population mixes ten kinds of account so that every label of every built-in dimension
 * occurs: key accounts with weekly orders, regular and growing customers, occasional buyers, new
 * customers, heavy buyers who stopped ordering months ago, customers who slipped to one visit,
 * lapsed customers, customers returning after a long pause, and prospects who never bought.
 * Attributes follow a CRM export: an industry code in ISIC Rev.4, NAICS 2022 or GB/T 4754-2017
 * form (some missing or unreadable), organisation and region type, size, satisfaction and
 * complaints (some missing), and credit data (overdue days, defaults, warnings; missing altogether
 * for some accounts, as for a customer never credit-checked). The columns of the practice
 * dimensions ({@link PracticeColumns}: needs and promotion response) and a channel mix (about a
 * third of the accounts order through both channels) come from a random source of their own, so
 * that every label of those dimensions occurs too and no other column changed.
 *
 * <pre>{@code
 * TransactionPopulation population = TransactionPopulation.of(2_000, TransactionPopulation.DEFAULT_SEED);
 * TransactionPopulation.Account a = population.account(41);      // A-0000042
 * Customer c = a.customer();                              // attributes + derived features
 * DemoFiles files = DemoFiles.write(population, dir, i -> { }); // customers.csv + transactions.csv
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TransactionPopulation {

  /**
   * The seed of the demo.
   *
   * @since 0.1.0
   */
  public static final long DEFAULT_SEED = 20_250_101L;

  /**
   * The number of accounts of the demo.
   *
   * @since 0.1.0
   */
  public static final int DEFAULT_SIZE = 2_000;

  /**
   * The first day of the transaction history.
   *
   * @since 0.1.0
   */
  public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

  /**
   * The last day of the transaction history.
   *
   * @since 0.1.0
   */
  public static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

  /**
   * The reference date of the derived features: the day after the last day.
   *
   * @since 0.1.0
   */
  public static final LocalDate REFERENCE_DATE = LAST_DAY.plusDays(1);

  private static final int SPAN = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()); // 730
  private static final int YEAR2 = (int) (LocalDate.of(2024, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay()); // 365
  private static final int LAST_90 = SPAN - 88; // first day whose tenure is at most 90 days

  /**
   * The kinds of account, with their share of the population (in thousandths).
   *
   * @since 0.1.0
   */
  public enum Kind {
    /**
     * Large volumes, orders every week or two, long relationship.
     *
     * @since 0.1.0
     */
    KEY_ACCOUNT(40),
    /**
     * Orders every month or two, medium amounts.
     *
     * @since 0.1.0
     */
    REGULAR(260),
    /**
     * Few orders in the first year, many in the second.
     *
     * @since 0.1.0
     */
    GROWING(90),
    /**
     * A handful of small orders on random days.
     *
     * @since 0.1.0
     */
    OCCASIONAL(160),
    /**
     * First purchase in the last three months.
     *
     * @since 0.1.0
     */
    NEW(60),
    /**
     * Ordered heavily, then stopped five to nine months ago.
     *
     * @since 0.1.0
     */
    CHURNING(80),
    /**
     * Regular in the first year, a single visit in the second, more than three months ago.
     *
     * @since 0.1.0
     */
    SLIPPING(60),
    /**
     * Bought only in the first year.
     *
     * @since 0.1.0
     */
    LAPSED(90),
    /**
     * Bought long ago, then once again in the last three months.
     *
     * @since 0.1.0
     */
    RETURNING(60),
    /**
     * Never bought.
     *
     * @since 0.1.0
     */
    PROSPECT(100);

    private final int perMille;

    Kind(int perMille) {
      this.perMille = perMille;
    }
  }

  private final int size;
  private final long seed;

  private TransactionPopulation(int size, long seed) {
    this.size = size;
    this.seed = seed;
  }

  /**
   * Describes a population; accounts are made on demand.
   *
   * @param size the number of accounts, at least 1 and at most 9,999,999
   * @param seed the random seed
   * @return the population
   *
   * @since 0.1.0
   */
  public static TransactionPopulation of(int size, long seed) {
    if (size < 1 || size > 9_999_999) {
      throw new IllegalArgumentException("size must be between 1 and 9,999,999, was " + size);
    }
    return new TransactionPopulation(size, seed);
  }

  /**
   * Returns the number of accounts.
   *
   * @return the size
   *
   * @since 0.1.0
   */
  public int size() {
    return size;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   *
   * @since 0.1.0
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the id of the account at an index: {@code A-} and seven digits, from {@code A-0000001}.
   *
   * @param index 0 to {@code size() - 1}
   * @return the id
   *
   * @since 0.1.0
   */
  public static String id(int index) {
    return String.format(java.util.Locale.ROOT, "A-%07d", index + 1);
  }

  /**
   * One generated account: its attributes (null where the CRM export has no value) and its
   * transactions, grouped by order, in date order.
   *
   * @param id the customer id
   * @param kind the kind of account it was generated as (not a feature: the classifiers never see it)
   * @param industryCode industry code, or null
   * @param organisationType enterprise, distributor or government
   * @param region a sales region
   * @param regionType city, rural or mountain
   * @param size employees
   * @param satisfaction 1 to 5, or null
   * @param complaints complaints in the last 12 months, or null
   * @param overdueDays days past due, or null
   * @param defaultCount recorded defaults, or null
   * @param riskWarnings active warnings, or null
   * @param creditLimit credit limit, or null
   * @param creditUsed credit in use, or null
   * @param transactions the transactions (refunds have negative amounts)
   * @param practice the columns of the practice dimensions (needs, promotion response)
   *
   * @since 0.1.0
   */
  public record Account(
      String id,
      Kind kind,
      @Nullable String industryCode,
      String organisationType,
      String region,
      String regionType,
      double size,
      @Nullable Double satisfaction,
      @Nullable Double complaints,
      @Nullable Double overdueDays,
      @Nullable Double defaultCount,
      @Nullable Double riskWarnings,
      @Nullable Double creditLimit,
      @Nullable Double creditUsed,
      List<Transaction> transactions,
      PracticeColumns practice) {

    /**
     * Copies the transactions.
     *
     * @since 0.1.0
     *
     * @param id the customer id
     * @param kind the kind of account it was generated as (not a feature: the classifiers never see it)
     * @param industryCode industry code, or null
     * @param organisationType enterprise, distributor or government
     * @param region a sales region
     * @param regionType city, rural or mountain; for a few accounts a value none of them is (coastal, island)
     * @param size employees
     * @param satisfaction 1 to 5, or null
     * @param complaints complaints in the last 12 months, or null
     * @param overdueDays days past due, or null
     * @param defaultCount recorded defaults, or null
     * @param riskWarnings active warnings, or null
     * @param creditLimit credit limit, or null
     * @param creditUsed credit in use, or null
     * @param transactions the transactions (refunds have negative amounts)
     * @param practice the columns of the practice dimensions (needs, promotion response)
     */
    public Account {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(practice, "practice");
      transactions = List.copyOf(transactions);
    }

    /**
     * Returns the account's attributes as a customer (no purchase features).
     *
     * @return the customer as a customers file describes it
     *
     * @since 0.1.0
     */
    public Customer attributes() {
      Customer.Builder b = Customer.builder(id)
          .set(StandardFeatures.ORGANISATION_TYPE, organisationType)
          .set(StandardFeatures.REGION, region)
          .set(StandardFeatures.REGION_TYPE, regionType)
          .set(StandardFeatures.SIZE, size)
          .setOrRemove(StandardFeatures.AGE, GeographyAndAgeColumns.age(id)) // age bands: the buyer's age
          .setOrRemove(StandardFeatures.INDUSTRY_CODE, industryCode)
          .setOrRemove(StandardFeatures.SATISFACTION, satisfaction)
          .setOrRemove(StandardFeatures.COMPLAINTS_12M, complaints)
          .setOrRemove(StandardFeatures.OVERDUE_DAYS, overdueDays)
          .setOrRemove(StandardFeatures.DEFAULT_COUNT, defaultCount)
          .setOrRemove(StandardFeatures.RISK_WARNINGS, riskWarnings)
          .setOrRemove(StandardFeatures.CREDIT_LIMIT, creditLimit)
          .setOrRemove(StandardFeatures.CREDIT_USED, creditUsed);
      practice.apply(b);
      return b.build();
    }

    /**
     * Returns the account as the engine sees it: attributes plus the features derived from its
     * transactions as of {@link #REFERENCE_DATE}, exactly what reading the demo files gives.
     *
     * @return the customer
     *
     * @since 0.1.0
     */
    public Customer customer() {
      FeatureDeriver deriver = FeatureDeriver.asOf(REFERENCE_DATE);
      transactions.forEach(deriver::add);
      CustomerJoin join = CustomerJoin.of(List.of(attributes()).iterator(), deriver);
      return join.next();
    }
  }

  /**
   * Makes the account at an index. The same index, size and seed always give the same account.
   *
   * @param index 0 to {@code size() - 1}
   * @return the account
   *
   * @since 0.1.0
   */
  public Account account(int index) {
    Objects.checkIndex(index, size);
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
    Kind kind = kind(r);
    String id = id(index);
    List<Transaction> tx = new ArrayList<>();
    // The practice dimensions' inputs (channel mix, needs, promotions) come from a source of their own,
    // so that adding them changed no other column of the demo.
    SplittableRandom practice = new SplittableRandom(seed * 0x632BE59BD9B4E019L + index * 0x94D049BB133111EBL + 7);
    new Orders(r, id, tx, practice).generate(kind);
    return attributes(r, id, kind, tx, PracticeColumns.draw(practice, kind));
  }

  private static Kind kind(SplittableRandom r) {
    int x = r.nextInt(1000);
    for (Kind k : Kind.values()) {
      x -= k.perMille;
      if (x < 0) {
        return k;
      }
    }
    return Kind.PROSPECT;
  }

  // --- attributes

  /** Per sector: codes in ISIC Rev.4, NAICS 2022 and GB/T 4754-2017 form, each read unambiguously. */
  private static final String[][] INDUSTRY_CODES = {
    {"C10", "332710", "C38", "C25", "311812"}, // manufacturing (weighted: the largest group of B2B buyers)
    {"F41", "236220", "E47"}, // construction
    {"G46", "423830", "F51"}, // wholesale and retail
    {"H49", "484121", "G54"}, // transport and logistics
    {"I56", "721110", "H61"}, // hospitality
    {"J62", "518210", "I65"}, // information technology
    {"K64", "522110", "J66"}, // finance
    {"L68", "531210", "K70"}, // real estate
    {"M69", "541211", "L72"}, // professional services
    {"O84", "921190", "S92"}, // public administration
    {"P85", "611310", "P83"}, // education
    {"Q86", "621111", "Q84"}, // healthcare
    {"A01", "111998", "A03"}, // agriculture
    {"D35", "221122", "D44"}, // energy and utilities
    {"R93", "811111", "O80"}, // other services
  };

  private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};

  private static Account attributes(SplittableRandom r, String id, Kind kind, List<Transaction> tx, PracticeColumns practice) {
    String industry;
    double u = r.nextDouble();
    if (u < 0.05) {
      industry = null; // not filled in the CRM
    } else if (u < 0.07) {
      industry = "99X"; // a code no system reads: UNKNOWN with a reason
    } else {
      String[] sector = INDUSTRY_CODES[r.nextInt(100) < 25 ? 0 : r.nextInt(INDUSTRY_CODES.length)];
      industry = sector[r.nextInt(sector.length)];
    }
    boolean government = industry != null && (industry.startsWith("O84") || industry.startsWith("92") || industry.equals("S92"));
    String organisation = government ? "government" : r.nextInt(10) < 7 ? "enterprise" : "distributor";
    String region = REGIONS[r.nextInt(REGIONS.length)];
    int rt = r.nextInt(100);
    String regionType = rt < 70 ? "city" : rt < 92 ? "rural" : "mountain";
    regionType = GeographyAndAgeColumns.regionType(id, regionType); // geography: a few values no mapping knows
    double employees = Math.round(StrictMath.exp(logNormal(r, kind == Kind.KEY_ACCOUNT ? 6.5 : 3.8, 1.0)));

    Double satisfaction = null;
    if (r.nextInt(100) >= 15) {
      double mean = switch (kind) {
        case KEY_ACCOUNT, REGULAR, GROWING -> 4.1;
        case CHURNING, SLIPPING, LAPSED -> 2.6;
        default -> 3.4;
      };
      satisfaction = (double) Math.max(1, Math.min(5, Math.round(mean + gaussian(r) * 0.9)));
    }
    Double complaints = null;
    if (r.nextInt(100) >= 20) {
      double rate = switch (kind) {
        case CHURNING, SLIPPING -> 1.8;
        case PROSPECT -> 0.0;
        default -> 0.4;
      };
      complaints = (double) poisson(r, rate);
    }

    // Credit: a few accounts were never checked (UNRATED); most are clean; some are late or defaulted.
    Double overdue = null;
    Double defaults = null;
    Double warnings = null;
    Double limit = null;
    Double used = null;
    int credit = r.nextInt(100);
    if (credit >= 12) {
      int band = r.nextInt(100);
      if (band < 66) { // low risk
        overdue = (double) r.nextInt(0, 25);
        defaults = 0.0;
        warnings = 0.0;
      } else if (band < 90) { // normal: one signal
        int which = r.nextInt(3);
        overdue = which == 0 ? (double) r.nextInt(31, 90) : (double) r.nextInt(0, 30);
        defaults = which == 1 ? 1.0 : 0.0;
        warnings = which == 2 ? 1.0 : 0.0;
      } else { // high: a serious signal
        overdue = (double) r.nextInt(60, 200);
        defaults = (double) r.nextInt(0, 4);
        warnings = (double) r.nextInt(0, 3);
      }
      if (r.nextInt(10) == 0) {
        warnings = null; // partly known: the rules use what is there
      }
      limit = (double) (Math.round(StrictMath.exp(logNormal(r, kind == Kind.KEY_ACCOUNT ? 12.0 : 9.5, 0.5)) / 1000) * 1000);
      used = (double) Math.round(limit * r.nextDouble());
    }
    return new Account(id, kind, industry, organisation, region, regionType, Math.max(1, employees),
        satisfaction, complaints, overdue, defaults, warnings, limit, used, tx, practice);
  }

  // --- transactions

  /** Generates one account's orders: each order is one to three line items, adjacent, one order id. */
  private static final class Orders {
    private final SplittableRandom r;
    private final String id;
    private final List<Transaction> out;
    private final String channel;
    /** The channel mix: the other channel's share of orders (0 for most accounts), from the practice source. */
    private final SplittableRandom mix;
    private final double otherShare;
    private int orders;

    Orders(SplittableRandom r, String id, List<Transaction> out, SplittableRandom mix) {
      this.r = r;
      this.id = id;
      this.out = out;
      this.channel = r.nextInt(100) < 45 ? "online" : "offline";
      this.mix = mix;
      this.otherShare = mix.nextInt(100) < 35 ? 0.25 + 0.5 * mix.nextDouble() : 0;
    }

    /** The channel of the next order: mostly the account's own, the other one at its share. */
    private String orderChannel() {
      if (otherShare == 0 || mix.nextDouble() >= otherShare) {
        return channel;
      }
      return channel.equals("online") ? "offline" : "online";
    }

    void generate(Kind kind) {
      switch (kind) {
        case KEY_ACCOUNT -> every(r.nextInt(0, 30), SPAN, 6, 14, 9.0);
        case REGULAR -> every(r.nextInt(0, 120), SPAN - r.nextInt(0, 40), 25, 60, 7.0);
        case GROWING -> {
          every(r.nextInt(0, 60), YEAR2 - 1, 70, 120, 6.5);
          every(YEAR2 + r.nextInt(0, 20), SPAN - r.nextInt(0, 20), 20, 40, 7.4);
        }
        case OCCASIONAL -> {
          int n = r.nextInt(1, 5);
          for (int i = 0; i < n; i++) {
            order(r.nextInt(0, SPAN + 1), 6.2);
          }
        }
        case NEW -> {
          int first = r.nextInt(LAST_90, SPAN - 5);
          order(first, 6.8);
          if (r.nextBoolean()) {
            order(r.nextInt(first + 1, SPAN + 1), 6.8);
          }
        }
        case CHURNING -> every(r.nextInt(0, 90), SPAN - r.nextInt(150, 280), 4, 9, 7.6);
        case SLIPPING -> {
          every(r.nextInt(0, 60), YEAR2 - r.nextInt(1, 30), 30, 60, 6.8);
          order(r.nextInt(YEAR2 + 10, LAST_90 - 10), 6.8);
        }
        case LAPSED -> every(r.nextInt(0, 60), r.nextInt(120, YEAR2 - 5), 30, 90, 6.6);
        case RETURNING -> {
          int n = r.nextInt(1, 4);
          for (int i = 0; i < n; i++) {
            order(r.nextInt(0, YEAR2 - 30), 6.6);
          }
          order(r.nextInt(LAST_90 + 5, SPAN + 1), 6.6);
        }
        case PROSPECT -> { }
      }
      out.sort(BY_DATE);
    }

    /** Orders from day {@code from} to {@code to} with gaps of {@code minGap} to {@code maxGap} days. */
    private void every(int from, int to, int minGap, int maxGap, double logMedian) {
      for (int day = from; day <= to; day += r.nextInt(minGap, maxGap + 1)) {
        order(day, logMedian);
      }
    }

    private void order(int day, double logMedian) {
      orders++;
      LocalDate date = FIRST_DAY.plusDays(day);
      String orderId = id.substring(2) + "-" + orders;
      int lines = 1 + (r.nextInt(10) < 6 ? 0 : r.nextInt(1, 3));
      double orderValue = StrictMath.exp(logNormal(r, logMedian, 0.55));
      String channel = orderChannel();
      for (int l = 0; l < lines; l++) {
        double amount = cents(orderValue / lines * (0.6 + 0.8 * r.nextDouble()));
        double quantity = 1 + r.nextInt(12);
        out.add(new Transaction(id, date, amount, quantity, orderId, channel));
      }
      // About one order in forty comes back in part: a refund a few days later, within the history.
      if (r.nextInt(40) == 0 && day + 7 <= SPAN) {
        double refund = -cents(orderValue * (0.1 + 0.4 * r.nextDouble()));
        out.add(new Transaction(id, date.plusDays(r.nextInt(1, 8)), refund, null, orderId + "-R", channel));
      }
    }
  }

  private static final java.util.Comparator<Transaction> BY_DATE = java.util.Comparator.comparing(Transaction::date);

  private static double cents(double amount) {
    return Math.round(amount * 100) / 100.0;
  }

  /** A normal deviate by Box-Muller with StrictMath, identical on every platform. */
  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  private static double logNormal(SplittableRandom r, double mu, double sigma) {
    return mu + sigma * gaussian(r);
  }

  private static int poisson(SplittableRandom r, double mean) {
    double limit = StrictMath.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  /**
   * Returns every account's kind, in index order (for tests and statistics).
   *
   * @return the kinds
   *
   * @since 0.1.0
   */
  public List<Kind> kinds() {
    List<Kind> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(account(i).kind());
    }
    return Collections.unmodifiableList(out);
  }
}
