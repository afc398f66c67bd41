package org.clientele.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clientele calibrate}: one pass over the population, the calibrated model written as JSON. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    header = "Calibrates population-relative thresholds on the input and writes the model.",
    sortOptions = false,
    description = {
      "Calibrates the population-relative dimensions (Pareto and quantile cut-offs, RFM quintiles) on one"
          + " pass over the customers and writes the model: the configuration with each such dimension's"
          + " 'calibration' filled in. 'classify --model' then uses exactly these thresholds on other data.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele calibrate --transactions orders.csv --out model.json",
      "  clientele calibrate -c clientele.json --customers accounts.csv --transactions orders.csv --out model-2025-01.json",
      "  clientele classify --model model-2025-01.json --transactions new-orders.csv --out results.jsonl"
    })
final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration (JSON). Default: every built-in dimension with its defaults.")
  @Nullable Path config;

  @Mixin InputOptions in = new InputOptions();

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The model file to write.")
  Path out;

  @Option(names = "--rejections", paramLabel = "FILE", description = "Write rejected rows here.")
  @Nullable Path rejections;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline pipeline = Pipeline.create(config, in, err);
    Model model;
    RunSummary summary;
    try (RejectionWriter file = rejections == null ? null : RejectionWriter.open(rejections)) {
      RejectionSink sink = file == null ? RejectionSink.discard() : file;
      if (in.strict) {
        sink = sink.andThen(RejectionSink.strict());
      }
      pipeline.deriveFeatures(sink);
      EngineBuilder builder = pipeline.engineBuilder();
      try (Pipeline.CustomerStream customers = pipeline.customers(sink, "Calibrating")) {
        // Always read the whole input, even if nothing needs calibrating, so that the counts and
        // rejections are complete.
        model = builder.calibrate(customers);
        while (customers.hasNext()) {
          customers.next();
        }
        FeatureDeriver d = pipeline.deriver();
        long[] join = customers.joinCounts();
        summary = new RunSummary(
            customers.customerCounts(),
            pipeline.transactionCounts(),
            d == null ? 0 : d.customerCount(),
            customers.count(),
            join != null ? join[0] + join[1] : (d == null ? customers.count() : 0),
            join != null ? join[2] : 0,
            d == null ? null : d.referenceDate().toString(),
            rejections == null ? null : rejections.toString());
      }
      builder.model(model).build(); // the model must build: unknown keys, bad values fail here
    }
    model.write(out);
    List<String> calibrated = new ArrayList<>();
    for (Model.Section s : model.dimensions()) {
      if (Model.isCalibrated(s)) {
        calibrated.add(s.id());
      }
    }
    for (String line : summary.lines()) {
      stdout.println(line.replace("Classified", "Calibrated on"));
    }
    stdout.printf(Locale.ROOT, "Model: %s (%d dimensions; calibrated: %s)%n", out, model.dimensions().size(),
        calibrated.isEmpty() ? "none needed" : String.join(", ", calibrated));
    return summary.rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
  }
}
