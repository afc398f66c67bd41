package org.clientele.classifiers.risk;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the default risk configuration (no calibration). */
class RiskContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new RiskClassifierProvider();
  }
}
