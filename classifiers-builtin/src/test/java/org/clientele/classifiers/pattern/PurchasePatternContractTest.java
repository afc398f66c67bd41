package org.clientele.classifiers.pattern;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the default purchase pattern: median cut-offs calibrated through the engine. */
class PurchasePatternContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new PurchasePatternClassifierProvider();
  }
}
