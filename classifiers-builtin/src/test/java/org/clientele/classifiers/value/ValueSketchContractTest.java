package org.clientele.classifiers.value;

import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/**
 * The contract on the sketch regime: quantile cut-offs from a KLL sketch ({@code sketch.exactLimit}
 * 0), whose calibration must round-trip through the model JSON like the exact one.
 */
class ValueSketchContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new ValueClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("method", "quantile", "sketch", Map.of("exactLimit", 0));
  }
}
