package org.clientele.api.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;

/**
 * A {@link ClassifierProvider} for the common shape of a dimension: fixed labels, and settings
 * read from the configuration by one function (usually a record's {@code read(PluginConfig)}).
 * {@link #dimension(PluginConfig)}, {@link #features(PluginConfig)} and {@link #create(PluginConfig)}
 * all start from that function, so an invalid key fails the same way wherever the engine first
 * asks ({@code validate-config}, the features check before the input is read, or the build), and
 * every key {@code create} reads is read by {@code dimension} too, as the engine's unread-key
 * check requires.
 *
 * <p>A subclass hands its name and four functions to the constructor: how the dimension is made
 * under a configured id, how the settings are read, which features they name, and how a
 * classifier is made from them. The settings type stays out of the subclass's signature, so it
 * can be package-private:
 *
 * <pre>{@code
 * public final class PromotionClassifierProvider extends SettingsClassifierProvider {
 *   public PromotionClassifierProvider() {
 *     super("promotion", PromotionClassifier::dimension, PromotionSettings::read,
 *         s -> Set.of(s.received(), s.redeemed()),
 *         (dimension, s, config) -> new PromotionClassifier(dimension, s));
 *   }
 * }
 * }</pre>
 *
 * <p>A calibrated dimension also overrides {@link #calibrator(PluginConfig)} and reads its
 * calibration from {@code config} in its {@link Factory}. A provider whose labels depend on the
 * configuration implements {@link ClassifierProvider} directly.
 *
 * @since 0.1.0
 */
public abstract class SettingsClassifierProvider implements ClassifierProvider {

  /**
   * Makes a classifier from its dimension and settings.
   *
   * @param <S> the provider's settings
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Factory<S> {
    /**
     * Makes the classifier.
     *
     * @param dimension the dimension, under the configured id
     * @param settings the settings
     * @param config the configuration section, for a calibration under {@link
     *     ClassifierProvider#CALIBRATION_KEY} (other keys are read by the settings function)
     * @return a thread-safe classifier
     * @throws ConfigurationException naming the key if the configuration or its calibration is
     *     invalid
     * @since 0.1.0
     */
    Classifier create(Dimension dimension, S settings, PluginConfig config);
  }

  /** The functions of one settings type, kept together so that they agree on it. */
  private record Bound<S>(
      Function<PluginConfig, ? extends S> settings,
      Function<? super S, Set<Feature<?>>> features,
      Factory<? super S> factory) {

    /** Reads the settings for their errors alone. */
    void check(PluginConfig config) {
      var unused = settings.apply(config);
    }

    Set<Feature<?>> features(PluginConfig config) {
      return features.apply(settings.apply(config));
    }

    Classifier create(Dimension dimension, PluginConfig config) {
      return factory.create(dimension, settings.apply(config), config);
    }
  }

  private final String name;
  private final Function<String, Dimension> dimension;
  private final Bound<?> bound;

  /**
   * Creates the provider; does nothing that can fail, as {@link java.util.ServiceLoader} requires.
   *
   * @param <S> the provider's settings, read from a dimension's configuration section
   * @param name the provider's name ({@link #name()})
   * @param dimension makes the dimension, with its fixed labels, under the id the configuration
   *     gives ({@link PluginConfig#id()})
   * @param settings reads the settings from a dimension's configuration section, throwing a {@link
   *     ConfigurationException} (from {@link PluginConfig#error}) naming the key of an invalid value
   * @param features the features a classifier with these settings reads (its {@link
   *     Classifier#features()})
   * @param factory makes the classifier
   * @since 0.1.0
   */
  protected <S> SettingsClassifierProvider(
      String name,
      Function<String, Dimension> dimension,
      Function<PluginConfig, ? extends S> settings,
      Function<? super S, Set<Feature<?>>> features,
      Factory<? super S> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.dimension = Objects.requireNonNull(dimension, "dimension");
    this.bound = new Bound<S>(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(features, "features"),
        Objects.requireNonNull(factory, "factory"));
  }

  @Override
  public final String name() {
    return name;
  }

  /**
   * Reads the settings, so that an invalid key is reported here too, and returns the dimension.
   *
   * @param config the configuration section of this dimension, without calibration
   * @return the dimension under {@code config.id()}
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  @Override
  public final Optional<Dimension> dimension(PluginConfig config) {
    bound.check(config);
    return Optional.of(dimension.apply(config.id()));
  }

  /**
   * Returns the features the settings name.
   *
   * @param config the configuration section of this dimension, without calibration
   * @return the features a classifier made from this configuration reads
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  @Override
  public final Set<Feature<?>> features(PluginConfig config) {
    return bound.features(config);
  }

  /**
   * Reads the settings and makes the classifier with the {@link Factory}.
   *
   * @param config the configuration section of this dimension, with its calibration if any
   * @return a thread-safe classifier
   * @throws ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  @Override
  public final Classifier create(PluginConfig config) {
    return bound.create(dimension.apply(config.id()), config);
  }
}
