package org.clientele.benchmarks.compare;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hand-written baseline ({@link HandWrittenBaseline}: the default rules and playbook in plain
 * Java, the calibrated cut-offs read once from the model JSON) on the same customers as the
 * engine benchmarks, so that every engine figure is a ratio measured in the same run:
 *
 * <ul>
 *   <li>{@code baseline}: one customer to an immutable {@code Decision} (labels and the plan, most
 *       urgent first): the reference of {@code core.ClassifyBenchmark.classify};
 *   <li>{@code baselineReusable}: one customer into a reusable result: the reference of {@code
 *       core.ClassifyBenchmark.classifyReusable};
 *   <li>{@code baselineBatch}: a loop over the whole population handing each {@code Decision} to a
 *       sink, per customer: the reference of {@code core.BatchBenchmark}.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'compare.HandWrittenBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HandWrittenBenchmark {

  private Customer[] customers;
  private HandWrittenBaseline baseline;
  private final HandWrittenBaseline.Result result = new HandWrittenBaseline.Result();
  private int index;

  /** Loads the population and reads the thresholds from the model file. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    baseline = new HandWrittenBaseline(Thresholds.fromModelJson(BenchmarkData.modelJson()));
  }

  /**
   * Classifies one customer to an immutable decision.
   *
   * @return the decision
   */
  @Benchmark
  public HandWrittenBaseline.Decision baseline() {
    return baseline.classify(customers[index++ & BenchmarkData.MASK]);
  }

  /**
   * Classifies one customer into the reusable result.
   *
   * @return the result
   */
  @Benchmark
  public HandWrittenBaseline.Result baselineReusable() {
    baseline.classify(customers[index++ & BenchmarkData.MASK], result);
    return result;
  }

  /**
   * Classifies the whole population in a loop.
   *
   * @param blackhole consumes every decision
   */
  @Benchmark
  @OperationsPerInvocation(BenchmarkData.SIZE)
  public void baselineBatch(Blackhole blackhole) {
    for (Customer c : customers) {
      blackhole.consume(baseline.classify(c));
    }
  }
}
