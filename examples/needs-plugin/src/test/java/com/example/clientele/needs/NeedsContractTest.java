package com.example.clientele.needs;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The whole plugin contract, calibration included, on a population that has the plugin's columns. */
class NeedsContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new NeedsClassifierProvider();
  }

  @Override
  protected List<Customer> population() {
    return NeedsPopulation.of(20_261_129L, 1_000);
  }
}
