package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command is a shell over the library's batch job: a host that calls {@link Segmentation} on the
 * same files, or on the same records as objects, gets the bytes {@code clientele classify} writes.
 */
class HostJobTest {

  @TempDir static Path dir;
  static DemoFiles files;
  static String cliResults;
  static String cliReport;

  @BeforeAll
  static void runTheCommand() throws IOException {
    files = DemoFiles.write(TransactionPopulation.of(400, 11), dir, i -> {});
    Path results = dir.resolve("results.jsonl");
    Path report = dir.resolve("report.json");
    Cli.Run run = Cli.run("classify", "--customers", files.customers().toString(), "--transactions",
        files.transactions().toString(), "--out", results.toString(), "--report", report.toString(), "--threads", "2");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    cliResults = Files.readString(results);
    cliReport = Files.readString(report);
  }

  private static String run(Segmentation job, SegmentationResult[] result) {
    StringWriter out = new StringWriter();
    try (ResultWriter writer = new ResultWriter(out, ResultFormat.JSONL)) {
      result[0] = job.run(writer, RejectionSink.discard());
    }
    return out.toString();
  }

  @Test
  void aHostRunningTheJobOnTheFilesGetsTheCommandsBytes() {
    SegmentationResult[] result = new SegmentationResult[1];
    String results = run(
        Segmentation.builder().customers(files.customers()).transactions(files.transactions())
            .calibration(Segmentation.Calibration.ALWAYS).threads(1).build(),
        result);

    assertThat(cliResults.lines()).hasSize(400);
    assertThat(results).isEqualTo(cliResults);
    assertThat(result[0].reportJson()).isEqualTo(cliReport);
  }

  @Test
  void aHostRunningTheJobOnItsOwnObjectsGetsTheSameResults() {
    List<Transaction> log = new ArrayList<>();
    try (TransactionReader r = TransactionReader.open(files.transactions(), TransactionFormat.defaults(), RejectionSink.strict())) {
      r.forEachRemaining(log::add);
    }
    List<Customer> accounts = new ArrayList<>();
    try (CustomerReader r = CustomerReader.open(files.customers(), CustomerFormat.defaults(), RejectionSink.strict())) {
      r.forEachRemaining(accounts::add);
    }
    SegmentationResult[] result = new SegmentationResult[1];
    String results = run(
        Segmentation.builder().customers(accounts, "customers.csv").transactions(log, "transactions.csv").build(), result);

    assertThat(results).isEqualTo(cliResults);
    assertThat(result[0].counts().transactionsFile().read()).isEqualTo(log.size());
  }
}
