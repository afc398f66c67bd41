package org.clientele.benchmarks.compare;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hand-written baseline's batch loop split over threads the simplest way a developer would:
 * the population in {@code threads} contiguous parts, all but the last on a fixed pool kept
 * between calls, the last on the calling thread, each decision into a results array that the
 * calling thread then hands to the sink. Its 2-thread over 1-thread ratio is what this machine
 * gives this work, measured in the same run as {@code core.BatchBenchmark}'s, whose scaling target
 * it puts in context (two vCPUs of a shared host need not be two free cores).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'compare.HandWrittenParallelBenchmark|core.BatchBenchmark'
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HandWrittenParallelBenchmark {

  /** Threads, the calling thread included. */
  @Param({"1", "2"})
  public int threads;

  private Customer[] customers;
  private HandWrittenBaseline baseline;
  private ExecutorService pool;

  /** Loads the population, reads the thresholds and starts the pool. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    baseline = new HandWrittenBaseline(Thresholds.fromModelJson(BenchmarkData.modelJson()));
    pool = HandWrittenBaseline.helpers(threads);
  }

  /** Stops the pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /**
   * Classifies the whole population on {@code threads} threads.
   *
   * @param blackhole consumes every decision
   * @throws Exception if a part fails
   */
  @Benchmark
  @OperationsPerInvocation(BenchmarkData.SIZE)
  public void baselineBatch(Blackhole blackhole) throws Exception {
    for (HandWrittenBaseline.Decision d : baseline.classifyAll(customers, pool, threads)) {
      blackhole.consume(d);
    }
  }
}
