package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.core.ClassificationBuffer;
import org.clientele.core.Engine;
import org.clientele.core.report.SegmentationReport.CrossTab;
import org.clientele.core.report.SegmentationReport.DimensionSummary;
import org.clientele.core.report.SegmentationReport.FeatureMean;
import org.clientele.core.report.SegmentationReport.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report on {@link ReportFixtures#population()}, worked out by hand (revenue in thousands):
 *
 * <pre>
 * id   value      behaviour risk         rev  orders visits days tenure
 * c01  CORE       ACTIVE    LOW           45   20     12      5   1000
 * c02  CORE       ACTIVE    NORMAL        30   10      8     15    800
 * c03  IMPORTANT  ACTIVE    LOW            8    6      5     30    600
 * c04  IMPORTANT  PASSIVE   LOW            6    4      3     60    400
 * c05  IMPORTANT  PASSIVE   HIGH           4    2      2    120      -
 * c06  POTENTIAL  ACTIVE    NORMAL         1    3      3     10     30
 * c07  POTENTIAL  PASSIVE   LOW          0.5    1      1    200    200
 * c08  LOW        PASSIVE   LOW          0.3    1      1    300    900
 * c09  LOW        PASSIVE   UNRATED      0.2    1      -    330    700
 * c10  LOW        PROSPECT  UNRATED        -    -      -      -      -
 * c11  LOW        PROSPECT  LOW            0    0      0      -      -
 * c12  IMPORTANT  ACTIVE    UNCLASSIFIED   5    5      4     20    500
 * </pre>
 */
class SegmentationReportTest {

  private static final Engine ENGINE = ReportFixtures.engine();
  private static final Map<String, Long> REJECTED = Map.of("wrong column count", 1L, "unparseable date", 2L);

  private static ReportAccumulator accumulate(Iterable<Customer> customers) {
    return accumulate(customers, ReportOptions.defaults());
  }

  private static ReportAccumulator accumulate(Iterable<Customer> customers, ReportOptions options) {
    ReportAccumulator acc = ReportAccumulator.create(ENGINE, options);
    for (Customer c : customers) {
      acc.add(c, ENGINE.classify(c));
    }
    return acc;
  }

  private static SegmentationReport handReport() {
    Engine engine = ReportFixtures.engine(); // its own error counter
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    for (Customer c : ReportFixtures.population()) {
      acc.add(c, engine.classify(c));
    }
    return acc.build(REJECTED, engine.errorCounts());
  }

  @Test
  void totalsCountCustomersFullyClassifiedRejectedRowsAndMissingRevenue() {
    SegmentationReport r = handReport();

    assertThat(r.totals()).isEqualTo(new SegmentationReport.Totals(12, 11, 3, 100_000.0, 1));
    assertThat(r.revenueMetric()).isEqualTo("revenue_12m");
    assertThat(r.meanFeatures())
        .containsExactly("revenue_12m", "orders_12m", "visits_12m", "days_since_last_purchase", "tenure_days");
    assertThat(r.rejectedByReason()).containsExactly(Map.entry("unparseable date", 2L), Map.entry("wrong column count", 1L));
    assertThat(r.errorCounts())
        .containsExactly(Map.entry("value", 0L), Map.entry("behaviour", 0L), Map.entry("risk", 1L), Map.entry("strategy", 0L));
    assertThat(r.notes()).containsExactly("1 of 12 customers have no revenue_12m and count as 0 revenue.");
  }

  @ParameterizedTest(name = "{0} {1}: {2} customers, revenue {3}")
  @CsvSource({
    "value,     CORE,         2, 75000",
    "value,     IMPORTANT,    4, 23000",
    "value,     POTENTIAL,    2, 1500",
    "value,     LOW,          4, 500",
    "behaviour, ACTIVE,       5, 89000",
    "behaviour, PASSIVE,      5, 11000",
    "behaviour, PROSPECT,     2, 0",
    "risk,      LOW,          6, 59800",
    "risk,      NORMAL,       2, 31000",
    "risk,      HIGH,         1, 4000",
    "risk,      UNRATED,      2, 200",
    "risk,      UNCLASSIFIED, 1, 5000",
  })
  void everySegmentHasItsCountShareRevenueAndRevenueShare(String dimension, String label, long customers, double revenue) {
    Segment s = handReport().dimension(dimension).orElseThrow().segment(label).orElseThrow();

    assertThat(s.customers()).isEqualTo(customers);
    assertThat(s.customerShare()).isCloseTo(customers / 12.0, within(1e-15));
    assertThat(s.revenue()).isEqualTo(revenue);
    assertThat(s.revenueShare()).isCloseTo(revenue / 100_000.0, within(1e-15));
  }

  @Test
  void segmentsFollowTheDimensionOrderAndUnclassifiedOnlyAppearsWhereItHappened() {
    SegmentationReport r = handReport();

    assertThat(r.dimensions()).extracting(DimensionSummary::id).containsExactly("value", "behaviour", "risk");
    assertThat(labels(r, "value")).containsExactly("CORE", "IMPORTANT", "POTENTIAL", "LOW");
    assertThat(labels(r, "behaviour")).containsExactly("ACTIVE", "PASSIVE", "PROSPECT");
    assertThat(labels(r, "risk")).containsExactly("LOW", "NORMAL", "HIGH", "UNRATED", Dimension.UNCLASSIFIED);
  }

  @Test
  void aLabelNobodyHasIsListedWithZeros() {
    List<Customer> onlyCore = ReportFixtures.population().subList(0, 2);

    SegmentationReport r = accumulate(onlyCore).build();

    Segment low = r.dimension("value").orElseThrow().segment("LOW").orElseThrow();
    assertThat(low.customers()).isZero();
    assertThat(low.customerShare()).isZero();
    assertThat(low.revenueShare()).isZero();
    assertThat(low.means()).allSatisfy(m -> assertThat(m.mean()).isEmpty());
  }

  @ParameterizedTest(name = "{0} {1} {2}: mean {3} over {4}")
  @CsvSource({
    "value, CORE,      revenue_12m,              37500,   2",
    "value, CORE,      orders_12m,               15,      2",
    "value, CORE,      visits_12m,               10,      2",
    "value, CORE,      days_since_last_purchase, 10,      2",
    "value, CORE,      tenure_days,              900,     2",
    "value, IMPORTANT, revenue_12m,              5750,    4",
    "value, IMPORTANT, orders_12m,               4.25,    4",
    "value, IMPORTANT, visits_12m,               3.5,     4",
    "value, IMPORTANT, days_since_last_purchase, 57.5,    4",
    "value, IMPORTANT, tenure_days,              500,     3",
    "value, POTENTIAL, revenue_12m,              750,     2",
    "value, POTENTIAL, orders_12m,               2,       2",
    "value, POTENTIAL, visits_12m,               2,       2",
    "value, POTENTIAL, days_since_last_purchase, 105,     2",
    "value, POTENTIAL, tenure_days,              115,     2",
    "value, LOW,       revenue_12m,              166.66666666666666, 3",
    "value, LOW,       orders_12m,               0.6666666666666666, 3",
    "value, LOW,       visits_12m,               0.5,     2",
    "value, LOW,       days_since_last_purchase, 315,     2",
    "value, LOW,       tenure_days,              800,     2",
    "risk,  UNCLASSIFIED, orders_12m,            5,       1",
    "behaviour, PROSPECT, days_since_last_purchase, , 0",
  })
  void segmentMeansAreOverTheCustomersThatHaveTheFeature(
      String dimension, String label, String feature, Double mean, long customers) {
    FeatureMean m = handReport().dimension(dimension).orElseThrow().segment(label).orElseThrow().mean(feature);

    assertThat(m.customers()).isEqualTo(customers);
    if (mean == null) {
      assertThat(m.mean()).isEmpty();
    } else {
      assertThat(m.mean()).hasValue(mean);
    }
  }

  @Test
  void missingFeaturesAreNotCountedAsZeroInMeans() {
    SegmentationReport r = handReport();

    // IMPORTANT: tenure 600, 400, (missing), 500. As zero it would be 375.
    assertThat(r.dimension("value").orElseThrow().segment("IMPORTANT").orElseThrow().mean("tenure_days").mean())
        .hasValue(500.0);
    // LOW: revenue 300, 200, (missing), 0: the explicit 0 counts, the missing one does not.
    FeatureMean lowRevenue = r.dimension("value").orElseThrow().segment("LOW").orElseThrow().mean("revenue_12m");
    assertThat(lowRevenue.customers()).isEqualTo(3);
    assertThat(lowRevenue.mean().getAsDouble()).isCloseTo(500.0 / 3, within(1e-12));
    // ... while for revenue shares the missing revenue counts as 0: LOW holds 500 of 100,000.
    assertThat(r.dimension("value").orElseThrow().segment("LOW").orElseThrow().revenue()).isEqualTo(500.0);
  }

  @Test
  void overallMeansCoverTheWholePopulation() {
    SegmentationReport r = handReport();

    assertThat(r.overall())
        .extracting(FeatureMean::feature, FeatureMean::customers, m -> m.mean().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("revenue_12m", 11L, 100_000.0 / 11),
            org.assertj.core.groups.Tuple.tuple("orders_12m", 11L, 53.0 / 11),
            org.assertj.core.groups.Tuple.tuple("visits_12m", 10L, 3.9),
            org.assertj.core.groups.Tuple.tuple("days_since_last_purchase", 10L, 109.0),
            org.assertj.core.groups.Tuple.tuple("tenure_days", 9L, 570.0));
  }

  @Test
  void valueByBehaviourCrossTabHasEveryCell() {
    CrossTab t = handReport().crossTab("value", "behaviour").orElseThrow();

    assertThat(t.columnLabels()).containsExactly("ACTIVE", "PASSIVE", "PROSPECT");
    assertThat(t.rows()).extracting(SegmentationReport.CrossTabRow::label)
        .containsExactly("CORE", "IMPORTANT", "POTENTIAL", "LOW");
    long[][] counts = {{2, 0, 0}, {2, 2, 0}, {1, 1, 0}, {0, 2, 2}};
    double[][] revenue = {{75_000, 0, 0}, {13_000, 10_000, 0}, {1_000, 500, 0}, {0, 500, 0}};
    assertCells(t, counts, revenue);
  }

  @Test
  void valueByRiskCrossTabHasAnUnclassifiedColumn() {
    CrossTab t = handReport().crossTab("value", "risk").orElseThrow();

    assertThat(t.columnLabels()).containsExactly("LOW", "NORMAL", "HIGH", "UNRATED", Dimension.UNCLASSIFIED);
    long[][] counts = {{1, 1, 0, 0, 0}, {2, 0, 1, 0, 1}, {1, 1, 0, 0, 0}, {2, 0, 0, 2, 0}};
    double[][] revenue = {
      {45_000, 30_000, 0, 0, 0}, {14_000, 0, 4_000, 0, 5_000}, {500, 1_000, 0, 0, 0}, {300, 0, 0, 200, 0}
    };
    assertCells(t, counts, revenue);
    assertThat(t.cell("IMPORTANT", Dimension.UNCLASSIFIED).revenueShare()).isEqualTo(0.05);
  }

  private static void assertCells(CrossTab t, long[][] counts, double[][] revenue) {
    for (int r = 0; r < counts.length; r++) {
      for (int c = 0; c < counts[r].length; c++) {
        var cell = t.rows().get(r).cells().get(c);
        String where = t.rows().get(r).label() + " × " + cell.label();
        assertThat(cell.customers()).as(where).isEqualTo(counts[r][c]);
        assertThat(cell.revenue()).as(where).isEqualTo(revenue[r][c]);
        assertThat(cell.revenueShare()).as(where).isCloseTo(revenue[r][c] / 100_000, within(1e-15));
      }
    }
  }

  @Test
  void paretoCurveIsTheLorenzCurveLinearBetweenWholeCustomers() {
    // Sorted revenue: 45000, 30000, 8000, 6000, 5000, 4000, 1000, 500, 300, 200, 0, 0 (c10 counts as 0).
    var p = handReport().pareto();

    assertThat(p).isNotNull();
    assertThat(p.points()).extracting(SegmentationReport.ParetoPoint::customerShare)
        .containsExactly(0.01, 0.05, 0.10, 0.20, 0.50);
    double[] expected = {
      0.12 * 45_000, // top 1% = 0.12 customers
      0.6 * 45_000, // top 5% = 0.6 customers
      45_000 + 0.2 * 30_000, // top 10% = 1.2 customers
      75_000 + 0.4 * 8_000, // top 20% = 2.4 customers
      98_000, // top 50% = 6 customers
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat(p.points().get(i).revenueShare()).isCloseTo(expected[i] / 100_000, within(1e-12));
    }
    // 80,000 is reached inside the third customer: 75,000 + 0.625 * 8,000.
    assertThat(p.customerShareFor80()).isCloseTo(2.625 / 12, within(1e-15));
    assertThat(p.customersFor80()).isEqualTo(3);
  }

  @Test
  void mergeOfPartsEqualsOnePassToTheByte() {
    List<Customer> all = ReportFixtures.population();
    Map<String, Long> errors = Map.of("risk", 1L);
    SegmentationReport single = accumulate(all).build(REJECTED, errors);

    ReportAccumulator a = accumulate(all.subList(7, 12));
    ReportAccumulator b = accumulate(all.subList(0, 3));
    ReportAccumulator c = accumulate(all.subList(3, 7));
    c.merge(a);
    b.merge(c);

    SegmentationReport merged = b.build(REJECTED, errors);
    assertThat(merged).isEqualTo(single);
    assertThat(merged.toJson()).isEqualTo(single.toJson());
    assertThat(b.customers()).isEqualTo(12);
    assertThat(a.customers()).as("the merged-in accumulator is unchanged").isEqualTo(5);
  }

  @Test
  void mergedStatesFromOtherJvmsEqualOnePassToTheByte() {
    // What a Spark driver does: each partition's accumulator travels as bytes and is merged there.
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Customer> population = randomPopulation(random, 50 + random.nextInt(300));
    SegmentationReport single = accumulate(population).build(REJECTED, Map.of());
    ReportAccumulator driver = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    int cut1 = random.nextInt(population.size());
    int cut2 = cut1 + random.nextInt(population.size() - cut1 + 1);
    for (List<Customer> part : List.of(population.subList(cut2, population.size()), population.subList(0, cut1),
        population.subList(cut1, cut2), List.<Customer>of())) {
      driver.mergeState(accumulate(part).state());
    }
    assertThat(driver.build(REJECTED, Map.of()).toJson()).as("seed %d", seed).isEqualTo(single.toJson());
  }

  @Test
  void aStateOfAnotherShapeOrATruncatedOneIsRefused() {
    byte[] state = accumulate(ReportFixtures.population()).state();
    ReportAccumulator other = ReportAccumulator.create(ReportFixtures.engine("\"value\": " + ReportFixtures.dim("A", "B")),
        ReportOptions.defaults());
    assertThatThrownBy(() -> other.mergeState(state)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a report state of these dimensions");
    ReportAccumulator same = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    assertThatThrownBy(() -> same.mergeState(java.util.Arrays.copyOf(state, state.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThat(same.customers()).as("nothing half-merged").isZero();
  }

  /**
   * Property: for random populations (awkward decimals, missing features, unclassified labels),
   * splitting into parts in a shuffled order and merging gives the same JSON bytes as one pass.
   */
  @Test
  void mergeEqualsOnePassOnRandomPopulations() {
    long base = System.nanoTime();
    for (int run = 0; run < 20; run++) {
      long seed = base + run;
      try {
        Random random = new Random(seed);
        List<Customer> population = randomPopulation(random, 1 + random.nextInt(400));
        String single = accumulate(population).build().toJson();

        List<Customer> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, random);
        int parts = 1 + random.nextInt(6);
        List<ReportAccumulator> accs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          accs.add(ReportAccumulator.create(ENGINE, ReportOptions.defaults()));
        }
        for (Customer c : shuffled) {
          accs.get(random.nextInt(parts)).add(c, ENGINE.classify(c));
        }
        Collections.shuffle(accs, random);
        ReportAccumulator total = accs.get(0);
        for (int p = 1; p < parts; p++) {
          total.merge(accs.get(p));
        }
        assertThat(total.build().toJson()).isEqualTo(single);
      } catch (AssertionError e) {
        throw new AssertionError("Failed with seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  static List<Customer> randomPopulation(Random random, int size) {
    String[] value = {"CORE", "IMPORTANT", "POTENTIAL", "LOW"};
    String[] behaviour = {"ACTIVE", "PASSIVE", "PROSPECT"};
    String[] risk = {"LOW", "NORMAL", "HIGH", "UNRATED"};
    List<Customer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(ReportFixtures.c(
          "r" + i,
          value[random.nextInt(value.length)],
          behaviour[random.nextInt(behaviour.length)],
          random.nextInt(10) == 0 ? null : risk[random.nextInt(risk.length)],
          random.nextInt(8) == 0 ? null : Math.pow(10, 7 * random.nextDouble()) / 3,
          random.nextInt(5) == 0 ? null : (double) random.nextInt(50),
          random.nextInt(5) == 0 ? null : random.nextDouble() * 12,
          random.nextInt(5) == 0 ? null : 0.1 * random.nextInt(3650),
          random.nextInt(5) == 0 ? null : random.nextDouble() * 5000));
    }
    return out;
  }

  @Test
  void jsonIsTheSameBytesForTheSameCustomersInAnyOrder() {
    List<Customer> shuffled = new ArrayList<>(ReportFixtures.population());
    Collections.shuffle(shuffled, new Random(7));

    String first = accumulate(ReportFixtures.population()).build(REJECTED, Map.of()).toJson();
    String again = accumulate(ReportFixtures.population()).build(REJECTED, Map.of()).toJson();
    String reordered = accumulate(shuffled).build(REJECTED, Map.of()).toJson();

    assertThat(again).isEqualTo(first);
    assertThat(reordered).isEqualTo(first);
    assertThat(first).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void jsonHasAFixedKeyOrderAndRoundedNumbers() throws Exception {
    String json = handReport().toJson();
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(fieldNames(root)).containsExactly(
        "format", "revenueMetric", "totals", "dimensions", "crossTabs", "pareto", "plan", "quality", "rfmGrid", "purchaseGrid", "overall",
        "rejectedByReason", "errorCounts", "notes");
    assertThat(fieldNames(root.get("pareto"))).containsExactly("top", "customerShareFor80", "customersFor80", "curve");
    assertThat(root.at("/pareto/curve")).hasSize(101);
    assertThat(root.at("/pareto/curve/25/revenueShare").decimalValue()).isEqualByComparingTo("0.83");
    assertThat(fieldNames(root.get("plan"))).containsExactly("customersWithActions", "revenueWithActions", "actions");
    assertThat(fieldNames(root.get("dimensions"))).containsExactly("value", "behaviour", "risk");
    JsonNode core = root.at("/dimensions/value/segments/0");
    assertThat(fieldNames(core)).containsExactly("label", "customers", "customerShare", "revenue", "revenueShare", "means", "lackOfData");
    assertThat(json).contains("\"customerShare\" : 0.166667,").contains("\"revenue\" : 75000,").contains("\"revenueShare\" : 0.75,");
    assertThat(root.at("/dimensions/value/segments/3/means/revenue_12m/mean").decimalValue()).isEqualByComparingTo("166.6667");
    assertThat(root.at("/behaviour/segments/2/means/days_since_last_purchase/mean").isMissingNode()).isTrue();
    assertThat(root.at("/dimensions/behaviour/segments/2/means/days_since_last_purchase/mean").isNull()).isTrue();
    assertThat(root.at("/crossTabs/1/columnLabels/4").asText()).isEqualTo("UNCLASSIFIED");
    assertThat(root.at("/crossTabs/1/rows/1/cells/4/revenue").asLong()).isEqualTo(5000);
    assertThat(root.at("/pareto/customerShareFor80").decimalValue()).isEqualByComparingTo("0.21875");
    assertThat(root.at("/totals/rejectedRows").asLong()).isEqualTo(3);
  }

  @Test
  void anEmptyPopulationGivesAValidEmptyReport() throws Exception {
    SegmentationReport r = ReportAccumulator.create(ENGINE, ReportOptions.defaults()).build();

    assertThat(r.totals()).isEqualTo(new SegmentationReport.Totals(0, 0, 0, 0.0, 0));
    assertThat(r.dimension("value").orElseThrow().segments())
        .allSatisfy(s -> {
          assertThat(s.customers()).isZero();
          assertThat(s.customerShare()).isZero();
          assertThat(s.revenueShare()).isZero();
        });
    assertThat(r.pareto()).isNotNull();
    assertThat(r.pareto().points()).allSatisfy(p -> assertThat(p.revenueShare()).isZero());
    assertThat(r.pareto().customerShareFor80()).isZero();
    assertThat(r.overall()).allSatisfy(m -> assertThat(m.mean()).isEmpty());
    assertThat(r.notes()).isEmpty();

    String json = r.toJson();
    assertThat(json).doesNotContainIgnoringCase("nan").doesNotContainIgnoringCase("infinity");
    new ObjectMapper().readTree(json); // valid JSON
    assertThat(r.headline()).isEqualTo("No customers were classified.\n");
    assertThat(r.toTable()).containsPattern("\n  Customers +0\n").contains("No positive revenue: there is no curve to show.");
  }

  @Test
  void zeroTotalRevenueGivesZeroSharesAndANote() {
    Customer a = ReportFixtures.c("z1", "CORE", "ACTIVE", "LOW", 0.0, 1.0, 1.0, 1.0, 1.0);
    Customer b = ReportFixtures.c("z2", "LOW", "ACTIVE", "LOW", null, null, null, null, null);

    SegmentationReport r = accumulate(List.of(a, b)).build();

    assertThat(r.dimension("value").orElseThrow().segment("CORE").orElseThrow().revenueShare()).isZero();
    assertThat(r.pareto().customerShareFor80()).isZero();
    assertThat(r.notes()).contains("Total revenue_12m is not positive: revenue shares are reported as 0.");
    assertThat(r.toJson()).doesNotContainIgnoringCase("nan");
  }

  @Test
  void theRevenueMetricIsConfigurable() {
    var profit = org.clientele.api.StandardFeatures.PROFIT_12M;
    Customer a = ReportFixtures.population().get(0).toBuilder().set(profit, 900.0).build();
    Customer b = ReportFixtures.population().get(7).toBuilder().set(profit, 100.0).build();
    Customer c = ReportFixtures.population().get(8); // no profit

    SegmentationReport r =
        accumulate(List.of(a, b, c), ReportOptions.builder().revenueMetric(profit).build()).build();

    assertThat(r.revenueMetric()).isEqualTo("profit_12m");
    assertThat(r.totals().revenue()).isEqualTo(1000.0);
    assertThat(r.totals().revenueMissing()).isEqualTo(1);
    assertThat(r.dimension("value").orElseThrow().segment("CORE").orElseThrow().revenueShare()).isEqualTo(0.9);
    assertThat(r.meanFeatures()).startsWith("profit_12m", "orders_12m");
    assertThat(r.notes()).containsExactly("1 of 3 customers have no profit_12m and count as 0 revenue.");
  }

  @Test
  void extraFeaturesGetMeansAndAFeatureNobodyHasIsNoted() {
    var satisfaction = org.clientele.api.StandardFeatures.SATISFACTION;
    var complaints = org.clientele.api.StandardFeatures.COMPLAINTS_12M;
    Customer a = ReportFixtures.population().get(0).toBuilder().set(satisfaction, 5.0).build();
    Customer b = ReportFixtures.population().get(1).toBuilder().set(satisfaction, 4.0).build();
    Customer c = ReportFixtures.population().get(2);

    SegmentationReport r = accumulate(List.of(a, b, c),
        ReportOptions.builder().extraFeatures(List.of(satisfaction, complaints)).build()).build();

    assertThat(r.meanFeatures()).endsWith("satisfaction", "complaints_12m");
    FeatureMean coreSatisfaction = r.dimension("value").orElseThrow().segment("CORE").orElseThrow().mean("satisfaction");
    assertThat(coreSatisfaction.mean()).hasValue(4.5);
    assertThat(coreSatisfaction.customers()).isEqualTo(2);
    assertThat(r.notes()).containsExactly("No customer has feature 'complaints_12m': its means are empty.");
  }

  @Test
  void aCrossTabOnAMissingDimensionIsSkippedWithANote() {
    Engine valueOnly = ReportFixtures.engine("\"value\": " + ReportFixtures.dim("CORE", "IMPORTANT", "POTENTIAL", "LOW")
        + ", \"activity\": " + ReportFixtures.dim("ACTIVE", "PASSIVE", "PROSPECT"));
    ReportOptions options = ReportOptions.builder().addCrossTab("value", "activity").build();
    ReportAccumulator acc = ReportAccumulator.create(valueOnly, options);
    Customer c = Customer.builder("x").set(ReportFixtures.VALUE, "CORE").set(ReportFixtures.label("activity"), "ACTIVE").build();
    acc.add(c, valueOnly.classify(c));

    SegmentationReport r = acc.build();

    assertThat(r.crossTabs()).extracting(CrossTab::columnDimension).containsExactly("activity");
    assertThat(r.notes()).startsWith(
        "Cross-tab value × behaviour skipped: dimension 'behaviour' is not configured.",
        "Cross-tab value × risk skipped: dimension 'risk' is not configured.");
    assertThat(r.crossTab("value", "activity").orElseThrow().cell("CORE", "ACTIVE").customers()).isEqualTo(1);
  }

  @Test
  void withoutTheParetoCurveThereIsNoCurve() {
    SegmentationReport r = accumulate(ReportFixtures.population(), ReportOptions.builder().paretoCurve(false).build()).build();

    assertThat(r.pareto()).isNull();
    assertThat(r.toJson()).contains("\"pareto\" : null,");
    assertThat(r.toTable()).doesNotContain("Pareto");
  }

  @Test
  void addingFromAReusedBufferEqualsAddingClassifications() {
    ReportAccumulator fromBuffer = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    ClassificationBuffer buffer = ENGINE.newBuffer();
    for (Customer c : ReportFixtures.population()) {
      ENGINE.classify(c, buffer);
      fromBuffer.add(c, buffer);
    }

    assertThat(fromBuffer.build().toJson()).isEqualTo(accumulate(ReportFixtures.population()).build().toJson());
  }

  @Test
  void aClassificationOfAnotherCustomerOrEngineIsRefused() {
    ReportAccumulator acc = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    Customer c01 = ReportFixtures.population().get(0);
    Customer c02 = ReportFixtures.population().get(1);
    Engine other = ReportFixtures.engine("\"value\": " + ReportFixtures.dim("CORE", "IMPORTANT", "POTENTIAL", "LOW"));

    assertThatThrownBy(() -> acc.add(c01, ENGINE.classify(c02)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The result is of customer 'c02', not 'c01'");
    assertThatThrownBy(() -> acc.add(c01, other.classify(c01)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The report accumulator was made for dimensions [value, behaviour, risk], not [value]");
    assertThatThrownBy(() -> acc.merge(ReportAccumulator.create(other, ReportOptions.defaults())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.merge(ReportAccumulator.create(ENGINE, ReportOptions.builder().paretoCurve(false).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot merge report accumulators with different options");
    assertThatThrownBy(() -> acc.merge(acc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot merge a report accumulator into itself");
    assertThat(acc.customers()).isZero();
  }

  @Test
  void negativeCountsAreRefused() {
    ReportAccumulator acc = ReportAccumulator.create(ENGINE, ReportOptions.defaults());

    assertThatThrownBy(() -> acc.build(Map.of("bad date", -1L), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejectedByReason['bad date'] must be a count >= 0, found -1");
  }

  @Test
  void errorCountsFollowTheDimensionOrderWhateverTheMapOrder() {
    ReportAccumulator acc = ReportAccumulator.create(ENGINE, ReportOptions.defaults());

    SegmentationReport r = acc.build(Map.of(), Map.of("strategy", 0L, "risk", 4L, "value", 1L, "extra", 2L));

    assertThat(r.errorCounts().keySet()).containsExactly("value", "risk", "extra", "strategy");
  }

  @Test
  void tableAlignsLabelColumnsAndShowsPercentagesAndMoney() {
    String table = handReport().toTable();

    assertThat(table).contains(String.join("\n",
        "Dimension: value",
        "  value      customers   share     revenue  revenue share",
        "  ---------  ---------  ------  ----------  -------------",
        "  CORE               2   16.7%   75,000.00          75.0%",
        "  IMPORTANT          4   33.3%   23,000.00          23.0%",
        "  POTENTIAL          2   16.7%    1,500.00           1.5%",
        "  LOW                4   33.3%      500.00           0.5%",
        "  total             12  100.0%  100,000.00         100.0%",
        ""));
    assertThat(table).contains(String.join("\n",
        "  value \\ risk    LOW  NORMAL  HIGH  UNRATED  UNCLASSIFIED",
        "  ------------  -----  ------  ----  -------  ------------",
        "  CORE          45.0%   30.0%  0.0%     0.0%          0.0%",
        ""));
    assertThat(table).contains(String.join("\n",
        "  customers  share of revenue",
        "  ---------  ----------------",
        "  top 1%                 5.4%",
        "  top 5%                27.0%",
        "  top 10%               51.0%",
        "  top 20%               78.2%",
        "  top 50%               98.0%",
        "  80% of revenue is held by the top 21.9% of customers (3 customers).",
        ""));
    // A mean over fewer customers than the segment says how many had the feature.
    assertThat(table).containsPattern("\n  IMPORTANT +5,750.00 +4.3 +3.5 +57.5 +500.0 \\(3\\)\n");
    assertThat(table).containsPattern("\n  PROSPECT +0.00 \\(1\\) +0.0 \\(1\\) +0.0 \\(1\\) +- +-\n");
    assertThat(table).contains("  unparseable date        2\n").contains("  risk           1\n");
    assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }

  @Test
  void headlineSaysWhatMattersInAFewSentences() {
    assertThat(handReport().headline()).isEqualTo(String.join("\n",
        "Core customers are 16.7% of customers and hold 75.0% of revenue.",
        "The top 20% of customers hold 78.2% of revenue; 80% of revenue comes from the top 21.9% of customers.",
        "High risk customers are 8.3% of customers and hold 4.0% of revenue.",
        "1 customer is UNCLASSIFIED on at least one dimension (a classifier failed).",
        "3 input rows were rejected.",
        ""));
  }

  @Test
  void headlineNamesAtRiskAndLostCustomersOfTheLifecycleScheme() {
    Engine lifecycle = ReportFixtures.engine("\"behaviour\": "
        + ReportFixtures.dim("ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT"));
    ReportAccumulator acc = ReportAccumulator.create(lifecycle, ReportOptions.builder().paretoCurve(false).build());
    String[] labels = {"ACTIVE", "AT_RISK", "LOST", "LOST"};
    double[] revenue = {700, 200, 100, 0};
    for (int i = 0; i < labels.length; i++) {
      Customer c = Customer.builder("b" + i).set(ReportFixtures.BEHAVIOUR, labels[i])
          .set(ReportFixtures.REVENUE, revenue[i]).build();
      acc.add(c, lifecycle.classify(c));
    }

    assertThat(acc.build().headline()).isEqualTo(String.join("\n",
        "Active behaviour customers are 25.0% of customers and hold 70.0% of revenue.",
        "At risk and lost behaviour customers are 75.0% of customers and hold 30.0% of revenue.",
        ""));
  }

  private static List<String> labels(SegmentationReport r, String dimension) {
    return r.dimension(dimension).orElseThrow().segments().stream().map(Segment::label).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }
}
