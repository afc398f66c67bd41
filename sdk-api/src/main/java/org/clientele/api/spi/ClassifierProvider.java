package org.clientele.api.spi;

import java.util.Optional;
import java.util.Set;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;

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
 *
 * @since 0.1.0
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

  /**
   * Returns the codec that moves this provider's calibrator state between JVMs, for calibration on
   * a cluster (each partition's calibrator written to bytes, merged on the driver). A provider
   * without one still calibrates in one JVM on any number of threads; a distributed job that needs
   * to calibrate its dimension fails naming the provider.
   *
   * @return the codec, or empty (the default) if the calibrator state cannot leave the JVM
   * @since 0.1.0
   */
  default Optional<CalibratorCodec> calibratorCodec() {
    return Optional.empty();
  }

  /**
   * Returns the dimension {@link #create} would classify on with this configuration, when it is
   * known before calibration (it usually is: the labels are fixed or configured). The engine uses
   * it to check a strategy against a configuration whose calibration is deferred ({@code
   * EngineBuilder.validate()}, {@code clientele validate-config}). A provider that needs
   * calibration should implement it; for one that does not, the engine creates the classifier.
   *
   * <p>Together with {@link #calibrator} it must read every key {@link #create} reads (other than
   * the calibration), so that an unread key is a typo there too.
   *
   * @param config the configuration section of this dimension, without calibration
   * @return the dimension, or empty (the default) if it is known only after calibration
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  default Optional<Dimension> dimension(PluginConfig config) {
    return Optional.empty();
  }

  /**
   * Returns the features a classifier made from this configuration reads ({@link
   * Classifier#features()}), when they are known before calibration. The engine asks before it
   * reads any input: a plugin's own features are declared when its classes load, so a customers
   * file's columns are mapped to them only once they exist; and a dimension none of whose features
   * the input has is reported before the long calibration pass instead of being calibrated on
   * nothing. A provider that needs calibration should implement it (returning constants declared
   * in the provider class or in this method's body); for one that does not, the engine creates the
   * classifier and asks it. Without it, the engine learns the features after calibration, and
   * reads the input once more when the first pass missed one of them.
   *
   * @param config the configuration section of this dimension, without calibration
   * @return the features, or empty (the default) if they are known only from the classifier
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  default Set<Feature<?>> features(PluginConfig config) {
    return Set.of();
  }

  /**
   * Tells whether the engine includes this provider in the default configuration, the one used
   * when no configuration names the dimensions. A provider whose inputs a default run does not
   * have (the churn model needs the lifetimes summary of a transaction log) returns false: it is
   * then used only where a configuration names it, instead of failing every default run that
   * happens to have its jar on the class path.
   *
   * @return true (the default) to be part of the default configuration
   * @since 0.1.0
   */
  default boolean inDefaultConfiguration() {
    return true;
  }
}
