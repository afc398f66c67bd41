package org.clientele.classifiers.loyalty;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the default loyalty configuration (no calibration). */
class LoyaltyContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new LoyaltyClassifierProvider();
  }
}
