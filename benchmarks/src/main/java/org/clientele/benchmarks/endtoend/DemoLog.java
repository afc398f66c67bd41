package org.clientele.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The files every end-to-end benchmark reads: the demo population's {@code customers.csv} and
 * {@code transactions.csv} at {@link #accounts} accounts (about 1.2 kB of log per account), written
 * once per trial to a temporary directory, so that every reader finds them in the page cache.
 */
@State(Scope.Benchmark)
public class DemoLog {

  /** Accounts in the population; 20,000 gives a 24 MB log. */
  @Param("20000")
  public int accounts;

  Path dir = Path.of(".");
  Path customers = Path.of(".");
  Path transactions = Path.of(".");
  long transactionBytes;

  /** Writes the files. */
  @Setup(Level.Trial)
  public void write() throws IOException {
    dir = Files.createTempDirectory("clientele-e2e");
    DemoFiles files = DemoFiles.write(TransactionPopulation.of(accounts, BenchmarkData.SEED), dir, i -> {});
    customers = files.customers();
    transactions = Objects.requireNonNull(files.transactions(), "DemoFiles.write writes transactions");
    transactionBytes = Files.size(transactions);
  }

  /** Deletes them. */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
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
}
