package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clientele.core.cycle.SnapshotInfo;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's output files, with a control group, are the same bytes across runs and thread
 * counts (the folder a run writes into, which the report names, aside).
 */
class CliDeterminismTest {

  @TempDir static Path data;
  private static DemoFiles demo;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    demo = DemoFiles.write(TransactionPopulation.of(600, 5), data, i -> { });
  }

  // Each run writes the same file names in its own folder: the report names the rejections file.
  private Path[] classify(String name, int threads, String format) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name)).resolve("out");
    Files.createDirectories(run);
    Path results = run.resolve("results." + format);
    Path report = run.resolve("report.json");
    Path model = run.resolve("model.json");
    Path rejections = run.resolve("rejections.csv");
    Cli.Run calibrate = Cli.run("calibrate", "--customers", demo.customers().toString(),
        "--transactions", String.valueOf(demo.transactions()), "--out", model.toString());
    assertThat(calibrate.code()).as(calibrate.toString()).isEqualTo(ExitCodes.OK);
    Cli.Run classify = Cli.run("classify", "-q", "--no-progress", "--threads", String.valueOf(threads),
        "--customers", demo.customers().toString(), "--transactions", String.valueOf(demo.transactions()),
        "--out", results.toString(), "--report", report.toString(), "--rejections", rejections.toString(),
        "--control-share", "0.2");
    assertThat(classify.code()).as(classify.toString()).isEqualTo(ExitCodes.OK);
    return new Path[] {results, report, model, rejections, SnapshotInfo.sidecar(results)};
  }

  @Test
  void resultsWithAControlGroupReportModelRejectionsAndSnapshotAreByteIdenticalAcrossRunsAndThreadCounts() throws IOException {
    for (String format : new String[] {"jsonl", "csv"}) {
      Path[] first = classify("one-" + format, 1, format);
      // The control group is in the results (held-out rules) and recorded in the sidecar.
      assertThat(Files.readString(first[0])).contains(format.equals("csv") ? ",actions,rules,lack_of_data,held_out\n" : "\"heldOut\":[\"");
      assertThat(Files.readString(first[4])).contains("\"controlGroup\" : {").contains("\"share\" : 0.2");
      Path[] again = classify("again-" + format, 1, format);
      Path[] parallel = classify("four-" + format, 4, format);
      for (int i = 0; i < first.length; i++) {
        String expected = Files.readString(first[i]).replace(first[i].getParent().toString(), "<dir>");
        assertThat(expected).as("%s is empty", first[i].getFileName()).isNotEmpty();
        assertThat(Files.readString(again[i]).replace(again[i].getParent().toString(), "<dir>"))
            .as("%s vs %s", first[i], again[i]).isEqualTo(expected);
        assertThat(Files.readString(parallel[i]).replace(parallel[i].getParent().toString(), "<dir>"))
            .as("%s vs %s", first[i], parallel[i]).isEqualTo(expected);
      }
    }
  }
}
