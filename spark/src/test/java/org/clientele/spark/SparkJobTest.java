package org.clientele.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable example: generated demo files, the Spark job, and the single-JVM job on the same files. */
class SparkJobTest {

  @Test
  void theExampleRunsOnGeneratedFilesAndMatchesTheSingleJvmJob(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SparkJob.Outcome outcome = SparkJob.run(SharedSpark.get(),
        SparkJob.Options.parse(new String[] {"--generate", "200", "--compare", dir.toString()}),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(outcome.customers()).isEqualTo(200);
    assertThat(outcome.sameModel()).isTrue();
    assertThat(printed).contains("generated 200 accounts").contains("spark (").contains("single JVM (")
        .contains("per core").contains("same model JSON: yes");
    Path out = dir.resolve("spark-out");
    assertThat(Files.readString(out.resolve("model.json"))).isEqualTo(outcome.model().toJson());
    long lines;
    try (var files = Files.list(out.resolve("results"))) {
      lines = files.filter(f -> f.getFileName().toString().endsWith(".json")).mapToLong(f -> {
        try (var l = Files.lines(f)) {
          return l.count();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
    assertThat(lines).isEqualTo(200);
    try (var l = Files.lines(out.resolve("single-results.jsonl"))) {
      assertThat(l.count()).isEqualTo(200);
    }
  }

  @Test
  void aMissingInputNamesTheFileAndTheFix(@TempDir Path dir) {
    assertThatThrownBy(() -> SparkJob.run(SharedSpark.get(), SparkJob.Options.parse(new String[] {dir.toString()}), System.out))
        .hasMessageContaining("transactions.csv: file not found").hasMessageContaining("--generate");
    assertThatThrownBy(() -> SparkJob.Options.parse(new String[] {"--bogus", "x"})).hasMessageContaining("Usage:");
  }
}
