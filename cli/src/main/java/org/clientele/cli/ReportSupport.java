package org.clientele.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.Model;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.jspecify.annotations.Nullable;

/**
 * The segmentation report of a run ({@code org.clientele.core.report}): accumulated while the
 * results are written, printed as a table, written as JSON with the run's read counts under
 * {@code input}.
 */
final class ReportSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportSupport() {}

  /** Reads (and so validates) {@code output.report}. */
  static ReportOptions options(PluginConfig output) {
    return ReportOptions.fromConfig(output.section("report"));
  }

  static Accumulator accumulator(Engine engine, @Nullable Model model) {
    ReportOptions options = model == null ? ReportOptions.defaults() : ReportOptions.fromModel(model);
    return new Accumulator(ReportAccumulator.create(engine, options));
  }

  /** Wraps the report accumulator. */
  static final class Accumulator {
    private final ReportAccumulator report;

    Accumulator(ReportAccumulator report) {
      this.report = report;
    }

    void add(Customer customer, Classification result) {
      report.add(customer, result);
    }

    Built build(RunSummary summary, Engine engine) {
      return new Built(report.build(summary.rejectedByReason(), engine.errorCounts()));
    }
  }

  /** The built report. */
  record Built(SegmentationReport report) {
    String table() {
      return report.toTable(); // opens with the headline
    }
  }

  /** The report JSON with the read counts added under {@code input} (the report alone without a report). */
  static String json(@Nullable Built built, RunSummary summary) {
    try {
      ObjectNode out;
      if (built == null) {
        out = JSON.createObjectNode();
      } else {
        out = (ObjectNode) JSON.readTree(built.report().toJson());
      }
      Map<String, Object> input = new LinkedHashMap<>(summary.toMap());
      out.set("input", JSON.valueToTree(input));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
    }
  }
}
