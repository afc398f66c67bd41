package org.clientele.benchmarks.endtoend;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Customer;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a transaction log and deriving per-customer features: {@code FeatureDeriver.derive} on
 * the {@link DemoLog}'s {@code transactions.csv} (the file {@link DuckDbBenchmark} aggregates) with
 * the default CSV layout and the demo's reference date, then every derived customer built. One
 * operation is the whole file; the counters give MB/s and customers/s. {@code readAndDerive} runs
 * at 1 and 2 threads (the scan's chunks parsed on worker threads, the derivation on the
 * benchmark's thread; 1 is the sequential scan), as {@link DuckDbBenchmark} does.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'endtoend.ReadDeriveBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ReadDeriveBenchmark {

  private final TransactionFormat format = TransactionFormat.defaults();
  private final DerivationOptions options = DerivationOptions.asOf(TransactionPopulation.REFERENCE_DATE);

  /** The threads that parse the log ({@code FeatureDeriver.derive}'s {@code threads}). */
  @State(Scope.Benchmark)
  public static class Threads {
    /** 1: the sequential scan; 2: chunks parsed on two worker threads. */
    @Param({"1", "2"})
    public int threads;
  }

  /**
   * Reads the log, derives the features and builds every customer.
   *
   * @param threads the threads that parse
   * @param log the files
   * @param counters bytes and customers
   * @param blackhole consumes every customer
   */
  @Benchmark
  public void readAndDerive(Threads threads, DemoLog log, Throughput counters, Blackhole blackhole) {
    FeatureDeriver.Result result =
        FeatureDeriver.derive(log.transactions, format, options, RejectionSink.discard(), threads.threads);
    long n = 0;
    for (Iterator<Customer> it = result.features().customers(); it.hasNext(); n++) {
      blackhole.consume(it.next());
    }
    counters.bytes += log.transactionBytes;
    counters.customers += n;
  }

  /**
   * The same through {@code TransactionReader} (Jackson's CSV parser, a {@code Transaction} per
   * row): the path of a log that {@code TransactionScan} does not read (JSON Lines, another
   * encoding, a column list), and the path every file took before issue 19.
   *
   * @param log the files
   * @param counters bytes and customers
   * @param blackhole consumes every customer
   */
  @Benchmark
  public void readAndDeriveViaReader(DemoLog log, Throughput counters, Blackhole blackhole) {
    FeatureDeriver.Result result = FeatureDeriver.derive(
        s -> TransactionReader.open(log.transactions, format, s), options, RejectionSink.discard());
    long n = 0;
    for (Iterator<Customer> it = result.features().customers(); it.hasNext(); n++) {
      blackhole.consume(it.next());
    }
    counters.bytes += log.transactionBytes;
    counters.customers += n;
  }
}
