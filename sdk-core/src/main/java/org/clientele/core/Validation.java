package org.clientele.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;

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
 * @param features the features each dimension reads, by dimension id in configuration order, as
 *     far as they are known without data: its classifier's {@link
 *     org.clientele.api.Classifier#features()}, or for a dimension still to calibrate its
 *     provider's {@link org.clientele.api.spi.ClassifierProvider#features(org.clientele.api.spi.PluginConfig)}
 *     (an empty set when the provider does not say). Asking for them declares a plugin's own
 *     features, so that a reader opened afterwards maps the input's columns to them.
 * @param strategyDiagnostics what the strategy found when it was created against the dimensions
 *     ({@link org.clientele.api.Strategy#diagnostics()}: plugin rules added or skipped, rules
 *     dropped, coverage gaps); empty when the strategy was not checked
 * @since 0.1.0
 */
public record Validation(
    Model model,
    List<Dimension> dimensions,
    List<String> needCalibration,
    List<String> labelsUnknown,
    boolean strategyChecked,
    List<ProviderDiagnostic> diagnostics,
    Map<String, Set<Feature<?>>> features,
    List<String> strategyDiagnostics) {

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
   * @param features the features each dimension reads, as far as they are known without data
   * @param strategyDiagnostics what the strategy found when it was created
   */
  public Validation {
    Objects.requireNonNull(model, "model");
    dimensions = List.copyOf(dimensions);
    needCalibration = List.copyOf(needCalibration);
    labelsUnknown = List.copyOf(labelsUnknown);
    diagnostics = List.copyOf(diagnostics);
    Map<String, Set<Feature<?>>> copy = new LinkedHashMap<>();
    features.forEach((id, f) -> copy.put(id, Set.copyOf(f)));
    features = java.util.Collections.unmodifiableMap(copy);
    strategyDiagnostics = List.copyOf(strategyDiagnostics);
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
