package org.clientele.benchmarks.core;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
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

/**
 * Calibration: {@code builder.calibrate(population)} of {@link BenchmarkData#CONFIGURATION} (value
 * Pareto cut-offs and RFM quintiles; the exact regime, as the population is below the sketch
 * limit) over the {@value BenchmarkData#SIZE} customers of the population, on one and on two
 * threads ({@code threads}), reported per customer. Includes merging the per-thread calibrators
 * and computing the cut-offs, not building the engine.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'core.CalibrationBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CalibrationBenchmark {

  /** Calibration threads. */
  @Param({"1", "2"})
  public int threads;

  private List<Customer> customers;
  private EngineBuilder builder;

  /** Loads the population and prepares the builder. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = Arrays.asList(BenchmarkData.customers());
    builder = Engine.builder().configuration(BenchmarkData.CONFIGURATION, "benchmark configuration").parallelism(threads);
  }

  /**
   * Calibrates on the whole population.
   *
   * @return the calibrated model
   */
  @Benchmark
  @OperationsPerInvocation(BenchmarkData.SIZE)
  public Model calibrate() {
    return builder.calibrate(customers);
  }
}
