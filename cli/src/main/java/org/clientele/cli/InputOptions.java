package org.clientele.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The input options shared by classify, calibrate and explain. */
final class InputOptions {

  @Option(
      names = "--customers",
      paramLabel = "FILE",
      description = "Customers file (CSV or JSON Lines): one row per customer, columns named after features"
          + " or renamed by input.customers.rename.")
  @Nullable Path customers;

  @Option(
      names = "--transactions",
      paramLabel = "FILE",
      description = "Transaction log (CSV, whitespace-separated or JSON Lines) from which purchase features are"
          + " derived; joined with --customers by id when both are given.")
  @Nullable Path transactions;

  @Option(
      names = "--reference-date",
      paramLabel = "DATE",
      description = "The 'as of' day for derived features (ISO, e.g. 2024-07-01); overrides"
          + " input.derive.referenceDate. Default: the day after the last transaction.")
  @Nullable LocalDate referenceDate;

  @Option(
      names = "--strict",
      description = "Stop at the first bad row (exit code 1) instead of rejecting it and going on.")
  boolean strict;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for calibration and classification (default: available processors).")
  @Nullable Integer threads;

  @Option(
      names = "--no-progress",
      description = "Never draw the progress bar (it is drawn only when stderr is a terminal anyway).")
  boolean noProgress;
}
