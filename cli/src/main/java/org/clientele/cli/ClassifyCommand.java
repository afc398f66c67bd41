package org.clientele.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.io.FeatureWriter;
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.cycle.Migration;
import org.clientele.core.cycle.MigrationSection;
import org.clientele.core.cycle.OutcomeAnalysis;
import org.clientele.core.cycle.OutcomeLiftSection;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.cycle.SnapshotComparison;
import org.clientele.core.io.OutcomeReader;
import org.clientele.core.io.OutcomeRecord;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.ResultSink;
import org.clientele.core.report.html.ReportInput;
import org.clientele.core.cycle.SnapshotInfo;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport;
import org.clientele.core.report.html.HtmlReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clientele classify}: per-customer results, rejections and the report. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    header = "Classifies customers and/or transactions: results per customer, rejections, report.",
    sortOptions = false,
    description = {
      "Classifies every customer of a customers file and/or a transaction log and writes one result per"
          + " customer: each dimension's label and score, and the plan's actions. Prints the segmentation"
          + " report and a summary (rows read = classified + rejected).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele classify --transactions orders.csv --out results.jsonl",
      "  clientele classify -c clientele.json --customers accounts.csv --transactions orders.csv \\",
      "      --out results.csv --rejections rejected.csv --report report.json",
      "  clientele classify --model model.json --customers accounts.csv --out - | jq .labels",
      "",
      "Exit codes: 0 ok, 1 fatal error, 2 usage error, 3 finished with rejections, 4 quality warnings with --strict-quality."
    })
