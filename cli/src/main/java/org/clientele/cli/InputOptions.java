package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.clientele.core.io.InputPreset;
import org.clientele.core.job.Segmentation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The input options shared by classify, calibrate and explain. */
final class InputOptions {

  @Option(
      names = "--customers",
      paramLabel = "FILE",
      description = "Customers file (CSV or JSON Lines): one row per customer, columns named after features"
          + " or renamed by input.customers.rename. '-' reads standard input; pipes work too.")
  @Nullable Path customers;

  @Option(
      names = "--transactions",
      paramLabel = "FILE",
      description = "Transaction log (CSV, whitespace-separated or JSON Lines) from which purchase features are"
          + " derived; joined with --customers by id when both are given. '-' reads standard input; pipes"
          + " and process substitution work too.")
  @Nullable Path transactions;

  @Option(
      names = "--reference-date",
      paramLabel = "DATE",
      description = "The 'as of' day for derived features (ISO, e.g. 2024-07-01); overrides"
          + " input.derive.referenceDate. Default: the day after the last transaction.")
  @Nullable LocalDate referenceDate;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      completionCandidates = PresetNames.class,
      description = "Read the files as a CRM's export: ${COMPLETION-CANDIDATES} (column names of accounts and"
          + " orders; overrides input.preset; the configuration's explicit column settings still win).")
  @Nullable String preset;

  @Option(
      names = "--strict",
      description = "Stop at the first bad row (exit code 1) instead of rejecting it and going on.")
  boolean strict;

  @Option(
      names = "--max-rejected-share",
      paramLabel = "SHARE",
      description = "Stop (exit code 1) when more than this share of an input's rows is rejected, naming the"
          + " most common reason, a sample row and its fix, rather than calibrate and classify from the rest"
          + " (0 to 1; default 0.5; 1 never stops).")
  @Nullable Double maxRejectedShare;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for calibration and classification (default: available processors).")
  @Nullable Integer threads;

  @Mixin PluginOptions plugins = new PluginOptions();

  @Option(
      names = "--no-progress",
      description = "Never draw the progress bar (it is drawn only when stderr is a terminal anyway).")
  boolean noProgress;

  /**
   * The batch job for these options.
   *
   * @param config a configuration or model file, or null for the default configuration
   * @param calibration calibrate on this input ({@code --config}) or use the model as it is
   */
  Segmentation job(@Nullable Path config, Segmentation.Calibration calibration, PrintWriter err) {
    if (customers == null && transactions == null) {
      throw new CliException("no input: give --customers FILE, --transactions FILE, or both");
    }
    if (threads != null && threads < 1) {
      throw new CliException("--threads must be at least 1, was " + threads);
    }
    if (maxRejectedShare != null && !(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
      throw new CliException("--max-rejected-share must be from 0 to 1 (1 never stops), was " + maxRejectedShare);
    }
    if (customers != null && transactions != null && Spool.isStdin(customers) && Spool.isStdin(transactions)) {
      throw new CliException("--customers and --transactions cannot both read standard input ('-')");
    }
    Segmentation.Builder b = Segmentation.builder()
        .referenceDate(referenceDate)
        .preset(preset == null ? null : InputPreset.of(preset).orElseThrow(() -> new CliException(
            "--preset: unknown preset \"" + preset + "\"; expected one of " + InputPreset.codes())))
        .strict(strict)
        .calibration(calibration)
        .progress(Progress.listener(err, !noProgress && Progress.terminal()));
    plugins.apply(b, err);
    if (config != null) {
      b.configuration(config);
    }
    if (customers != null) {
      b.customers(Spool.readable(customers, System.in));
    }
    if (transactions != null) {
      b.transactions(Spool.readable(transactions, System.in));
    }
    if (threads != null) {
      b.threads(threads);
    }
    if (maxRejectedShare != null) {
      b.maxRejectedShare(maxRejectedShare);
    }
    return b.build();
  }

  /** The preset names, for help and shell completion. */
  static final class PresetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return InputPreset.codes().iterator();
    }
  }

  /** The job for the configuration choice: {@code --model} is used as it is, {@code --config} calibrated. */
  Segmentation job(@Nullable ConfigChoice choice, PrintWriter err) {
    return job(ConfigChoice.file(choice), ConfigChoice.isModel(choice) ? Segmentation.Calibration.NEVER : Segmentation.Calibration.ALWAYS, err);
  }
}
