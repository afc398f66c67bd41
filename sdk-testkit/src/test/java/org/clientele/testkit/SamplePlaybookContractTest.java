package org.clientele.testkit;

import java.util.List;
import java.util.Map;
import org.clientele.api.Dimension;
import org.clientele.api.spi.StrategyProvider;
import org.clientele.testkit.samples.SamplePlaybookProvider;

/** A well-behaved strategy passes the strategy contract. */
class SamplePlaybookContractTest extends StrategyProviderContract {

  @Override
  protected StrategyProvider provider() {
    return new SamplePlaybookProvider();
  }

  @Override
  protected List<Dimension> dimensions() {
    return List.of(Dimension.of("value", "CORE", "LOW"), Dimension.of("band", "HIGH", "LOW", "UNKNOWN"));
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("dimension", "band");
  }
}
