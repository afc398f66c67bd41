package org.clientele.benchmarks.core;

import java.util.concurrent.TimeUnit;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Classification;
import org.clientele.core.ClassificationBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One customer through the engine on the calling thread: the six built-in classifiers (value,
 * loyalty, behaviour, RFM, risk, industry, with the calibrated model) and the default playbook.
 *
 * <ul>
 *   <li>{@code classify}: the public API, {@code engine.classify(customer)}, which returns an
 *       immutable {@code Classification} (labels, scores and the plan);
 *   <li>{@code classifyReusable}: {@code engine.classify(customer, buffer)} into a caller-owned
 *       {@code ClassificationBuffer}, which should allocate nothing ({@code gc.alloc.rate.norm}).
 * </ul>
 *
 * <p>Customers are the {@link BenchmarkData} population, visited in turn with a mask. The ratios
 * to the hand-written baseline come from {@code compare.HandWrittenBenchmark} in the same run.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'core.ClassifyBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClassifyBenchmark {

  private Customer[] customers;
  private Engine engine;
  private ClassificationBuffer buffer;
  private int index;

  /** Loads the population and builds the engine from the calibrated model. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    engine = BenchmarkData.engine(1);
    buffer = engine.newBuffer();
  }

  /**
   * Classifies one customer through the public API.
   *
   * @return the immutable result
   */
  @Benchmark
  public Classification classify() {
    return engine.classify(customers[index++ & BenchmarkData.MASK]);
  }

  /**
   * Classifies one customer into the reusable buffer.
   *
   * @return the buffer, filled
   */
  @Benchmark
  public ClassificationBuffer classifyReusable() {
    engine.classify(customers[index++ & BenchmarkData.MASK], buffer);
    return buffer;
  }
}
