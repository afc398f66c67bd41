package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.report.ApproximateCalibration;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;

/**
 * Above {@code sketch.exactLimit} the calibration uses the randomised KLL sketch, so calibrating
 * again can move the cut-offs: the report says so per dimension, naming features, counts, k and
 * rank error and how to reproduce; under the limit it says nothing.
 */
class ApproximateCalibrationWarningTest {

  private static final List<Customer> POPULATION = BuiltInEngineTest.population(7, 2_000);

  private static Model calibrate(String configuration) {
    EngineBuilder builder = Engine.builder().configuration(configuration, "approximate.json");
    return builder.calibrate(POPULATION);
  }

  private static SegmentationReport report(Model model) {
    Engine engine = Engine.builder().model(model).parallelism(1).build();
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    POPULATION.forEach(c -> acc.add(c, engine.classify(c)));
    return acc.build();
  }

  private static long having(org.clientele.api.Feature<Double> feature) {
    return POPULATION.stream().filter(c -> c.has(feature)).count();
  }

  @Test
  void aCalibrationOverTheExactLimitIsWarnedAboutNamingDimensionFeaturesCountsAndTheFix() {
    Model model = calibrate("{\"dimensions\": {\"value\": {}, \"rfm\": {\"sketch\": {\"exactLimit\": 50}},"
        + " \"purchase_pattern\": {\"sketch\": {\"exactLimit\": 50, \"k\": 100}}}}");
    SegmentationReport r = report(model);

    List<QualityWarning> approximate =
        r.quality().warnings().stream().filter(w -> w.code().equals("approximate_calibration")).toList();
    // value keeps the default limit (100,000) and is exact: no warning for it.
    assertThat(approximate).extracting(QualityWarning::dimension).containsExactly("rfm", "purchase_pattern");
    assertThat(approximate.get(0).message())
        .startsWith("rfm: calibrated with a quantile sketch, not exactly: days_since_last_purchase: "
            + having(StandardFeatures.DAYS_SINCE_LAST_PURCHASE) + " values, over sketch.exactLimit 50,"
            + " summarised by the KLL sketch (k=200, rank error 1.33%)")
        .contains("; purchase_days: " + having(StandardFeatures.PURCHASE_DAYS) + " values",
            "; revenue_total: " + having(StandardFeatures.REVENUE_TOTAL) + " values",
            "calibrating again on the same input can move the cut-offs",
            "clientele calibrate --out model.json, then classify --model model.json",
            "raise sketch.exactLimit", "8 bytes per value per feature");
    assertThat(approximate.get(1).message())
        .contains("orders_12m: " + having(StandardFeatures.ORDERS_12M) + " values", "(k=100, rank error 2.");
    // Every place the warnings go: the text, the JSON, and the model-level list `calibrate` prints.
    assertThat(r.toTable()).contains("rfm: calibrated with a quantile sketch, not exactly");
    assertThat(r.toJson()).contains("\"approximate_calibration\"");
    assertThat(ApproximateCalibration.warnings(model)).extracting(QualityWarning::message)
        .containsExactlyElementsOf(approximate.stream().map(QualityWarning::message).toList());
  }

  @Test
  void aCalibrationWithinTheExactLimitIsNotWarnedAbout() {
    Model model = calibrate("{\"dimensions\": {\"value\": {}, \"rfm\": {\"sketch\": {\"exactLimit\": 2000}},"
        + " \"purchase_pattern\": {\"sketch\": {\"exactLimit\": 2000}}}}");
    SegmentationReport r = report(model);

    assertThat(r.quality().warnings()).extracting(QualityWarning::code).doesNotContain("approximate_calibration");
    assertThat(ApproximateCalibration.warnings(model)).isEmpty();
  }
}
