package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.clientele.api.Dimension;
import org.clientele.api.Customer;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.jspecify.annotations.Nullable;

/**
 * The whole run shared by {@code classify} and {@code demo}: derive features, calibrate (unless a
 * model is given), classify every customer in input order on several threads, write each result,
 * accumulate the report, and count what was read and rejected.
 */
final class ClassifyRun {

  /**
   * What a run produced.
   *
   * @param summary the counts
   * @param engine the engine that classified (its model is the calibrated one)
   * @param report the segmentation report
   */
  record Outcome(RunSummary summary, Engine engine, ReportSupport.Built report) {}

  private ClassifyRun() {}

  /**
   * Runs.
   *
   * @param pipeline the inputs
   * @param calibrate calibrate on this input (a configuration) or use the model as it is
   * @param results opens the results writer for the engine's dimensions, or null for none
   * @param rejections the rejections file, or null
   * @param strict stop at the first bad row
   */
  static Outcome run(
      Pipeline pipeline,
      boolean calibrate,
      @Nullable Function<List<Dimension>, ResultWriter> results,
      @Nullable Path rejections,
      boolean strict,
      PrintWriter err) {
    try (RejectionWriter file = rejections == null ? null : RejectionWriter.open(rejections)) {
      RejectionSink sink = file == null ? RejectionSink.discard() : file;
      if (strict) {
        sink = sink.andThen(RejectionSink.strict());
      }
      pipeline.deriveFeatures(sink);
      Engine engine = engine(pipeline, calibrate, strict ? sink : RejectionSink.discard());
      ReportSupport.Accumulator report = ReportSupport.accumulator(engine);
      ArrayDeque<Customer> inFlight = new ArrayDeque<>();
      try (ResultWriter writer = results == null ? null : results.apply(engine.dimensions());
          Pipeline.CustomerStream customers = pipeline.customers(sink, "Classifying")) {
        // classifyAll reads the customers and hands back results in input order, both on this
        // thread: a queue pairs each result with its customer for the report.
        Iterator<Customer> feeding = new Iterator<>() {
          @Override
          public boolean hasNext() {
            return customers.hasNext();
          }

          @Override
          public Customer next() {
            Customer c = customers.next();
            inFlight.add(c);
            return c;
          }
        };
        long classified = engine.classifyAll(feeding, result -> {
          Customer c = inFlight.remove();
          report.add(c, result);
          if (writer != null) {
            writer.write(result);
          }
        });
        FeatureDeriver d = pipeline.deriver();
        long[] join = customers.joinCounts();
        RunSummary summary = new RunSummary(
            customers.customerCounts(),
            pipeline.transactionCounts(),
            d == null ? 0 : d.customerCount(),
            classified,
            join != null ? join[0] + join[1] : (d == null ? classified : 0),
            join != null ? join[2] : 0,
            d == null ? null : d.referenceDate().toString(),
            rejections == null ? null : rejections.toString());
        return new Outcome(summary, engine, report.build(summary, engine));
      }
    }
  }

  /** Builds the engine, calibrating on one pass over the customers when asked. */
  static Engine engine(Pipeline pipeline, boolean calibrate, RejectionSink calibrationSink) {
    EngineBuilder builder = pipeline.engineBuilder();
    if (calibrate) {
      try (Pipeline.CustomerStream population = pipeline.customers(calibrationSink, "Calibrating")) {
        // Lazy: a configuration without population-relative dimensions reads nothing here.
        Model model = builder.calibrate(population);
        builder.model(model);
      }
    }
    return builder.build();
  }
}
