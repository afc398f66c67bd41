package org.clientele.practice.needs;

import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.practice.PracticePopulation;
import org.clientele.testkit.ClassifierProviderContract;

/** The contract with the calibrated service cut-off ({@code serviceTopShare}), calibration checks included. */
class NeedsCalibratedContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new NeedsClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("serviceTopShare", 0.2);
  }

  @Override
  protected List<Customer> population() {
    return PracticePopulation.of(20_261_129L, 1_000);
  }
}
