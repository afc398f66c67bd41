package org.clientele.api.spi;

import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Strategy;

/**
 * A cheap, no-argument factory for a {@link Strategy}, found by {@link java.util.ServiceLoader}
 * (declare it in {@code META-INF/services/org.clientele.api.spi.StrategyProvider} and with {@code
 * provides} in {@code module-info.java}) or registered by hand.
 *
 * @since 0.1.0
 */
public interface StrategyProvider {

  /**
   * Returns the provider's name, which configurations use to select it.
   *
   * @return a stable, non-blank, lowercase name such as {@code playbook}
   */
  String name();

  /**
   * Creates a strategy for an engine with the given dimensions.
   *
   * @param config the strategy's configuration section
   * @param dimensions the engine's dimensions, in the positions {@link
   *     org.clientele.api.Segments} will report
   * @return a thread-safe strategy
   * @throws ConfigurationException naming the rule and key if the configuration is invalid or
   *     refers to an unknown dimension or label
   */
  Strategy create(PluginConfig config, List<Dimension> dimensions);
}
