package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.clientele.core.report.SegmentationReport.SegmentQuality;
import org.junit.jupiter.api.Test;

/** The report's quality part with the built-in classifiers: cut points and inputs come from the engine. */
class QualityGuardrailsTest {

  private static SegmentationReport report(List<Customer> population) {
    return report(population, "{\"dimensions\": {\"value\": {}, \"rfm\": {}}}");
  }

  private static SegmentationReport report(List<Customer> population, String configuration) {
    EngineBuilder builder = Engine.builder().configuration(configuration, "q.json");
    Engine engine = builder.model(builder.calibrate(population)).parallelism(1).build();
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    population.forEach(c -> acc.add(c, engine.classify(c)));
    return acc.build();
  }

  @Test
  void cutPointsThatTieBecauseEveryoneBoughtOnceAreWarnedAbout() {
    List<Customer> once = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      once.add(Customer.builder("C" + i)
          .set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, (double) (i % 300))
          .set(StandardFeatures.PURCHASE_DAYS, 1.0)
          .set(StandardFeatures.REVENUE_TOTAL, 10.0 + i)
          .set(StandardFeatures.REVENUE_12M, 10.0 + i)
          .build());
    }
    SegmentationReport r = report(once);

    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("tied_cut_points")).singleElement()
        .satisfies(w -> {
          assertThat(w.dimension()).isEqualTo("rfm");
          assertThat(w.message()).contains("frequencyBreaks [1.0, 1.0, 1.0, 1.0]");
        });
    assertThat(r.quality().warnings()).extracting(QualityWarning::code).contains("empty_segment");
  }

  @Test
  void aPopulationWithSpreadPurchasesHasNoTiedCutPointsAndIsMeasuredOnTheClassifiersInputs() {
    List<Customer> population = BuiltInEngineTest.population(7, 2_000);
    SegmentationReport r = report(population);

    assertThat(r.quality().warnings()).extracting(QualityWarning::code).doesNotContain("tied_cut_points", "contradiction");
    // value reads revenue_12m, revenue_prev_12m, predicted_value (no one has it: not counted).
    SegmentQuality core = r.quality().segments().stream()
        .filter(q -> q.dimension().equals("value") && q.label().equals("CORE")).findFirst().orElseThrow();
    assertThat(core.measurable()).isEqualTo(1.0);
    assertThat(core.revenueIndex()).isGreaterThan(1.0);
    SegmentQuality low = r.quality().segments().stream()
        .filter(q -> q.dimension().equals("value") && q.label().equals("LOW")).findFirst().orElseThrow();
    assertThat(low.measurable()).isLessThan(1.0); // the prospects without revenue are LOW by ifMissing
  }

  @Test
  void theRfmGridCountsEveryCustomerInTheCellItsSegmentComesFrom() {
    SegmentationReport r = report(BuiltInEngineTest.population(11, 3_000));
    SegmentationReport.RfmGrid grid = r.rfmGrid();

    assertThat(grid).isNotNull();
    long total = grid.customers().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
    assertThat(total).isEqualTo(3_000);
    // R5 F5 is CHAMPIONS and R1 F1 LOST in the default grid (docs/classifiers.md).
    assertThat(grid.segments().get(4).get(4)).isIn("CHAMPIONS", "");
    assertThat(grid.segments().get(0).get(0)).isIn("LOST", "");
    long champions = r.dimension("rfm").orElseThrow().segment("CHAMPIONS").orElseThrow().customers();
    assertThat(grid.customers().get(4).get(3) + grid.customers().get(4).get(4)).isEqualTo(champions);
  }

  private static SegmentationReport purchasePatternReport(double orders) {
    List<Customer> population = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      population.add(Customer.builder("C" + i)
          .set(StandardFeatures.ORDERS_12M, Double.isNaN(orders) ? (double) (i % 9) : orders)
          .set(StandardFeatures.AVERAGE_ORDER_VALUE, 20.0 + i)
          .set(StandardFeatures.REVENUE_12M, 100.0 + i)
          .build());
    }
    return report(population, "{\"dimensions\": {\"value\": {}, \"purchase_pattern\": {}}}");
  }

  @Test
  void thePurchaseGridCarriesEachQuadrantAndTheCalibratedCutOffs() {
    SegmentationReport r = purchasePatternReport(Double.NaN);
    SegmentationReport.PurchaseGrid grid = r.purchaseGrid();

    assertThat(grid).isNotNull();
    assertThat(grid.frequencyCutoff()).hasValue(4); // orders 0..8, 200 customers: the 100th smallest is 4
    assertThat(grid.orderValueCutoff()).hasValue(119); // 20..219: the 100th smallest is 119
    assertThat(grid.basis()).isEqualTo("median of 200 customers with orders_12m, median of 200 with average_order_value");
    assertThat(grid.notes()).isEmpty();
    assertThat(grid.unplaced()).isZero();
    assertThat(grid.quadrants()).extracting(SegmentationReport.Segment::label)
        .containsExactlyElementsOf(SegmentationReport.PurchaseGrid.QUADRANTS);
    for (SegmentationReport.Segment q : grid.quadrants()) {
      assertThat(q.customers()).isEqualTo(r.dimension("purchase_pattern").orElseThrow().segment(q.label()).orElseThrow().customers());
    }
    assertThat(grid.quadrants().stream().mapToLong(SegmentationReport.Segment::customers).sum()).isEqualTo(200);
    assertThat(r.quality().warnings()).extracting(QualityWarning::code).doesNotContain("degenerate_cut_off");
    assertThat(r.toJson()).contains("\"purchaseGrid\" : {", "\"frequencyCutoff\" : 4,", "\"orderValueCutoff\" : 119,");
  }

  @Test
  void everyoneWithOneOrderIsADegenerateCutOffSaidInTheWarningsTheGridAndTheText() {
    SegmentationReport r = purchasePatternReport(1);

    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("degenerate_cut_off")).singleElement()
        .satisfies(w -> {
          assertThat(w.dimension()).isEqualTo("purchase_pattern");
          assertThat(w.message()).startsWith("purchase_pattern: every one of the 200 customers with orders_12m has 1:"
              + " the split means nothing");
        });
    SegmentationReport.PurchaseGrid grid = r.purchaseGrid();
    assertThat(grid).isNotNull();
    assertThat(grid.notes()).singleElement().asString().contains("configure method 'threshold'");
    assertThat(r.toTable()).contains("WARNING: the split means nothing on one axis: every one of the 200 customers");
  }
}
