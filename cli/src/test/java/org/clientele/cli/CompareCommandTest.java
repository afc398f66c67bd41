package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.core.cycle.Migration;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.cycle.SnapshotComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clientele compare}: migration between two snapshots of the demo population and of CDNOW, and why. */
class CompareCommandTest {

  @TempDir Path dir;

  private Path[] demoSnapshots() {
    Cli.Run gen = Cli.run("generate", "--customers", "300", "--out", dir.toString(), "--no-progress");
    assertThat(gen.code()).as(gen.toString()).isZero();
    String customers = dir.resolve("customers.csv").toString();
    String tx = dir.resolve("transactions.csv").toString();
    Path model = dir.resolve("model.json");
    assertThat(Cli.run("calibrate", "--customers", customers, "--transactions", tx, "--out", model.toString()).code()).isZero();
    Path jan = dir.resolve("jan.jsonl");
    Path jul = dir.resolve("jul.csv");
    Cli.Run a = Cli.run("classify", "-m", model.toString(), "--customers", customers, "--transactions", tx,
        "--reference-date", "2024-07-01", "--out", jan.toString(), "-q");
    Cli.Run b = Cli.run("classify", "-m", model.toString(), "--customers", customers, "--transactions", tx,
        "--out", jul.toString(), "-q");
    assertThat(a.out()).contains("Snapshot: " + jan + ".snapshot.json (as of 2024-07-01, model ");
    assertThat(b.code()).as(b.toString()).isZero();
    return new Path[] {jan, jul};
  }

