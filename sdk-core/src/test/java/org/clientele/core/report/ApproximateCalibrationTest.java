package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;

/** A calibration that says it is not exact is warned about, whoever wrote the calibrator. */
class ApproximateCalibrationTest {

  private static List<QualityWarning> of(Map<String, ?> calibration) {
    List<QualityWarning> out = new ArrayList<>();
    ApproximateCalibration.add("needs", calibration, out);
    return out;
  }

  @Test
  void aPluginCalibrationWithARankErrorIsWarnedAboutWithoutNamingFeatures() {
    assertThat(of(Map.of("rankError", 0.0133))).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo("approximate_calibration");
      assertThat(w.dimension()).isEqualTo("needs");
      assertThat(w.message()).startsWith("needs: calibrated with a quantile sketch, not exactly (rank error 1.3%).")
          .contains("classify --model model.json");
    });
    assertThat(of(Map.of("exact", false))).singleElement().extracting(QualityWarning::message).asString()
        .startsWith("needs: calibrated with a quantile sketch, not exactly. The sketch");
  }

  @Test
  void anExactCalibrationIsNotWarnedAbout() {
    assertThat(of(Map.of("exact", true, "rankError", 0.0))).isEmpty();
    assertThat(of(Map.of("approximate", List.of()))).isEmpty();
    assertThat(of(Map.of())).isEmpty();
  }

  @Test
  void aNamedListGivesOneWarningNamingEveryEntry() {
    assertThat(of(Map.of("exact", false, "approximate", List.of("a: 60 values", "b: 70 values"))))
        .singleElement().extracting(QualityWarning::message).asString()
        .startsWith("needs: calibrated with a quantile sketch, not exactly: a: 60 values; b: 70 values. ");
  }
}
