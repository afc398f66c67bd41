package org.clientele.classifiers.value;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the default value configuration: Pareto, calibrated through the engine. */
class ValueContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new ValueClassifierProvider();
  }
}
