package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
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

  /**
   * "marked": label 0 on every customer, for lack of data when the customer's text feature {@code
   * marks} holds {@code -<dimension id>-}, so that a test chooses the basis of every position.
   */
  static final class MarkedProvider implements ClassifierProvider {
    static final Feature<String> MARKS = Feature.text("marks", "Dimensions to label for lack of data");

    @Override
    public String name() {
      return "marked";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension d = Dimension.of(config.id(), "ONLY");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          if (marked(customer, d)) {
            out.acceptFallback(0, 1);
          } else {
            out.accept(0, 1);
          }
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(d, "ONLY", 1, List.of()).withFallback(marked(customer, d));
        }
      };
    }

    static boolean marked(Customer customer, Dimension d) {
      String marks = customer.getOrNull(MARKS);
      return marks != null && marks.contains("-" + d.id() + "-");
    }
  }

  @Test
  void theBasisOfEveryPositionSurvivesPastSixtyFourDimensions() {
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      dims.append(i == 0 ? "" : ", ").append("\"d").append(i).append("\": {\"provider\": \"marked\"}");
    }
    Engine engine = Engine.builder()
        .register(new MarkedProvider())
        .configuration("{\"dimensions\": {" + dims + "}, \"strategy\": null}", "wide.json")
        .build();
    Customer some = Customer.builder("some").set(MarkedProvider.MARKS, "-d0-d3-d63-d64-d69-").build();
    Customer others = Customer.builder("others").set(MarkedProvider.MARKS, "-d1-d63-d65-").build();
    ClassificationBuffer buffer = engine.newBuffer();
    for (Customer c : List.of(some, others)) {
      Classification result = engine.classify(c);
      engine.classify(c, buffer);
      Explanation explained = engine.explain(c);
      for (int p = 0; p < 70; p++) {
        boolean expected = MarkedProvider.marked(c, engine.dimensions().get(p));
        assertThat(result.isFallback(p)).as("%s position %d", c.id(), p).isEqualTo(expected);
        assertThat(buffer.isFallback(p)).as("%s position %d (buffer)", c.id(), p).isEqualTo(expected);
        assertThat(explained.assignments().get(p).fallback()).as("%s position %d (explain)", c.id(), p).isEqualTo(expected);
      }
    }
    // Same labels and scores, another basis past position 63: not the same result.
    Customer high = Customer.builder("same").set(MarkedProvider.MARKS, "-d64-").build();
    Customer higher = Customer.builder("same").set(MarkedProvider.MARKS, "-d65-").build();
    assertThat(engine.classify(high).labels()).isEqualTo(engine.classify(higher).labels());
    assertThat(engine.classify(high)).isNotEqualTo(engine.classify(higher)).isEqualTo(engine.classify(high));
  }
}
