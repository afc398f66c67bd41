package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Printing the report and the summary, and writing the report file. */
final class Reports {

  private Reports() {}

  static void print(PrintWriter show, ClassifyRun.Outcome outcome, boolean quiet, @Nullable Path reportFile) {
    if (!quiet) {
      show.println(outcome.report().table());
    }
    for (String line : outcome.summary().lines()) {
      show.println(line);
    }
    if (reportFile != null) {
      Output.writeString(reportFile, outcome.report().json());
      show.println("Report: " + reportFile);
    }
    show.flush();
  }
}
