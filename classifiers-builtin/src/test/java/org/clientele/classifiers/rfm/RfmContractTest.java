package org.clientele.classifiers.rfm;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the default RFM configuration: quintiles calibrated through the engine. */
class RfmContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new RfmClassifierProvider();
  }
}
