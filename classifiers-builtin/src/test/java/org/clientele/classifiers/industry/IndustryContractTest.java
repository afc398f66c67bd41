package org.clientele.classifiers.industry;

import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the industry provider, with a mapping override so the {@code mapping} key is read. */
class IndustryContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new IndustryClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("mapping", Map.of("6420", "FINANCE"));
  }
}
