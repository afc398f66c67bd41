package org.clientele.core.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clientele.core.Engine;
import org.clientele.core.internal.Json;
import org.clientele.core.report.SegmentationReport;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Segmentation} run produced.
 *
 * @since 0.1.0
 */
public final class SegmentationResult {

  private final RunCounts counts;
  private final @Nullable Engine engine;
  private final @Nullable SegmentationReport report;
  private final List<String> dimensionIds;

  SegmentationResult(RunCounts counts, @Nullable Engine engine, @Nullable SegmentationReport report, List<String> dimensionIds) {
    this.counts = Objects.requireNonNull(counts, "counts");
    this.engine = engine;
    this.report = report;
    this.dimensionIds = List.copyOf(dimensionIds);
  }

  /**
   * Returns what was read, rejected, ignored and classified.
   *
   * @return the counts
   */
  public RunCounts counts() {
    return counts;
  }

  /**
   * Returns the engine that classified; its model is the calibrated one, ready to save.
   *
   * @return the engine, or empty when calibration was needed and not one customer was accepted
   */
  public Optional<Engine> engine() {
    return Optional.ofNullable(engine);
  }

  /**
   * Returns the segmentation report.
   *
   * @return the report, or empty without an engine
   */
  public Optional<SegmentationReport> report() {
    return Optional.ofNullable(report);
  }

  /**
   * Returns the dimension ids every result has, in order.
   *
   * @return the ids
   */
  public List<String> dimensionIds() {
    return dimensionIds;
  }

  /**
   * Returns the report as JSON with the counts under {@code input} (only the counts without a
   * report). The same run gives the same bytes.
   *
   * @return the JSON text, ending in a newline
   */
  public String reportJson() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("input", counts.toMap());
    return report != null ? report.toJson(extra) : Json.write(extra);
  }
}
