package org.clientele.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --config} (calibrate on this input) or {@code --model} (use a calibrated model as it is). */
final class ConfigChoice {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration (JSON): dimensions, strategy, input and output sections. Population-relative"
          + " dimensions are calibrated on this input. Default: every built-in dimension with its defaults.")
  @Nullable Path config;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      description = "A calibrated model written by 'clientele calibrate': used as it is, so the thresholds are"
          + " the model's, not this input's.")
  @Nullable Path model;

  static @Nullable Path file(@Nullable ConfigChoice choice) {
    return choice == null ? null : choice.model != null ? choice.model : choice.config;
  }

  static boolean isModel(@Nullable ConfigChoice choice) {
    return choice != null && choice.model != null;
  }
}
