package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.clientele.api.ConfigurationException;
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
   * @param engine the engine that classified (its model is the calibrated one); null when no
   *     customer was accepted and the configuration needs calibration, so no engine could be built
   * @param report the segmentation report, or null without an engine
   */
  record Outcome(RunSummary summary, @Nullable Engine engine, ReportSupport.@Nullable Built report) {}

  /** Thrown when calibration is needed but not one customer was accepted to calibrate on. */
  static final class EmptyPopulation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmptyPopulation(ConfigurationException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private ClassifyRun() {}

  /**
   * Runs.
   *
   * @param pipeline the inputs
   * @param calibrate calibrate on this input (a configuration) or use the model as it is
   * @param results opens the results writer for the dimension ids, or null for none
   * @param rejections the rejections file, or null
   * @param strict stop at the first bad row
   */
  static Outcome run(
      Pipeline pipeline,
      boolean calibrate,
      @Nullable Function<List<String>, ResultWriter> results,
      @Nullable Path rejections,
      boolean strict,
      PrintWriter err) {
    try (RejectionWriter file = rejections == null ? null : RejectionWriter.open(rejections)) {
      RejectionSink sink = file == null ? RejectionSink.discard() : file;
      if (strict) {
        sink = sink.andThen(RejectionSink.strict());
      }
      pipeline.deriveFeatures(sink);
      Engine engine;
      List<String> ids;
      try {
        engine = engine(pipeline, calibrate, strict ? sink : RejectionSink.discard());
        ids = engine.dimensions().stream().map(org.clientele.api.Dimension::id).toList();
      } catch (EmptyPopulation e) {
        engine = null;
        ids = pipeline.engineBuilder().calibrate(Collections.<Customer>emptyIterator())
            .dimensions().stream().map(Model.Section::id).toList();
      }
      ReportSupport.@Nullable Accumulator report = engine == null ? null : ReportSupport.accumulator(engine, pipeline.model());
      try (ResultWriter writer = results == null ? null : results.apply(ids);
          Pipeline.CustomerStream customers = pipeline.customers(sink, "Classifying")) {
        long classified;
        if (engine == null) {
          // Nothing was accepted: read once more only to count and report the rejected rows.
          while (customers.hasNext()) {
            customers.next();
          }
          classified = 0;
        } else {
          classified = engine.classifyEach(customers, (customer, result) -> {
            report.add(customer, result);
            if (writer != null) {
              writer.write(result);
            }
          });
        }
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
        return new Outcome(summary, engine, engine == null ? null : report.build(summary, engine));
      }
    }
  }

  /**
   * Builds the engine, calibrating on one pass over the customers when asked.
   *
   * @throws EmptyPopulation if calibration was needed and there was not one customer
   */
  static Engine engine(Pipeline pipeline, boolean calibrate, RejectionSink calibrationSink) {
    EngineBuilder builder = pipeline.engineBuilder();
    if (!calibrate) {
      return builder.build();
    }
    try (Pipeline.CustomerStream population = pipeline.customers(calibrationSink, "Calibrating")) {
      // Lazy: a configuration without population-relative dimensions reads nothing here.
      try {
        builder.model(builder.calibrate(population));
        return builder.build();
      } catch (ConfigurationException e) {
        if (population.count() == 0 && !population.hasNext()) {
          throw new EmptyPopulation(e);
        }
        if (e.location().contains(".calibration")) {
          throw new ConfigurationException(e.location(), e.getMessage().substring(e.location().length()).replaceFirst("^: ", "")
              + " (calibrated on " + population.count() + " customers, none with the feature this dimension reads:"
              + " give a transaction log with --transactions, add the column to the customers file,"
              + " or leave the dimension out of the configuration)", e);
        }
        throw e;
      }
    }
  }
}
