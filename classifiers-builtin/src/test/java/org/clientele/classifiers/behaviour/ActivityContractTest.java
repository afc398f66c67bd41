package org.clientele.classifiers.behaviour;

import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the {@code activity} scheme, quantile cut-offs calibrated through the engine. */
class ActivityContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new BehaviourClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("scheme", "activity");
  }
}
