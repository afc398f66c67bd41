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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule-engine peer ({@link EasyRulesPeer}: the same rules for Easy Rules 4.1.0, built once with
 * lambdas) classifying one customer to its labels and plan, on the same customers as {@code
 * core.ClassifyBenchmark}; the engine should be at least 100 times faster.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'compare.EasyRulesBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class EasyRulesBenchmark {

  private Customer[] customers;
  private EasyRulesPeer peer;
  private int index;

  /** Loads the population and builds the rules with the model's thresholds. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    peer = new EasyRulesPeer(Thresholds.fromModelJson(BenchmarkData.modelJson()));
  }

  /**
   * Classifies one customer.
   *
   * @return the labels and plan
   */
  @Benchmark
  public EasyRulesPeer.Outcome easyRules() {
    return peer.classify(customers[index++ & BenchmarkData.MASK]);
  }
}
