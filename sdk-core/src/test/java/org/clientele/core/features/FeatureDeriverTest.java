package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.LAST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.ORDERS_PREV_12M;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REFUNDS_12M;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.REVENUE_PREV_12M;
import static org.clientele.api.StandardFeatures.REVENUE_TOTAL;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionReason;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionFormat;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeatureDeriverTest {

  private static final LocalDate R = LocalDate.of(2024, 7, 1);

  private static Transaction tx(String id, String date, double amount) {
    return Transaction.of(id, LocalDate.parse(date), amount);
  }

  private static Transaction tx(String id, String date, double amount, String order, String channel) {
    return new Transaction(id, LocalDate.parse(date), amount, null, order, channel);
  }

  private static List<Transaction> log() {
    return List.of(
        tx("A", "2022-06-30", 50),                 // before the previous 12 months: total only
        tx("A", "2022-07-01", 20),                 // first day of the previous 12 months
        tx("A", "2023-06-30", 30),                 // last day of the previous 12 months
        tx("A", "2023-07-01", 100, "O1", null),    // first day of the last 12 months
        tx("A", "2023-07-01", 40, "O1", null),     // same order, next line: one order
        tx("A", "2024-03-31", 10),                 // the day before the last 3 months
        tx("A", "2024-04-01", 60),                 // first day of the last 3 months
        tx("A", "2024-05-01", -25),                // a refund
        tx("A", "2024-06-30", 5, null, "web"),     // the day before R
        tx("A", "2024-07-01", 999),                // on R: ignored
        tx("B", "2024-01-01", -10),                // refunds only
        tx("C", "2024-08-01", 7));                 // after R only: not a customer
  }

  private static FeatureDeriver derive(List<Transaction> log) {
    FeatureDeriver deriver = FeatureDeriver.asOf(R);
    log.forEach(deriver::add);
    return deriver;
  }

  @Test
  void theOnlineShareCountsKnownChannelNamesOnlyAndNamesTheOthers() {
    FeatureDeriver deriver = derive(List.of(
        tx("A", "2024-01-02", 10, "1", "Online"),
        tx("A", "2024-01-03", 10, "2", "E-Commerce"),   // normalised: e_commerce, online
        tx("A", "2024-01-04", 10, "3", "store"),
        tx("A", "2024-01-05", 10, "4", "fax"),          // neither: left out of the share
        tx("A", "2024-01-06", 10, "5", "fax"),
        tx("B", "2024-01-02", 10, "6", "fax"),          // only unknown rows: no share at all
        tx("C", "2024-01-02", 10, "7", null)));         // no channel: no share

    assertThat(deriver.customer("A").orElseThrow().getOrNull(org.clientele.api.StandardFeatures.ONLINE_SHARE))
        .isEqualTo(2.0 / 3);
    assertThat(deriver.customer("B").orElseThrow().getOrNull(org.clientele.api.StandardFeatures.ONLINE_SHARE)).isNull();
    assertThat(deriver.customer("B").orElseThrow().getOrNull(CHANNEL)).isEqualTo("fax");
    assertThat(deriver.customer("C").orElseThrow().getOrNull(org.clientele.api.StandardFeatures.ONLINE_SHARE)).isNull();
    assertThat(deriver.unrecognisedChannels()).containsExactly(Map.entry("fax", 3L));
  }

  @Test
  void everyFeatureAsOfTheReferenceDate() {
    FeatureDeriver deriver = derive(log());
    assertThat(deriver.customerCount()).isEqualTo(2);
    assertThat(deriver.used()).isEqualTo(10);
    assertThat(deriver.ignoredAfterReference()).isEqualTo(2);
    Customer a = deriver.customer("A").orElseThrow();
    assertThat(a.features()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry(FIRST_PURCHASE_DATE, LocalDate.of(2022, 6, 30)),
        Map.entry(LAST_PURCHASE_DATE, LocalDate.of(2024, 6, 30)),
        Map.entry(DAYS_SINCE_LAST_PURCHASE, 1.0),
        Map.entry(TENURE_DAYS, 732.0),
        Map.entry(PURCHASE_DAYS, 7.0),
        Map.entry(REPEAT_PURCHASES, 6.0),
        Map.entry(VISITS_12M, 4.0),
        Map.entry(VISITS_3M, 2.0),
        Map.entry(REVENUE_12M, 190.0),
        Map.entry(REVENUE_PREV_12M, 50.0),
        Map.entry(REVENUE_TOTAL, 290.0),
        Map.entry(REFUNDS_12M, 25.0),
        Map.entry(ORDERS_12M, 4.0),
        Map.entry(ORDERS_PREV_12M, 2.0),
        Map.entry(AVERAGE_ORDER_VALUE, 45.0),
        Map.entry(CHANNEL, "web"),
        Map.entry(org.clientele.api.StandardFeatures.ONLINE_SHARE, 1.0)));
    Customer b = deriver.customer("B").orElseThrow();
    assertThat(b.features()).containsExactlyInAnyOrderEntriesOf(Map.of(
        REVENUE_12M, -10.0, REVENUE_PREV_12M, 0.0, REVENUE_TOTAL, -10.0, REFUNDS_12M, 10.0,
        ORDERS_12M, 0.0, ORDERS_PREV_12M, 0.0));
    assertThat(deriver.customer("C")).isEmpty();
  }

  static Stream<Arguments> windowEdges() {
    return Stream.of(
        edge("the day before R", R.minusDays(1), 1, 1, 0),
        edge("first day of the last 3 months", R.minusMonths(3), 1, 1, 0),
        edge("the day before the last 3 months", R.minusMonths(3).minusDays(1), 0, 1, 0),
        edge("first day of the last 12 months", R.minusMonths(12), 0, 1, 0),
        edge("the day before the last 12 months", R.minusMonths(12).minusDays(1), 0, 0, 1),
        edge("first day of the previous 12 months", R.minusMonths(24), 0, 0, 1),
        edge("the day before the previous 12 months", R.minusMonths(24).minusDays(1), 0, 0, 0));
  }

  private static Arguments edge(String name, LocalDate day, int visits3m, int visits12m, int ordersPrev12m) {
    return Arguments.of(Named.of(name, day), visits3m, visits12m, ordersPrev12m);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windowEdges")
  void windowsIncludeTheirFirstDayAndExcludeR(LocalDate day, int visits3m, int visits12m, int ordersPrev12m) {
    FeatureDeriver deriver = FeatureDeriver.asOf(R);
    deriver.add(Transaction.of("X", day, 10));
    Customer x = deriver.customer("X").orElseThrow();
    assertThat(x.number(VISITS_3M, -1)).isEqualTo(visits3m);
    assertThat(x.number(VISITS_12M, -1)).isEqualTo(visits12m);
    assertThat(x.number(ORDERS_12M, -1)).isEqualTo(visits12m);
    assertThat(x.number(REVENUE_12M, -1)).isEqualTo(10.0 * visits12m);
    assertThat(x.number(ORDERS_PREV_12M, -1)).isEqualTo(ordersPrev12m);
    assertThat(x.number(DAYS_SINCE_LAST_PURCHASE, -1)).isEqualTo(R.toEpochDay() - day.toEpochDay());
  }

  @Test
  void orderIdsMergeOnlyAdjacentLinesOfOneCustomer() {
    FeatureDeriver deriver = FeatureDeriver.asOf(R);
    deriver.add(tx("A", "2024-06-01", 10, "O1", "shop"));
    deriver.add(tx("B", "2024-06-01", 10, "O9", "web"));
    deriver.add(tx("A", "2024-06-01", 10, "O1", "web"));  // still adjacent for A
    deriver.add(tx("A", "2024-06-02", 10, "O2", "web"));
    deriver.add(tx("A", "2024-06-03", 10, "O1", "shop")); // O1 again, not adjacent: counted again
    Customer a = deriver.customer("A").orElseThrow();
    assertThat(a.number(ORDERS_12M, -1)).isEqualTo(3);
    assertThat(a.number(AVERAGE_ORDER_VALUE, -1)).isEqualTo(40.0 / 3);
    assertThat(a.getOrNull(CHANNEL)).as("a tie between shop and web goes to the first alphabetically").isEqualTo("shop");
  }

  /** Property: the features do not depend on the order of the transactions. */
  @Test
  void theOrderOfTransactionsDoesNotMatter() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      List<Transaction> log = new ArrayList<>();
      int customers = 1 + random.nextInt(5);
      for (int i = 0, n = random.nextInt(60); i < n; i++) {
        LocalDate day = R.minusDays(random.nextInt(1000) - 20); // some on or after R
        double amount = random.nextInt(10) == 0 ? -random.nextInt(50) : random.nextInt(200);
        log.add(Transaction.of("C" + random.nextInt(customers), day, amount));
      }
      List<Transaction> shuffled = new ArrayList<>(log);
      Collections.shuffle(shuffled, random);
      FeatureDeriver inOrder = derive(log);
      FeatureDeriver outOfOrder = derive(shuffled);
      assertThat(outOfOrder.customerCount()).as("seed %d", seed).isEqualTo(inOrder.customerCount());
      for (int c = 0; c < customers; c++) {
        String id = "C" + c;
        assertThat(rounded(outOfOrder.customer(id).map(Customer::features).orElse(Map.of())))
            .as("seed %d, customer %s", seed, id)
            .isEqualTo(rounded(inOrder.customer(id).map(Customer::features).orElse(Map.of())));
      }
    }
  }

  /**
   * Property: a derivation from a file, whose per-row state is dropped when it completes, gives
   * every customer the same features, to the bit, as a deriver fed the same rows that keeps it
   * (random logs with refunds, repeated order ids and channels, reference date given or settled
   * from the data); and the completed deriver refuses more rows, saying why.
   */
  @Test
  void aCompletedDerivationGivesTheFeaturesOfAnOpenOneAndTakesNoMoreRows(@TempDir Path dir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      StringBuilder csv = new StringBuilder("customer_id,date,amount,order_id,channel\n");
      List<Transaction> rows = new ArrayList<>();
      LocalDate last = LocalDate.MIN;
      for (int i = 0, n = 1 + random.nextInt(400); i < n; i++) {
        String id = "C" + random.nextInt(1 + random.nextInt(40));
        LocalDate day = R.minusDays(1 + random.nextInt(random.nextBoolean() ? 100 : 900));
        double amount = random.nextInt(8) == 0 ? -random.nextInt(50) : random.nextInt(20_000) / 100.0;
        String order = random.nextInt(4) == 0 ? "" : (random.nextBoolean() ? "O" + random.nextInt(5) : "1000000-" + random.nextInt(3));
        String channel = List.of("web", "shop", "app").get(random.nextInt(3));
        csv.append(id).append(',').append(day).append(',').append(amount).append(',').append(order).append(',').append(channel).append('\n');
        rows.add(new Transaction(id, day, amount, null, order.isEmpty() ? null : order, channel));
        last = day.isAfter(last) ? day : last;
      }
      Path file = dir.resolve("log" + round + ".csv");
      Files.writeString(file, csv);
      boolean given = random.nextBoolean();
      FeatureDeriver.Result result = FeatureDeriver.derive(file, TransactionFormat.defaults(),
          given ? DerivationOptions.asOf(R) : DerivationOptions.defaults(), RejectionSink.strict());
      FeatureDeriver open = FeatureDeriver.asOf(given ? R : last.plusDays(1));
      rows.forEach(open::add);
      FeatureDeriver complete = result.features();
      assertThat(complete.customerCount()).as("seed %d", seed).isEqualTo(open.customerCount());
      java.util.Iterator<Customer> expected = open.customers();
      java.util.Iterator<Customer> actual = complete.customers();
      while (expected.hasNext()) {
        Customer e = expected.next();
        assertThat(actual.next().features()).as("seed %d, customer %s", seed, e.id()).isEqualTo(e.features());
      }
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> complete.add(rows.get(0))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("this deriver is complete")
          .hasMessageContaining("FeatureDeriver.asOf");
    }
  }

  /** Sums in another order differ in the last bits; compare to a cent. */
  private static Map<Feature<?>, Object> rounded(Map<Feature<?>, Object> features) {
    Map<Feature<?>, Object> out = new java.util.HashMap<>();
    features.forEach((f, v) -> out.put(f, v instanceof Double d ? Math.round(d * 100) / 100.0 : v));
    return out;
  }

  @Test
  void withoutAReferenceDateTheFileIsReadTwiceAndRejectionsReportedOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,date,amount\nA,2024-03-01,10\nA,2024-03-01,x\nB,2024-06-30,5\n");
    List<Rejection> rejections = new ArrayList<>();
    FeatureDeriver.Result result = FeatureDeriver.derive(file, TransactionFormat.defaults(), DerivationOptions.defaults(), rejections::add);
    assertThat(result.features().referenceDate()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(result.counts().read()).isEqualTo(3);
    assertThat(result.counts().rejected()).isEqualTo(1);
    assertThat(rejections).hasSize(1);
    assertThat(result.features().customer("B").orElseThrow().number(DAYS_SINCE_LAST_PURCHASE, -1)).isEqualTo(1);
    assertThat(result.features().customer("A").orElseThrow().number(DAYS_SINCE_LAST_PURCHASE, -1)).isEqualTo(122);
  }

  /** 200 rows over 1998 for 20 customers, then the extra rows. */
  private static Path log(Path dir, String... extra) throws Exception {
    StringBuilder b = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 200; i++) {
      b.append("C").append(i % 20).append(",1998-").append(String.format("%02d", 1 + i % 12)).append("-15,10\n");
    }
    for (String row : extra) {
      b.append(row).append('\n');
    }
    Path file = dir.resolve("t.csv");
    Files.writeString(file, b);
    return file;
  }

  @Test
  void aMistypedYearIsRejectedNotTakenAsToday(@TempDir Path dir) throws Exception {
    Path file = log(dir, "C1,2098-03-01,10");
    List<Rejection> rejections = new ArrayList<>();

    FeatureDeriver.Result result = FeatureDeriver.derive(file, TransactionFormat.defaults(), DerivationOptions.defaults(), rejections::add);

    assertThat(result.features().referenceDate()).isEqualTo(LocalDate.of(1998, 12, 16));
    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.IMPLAUSIBLE_DATE);
      assertThat(r.line()).isEqualTo(202);
      assertThat(r.value()).isEqualTo("2098-03-01");
      assertThat(r.message()).contains("ends on 1998-12-15");
      assertThat(r.fix()).contains("referenceDate");
      assertThat(r.afterGap()).as("marked as a row after the gap").isTrue();
    });
    assertThat(result.counts().read()).isEqualTo(201);
    assertThat(result.counts().accepted() + result.counts().rejected()).isEqualTo(201);
    assertThat(result.counts().rejectedByReason()).containsEntry(RejectionReason.IMPLAUSIBLE_DATE, 1L);
    assertThat(result.referenceBasis()).contains("1998-12-15", "1 row dated after a gap of more than 365 days rejected");
  }

  @Test
  void placeholdersAndDatesBefore1900AreRejectedWhateverTheReferenceDate(@TempDir Path dir) throws Exception {
    Path file = log(dir, "C1,9999-12-31,10", "C2,1900-01-01,10", "C3,1850-06-01,10");
    List<Rejection> rejections = new ArrayList<>();

    FeatureDeriver.Result result = FeatureDeriver.derive(file, TransactionFormat.defaults(),
        DerivationOptions.asOf(LocalDate.of(1999, 1, 1)), rejections::add);

    assertThat(rejections).extracting(Rejection::value).containsExactly("9999-12-31", "1900-01-01", "1850-06-01");
    assertThat(rejections).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RejectionReason.IMPLAUSIBLE_DATE));
    assertThat(rejections).noneMatch(Rejection::afterGap); // decided from the row alone
    assertThat(result.counts().rejected()).isEqualTo(3);
    assertThat(result.referenceBasis()).startsWith("given");
  }

  @Test
  void aLogThatReallyPausedForMoreThanAYearKeepsItsLaterRows(@TempDir Path dir) throws Exception {
    // 5% of the rows after a long pause: too many to be typos, so they are kept and set the date.
    String[] later = new String[12];
    for (int i = 0; i < later.length; i++) {
      later[i] = "C" + i + ",2001-0" + (1 + i % 9) + "-01,10";
    }
    FeatureDeriver.Result result = FeatureDeriver.derive(log(dir, later), TransactionFormat.defaults(), DerivationOptions.defaults(), RejectionSink.strict());

    assertThat(result.counts().rejected()).isZero();
    assertThat(result.features().referenceDate()).isEqualTo(LocalDate.of(2001, 9, 2));
  }

  @Test
  void theGapCheckCanBeTurnedOff(@TempDir Path dir) throws Exception {
    DerivationOptions off = new DerivationOptions(DerivationOptions.Mode.STANDARD, null, null, PeriodUnit.DAYS, 0);
    FeatureDeriver.Result result = FeatureDeriver.derive(log(dir, "C1,2098-03-01,10"), TransactionFormat.defaults(), off, RejectionSink.strict());
    assertThat(result.features().referenceDate()).isEqualTo(LocalDate.of(2098, 3, 2));
  }

  @Test
  void anEmptyLogDerivesNobody(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,date,amount\n");
    FeatureDeriver.Result result = FeatureDeriver.derive(file, TransactionFormat.defaults(), DerivationOptions.defaults(), RejectionSink.strict());
    assertThat(result.features().customerCount()).isZero();
    assertThat(result.counts().read()).isZero();
  }

  @Test
  void lifetimesModeMergesSameDayPurchasesAndCountsToTheObservationEnd() {
    FeatureDeriver deriver = FeatureDeriver.lifetimes(LocalDate.of(2024, 1, 29), PeriodUnit.WEEKS);
    deriver.add(tx("A", "2024-01-01", 10));
    deriver.add(tx("A", "2024-01-15", 20));
    deriver.add(tx("A", "2024-01-15", 4));     // same day: merged, 24 that day
    deriver.add(tx("A", "2024-01-29", 30));    // the observation end: included
    deriver.add(tx("A", "2024-01-30", 99));    // after: ignored
    deriver.add(tx("B", "2024-01-22", 5));
    LifetimesSummary a = deriver.summary("A").orElseThrow();
    assertThat(a).isEqualTo(new LifetimesSummary("A", 2, 4, 4, 27, PeriodUnit.WEEKS));
    assertThat(deriver.summary("B").orElseThrow()).isEqualTo(new LifetimesSummary("B", 0, 0, 1, 0, PeriodUnit.WEEKS));
    assertThat(deriver.customer("A").orElseThrow().number(LifetimesSummary.T, -1)).isEqualTo(4);
    FeatureDeriver days = FeatureDeriver.lifetimes(LocalDate.of(2024, 1, 29), PeriodUnit.DAYS);
    days.add(tx("A", "2024-01-01", 10));
    days.add(tx("A", "2024-01-02", -3));       // lifetimes counts every row, whatever its amount
    assertThat(days.summary("A").orElseThrow()).isEqualTo(new LifetimesSummary("A", 1, 1, 28, -3, PeriodUnit.DAYS));
  }
}
