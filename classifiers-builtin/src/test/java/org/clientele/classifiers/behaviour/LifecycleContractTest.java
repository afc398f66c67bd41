package org.clientele.classifiers.behaviour;

import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the behaviour provider's default scheme, {@code lifecycle}. */
class LifecycleContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new BehaviourClassifierProvider();
  }
}
