package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Segments;
import org.clientele.api.StandardFeatures;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.clientele.core.report.SegmentationReport.SegmentQuality;
import org.junit.jupiter.api.Test;

/** The quality guardrails: each warning fires on the broken case and stays quiet on a sound one. */
class QualityTest {

  private static final Dimension LOYALTY = Dimension.of("loyalty", "HIGH", "MEDIUM", "LOW");
  private static final Dimension BEHAVIOUR = Dimension.of("behaviour", "ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT");
  private static final List<Dimension> DIMS = List.of(LOYALTY, BEHAVIOUR);

  private static Customer customer(int i, double revenue) {
    return Customer.builder("C" + i).set(StandardFeatures.REVENUE_12M, revenue).set(StandardFeatures.REGION, "Jiangsu").build();
  }

  private static SegmentationReport report(int[][] labels) {
    ReportAccumulator acc = ReportAccumulator.create(DIMS, ReportOptions.defaults());
    for (int i = 0; i < labels.length; i++) {
      acc.add(customer(i, 100 + i), Segments.of(DIMS, labels[i]));
    }
    return acc.build();
  }

  private static List<String> codes(SegmentationReport r) {
    return r.quality().warnings().stream().map(QualityWarning::code).toList();
  }

  @Test
  void aLapsedCustomerLabelledHighlyLoyalIsAContradictionNeverSilence() {
    int[][] labels = new int[200][];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = new int[] {i % 3, i % 5}; // every label of loyalty, behaviour ACTIVE..LOST
    }
    SegmentationReport r = report(labels);
    // i % 3 == 0 (HIGH) and i % 5 == 4 (LOST): 13 customers of 200
    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("contradiction")).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("13 customers are lapsed (behaviour LOST) yet highly loyal"));

    int[][] sound = new int[200][];
    for (int i = 0; i < sound.length; i++) {
      sound[i] = new int[] {i % 3, i % 3 == 0 ? 0 : i % 5}; // the HIGH ones ACTIVE
    }
    assertThat(codes(report(sound))).doesNotContain("contradiction");
  }

  @Test
  void emptyTinyAndSingleLabelDimensionsAreWarnedAbout() {
    int[][] labels = new int[300][];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = new int[] {i == 0 ? 2 : 0, 0}; // loyalty: one LOW, MEDIUM empty; behaviour: all ACTIVE
    }
    SegmentationReport r = report(labels);

    assertThat(r.quality().warnings()).extracting(QualityWarning::code, QualityWarning::dimension).contains(
        org.assertj.core.groups.Tuple.tuple("empty_segment", "loyalty"),
        org.assertj.core.groups.Tuple.tuple("small_segment", "loyalty"),
        org.assertj.core.groups.Tuple.tuple("single_label", "behaviour"));
    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("empty_segment") && w.dimension().equals("loyalty"))
        .singleElement().satisfies(w -> assertThat(w.message()).isEqualTo("loyalty: 1 of 3 segments are empty: MEDIUM"));
    assertThat(r.toTable()).contains("Quality of the segmentation", "! loyalty: 1 of 3 segments are empty: MEDIUM");
    assertThat(r.toJson()).contains("\"code\" : \"single_label\"");
  }

  @Test
  void theFourPrinciplesAreNumbersPerSegment() {
    int[][] labels = new int[100][];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = new int[] {i < 20 ? 0 : 2, i % 2 == 0 ? 0 : 4};
    }
    ReportAccumulator acc = ReportAccumulator.create(DIMS, ReportOptions.defaults());
    for (int i = 0; i < labels.length; i++) {
      // The 20 HIGH customers buy ten times as much; only even customers have a region.
      Customer c = Customer.builder("C" + i).set(StandardFeatures.REVENUE_12M, i < 20 ? 1000.0 : 100.0)
          .setOrRemove(StandardFeatures.REGION, i % 2 == 0 ? "Jiangsu" : null).build();
      acc.add(c, Segments.of(DIMS, labels[i]));
    }
    SegmentQuality high = acc.build().quality().segments().stream()
        .filter(q -> q.dimension().equals("loyalty") && q.label().equals("HIGH")).findFirst().orElseThrow();

    assertThat(high.customers()).isEqualTo(20);
    assertThat(high.accessible()).isEqualTo(0.5);
    assertThat(high.revenueShare()).isEqualTo(20_000.0 / 28_000.0);
    assertThat(high.revenueIndex()).isEqualTo((20_000.0 / 20) / (28_000.0 / 100));
    assertThat(high.difference()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9)); // 900 apart, SD 360
    assertThat(high.measurable()).isNaN(); // no engine: the classifiers' inputs are unknown
  }
}
