package org.clientele.benchmarks.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building an engine from configuration, cold: the first {@code
 * Engine.builder().configuration(modelJson, "model.json").build()} in a fresh JVM, as a service
 * does at start-up. It parses the calibrated model ({@link BenchmarkData#modelJson()}, read in
 * setup without touching the engine), discovers the providers with {@code ServiceLoader}, creates
 * the six classifiers (loading the industry code tables) and the default playbook (parsing it and
 * analysing its coverage), and validates every key. {@code buildFromFile} does the same from the
 * model saved as a file ({@code configuration(Path)}: the file read as bytes, as a service or the
 * CLI does). Single-shot time, one measurement per fork, many forks: every figure is a cold start
 * (class loading, interpreter) on its own.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'core.EngineBuildBenchmark' -bm ss -f 10 -wi 0 -i 1 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class EngineBuildBenchmark {

  private String modelJson;
  private Path modelFile;

  /** Reads the model's text and saves it as a file (plain JDK I/O; the engine's classes stay unloaded). */
  @Setup(Level.Trial)
  public void setUp() {
    modelJson = BenchmarkData.modelJson();
    try {
      modelFile = Files.createTempFile("clientele-model", ".json");
      Files.writeString(modelFile, modelJson, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the saved model.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(modelFile);
  }

  /**
   * Builds the engine.
   *
   * @return the engine
   */
  @Benchmark
  public Engine build() {
    return Engine.builder().configuration(modelJson, "model.json").build();
  }

  /**
   * Builds the engine from the model saved as a file.
   *
   * @return the engine
   */
  @Benchmark
  public Engine buildFromFile() {
    return Engine.builder().configuration(modelFile).build();
  }
}
