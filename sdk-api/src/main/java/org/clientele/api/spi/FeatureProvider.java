package org.clientele.api.spi;

import java.util.Optional;
import java.util.Set;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Feature;
import org.clientele.api.FeatureStep;

/**
 * A cheap, no-argument factory for a {@link FeatureStep}: a step that adds computed features
 * (predictions, scores) to every customer before the classifiers run. Found by {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.clientele.api.spi.FeatureProvider}, and
 * {@code provides ... with} in {@code module-info.java}) or registered by hand with the engine's
 * builder; a configuration names it under {@code features}:
 *
 * <pre>{@code
 * { "features":   { "predictions": { "model": "paretonbd", "horizon": 39 } },
 *   "dimensions": { "value": { "potential": { "predictedValue": "predicted_clv" } } } }
 * }</pre>
 *
 * <h2>Calibration</h2>
 *
 * A step fitted on the population (a purchase model) returns a {@link Calibrator} from {@link
 * #calibrator}, exactly as a {@link ClassifierProvider} does: the engine feeds it the whole
 * population once, stores its result under {@link ClassifierProvider#CALIBRATION_KEY} in the
 * step's configuration, which is saved with the model, and calls {@link #create}. Steps are
 * calibrated before the dimensions, and the dimensions' calibrators see the customers with the
 * steps' features (a second pass over the population when both need calibration).
 *
 * <p>A configuration without {@code features} runs no step: the engine's classification path is
 * then exactly what it is without this SPI.
 *
 * @since 0.1.0
 */
public interface FeatureProvider {

  /**
   * Returns the provider's name, which configurations use to select it.
   *
   * @return a stable, non-blank, lowercase name such as {@code predictions}
   * @since 0.1.0
   */
  String name();

  /**
   * Creates the step from its configuration.
   *
   * @param config the configuration section of this step ({@code $.features.<id>}), with the
   *     calibration when {@link #calibrator} asked for one
   * @return a thread-safe step
   * @throws ConfigurationException naming the key if the configuration is invalid, or if
   *     calibration is required and the configuration has none
   * @since 0.1.0
   */
  FeatureStep create(PluginConfig config);

  /**
   * Returns the features the step will add with this configuration, known before calibration, so
   * that a configuration (a playbook rule on {@code p_alive}) can be checked without data.
   *
   * <p>Together with {@link #calibrator} it must read every key {@link #create} reads (other than
   * the calibration), so that an unread key is a typo there too.
   *
   * @param config the configuration section of this step, without calibration
   * @return the features {@link FeatureStep#features()} will return
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  Set<Feature<?>> features(PluginConfig config);

  /**
   * Returns a fresh calibrator if, with this configuration, the step needs a pass over the
   * population before it can compute (a model fit).
   *
   * @param config the configuration section of this step
   * @return a new calibrator, or empty (the default) if no calibration is needed
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  default Optional<Calibrator> calibrator(PluginConfig config) {
    return Optional.empty();
  }
}
