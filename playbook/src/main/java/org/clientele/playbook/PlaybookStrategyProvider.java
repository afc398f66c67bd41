package org.clientele.playbook;

import java.util.List;
import org.clientele.api.Dimension;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;

/**
 * The built-in strategy provider, named {@code playbook}: creates a {@link Playbook} from the
 * {@code $.strategy} section of the configuration, or the default playbook if it has no rules.
 *
 * @since 0.1.0
 */
public final class PlaybookStrategyProvider implements StrategyProvider {

  /** The name configurations use: {@code "strategy": {"provider": "playbook"}}. */
  public static final String NAME = "playbook";

  /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
  public PlaybookStrategyProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the playbook.
   *
   * @return a {@link Playbook}
   */
  @Override
  public Strategy create(PluginConfig config, List<Dimension> dimensions) {
    return Playbook.create(config, dimensions);
  }
}
