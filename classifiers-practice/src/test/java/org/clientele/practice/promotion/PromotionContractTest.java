package org.clientele.practice.promotion;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.practice.PracticePopulation;
import org.clientele.testkit.ClassifierProviderContract;

/** The whole plugin contract a third party's dimension meets, on the kit's population with the practice columns. */
class PromotionContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new PromotionClassifierProvider();
  }

  @Override
  protected List<Customer> population() {
    return PracticePopulation.of(20_261_129L, 1_000);
  }
}
