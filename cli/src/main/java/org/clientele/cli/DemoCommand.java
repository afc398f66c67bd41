package org.clientele.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultSink;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clientele demo}: the whole pipeline on a generated population, through the real file readers. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs the whole pipeline on a generated population of B2B accounts and prints the report.",
    sortOptions = false,
    description = {
      "Generates a realistic synthetic population of B2B accounts with two years of transactions"
          + " (deterministic: same seed, same data), writes it as a customers CSV and a transactions CSV,"
          + " and runs the whole pipeline on those files exactly as 'classify' would: derive features,"
          + " calibrate, classify every account on every built-in dimension and the practice dimensions (needs,"
          + " channel, promotion), plan actions, print the report. The configuration it runs, clientele.json, is"
          + " written beside the data: 'classify -c' reproduces the demo.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele demo",
      "  clientele demo --dir demo-data --out demo-data/results.csv",
      "  clientele demo --report-html report.html",
      "  clientele explain A-0000042 -c demo-data/clientele.json --customers demo-data/customers.csv --transactions demo-data/transactions.csv"
    })
final class DemoCommand implements Callable<Integer> {

  /** The HTML report's name when neither --report-html nor --dir is given: in the working directory. */
  static final String DEFAULT_HTML = "clientele-demo-report.html";

  @Spec CommandSpec spec;

  @Option(names = "--customers", paramLabel = "N", description = "Number of accounts (default: ${DEFAULT-VALUE}).")
  int customers = TransactionPopulation.DEFAULT_SIZE;

  @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = TransactionPopulation.DEFAULT_SEED;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Keep the generated files in this directory (default: a temporary directory, deleted afterwards).")
  @Nullable Path dir;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the per-customer results (.csv or .jsonl).")
  @Nullable Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON.")
  @Nullable Path report;

  @Option(names = "--report-html", paramLabel = "FILE",
      description = "Where to write the HTML report with charts (default: report.html in --dir, else ./"
          + DEFAULT_HTML + ").")
  @Nullable Path reportHtml;

  @Option(names = "--no-report-html", description = "Do not write the HTML report.")
  boolean noReportHtml;

  @Option(names = "--no-progress", description = "Never draw the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (customers < 1) {
      throw new CliException("--customers must be at least 1, was " + customers);
    }
    Path target = dir;
    boolean temporary = target == null;
    try {
      if (target == null) {
        target = Files.createTempDirectory("clientele-demo-");
      }
      DemoFiles files = DemoFiles.write(TransactionPopulation.of(customers, seed), target, i -> { });
      Path configuration = DemoFiles.writeConfiguration(target);
      stdout.printf(Locale.ROOT,
          "Clientele demo: %,d synthetic B2B accounts (seed %d), %,d transactions from %s to %s%n",
          files.accounts(), seed, files.transactionRows(), TransactionPopulation.FIRST_DAY, TransactionPopulation.LAST_DAY);
      stdout.printf(Locale.ROOT, "Input files: %s, %s; configuration %s%s%n%n", files.customers(), files.transactions(),
          configuration, temporary ? " (temporary; keep them with --dir DIR)" : "");
      InputOptions in = new InputOptions();
      in.customers = files.customers();
      in.transactions = files.transactions();
      in.noProgress = noProgress;
      // The demo configuration names the practice dimensions too, which a default run leaves out.
      Segmentation job = in.job(configuration, Segmentation.Calibration.ALWAYS, err);
      Path results = out;
      SegmentationResult outcome;
      try (ResultWriter writer = results == null ? null : new ResultWriter(Output.open(results, stdout), ResultFormat.of(results))) {
        outcome = job.run(writer == null ? ResultSink.NONE : writer, RejectionSink.discard());
      }
      Path html = noReportHtml ? null
          : reportHtml != null ? reportHtml : temporary ? Path.of(DEFAULT_HTML) : target.resolve("report.html");
      ClassifyCommand.print(stdout, outcome, false, report, html, null);
      if (results != null) {
        stdout.println("Results: " + results);
      }
      if (!temporary) {
        stdout.printf(Locale.ROOT, "%nOne account, explained: clientele explain %s -c %s --customers %s --transactions %s%n",
            TransactionPopulation.id(41), configuration, files.customers(), files.transactions());
      }
      return outcome.counts().rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary && target != null) {
        deleteQuietly(target);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
