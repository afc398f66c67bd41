package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Printing the report and the summary, and writing the report file. */
final class Reports {

  private Reports() {}

  static void print(PrintWriter show, ClassifyRun.Outcome outcome, boolean quiet, @Nullable Path reportFile) {
    ReportSupport.Built report = outcome.report();
    if (report == null) {
      show.println("Nothing to classify: not one customer was accepted, so the population-relative dimensions"
          + " could not be calibrated (give a calibrated model with --model to classify an empty input).");
    } else if (!quiet) {
      show.println(report.table());
    }
    for (String line : outcome.summary().lines()) {
      show.println(line);
    }
    if (reportFile != null) {
      Output.writeString(reportFile, ReportSupport.json(report, outcome.summary()));
      show.println("Report: " + reportFile);
    }
    show.flush();
  }
}
