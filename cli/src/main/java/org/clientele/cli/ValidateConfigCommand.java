package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.IntStream;
import org.clientele.api.ConfigurationException;
import org.clientele.core.demo.DemoPopulation;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.ProviderDiagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clientele validate-config FILE}: every check the engine and the tool make, without data. */
@Command(
    name = "validate-config",
    mixinStandardHelpOptions = true,
    header = "Checks a configuration or model file without reading data.",
    description = {
      "Checks a configuration or model file without reading any data: JSON syntax, known providers,"
          + " every provider's keys and values (a misspelt key is an error), the strategy, and the input"
          + " and output sections. Exit code 0 if valid, 1 with the first problem (file, JSON path, fix).",
      ""
    },
    footerHeading = "%nExample:%n",
    footer = {"  clientele validate-config clientele.json"})
final class ValidateConfigCommand implements Callable<Integer> {

  private static final int SAMPLE = 500;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The configuration or model file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Model model = Pipeline.readModel(file);
    Pipeline.readSections(model);
    EngineBuilder builder = Engine.builder().model(model);
    List<String> needCalibration = new ArrayList<>();
    for (Model.Section s : model.dimensions()) {
      if (!Model.isCalibrated(s)) {
        needCalibration.add(s.id());
      }
    }
    // A population-relative dimension builds only once calibrated: calibrate on a sample (the demo
    // accounts, which carry every standard feature) so that every provider's keys and values are
    // checked by building the engine; the real calibration reads the user's data.
    DemoPopulation sample = DemoPopulation.of(SAMPLE, DemoPopulation.DEFAULT_SEED);
    Model probe = builder.calibrate(IntStream.range(0, SAMPLE).mapToObj(i -> sample.account(i).customer()).iterator());
    List<String> calibrated = new ArrayList<>();
    for (Model.Section s : probe.dimensions()) {
      if (Model.isCalibrated(s) && needCalibration.contains(s.id())) {
        calibrated.add(s.id());
      }
    }
    Engine engine;
    try {
      engine = Engine.builder().model(calibrated.isEmpty() ? model : probe).build();
    } catch (ConfigurationException e) {
      if (!e.location().contains(".calibration")) {
        throw e;
      }
      // The sample lacks what a plugin dimension calibrates on: everything else was checked.
      stdout.printf(Locale.ROOT, "%s: every key and value was checked, but a dimension could not be test-calibrated"
          + " on the built-in sample (%s); it will be calibrated on your data.%n", file, e.getMessage());
      return ExitCodes.OK;
    }
    stdout.printf(Locale.ROOT, "%s is valid.%n", file);
    for (int i = 0; i < engine.dimensions().size(); i++) {
      Model.Section s = model.dimensions().get(i);
      stdout.printf(Locale.ROOT, "  dimension %-12s provider %-10s labels %s%n", s.id(), s.provider(), engine.dimensions().get(i).labels());
    }
    stdout.printf(Locale.ROOT, "  strategy  %s%n", model.strategy().map(Model.Section::provider).orElse("none (plans are empty)"));
    stdout.printf(Locale.ROOT, "  errorPolicy %s%n", model.errorPolicy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (!calibrated.isEmpty()) {
      stdout.printf(Locale.ROOT,
          "  %s calibrated on the data: 'classify --config' does it on each run, 'calibrate' writes a model.%n",
          String.join(", ", calibrated) + (calibrated.size() == 1 ? " is" : " are"));
    }
    for (ProviderDiagnostic d : engine.diagnostics()) {
      stdout.println("  note: a provider failed to load and was left out: " + d);
    }
    return ExitCodes.OK;
  }
}
