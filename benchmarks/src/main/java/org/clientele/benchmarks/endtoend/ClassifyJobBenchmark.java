package org.clientele.benchmarks.endtoend;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code clientele classify} job as a library call ({@link Segmentation}): read the
 * customers and the transaction log, derive, join, calibrate the default configuration, classify
 * on {@code threads} threads, write every result (CSV) and the report (JSON) to files. One
 * operation is the whole job; the counters give MB/s of transaction log and customers/s.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'endtoend.' -p accounts=20000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClassifyJobBenchmark {

  /** Classification threads (the job's {@code threads}). */
  @Param({"1", "2"})
  public int threads;

  /**
   * Runs the job.
   *
   * @param log the files
   * @param counters bytes and customers
   * @return the result (its counts)
   * @throws IOException if an output cannot be written
   */
  @Benchmark
  public SegmentationResult classify(DemoLog log, Throughput counters) throws IOException {
    Segmentation job = Segmentation.builder()
        .customers(log.customers)
        .transactions(log.transactions)
        .threads(threads)
        .build();
    Path results = log.dir.resolve("results.csv");
    SegmentationResult result;
    try (ResultWriter writer = new ResultWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8), ResultFormat.CSV)) {
      result = job.run(writer, RejectionSink.discard());
    }
    try (Writer report = Files.newBufferedWriter(log.dir.resolve("report.json"), StandardCharsets.UTF_8)) {
      report.write(result.reportJson());
    }
    counters.bytes += log.transactionBytes;
    counters.customers += result.counts().classified();
    return result;
  }
}
