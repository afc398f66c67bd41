package org.clientele.testkit;

import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.samples.RevenueBandProvider;

/** A well-behaved provider passes the whole contract. */
class RevenueBandContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new RevenueBandProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("threshold", 5_000);
  }
}
