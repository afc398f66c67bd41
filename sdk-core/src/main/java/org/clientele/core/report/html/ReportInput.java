package org.clientele.core.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clientele.core.job.RunCounts;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport;
import org.jspecify.annotations.Nullable;

/**
 * What the sections of an {@link HtmlReport} draw from: the segmentation report, the run's counts
 * when there was a batch run, and any other objects the host attached (for example a comparison of
 * two snapshots), found by type. Immutable.
 *
 * @since 0.1.0
 */
public final class ReportInput {

  private final SegmentationReport report;
  private final @Nullable SegmentationResult result;
  private final List<Object> attachments;

  private ReportInput(SegmentationReport report, @Nullable SegmentationResult result, List<Object> attachments) {
    this.report = Objects.requireNonNull(report, "report");
    this.result = result;
    this.attachments = List.copyOf(attachments);
  }

  /**
   * Makes the input from a report alone (no read counts).
   *
   * @param report the report
   * @return the input
   */
  public static ReportInput of(SegmentationReport report) {
    return new ReportInput(report, null, List.of());
  }

  /**
   * Makes the input from a batch run: its report and counts.
   *
   * @param result the run's result
   * @return the input
   * @throws IllegalArgumentException if the run has no report (not one customer was accepted)
   */
  public static ReportInput of(SegmentationResult result) {
    Objects.requireNonNull(result, "result");
    SegmentationReport report = result.report().orElseThrow(() -> new IllegalArgumentException(
        "The run has no report (not one customer was accepted): there is nothing to draw"));
    return new ReportInput(report, result, List.of());
  }

  /**
   * Returns a copy with one more attachment, for a section that needs data the report does not
   * hold.
   *
   * @param attachment any object; a section finds it with {@link #attachment(Class)}
   * @return the new input
   */
  public ReportInput with(Object attachment) {
    Objects.requireNonNull(attachment, "attachment");
    List<Object> more = new ArrayList<>(attachments);
    more.add(attachment);
    return new ReportInput(report, result, more);
  }

  /**
   * Returns the segmentation report.
   *
   * @return the report
   */
  public SegmentationReport report() {
    return report;
  }

  /**
   * Returns the batch run's result, if the input came from one.
   *
   * @return the result, or empty
   */
  public Optional<SegmentationResult> result() {
    return Optional.ofNullable(result);
  }

  /**
   * Returns what the batch run read and did, if the input came from one.
   *
   * @return the counts, or empty
   */
  public Optional<RunCounts> counts() {
    return result().map(SegmentationResult::counts);
  }

  /**
   * Finds the first attachment of a type.
   *
   * @param <T> the type
   * @param type the type's class
   * @return the attachment, or empty
   */
  public <T> Optional<T> attachment(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return attachments.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
