package org.clientele.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.Model;
import org.clientele.core.cycle.Migration;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.cycle.SnapshotComparison;
import org.clientele.core.cycle.SnapshotInfo;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clientele compare}: segment migration between two snapshots, and why. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Compares two results files (snapshots): who moved between segments, how much revenue moved, and why.",
    sortOptions = false,
    description = {
      "Reads two results files written by 'clientele classify' (JSON Lines or CSV) and, per dimension, prints the"
          + " transition matrix (rows: the older label, columns: the newer), stayers, movers, new and gone customers,"
          + " and the largest flows in words. When each file has its .snapshot.json beside it (reference date, model"
          + " and input files) and the inputs are still there, every move is explained: the feature that crossed a"
          + " threshold. Snapshots of different models can be compared; the output says so.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele compare results-2024-06.csv results-2024-07.csv",
      "  clientele compare --same-model --moves moves.csv results-2024-06.csv results-2024-07.csv",
      "",
      "Exit codes: 0 ok, 1 fatal error, 2 usage error."
    })
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The older results file.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The newer results file.")
  Path after;

  @Option(names = "--same-model",
      description = "Classify the older snapshot's inputs again with the newer snapshot's model (at the older reference"
          + " date) before comparing, so that no move comes from a change of thresholds.")
  boolean sameModel;

  @Option(names = "--no-reasons", description = "Do not read the inputs again to explain the moves: the matrix alone, fast.")
  boolean noReasons;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Flows described in words per dimension (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--dimension", paramLabel = "ID",
      description = "Only this dimension (repeatable). Default: every dimension both snapshots have.")
  java.util.List<String> only = new java.util.ArrayList<>();

  @Option(names = "--moves", paramLabel = "FILE",
      description = "Write every move here (CSV): id, dimension, from, to, feature, reason.")
  @Nullable Path moves;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Snapshot old = Snapshot.read(before); // InputException, ConfigurationException: one line on stderr, exit 1
    Snapshot now = Snapshot.read(after);
    if (sameModel) {
      Model model = now.info().flatMap(SnapshotInfo::model).orElseThrow(() -> new CliException(
          after + ": --same-model needs the newer snapshot's model: no " + SnapshotInfo.SUFFIX + " with a model beside it"));
      try {
        old = SnapshotComparison.reclassify(old, model);
      } catch (IllegalArgumentException e) {
        throw new CliException("--same-model: " + String.valueOf(e.getMessage()), e);
      }
      out.println("--same-model: " + before + " classified again with the model of " + after + " ("
          + old.size() + " customers).");
    }
    Migration migration = SnapshotComparison.compare(old, now, !noReasons);
    if (!only.isEmpty()) {
      for (String d : only) {
        if (migration.dimension(d).isEmpty()) {
          throw new CliException("--dimension " + d + ": not a dimension of both snapshots ("
              + migration.dimensions().stream().map(Migration.DimensionMigration::dimension).toList() + ")");
        }
      }
      migration = new Migration(migration.before(), migration.after(), migration.beforeInfo(), migration.afterInfo(),
          migration.dimensions().stream().filter(d -> only.contains(d.dimension())).toList(),
          migration.moves().stream().filter(m -> only.contains(m.dimension())).toList());
    }
    out.print(migration.toText(top));
    // A dimension of one snapshot only cannot be compared: said, not skipped silently.
    for (String d : old.dimensions()) {
      if (!now.dimensions().contains(d)) {
        out.printf(Locale.ROOT, "%nNot compared: dimension '%s' is in %s only (not in %s).%n", d, before, after);
      }
    }
    for (String d : now.dimensions()) {
      if (!old.dimensions().contains(d)) {
        out.printf(Locale.ROOT, "%nNot compared: dimension '%s' is in %s only (not in %s).%n", d, after, before);
      }
    }
    long reasoned = migration.moves().stream().filter(m -> m.reason() != null).count();
    out.printf(Locale.ROOT, "%nMoves: %,d (customer and dimension), %,d explained%s%n", migration.moves().size(), reasoned,
        reasoned == 0 && !migration.moves().isEmpty()
            ? (noReasons ? " (--no-reasons)" : ": explaining needs both .snapshot.json sidecars and their input files")
            : "");
    if (moves != null) {
      writeMoves(migration, moves);
      out.println("Moves file: " + moves);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void writeMoves(Migration migration, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,dimension,from,to,feature,reason\n");
      for (Migration.Move m : migration.moves()) {
        w.write(Csv.cell(m.customerId()) + "," + Csv.cell(m.dimension()) + "," + Csv.cell(m.from()) + "," + Csv.cell(m.to()) + ","
            + Csv.cell(m.feature()) + "," + Csv.cell(m.reason()) + "\n");
      }
    } catch (IOException e) {
      throw new CliException(file + ": cannot write: " + e.getMessage(), new UncheckedIOException(e));
    }
  }
}
