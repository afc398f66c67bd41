package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.report.ApproximateCalibration;
import org.clientele.core.report.SegmentationReport;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Above {@code sketch.exactLimit} the calibration uses the randomised KLL sketch, so calibrating
 * again can move the cut-offs: a run that calibrates says so per dimension, naming features,
 * counts, k and rank error and how to reproduce; under the limit, or with a calibrated model
 * reused, it says nothing.
 */
class ApproximateCalibrationWarningTest {

  private static final List<Customer> POPULATION = BuiltInEngineTest.population(7, 2_000);
  private static final String OVER = "{\"dimensions\": {\"value\": {}, \"rfm\": {\"sketch\": {\"exactLimit\": 50}},"
      + " \"purchase_pattern\": {\"sketch\": {\"exactLimit\": 50, \"k\": 100}},"
      + " \"activity\": {\"provider\": \"behaviour\", \"scheme\": \"activity\", \"sketch\": {\"exactLimit\": 50}}}}";

  @TempDir Path dir;

  private Segmentation.Builder job(String configuration) throws IOException {
    Path file = Files.writeString(dir.resolve("clientele.json"), configuration);
    return Segmentation.builder().configuration(file).customers(POPULATION, "customers").threads(1);
  }

  private static SegmentationReport run(Segmentation.Builder job) {
    return job.build().run(r -> {}, RejectionSink.discard()).report().orElseThrow();
  }

  private static List<QualityWarning> approximate(List<QualityWarning> warnings) {
    return warnings.stream().filter(w -> w.code().equals(ApproximateCalibration.CODE)).toList();
  }

  /** How many customers have the feature, as the message writes it (1,900). */
  private static String having(Feature<Double> feature) {
    return String.format(java.util.Locale.ROOT, "%,d", POPULATION.stream().filter(c -> c.has(feature)).count());
  }

  @Test
  void aRunCalibratingOverTheExactLimitIsWarnedAboutNamingDimensionFeaturesCountsAndTheFix() throws IOException {
    SegmentationReport r = run(job(OVER));

    List<QualityWarning> approximate = approximate(r.quality().warnings());
    // value keeps the default limit (100,000) and is exact: no warning for it.
    assertThat(approximate).extracting(QualityWarning::dimension).containsExactly("rfm", "purchase_pattern", "activity");
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
    // Where the warnings go: the text and the JSON (the HTML and -q print the same list).
    assertThat(r.toTable()).contains("rfm: calibrated with a quantile sketch, not exactly");
    assertThat(r.toJson()).contains("\"" + ApproximateCalibration.CODE + "\"");
  }

  @Test
  void calibratingAloneWarnsAndReusingThatModelIsReproducibleAndSilent() throws IOException {
    Segmentation.Calibrated calibrated = job(OVER).calibration(Segmentation.Calibration.ALWAYS).build()
        .calibrate(RejectionSink.discard());
    assertThat(approximate(calibrated.warnings())).extracting(QualityWarning::dimension)
        .containsExactly("rfm", "purchase_pattern", "activity");
    Model model = calibrated.model();
    assertThat(ApproximateCalibration.warnings(model)).extracting(QualityWarning::message)
        .containsExactlyElementsOf(approximate(calibrated.warnings()).stream().map(QualityWarning::message).toList());

    SegmentationReport withModel = run(Segmentation.builder().model(model).customers(POPULATION, "customers").threads(1));
    assertThat(withModel.quality().warnings()).extracting(QualityWarning::code).doesNotContain(ApproximateCalibration.CODE);
  }

  @Test
  void paretoValueOverTheLimitNamesItsMetricAndMassPrecision() throws IOException {
    SegmentationReport r = run(job("{\"dimensions\": {\"value\": {\"sketch\": {\"exactLimit\": 50}}}}"));

    assertThat(approximate(r.quality().warnings())).singleElement().extracting(QualityWarning::message).asString()
        .startsWith("value: calibrated with a quantile sketch, not exactly: revenue_12m: "
            + having(StandardFeatures.REVENUE_12M) + " values, over sketch.exactLimit 50, summarised by the KLL sketch"
            + " (k=200, rank error 1.33%, mass precision 1%)");
  }

  @Test
  void aRunCalibratingWithinTheExactLimitIsNotWarnedAbout() throws IOException {
    Segmentation.Builder within = job("{\"dimensions\": {\"value\": {}, \"rfm\": {\"sketch\": {\"exactLimit\": 2000}},"
        + " \"purchase_pattern\": {\"sketch\": {\"exactLimit\": 2000}}}}");
    SegmentationReport r = run(within);

    assertThat(r.quality().warnings()).extracting(QualityWarning::code).doesNotContain(ApproximateCalibration.CODE);
    assertThat(ApproximateCalibration.warnings(within.calibration(Segmentation.Calibration.ALWAYS).build()
        .calibrate(RejectionSink.discard()).model())).isEmpty();
  }
}
