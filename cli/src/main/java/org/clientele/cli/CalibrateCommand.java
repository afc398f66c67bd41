package org.clientele.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.clientele.core.job.Segmentation;
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
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
      // Checked before the (long) pass, like the configuration.
      throw new CliException("--out " + out + ": no such folder " + folder + "; create it first");
    }
    if (java.nio.file.Files.isDirectory(out)) {
      throw new CliException("--out " + out + ": is a folder; name the model file, e.g. --out " + out.resolve("model.json"));
    }
    Segmentation job = in.job(config, Segmentation.Calibration.ALWAYS, err);
    Segmentation.Calibrated calibrated;
    try (RejectionWriter file = rejections == null ? null : RejectionWriter.open(rejections)) {
      calibrated = job.calibrate(file == null ? RejectionSink.discard() : file);
    }
    Model model = calibrated.model();
    model.write(out); // self-contained: a playbook file's rules are embedded
    calibrated.warnings().forEach(w -> err.println("warning: " + w.message()));
    List<String> done = new ArrayList<>();
    for (Model.Section s : model.dimensions()) {
      if (Model.isCalibrated(s)) {
        done.add(s.id());
      }
    }
    for (String line : calibrated.counts().lines(rejections == null ? null : rejections.toString())) {
      stdout.println(line.replace("Classified", "Calibrated on"));
    }
    stdout.printf(Locale.ROOT, "Model: %s (%d dimensions; calibrated: %s)%n", out, model.dimensions().size(),
        done.isEmpty() ? "none needed" : String.join(", ", done));
    return calibrated.counts().rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
  }
}
