package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.api.Dimension;
import org.clientele.core.Model;
import org.clientele.core.ProviderDiagnostic;
import org.clientele.core.Validation;
import org.clientele.core.job.Segmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The configuration or model file.")
  Path file;

  @Mixin PluginOptions plugins = new PluginOptions();

  @Option(
      names = "--findings",
      description = "List every finding of the strategy: plugin rules added or skipped, rules dropped, coverage.")
  boolean findings;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    // The job reads the input and output sections; the engine builder checks every provider's
    // keys, calibration deferred, and the strategy against the dimensions.
    Segmentation.Builder job = Segmentation.builder();
    plugins.apply(job, spec.commandLine().getErr());
    Validation v = job.configuration(file).build().validate();
    Model model = v.model();
    stdout.printf(Locale.ROOT, "%s is valid.%n", file);
    for (Model.Section s : model.featureSteps()) {
      stdout.printf(Locale.ROOT, "  features  %-12s provider %-10s (adds its features before the dimensions)%n", s.id(), s.provider());
    }
    for (Model.Section s : model.dimensions()) {
      String labels = v.dimensions().stream().filter(d -> d.id().equals(s.id())).findFirst()
          .map(Dimension::labels).map(Object::toString).orElse("(known after calibration)");
      stdout.printf(Locale.ROOT, "  dimension %-12s provider %-10s labels %s%n", s.id(), s.provider(), labels);
    }
    stdout.printf(Locale.ROOT, "  strategy  %s%n", model.strategy().map(Model.Section::provider).orElse("none (plans are empty)"));
    // The strategy's findings are sentences (Strategy.diagnostics()): listed on request, counted
    // otherwise, never sorted by their wording.
    List<String> found = v.strategyDiagnostics();
    if (findings) {
      for (String finding : found) {
        stdout.println("    " + finding.replace("\n", "\n    "));
      }
    } else if (!found.isEmpty()) {
      stdout.printf(Locale.ROOT,
          "    %d finding(s) of the strategy (plugin rules added or skipped, rules dropped, coverage): --findings lists them%n",
          found.size());
    }
    stdout.printf(Locale.ROOT, "  errorPolicy %s%n", model.errorPolicy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (!v.needCalibration().isEmpty()) {
      stdout.printf(Locale.ROOT,
          "  %s calibrated on the data: 'classify --config' does it on each run, 'calibrate' writes a model.%n",
          String.join(", ", v.needCalibration()) + (v.needCalibration().size() == 1 ? " is" : " are"));
    }
    if (!v.complete()) {
      stdout.printf(Locale.ROOT,
          "  note: the strategy was not checked: the labels of %s are known only after calibration"
              + " (its provider does not implement ClassifierProvider.dimension); 'calibrate' checks it.%n",
          String.join(", ", v.labelsUnknown()));
    }
    for (ProviderDiagnostic d : v.diagnostics()) {
      stdout.println("  note: a provider failed to load and was left out: " + d);
    }
    return ExitCodes.OK;
  }
}
