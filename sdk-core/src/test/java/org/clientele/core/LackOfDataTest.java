package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.junit.jupiter.api.Test;

/**
 * A label decided for lack of data ({@code LabelSink.acceptFallback}) travels from the classifier
 * to the result, the explanation, the results files and the report, kept apart from a measured
 * label of the same name.
 */
class LackOfDataTest {

  private static final Customer MEASURED = Customer.builder("measured").set(StandardFeatures.REVENUE_12M, 10.0).build();
  private static final Customer UNKNOWN = Customer.builder("unknown").build();

  private static Engine engine() {
    return Engine.builder()
        .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json")
        .build();
  }

  @Test
  void theEngineKeepsTheBasisOfEveryLabel() {
    Engine engine = engine();
    Classification unknown = engine.classify(UNKNOWN);
    assertThat(unknown.label("threshold")).isEqualTo("UNKNOWN");
    assertThat(unknown.isFallback("threshold")).isTrue();
    assertThat(engine.classify(MEASURED).isFallback(0)).isFalse();
    assertThat(engine.explain(UNKNOWN).assignments().get(0).fallback()).isTrue();
    assertThat(engine.explain(MEASURED).assignments().get(0).fallback()).isFalse();
    // The reusable buffer forgets the previous customer's basis.
    ClassificationBuffer buffer = engine.newBuffer();
    engine.classify(UNKNOWN, buffer);
    assertThat(buffer.isFallback(0)).isTrue();
    engine.classify(MEASURED, buffer);
    assertThat(buffer.isFallback(0)).isFalse();
    assertThat(engine.classify(UNKNOWN)).isNotEqualTo(engine.classify(MEASURED));
  }

  @Test
  void theResultsNameTheDimensionsDecidedForLackOfData() {
    Engine engine = engine();
    StringWriter csv = new StringWriter();
    try (ResultWriter w = new ResultWriter(csv, ResultFormat.CSV)) {
      w.begin(engine.dimensions().stream().map(org.clientele.api.Dimension::id).toList());
      w.write(engine.classify(MEASURED));
      w.write(engine.classify(UNKNOWN));
    }
    assertThat(csv.toString().lines()).containsExactly(
        "id,threshold,threshold_score,actions,rules,lack_of_data", "measured,LOW,10,email,other,",
        "unknown,UNKNOWN,,email,other,threshold");
    StringWriter jsonl = new StringWriter();
    try (ResultWriter w = new ResultWriter(jsonl, ResultFormat.JSONL)) {
      w.begin(engine.dimensions().stream().map(org.clientele.api.Dimension::id).toList());
      w.write(engine.classify(MEASURED));
      w.write(engine.classify(UNKNOWN));
    }
    List<String> lines = jsonl.toString().lines().toList();
    assertThat(lines.get(0)).contains("\"lackOfData\":[]");
    assertThat(lines.get(1)).contains("\"lackOfData\":[\"threshold\"]");
  }

  @Test
  void theReportCountsThemPerDimensionAndLabelAndSaysSo() {
    Engine engine = engine();
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    for (Customer c : List.of(MEASURED, UNKNOWN, Customer.builder("unknown-2").build())) {
      acc.add(c, engine.classify(c));
    }
    ReportAccumulator twin = ReportAccumulator.create(engine, ReportOptions.defaults());
    twin.mergeState(acc.state());
    for (SegmentationReport report : List.of(acc.build(), twin.build())) {
      assertThat(report.dimension("threshold").orElseThrow().segment("UNKNOWN").orElseThrow().lackOfData()).isEqualTo(2);
      assertThat(report.dimension("threshold").orElseThrow().segment("LOW").orElseThrow().lackOfData()).isZero();
      assertThat(report.quality().warnings()).filteredOn(w -> w.code().equals("lack_of_data")).singleElement()
          .satisfies(w -> {
            assertThat(w.dimension()).isEqualTo("threshold");
            assertThat(w.label()).isEqualTo("UNKNOWN");
            assertThat(w.message()).startsWith("threshold: 2 of 2 customers labelled UNKNOWN for lack of data");
          });
      assertThat(report.toJson()).containsPattern("\"lackOfData\" ?: ?2");
      assertThat(report.toTable()).contains("labelled UNKNOWN for lack of data");
    }
  }
}
