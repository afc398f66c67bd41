package org.clientele.benchmarks.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a transaction log and deriving per-customer features: {@code FeatureDeriver.derive} on
 * the demo population's {@code transactions.csv} ({@value BenchmarkData#SIZE} accounts, two years
 * of orders; written once in setup to a temporary directory, so it is in the page cache) with the
 * default CSV layout and the demo's reference date, then every derived customer built. One
 * operation is the whole file. The auxiliary counters {@code bytes} and {@code customers} are
 * reported per second: MB/s and customers/s.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'io.ReadDeriveBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ReadDeriveBenchmark {

  private Path dir;
  private Path transactions;
  private long fileBytes;
  private final TransactionFormat format = TransactionFormat.defaults();
  private final DerivationOptions options = DerivationOptions.asOf(TransactionPopulation.REFERENCE_DATE);

  /** Writes the demo files. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("clientele-bench");
    DemoFiles files = DemoFiles.write(TransactionPopulation.of(BenchmarkData.SIZE, BenchmarkData.SEED), dir, i -> {});
    transactions = Objects.requireNonNull(files.transactions(), "DemoFiles.write writes transactions");
    fileBytes = Files.size(transactions);
  }

  /** Deletes the demo files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** Bytes read and customers derived, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Bytes of the transaction log read. */
    public long bytes;
    /** Customers derived. */
    public long customers;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
      customers = 0;
    }
  }

  /**
   * Reads the log, derives the features and builds every customer.
   *
   * @param counters bytes and customers
   * @param blackhole consumes every customer
   */
  @Benchmark
  public void readAndDerive(Counters counters, Blackhole blackhole) {
    FeatureDeriver.Result result = FeatureDeriver.derive(transactions, format, options, RejectionSink.discard());
    long n = 0;
    for (Iterator<Customer> it = result.features().customers(); it.hasNext(); n++) {
      blackhole.consume(it.next());
    }
    counters.bytes += fileBytes;
    counters.customers += n;
  }
}
