package org.clientele.benchmarks.classifiers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.playbook.PlaybookStrategyProvider;
import org.clientele.core.ClassificationBuffer;
import org.clientele.core.Engine;
import org.jspecify.annotations.Nullable;
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
 * The default playbook on its own: {@code strategy.plan(customer, segments, sink)} for one
 * customer whose labels on the six built-in dimensions were computed in setup by the engine (so
 * the measured method only matches the 25 rules, applies vetoes and picks one rule per category),
 * handing the prebuilt actions to a sink that counts them.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'classifiers.PlaybookBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PlaybookBenchmark {

  private Customer[] customers;
  private Segments[] labels;
  private Strategy playbook;
  private final CountingSink sink = new CountingSink();
  private int index;

  /** Classifies the population once and creates the default playbook for the engine's dimensions. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    Engine engine = BenchmarkData.engine(1);
    List<Dimension> dimensions = engine.dimensions();
    ClassificationBuffer buffer = engine.newBuffer();
    labels = new Segments[customers.length];
    for (int i = 0; i < customers.length; i++) {
      engine.classify(customers[i], buffer);
      int[] row = new int[dimensions.size()];
      for (int d = 0; d < row.length; d++) {
        row[d] = buffer.labelIndex(d);
      }
      labels[i] = Segments.of(dimensions, row); // built here, never in the measured method
    }
    playbook = new PlaybookStrategyProvider().create(PluginConfig.of("strategy", Map.of()), dimensions);
  }

  /**
   * Plans for one customer.
   *
   * @return the number of actions planned so far (keeps the work alive)
   */
  @Benchmark
  public long plan() {
    int i = index++ & BenchmarkData.MASK;
    playbook.plan(customers[i], labels[i], sink);
    return sink.count;
  }

  /** Counts the actions and keeps the last one. */
  static final class CountingSink implements PlanSink {
    long count;
    @Nullable Action last;

    @Override
    public void add(Action action) {
      count++;
      last = action;
    }
  }
}
