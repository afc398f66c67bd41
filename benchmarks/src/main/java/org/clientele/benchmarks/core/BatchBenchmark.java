package org.clientele.benchmarks.core;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batch classification: {@code engine.classifyAll(iterator, sink)} over the whole {@link
 * BenchmarkData} population ({@value BenchmarkData#SIZE} customers) on one and on two worker
 * threads ({@code threads}, the engine's {@code parallelism}), results in input order to a sink
 * that consumes each immutable {@code Classification}. Reported per customer
 * ({@code @OperationsPerInvocation}); the engine keeps its worker threads between calls, as a
 * host classifying batch after batch would. The ratio to the hand-written loop comes from {@code
 * compare.HandWrittenBenchmark.baselineBatch} in the same run, and the 2-thread over 1-thread
 * ratio of {@code compare.HandWrittenParallelBenchmark} shows what this machine gives that loop.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'core.BatchBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class BatchBenchmark {

  /** Worker threads of the engine. */
  @Param({"1", "2"})
  public int threads;

  private List<Customer> customers;
  private Engine engine;
  private Consumer<Classification> sink;

  /**
   * Loads the population and builds the engine.
   *
   * @param blackhole consumes every result
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    customers = Arrays.asList(BenchmarkData.customers());
    engine = BenchmarkData.engine(threads);
    sink = blackhole::consume;
  }

  /**
   * Classifies the whole population.
   *
   * @return the number of customers classified
   */
  @Benchmark
  @OperationsPerInvocation(BenchmarkData.SIZE)
  public long classifyAll() {
    return engine.classifyAll(customers.iterator(), sink);
  }
}
