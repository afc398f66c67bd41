package org.clientele.benchmarks.classifiers;

import java.util.concurrent.TimeUnit;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.LabelSink;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.Model;
import org.clientele.api.spi.ClassifierProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import java.util.ServiceLoader;

/**
 * One built-in classifier on its own ({@code dimension}: value, loyalty, behaviour, rfm, risk,
 * industry), created by its provider from the calibrated model's section, classifying one customer
 * into a sink that keeps the label and score: what each dimension adds to {@code
 * core.ClassifyBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'classifiers.ClassifierBenchmark' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ClassifierBenchmark {

  /** The dimension (and provider) to measure. */
  @Param({"value", "loyalty", "behaviour", "rfm", "risk", "industry"})
  public String dimension;

  private Customer[] customers;
  private Classifier classifier;
  private final Verdict verdict = new Verdict();
  private int index;

  /** Creates the classifier from the model's section for the dimension. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = BenchmarkData.customers();
    Model model = Model.fromJson(BenchmarkData.modelJson(), "model.json");
    Model.Section section = model.dimensions().stream()
        .filter(s -> s.id().equals(dimension))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dimension " + dimension + " in the model"));
    ClassifierProvider provider = ServiceLoader.load(ClassifierProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(section.provider()))
        .findFirst()
        .orElseThrow();
    classifier = provider.create(model.dimensionConfig(section));
  }

  /**
   * Classifies one customer on one dimension.
   *
   * @return the sink, holding the label and score
   */
  @Benchmark
  public Verdict classify() {
    classifier.classify(customers[index++ & BenchmarkData.MASK], verdict);
    return verdict;
  }

  /** Keeps the last label and score. */
  public static final class Verdict implements LabelSink {
    int label;
    double score;

    @Override
    public void accept(int labelIndex, double score) {
      this.label = labelIndex;
      this.score = score;
    }
  }
}
