package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clientele.core.io.RejectionWriter;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input and configuration give byte-identical output files across runs and across
 * thread counts: the batch results file, the calibrated model file and the rejections file.
 */
class DeterminismTest {

  private static final String CONFIG =
      "{\"dimensions\": {\"threshold\": {}, \"median\": {}, \"faulty\": {}},"
          + " \"strategy\": {\"provider\": \"simple\"}, \"errorPolicy\": \"fallback\"}";
  private static final long SEED = 20261122L;
  private static final int SIZE = 50_000;

  private static EngineBuilder builder(int threads, int chunkSize) {
    return Engine.builder()
        .register(new Fixtures.FaultyProvider())
        .configuration(CONFIG, "cfg.json")
        .parallelism(threads)
        .chunkSize(chunkSize);
  }

  /** Calibrates and classifies the seeded population; writes the model and the results; returns their digests. */
  private static String run(Path dir, int threads, int chunkSize) throws IOException {
    EngineBuilder builder = builder(threads, chunkSize);
    Model model = builder.calibrate(ConcurrencyTest.customers(SEED, SIZE));
    Path modelFile = dir.resolve("model-" + threads + "-" + chunkSize + ".json");
    model.write(modelFile);
    Engine engine = builder.model(model).build();
    Path results = dir.resolve("results-" + threads + "-" + chunkSize + ".csv");
    try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
      engine.classifyAll(ConcurrencyTest.customers(SEED, SIZE), r -> {
        try {
          out.write(r.customerId());
          for (int d = 0; d < r.dimensions().size(); d++) {
            out.write(',' + r.dimensions().get(d).id() + '=' + r.label(r.dimensions().get(d).id()) + ':' + r.score(d));
          }
          out.write(',' + r.plan().actions().stream().map(a -> a.code()).collect(Collectors.joining("|")));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return sha256(modelFile) + " " + sha256(results);
  }

  @Test
  void batchResultsAndTheCalibratedModelAreByteIdenticalAcrossRunsAndThreadCounts(@TempDir Path dir) throws IOException {
    Set<String> digests = new LinkedHashSet<>();
    digests.add(run(dir, 1, 1024));
    digests.add(run(dir, 1, 1024)); // a second run
    digests.add(run(dir, 2, 7));
    digests.add(run(dir, 4, 1024));
    digests.add(run(dir, 3, 5_000));

    assertThat(digests).as("digests of (model, results) for 1, 1, 2, 4 and 3 threads").hasSize(1);
    assertThat(Files.readString(dir.resolve("results-1-1024.csv")))
        .as("the file really holds the results, failures included")
        .contains("faulty=UNCLASSIFIED")
        .contains("threshold=HIGH")
        .contains(",call\n");
  }

  @Test
  void theRejectionsFileIsByteIdenticalAcrossRuns(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("orders.csv");
    StringBuilder text = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 5_000; i++) {
      text.append(switch (i % 5) {
        case 0 -> "C" + i + ",2024-01-01,10";
        case 1 -> "C" + i + ",2024-02-30,10";
        case 2 -> "C" + i + ",2024-01-01,1e400";
        case 3 -> "C" + i + ",2024-01-01";
        default -> "\"C" + i + "\",2024-01-01,\"12,5\"";
      }).append('\n');
    }
    Files.writeString(input, text);
    Set<String> digests = new LinkedHashSet<>();
    for (String name : new String[] {"a.csv", "b.csv", "a.jsonl", "b.jsonl"}) {
      Path out = dir.resolve(name);
      try (RejectionWriter rejections = RejectionWriter.open(out);
          TransactionReader reader = TransactionReader.open(input, TransactionFormat.defaults(), rejections)) {
        reader.forEachRemaining(t -> {});
      }
      digests.add(name.substring(name.indexOf('.')) + " " + sha256(out));
    }

    assertThat(digests).as("one digest per format").hasSize(2);
    assertThat(Files.readAllLines(dir.resolve("a.csv"))).hasSize(1 + 4_000);
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
