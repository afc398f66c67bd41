package org.clientele.api.spi;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;

/**
 * A cheap, no-argument factory for a {@link Classifier}, found by {@link java.util.ServiceLoader}
 * or registered by hand with the engine's builder.
 *
 * <p>A plugin declares its provider in {@code
 * META-INF/services/org.clientele.api.spi.ClassifierProvider} and, for the module path, with
 * {@code provides org.clientele.api.spi.ClassifierProvider with ...} in {@code module-info.java}.
 * The constructor must do nothing that can fail; real work happens in {@link #create}.
 *
 * <h2>Calibration</h2>
 *
 * A population-relative classifier (quantiles, Pareto cut-offs) returns a {@link Calibrator} from
 * {@link #calibrator}. The engine feeds it the whole population once, puts its {@link
 * Calibrator#result() result} into the configuration under the key {@value #CALIBRATION_KEY}, and
 * then calls {@link #create}. The configuration with that key filled in is part of the engine's
 * model: it is saved as JSON and reloaded in a live service, where {@link #create} finds the
 * calibration already there.
 */
public interface ClassifierProvider {

  /** The configuration key under which the engine stores a calibrator's result. */
  String CALIBRATION_KEY = "calibration";

  /**
   * Returns the provider's name, which configurations use to select it.
   *
   * @return a stable, non-blank, lowercase name such as {@code value}
   */
  String name();

  /**
   * Creates a classifier from its configuration.
   *
   * @param config the configuration section of this dimension; {@link PluginConfig#id()} is the
   *     dimension id the classifier must report
   * @return a thread-safe classifier
   * @throws ConfigurationException naming the key if the configuration is invalid, or if
   *     calibration is required and the configuration has none
   */
  Classifier create(PluginConfig config);

  /**
   * Returns a fresh calibrator if, with this configuration, the classifier needs a pass over the
   * population before it can classify.
   *
   * @param config the configuration section of this dimension
   * @return a new calibrator, or empty if no calibration is needed
   * @throws ConfigurationException naming the key if the configuration is invalid
   */
  default Optional<Calibrator> calibrator(PluginConfig config) {
    return Optional.empty();
  }
}
