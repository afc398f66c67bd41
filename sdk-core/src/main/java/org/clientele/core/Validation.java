package org.clientele.core;

import java.util.List;
import java.util.Objects;
import org.clientele.api.Dimension;

/**
 * What {@link EngineBuilder#validate()} checked in a configuration, without data.
 *
 * @param model the configuration that was checked
 * @param dimensions the dimensions whose labels are known, in configuration order
 * @param needCalibration the population-relative dimensions and fitted feature steps not
 *     calibrated yet (step ids first): their keys were checked, their thresholds and fits come from
 *     the data
 * @param labelsUnknown dimensions whose labels their provider can only give after calibration
 *     (it does not implement {@link org.clientele.api.spi.ClassifierProvider#dimension}); while
 *     there is one, the strategy is not checked
 * @param strategyChecked whether the strategy was created against the dimensions (false with no
 *     strategy, or while {@code labelsUnknown} is not empty)
 * @param diagnostics providers that failed to load and were left out
 * @since 0.1.0
 */
public record Validation(
    Model model,
    List<Dimension> dimensions,
    List<String> needCalibration,
    List<String> labelsUnknown,
    boolean strategyChecked,
    List<ProviderDiagnostic> diagnostics) {

  /**
   * Checks and copies the parts.
   *
   * @param model the configuration that was checked
   * @param dimensions the dimensions whose labels are known, in configuration order
   * @param needCalibration the population-relative dimensions and fitted feature steps not
   *     calibrated yet (step ids first): their keys were checked, their thresholds and fits come
   *     from the data
   * @param labelsUnknown dimensions whose labels their provider can only give after calibration
   *     (it does not implement {@link org.clientele.api.spi.ClassifierProvider#dimension}); while
   *     there is one, the strategy is not checked
   * @param strategyChecked whether the strategy was created against the dimensions (false with no
   *     strategy, or while {@code labelsUnknown} is not empty)
   * @param diagnostics providers that failed to load and were left out
   */
  public Validation {
    Objects.requireNonNull(model, "model");
    dimensions = List.copyOf(dimensions);
    needCalibration = List.copyOf(needCalibration);
    labelsUnknown = List.copyOf(labelsUnknown);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Tells whether everything was checked: no dimension's labels wait for calibration, so the
   * strategy was checked too.
   *
   * @return true if the configuration builds once calibrated (calibration itself can still fail
   *     on data that lacks a dimension's feature)
   */
  public boolean complete() {
    return labelsUnknown.isEmpty();
  }
}
