package org.clientele.playbook;

import java.util.List;
import org.clientele.api.Dimension;
import org.clientele.api.spi.StrategyProvider;
import org.clientele.testkit.StrategyProviderContract;

/** The default playbook passes the test kit's strategy contract on the built-in dimensions. */
class PlaybookContractTest extends StrategyProviderContract {

  @Override
  protected StrategyProvider provider() {
    return new PlaybookStrategyProvider();
  }

  @Override
  protected List<Dimension> dimensions() {
    return List.of(
        Dimension.of("value", "CORE", "IMPORTANT", "POTENTIAL", "LOW"),
        Dimension.of("loyalty", "HIGH", "MEDIUM", "LOW"),
        Dimension.of("behaviour", "ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT"),
        Dimension.of("risk", "LOW", "NORMAL", "HIGH", "UNRATED"));
  }
}