  @Test
  void compareExplainsEveryMoveOfTheDemoPopulationWithOneModel() throws IOException {
    Path[] s = demoSnapshots();
    Path moves = dir.resolve("moves.csv");
    Cli.Run run = Cli.run("compare", s[0].toString(), s[1].toString(), "--moves", moves.toString(), "--top", "2");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Model: the same in both").contains("before \\ after").contains("customers became");
    Migration m = SnapshotComparison.compare(Snapshot.read(s[0]), Snapshot.read(s[1]));
    assertThat(m.moves()).isNotEmpty().allSatisfy(move -> assertThat(move.reason()).as(move.toString()).isNotBlank());
    assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "Moves: %,d (customer and dimension), %,d explained",
        m.moves().size(), m.moves().size()));
    List<String> lines = Files.readAllLines(moves);
    assertThat(lines.get(0)).isEqualTo("id,dimension,from,to,feature,reason");
    assertThat(lines).hasSize(1 + m.moves().size());
    // A value move names the revenue feature and both sides of the threshold.
    assertThat(m.moves().stream().filter(x -> x.dimension().equals("value")).findFirst().orElseThrow().reason())
        .containsPattern("revenue_12m [0-9.]+ -> [0-9.]+, threshold ");
  }

  @Test
  void sameModelReclassifiesTheOlderInputsWithTheNewerModel() {
    Path[] s = demoSnapshots();
    String customers = dir.resolve("customers.csv").toString();
    String tx = dir.resolve("transactions.csv").toString();
    // The newer snapshot with a model calibrated on its own date: the models differ.
    Path jul2 = dir.resolve("jul2.csv");
    assertThat(Cli.run("classify", "--customers", customers, "--transactions", tx, "--out", jul2.toString(), "-q").code()).isZero();
    Path jan2 = dir.resolve("jan2.csv");
    assertThat(Cli.run("classify", "--customers", customers, "--transactions", tx, "--reference-date", "2024-07-01",
        "--out", jan2.toString(), "-q").code()).isZero();

    Cli.Run differ = Cli.run("compare", jan2.toString(), jul2.toString(), "--no-reasons");
    assertThat(differ.out()).contains("Model: DIFFERENT");
    Cli.Run same = Cli.run("compare", "--same-model", jan2.toString(), jul2.toString(), "--no-reasons");
    assertThat(same.code()).as(same.toString()).isZero();
    assertThat(same.out()).contains("--same-model: ").contains("Model: the same in both");
    assertThat(s).hasSize(2);
  }

  @Test
  void resultsWithoutSidecarsAreComparedWithoutReasonsAndSaySo() throws IOException {
    Path[] s = demoSnapshots();
    Files.delete(Path.of(s[0] + ".snapshot.json"));
    Cli.Run run = Cli.run("compare", s[0].toString(), s[1].toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("no .snapshot.json: reference date and model unknown")
        .contains("explained: explaining needs both .snapshot.json sidecars");
  }

  /**
   * Issue 15's done-means: CDNOW master, one model (calibrated as of 1998-07-01, the default
   * reference date), snapshots as of 1998-01-01 and 1998-07-01. The value matrix measured here and
   * pinned: of 5,567 CORE customers 2,656 stayed, 1,206 became IMPORTANT and 1,705 LOW.
   */
  @Test
  void cdnowValueMatrixReproducesTheHandMadeOneAndExplainsEveryMove() throws IOException {
    Path master = Path.of(System.getProperty("clientele.sharedData", "../../shared/data"), "cdnow", "CDNOW_master.txt");
    assumeTrue(Files.isRegularFile(master),
        "CDNOW master file not found at " + master.toAbsolutePath() + " (set -Dclientele.sharedData); test skipped");
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/clientele.json").normalize();
    Path model = dir.resolve("model.json");
    assertThat(Cli.run("calibrate", "-c", config.toString(), "--transactions", master.toString(), "--out", model.toString()).code()).isZero();
    Path jan = dir.resolve("jan.csv");
    Path jul = dir.resolve("jul.csv");
    assertThat(Cli.run("classify", "-m", model.toString(), "--transactions", master.toString(), "--reference-date", "1998-01-01",
        "--out", jan.toString(), "-q").code()).isZero();
    assertThat(Cli.run("classify", "-m", model.toString(), "--transactions", master.toString(), "--reference-date", "1998-07-01",
        "--out", jul.toString(), "-q").code()).isZero();

    Migration m = SnapshotComparison.compare(Snapshot.read(jan), Snapshot.read(jul));
    Migration.DimensionMigration value = m.dimension("value").orElseThrow();
    assertThat(m.sameModel()).isTrue();
    assertThat(value.labels()).containsExactly("CORE", "IMPORTANT", "POTENTIAL", "LOW");
    assertThat(value.customers()).containsExactly(
        List.of(2_656L, 1_206L, 0L, 1_705L),
        List.of(340L, 1_112L, 151L, 5_191L),
        List.of(0L, 0L, 0L, 0L),
        List.of(84L, 332L, 362L, 10_431L));
    assertThat(value.customers().get(0).stream().mapToLong(Long::longValue).sum()).isEqualTo(5_567L);
    assertThat(value.newCustomers()).isZero();
    assertThat(value.goneCustomers()).isZero();
    List<Migration.Move> valueMoves = m.moves().stream().filter(x -> x.dimension().equals("value")).toList();
    assertThat(valueMoves).hasSize(9_371);
    // Every move is explained: by the revenue cut-offs, or (into POTENTIAL) by growth.
    assertThat(valueMoves).allSatisfy(x -> assertThat(x.feature()).isIn("revenue_12m", "growth"));
    assertThat(valueMoves.stream().filter(x -> x.from().equals("LOW") && x.to().equals("POTENTIAL")))
        .hasSize(362).allSatisfy(x -> assertThat(x.feature()).isEqualTo("growth"));
    assertThat(valueMoves.stream().filter(x -> x.from().equals("CORE") && x.to().equals("LOW")))
        .hasSize(1_705).allSatisfy(x -> assertThat(x.reason()).startsWith("revenue_12m ").contains("(was >= 93.94)"));
    assertThat(m.toText(1)).contains("5,191 IMPORTANT customers became LOW (76.4% of IMPORTANT)");
  }
}
