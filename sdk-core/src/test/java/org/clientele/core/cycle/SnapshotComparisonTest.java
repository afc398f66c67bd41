package org.clientele.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.core.Model;
import org.clientele.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotComparisonTest {

  @TempDir Path dir;

  private Path csv(String name, String... rows) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "id,value,value_score,loyalty,loyalty_score,actions\n" + String.join("\n", rows) + "\n");
    return file;
  }

  @Test
  void theMatrixCountsStayersMoversNewAndGoneWithTheirRevenue() throws IOException {
    Snapshot before = Snapshot.read(csv("jan.csv",
        "a,CORE,100,HIGH,1,x", "b,CORE,90.5,LOW,0,", "c,LOW,1,LOW,0,", "d,IMPORTANT,40,LOW,0,", "gone,LOW,2,LOW,0,"));
    Snapshot after = Snapshot.read(csv("jul.csv",
        "a,CORE,120,HIGH,1,", "b,LOW,0.25,LOW,0,", "c,LOW,3,HIGH,1,", "d,LOW,10,LOW,0,", "new,CORE,500,LOW,0,"));

    Migration m = SnapshotComparison.compare(before, after);
    Migration.DimensionMigration value = m.dimension("value").orElseThrow();

    assertThat(value.labels()).containsExactly("CORE", "LOW", "IMPORTANT"); // order of appearance without a model
    assertThat(value.count("CORE", "CORE")).isEqualTo(1);
    assertThat(value.count("CORE", "LOW")).isEqualTo(1);
    assertThat(value.count("IMPORTANT", "LOW")).isEqualTo(1);
    assertThat(value.count("LOW", "LOW")).isEqualTo(1);
    assertThat(value.stayers()).isEqualTo(2);
    assertThat(value.movers()).isEqualTo(2);
    assertThat(value.newCustomers()).isEqualTo(1);
    assertThat(value.goneCustomers()).isEqualTo(1);
    assertThat(value.added()).containsExactly(1L, 0L, 0L);
    assertThat(value.gone()).containsExactly(0L, 1L, 0L);
    Migration.Flow coreToLow = value.flows().stream().filter(f -> f.from().equals("CORE")).findFirst().orElseThrow();
    assertThat(coreToLow.revenueBefore()).isEqualByComparingTo(new BigDecimal("90.5"));
    assertThat(coreToLow.revenueAfter()).isEqualByComparingTo(new BigDecimal("0.25"));
    assertThat(m.moves()).extracting(Migration.Move::customerId, Migration.Move::dimension, Migration.Move::from, Migration.Move::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", "value", "CORE", "LOW"),
            org.assertj.core.groups.Tuple.tuple("d", "value", "IMPORTANT", "LOW"),
            org.assertj.core.groups.Tuple.tuple("c", "loyalty", "LOW", "HIGH"));
    assertThat(m.moves()).allSatisfy(move -> assertThat(move.reason()).isNull()); // no sidecar: no explanation
    assertThat(m.sameModel()).isFalse();
    assertThat(m.toText(3))
        .contains("Model: unknown for a snapshot without its .snapshot.json sidecar")
        .contains("value: 2 stayed, 2 moved, 1 new, 1 gone")
        .contains("1 CORE customers became LOW (50.0% of CORE); revenue 90.50 -> 0.25");
  }

  @Test
  void jsonLinesAndCsvResultsGiveTheSameSnapshot() throws IOException {
    Path jsonl = dir.resolve("r.jsonl");
    Files.writeString(jsonl, """
        {"id":"a","labels":{"value":"CORE","loyalty":"HIGH"},"scores":{"value":100,"loyalty":1},"actions":[]}
        {"id":"b","labels":{"value":"LOW","loyalty":"LOW"},"scores":{"value":null,"loyalty":0},"actions":[]}
        """);
    Snapshot fromJson = Snapshot.read(jsonl);
    Snapshot fromCsv = Snapshot.read(csv("r.csv", "a,CORE,100,HIGH,1,", "b,LOW,,LOW,0,"));
    assertThat(fromJson.dimensions()).isEqualTo(fromCsv.dimensions()).containsExactly("value", "loyalty");
    for (String id : List.of("a", "b")) {
      for (String d : fromCsv.dimensions()) {
        assertThat(fromJson.label(id, d)).isEqualTo(fromCsv.label(id, d));
        assertThat(Double.valueOf(fromJson.score(id, d))).isEqualTo(Double.valueOf(fromCsv.score(id, d)));
      }
    }
    assertThat(fromJson.score("b", "value")).isNaN();
  }

  @Test
  void aCustomerTwiceOrAForeignHeaderIsRejectedNamingTheFileAndLine() throws IOException {
    assertThatThrownBy(() -> Snapshot.read(csv("twice.csv", "a,CORE,1,HIGH,1,", "a,LOW,1,HIGH,1,")))
        .isInstanceOf(InputException.class).hasMessageContaining("twice.csv").hasMessageContaining("'a' appears twice");
    Path other = dir.resolve("orders.csv");
    Files.writeString(other, "customer_id,date,amount\nA,2024-01-01,3\n");
    assertThatThrownBy(() -> Snapshot.read(other)).isInstanceOf(InputException.class).hasMessageContaining("not a results file");
  }

  @Test
  void theSidecarRecordsTheReferenceDateAndModelAndDetectsAnEditedModel() throws IOException {
    Model model = Model.builder().dimension("value", Map.of("method", "threshold", "core", 100, "important", 10)).build();
    Model other = Model.builder().dimension("value", Map.of("method", "threshold", "core", 200, "important", 10)).build();
    Path results = csv("jan.csv", "a,CORE,100,HIGH,1,");
    SnapshotInfo info = SnapshotInfo.of(model, LocalDate.of(1998, 1, 1), null, dir.resolve("tx.csv"));
    Path sidecar = info.writeBeside(results);
    assertThat(sidecar.getFileName()).hasToString("jan.csv.snapshot.json");

    SnapshotInfo read = Snapshot.read(results).info().orElseThrow();
    assertThat(read.referenceDate()).isEqualTo(LocalDate.of(1998, 1, 1));
    assertThat(read.modelFingerprint()).isEqualTo(SnapshotInfo.fingerprint(model)).isNotEqualTo(SnapshotInfo.fingerprint(other));
    assertThat(read.model()).contains(model);
    assertThat(read.transactions()).isEqualTo(dir.resolve("tx.csv").toAbsolutePath().toString());

    // The guard: a sidecar whose model was edited after the run no longer matches its fingerprint.
    Files.writeString(sidecar, Files.readString(sidecar).replace("100", "150"));
    assertThatThrownBy(() -> Snapshot.read(results))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not match $.modelFingerprint");
  }

  @Test
  void snapshotsOfDifferentModelsAreComparedAndSaySo() throws IOException {
    Model a = Model.builder().dimension("value", Map.of("method", "threshold", "core", 100, "important", 10)).build();
    Model b = Model.builder().dimension("value", Map.of("method", "threshold", "core", 200, "important", 10)).build();
    Path jan = csv("jan.csv", "x,CORE,150,HIGH,1,");
    Path jul = csv("jul.csv", "x,IMPORTANT,150,HIGH,1,");
    SnapshotInfo.of(a, LocalDate.of(2024, 1, 1), null, null).writeBeside(jan);
    SnapshotInfo.of(b, LocalDate.of(2024, 7, 1), null, null).writeBeside(jul);
    Migration m = SnapshotComparison.compare(Snapshot.read(jan), Snapshot.read(jul));
    assertThat(m.sameModel()).isFalse();
    assertThat(m.toText(1)).contains("Model: DIFFERENT").contains("use --same-model");
    SnapshotInfo.of(a, LocalDate.of(2024, 7, 1), null, null).writeBeside(jul);
    Migration same = SnapshotComparison.compare(Snapshot.read(jan), Snapshot.read(jul));
    assertThat(same.sameModel()).isTrue();
    assertThat(same.toText(1)).contains("Model: the same in both");
  }
}
