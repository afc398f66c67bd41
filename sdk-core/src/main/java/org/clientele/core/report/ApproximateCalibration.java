package org.clientele.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.core.Model;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport.QualityWarning;

/**
 * The {@code approximate_calibration} warning: a calibration that summarised a distribution with
 * the quantile sketch (above {@code sketch.exactLimit} values per feature) is not reproducible,
 * because the DataSketches KLL sketch compacts with the library's own unseeded random generator.
 * Calibrating again on the same input can move the cut-offs, so customers near them can land in
 * another segment; the model itself, once written, classifies identically every time.
 *
 * <p>The batch job ({@link org.clientele.core.job.Segmentation}, so {@code clientele classify} and
 * {@code calibrate}) adds these warnings when it calibrates in the run, not when it reuses a
 * model. A host that calibrates with {@link org.clientele.core.EngineBuilder#calibrate} itself
 * (or Spark's {@code SparkSegmentation.calibrate}) calls {@link #warnings(Model)} on the new
 * model and shows them, for example with {@link ReportAccumulator#addWarning}.
 *
 * <p>Built-in calibrators name each summarised feature in the calibration's {@code approximate}
 * list (in words: feature, values, {@code k}, rank error); for a calibration without that list
 * (a plugin's), {@code "exact": false} or a positive {@code rankError} gives the same warning
 * naming the dimension only.
 *
 * @since 0.1.0
 */
public final class ApproximateCalibration {

  /** The warning's code. */
  public static final String CODE = "approximate_calibration";

  private ApproximateCalibration() {}

  /**
   * Returns the warnings for every dimension of a model whose calibration used the sketch.
   *
   * @param model a calibrated (or partly calibrated) model
   * @return one warning per such dimension, in the model's order; empty when every calibration is
   *     exact
   * @since 0.1.0
   */
  public static List<QualityWarning> warnings(Model model) {
    List<QualityWarning> out = new ArrayList<>();
    for (Model.Section section : model.dimensions()) {
      if (section.settings().get(ClassifierProvider.CALIBRATION_KEY) instanceof Map<?, ?> calibration) {
        add(section.id(), calibration, out);
      }
    }
    return out;
  }

  /** Adds the dimension's warning to {@code out} if its calibration says it is approximate. */
  static void add(String dimension, Map<?, ?> calibration, List<QualityWarning> out) {
    String what;
    if (calibration.get("approximate") instanceof List<?> features && !features.isEmpty()) {
      List<String> named = new ArrayList<>();
      features.forEach(f -> named.add(String.valueOf(f)));
      what = "calibrated with a quantile sketch, not exactly: " + String.join("; ", named);
    } else {
      double error = calibration.get("rankError") instanceof Number e ? e.doubleValue() : 0;
      if (!Boolean.FALSE.equals(calibration.get("exact")) && !(error > 0)) {
        return;
      }
      what = "calibrated with a quantile sketch, not exactly" + (error > 0 ? " (rank error " + Formats.percent(error) + ")" : "");
    }
    out.add(new QualityWarning(CODE, dimension, "", dimension + ": " + what + ". The sketch compacts with"
        + " DataSketches' own unseeded random generator, so calibrating again on the same input can move the"
        + " cut-offs and place customers near them differently (results files differ between such runs). To"
        + " reproduce: calibrate once and reuse the model (clientele calibrate --out model.json, then classify"
        + " --model model.json; in the library keep and reuse the calibrated Model), or raise sketch.exactLimit"
        + " above the number of values (memory 8 bytes per value per feature)."));
  }
}