final class ClassifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  @Nullable ConfigChoice config;

  @Mixin InputOptions in = new InputOptions();

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description = "Results file, one line per customer ('-' for standard output; the report then goes to stderr).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "jsonl or csv. Default: by the --out extension (.csv is CSV), else output.format, else jsonl.")
  @Nullable ResultFormat format;

  @Option(names = "--rejections", paramLabel = "FILE", description = "Write rejected rows here (CSV, or JSON Lines for .jsonl): file, line, column, value, reason, message, fix.")
  @Nullable Path rejections;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the segmentation report as JSON here (with the read counts).")
  @Nullable Path report;

  @Option(names = "--report-html", paramLabel = "FILE",
      description = "Write the report as one self-contained HTML page with charts here (opens offline).")
  @Nullable Path reportHtml;

  @Option(names = "--features-out", paramLabel = "FILE",
      description = "Write each classified customer's features here as CSV ('-' for standard output), to check"
          + " what the labels were computed from: the features the dimensions read, or in lifetimes mode"
          + " frequency, recency, T, monetary_value. A missing feature is an empty cell.")
  @Nullable Path featuresOut;

  @Option(
      names = "--strict-quality",
      description = "Fail (exit code 4) when the report has quality warnings: empty or tiny segments, tied cut points,"
          + " contradictions between dimensions. Labels are never changed by a warning.")
  boolean strictQuality;

  @Option(names = "--control-share", paramLabel = "SHARE",
      description = "Hold out this share (0 to <1, e.g. 0.1) of the customers each playbook rule selects: they get none of"
          + " that rule's actions, and the results list the held-out rules (column held_out / key heldOut). The same"
          + " customers every run (a hash of id, rule and --control-salt). Default: 0, no control group.")
  double controlShare;

  @Option(names = "--control-salt", paramLabel = "TEXT", defaultValue = "",
      description = "Mixed into the control-group hash; change it to draw a fresh group. Default: empty.")
  String controlSalt = "";

  @Option(names = "--previous", paramLabel = "FILE",
      description = "The previous run's results file: prints the migration since then and fills the HTML report's"
          + " migration section (as 'clientele compare PREVIOUS OUT').")
  @Nullable Path previous;

  @Option(names = "--outcomes", paramLabel = "FILE",
      description = "An outcome file of the previous actions: fills the HTML report's outcome-lift section (as"
          + " 'clientele outcomes', with the control group recorded beside --previous, else this command's"
          + " --control-share and --control-salt).")
  @Nullable Path outcomes;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary lines, not the report table.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Segmentation job = in.job(config, err);
    ResultFormat resolved = format != null ? format : resolveFormat(job);
    SegmentationResult result;
    if (featuresOut != null && Output.isStdout(featuresOut) && Output.isStdout(out)) {
      throw new CliException("--out and --features-out cannot both be '-' (standard output)");
    }
    Migration migration = null;
    ControlGroup control;
    try {
      control = new ControlGroup(controlShare, controlSalt);
    } catch (IllegalArgumentException e) {
      throw new CliException("--control-share: " + String.valueOf(e.getMessage()), e);
    }
    try (ResultWriter writer = new ResultWriter(Output.open(out, stdout), resolved);
        RejectionWriter rejected = rejections == null ? null : RejectionWriter.open(rejections);
        FeatureWriter features = featuresOut == null ? null : new FeatureWriter(Output.open(featuresOut, stdout))) {
      if (control.share() > 0) {
        writer.heldOut(control::heldOut);
      }
      Snapshot.Collector collected = previous == null ? null : Snapshot.collector();
      ResultSink sink = collected == null ? writer : new ResultSink() {
        @Override
        public void begin(List<String> dimensionIds) {
          writer.begin(dimensionIds);
          collected.begin(dimensionIds);
        }

        @Override
        public void accept(org.clientele.core.Classification c) {
          writer.accept(c);
          collected.accept(c);
        }
      };
      result = job.run(sink, rejected == null ? RejectionSink.discard() : rejected, features);
      if (collected != null && previous != null) {
        SnapshotInfo now = result.engine().map(e -> SnapshotInfo.of(e.model(), result.counts().referenceDate(), in.customers,
            in.transactions)).orElse(null);
        migration = SnapshotComparison.compare(Snapshot.read(previous), collected.build(out.toString(), now));
      }
    }
    boolean quietStdout = Output.isStdout(out) || (featuresOut != null && Output.isStdout(featuresOut));
    PrintWriter show = quietStdout ? err : stdout;
    print(show, result, quiet, report, reportHtml, rejections);
    OutcomeAnalysis lift = null;
    if (outcomes != null) {
      List<OutcomeRecord> rows = new java.util.ArrayList<>();
      try (OutcomeReader reader = OutcomeReader.open(outcomes, RejectionSink.discard())) {
        reader.forEachRemaining(rows::add);
        ReadCounts oc = reader.counts();
        show.printf(Locale.ROOT, "%s: %,d outcome rows read = %,d accepted + %,d rejected%n", oc.source(), oc.read(),
            oc.accepted(), oc.rejected());
      }
      // The outcomes are of the previous run's actions: its recorded control group decides who was held out.
      SnapshotInfo before = previous == null ? null : SnapshotInfo.readBeside(previous).orElse(null);
      ControlGroup recorded = before == null ? null : before.controlGroup();
      ControlGroup measuredWith = recorded != null ? recorded : control;
      lift = OutcomeAnalysis.analyse(rows, measuredWith, null, OutcomeAnalysis.DEFAULT_MIN_SAMPLE);
      show.print(lift.toText());
    }
    if (migration != null) {
      show.println("Migration since " + previous + (migration.sameModel() ? " (same model)" : " (the models differ)")
          + "; the matrices and reasons: clientele compare " + previous + " " + out);
      for (Migration.DimensionMigration d : migration.dimensions()) {
        show.printf(Locale.ROOT, "  %s: %,d stayed, %,d moved, %,d new, %,d gone%n", d.dimension(), d.stayers(), d.movers(),
            d.newCustomers(), d.goneCustomers());
      }
    }
    if (reportHtml != null && result.report().isPresent() && (migration != null || lift != null)) {
      ReportInput input = ReportInput.of(result);
      if (migration != null) {
        input = input.with(migration);
      }
      if (lift != null) {
        input = input.with(lift);
      }
      HtmlReport.builder().replace("migration", new MigrationSection()).replace("outcome-lift", new OutcomeLiftSection())
          .build().write(input, reportHtml);
      show.println("HTML report: with " + (migration != null ? "the migration" : "") + (migration != null && lift != null ? " and " : "")
          + (lift != null ? "the outcome lift" : ""));
    }
    show.flush();
    if (!Output.isStdout(out)) {
      show.printf(Locale.ROOT, "Results: %s (%s, %,d lines)%n", out, resolved.name().toLowerCase(Locale.ROOT), result.counts().classified());
      result.engine().ifPresent(engine -> {
        SnapshotInfo info = SnapshotInfo.of(engine.model(), result.counts().referenceDate(), in.customers, in.transactions)
            .withControlGroup(control);
        Path sidecar;
        try {
          sidecar = info.writeBeside(out);
        } catch (UncheckedIOException e) {
          throw new CliException(SnapshotInfo.sidecar(out) + ": cannot write: " + e.getMessage(), e);
        }
        show.printf(Locale.ROOT, "Snapshot: %s (as of %s, model %s)%n", sidecar,
            info.referenceDate() == null ? "no reference date" : info.referenceDate(), info.shortFingerprint());
      });
    }
    if (featuresOut != null && !Output.isStdout(featuresOut)) {
      show.printf(Locale.ROOT, "Features: %s (csv, %,d lines)%n", featuresOut, result.counts().classified());
    }
    List<SegmentationReport.QualityWarning> warnings =
        result.report().map(r -> r.quality().warnings()).orElse(List.of());
    if (strictQuality && !warnings.isEmpty()) {
      show.printf(Locale.ROOT, "--strict-quality: %d quality warning%s (see the report): exit code %d%n",
          warnings.size(), warnings.size() == 1 ? "" : "s", ExitCodes.QUALITY);
      show.flush();
      return ExitCodes.QUALITY;
    }
    if (result.counts().classified() == 0 && result.counts().ignoredTransactions() > 0 && result.counts().rejected() == 0) {
      // Rows were read and every one was set aside: an empty results file must not look like success.
      return ExitCodes.FATAL;
    }
    return result.counts().rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
  }

  private ResultFormat resolveFormat(Segmentation job) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return ResultFormat.CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return ResultFormat.JSONL;
    }
    return job.resultFormat();
  }

  /** Why not one customer was classified, in the words of the input's counts. */
  static String nothingClassified(org.clientele.core.job.RunCounts counts) {
    ReadCounts t = counts.transactionsFile();
    if (t != null && t.accepted() > 0 && counts.ignoredTransactions() == t.accepted()) {
      return String.format(Locale.ROOT, "Nothing to classify: all %,d accepted transactions are dated on or after the"
          + " reference date %s (%s), so no customer has a purchase before it. Give a later --reference-date"
          + " (input.derive.referenceDate), or none to take the day after the last transaction.", t.accepted(),
          counts.referenceDate(), counts.referenceBasis());
    }
    return "Nothing to classify: not one customer was accepted, so the population-relative dimensions"
        + " could not be calibrated (give a calibrated model with --model to classify an empty input).";
  }

  /** Prints the report table (unless quiet) and the summary, and writes the report file. */
  static void print(PrintWriter show, SegmentationResult result, boolean quiet, @Nullable Path reportFile,
      @Nullable Path htmlFile, @Nullable Path rejections) {
    if (result.report().isEmpty()) {
      show.println(nothingClassified(result.counts()));
    } else if (!quiet) {
      show.println(result.report().get().toTable());
    }
    for (String line : result.counts().lines(rejections == null ? null : rejections.toString())) {
      show.println(line);
    }
    if (quiet) {
      // The table that lists them is not printed: the warnings are, never silence.
      result.report().ifPresent(r -> r.quality().warnings().forEach(w -> show.println("warning: " + w.message())));
    }
    if (reportFile != null) {
      Output.writeString(reportFile, result.reportJson());
      show.println("Report: " + reportFile);
    }
    if (htmlFile != null) {
      if (result.report().isEmpty()) {
        show.println("No HTML report: not one customer was classified.");
      } else {
        try {
          HtmlReport.write(result, htmlFile);
        } catch (UncheckedIOException e) {
          throw new CliException(htmlFile + ": cannot write: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
        show.println("HTML report: " + htmlFile.toAbsolutePath().normalize());
      }
    }
    show.flush();
  }
}
