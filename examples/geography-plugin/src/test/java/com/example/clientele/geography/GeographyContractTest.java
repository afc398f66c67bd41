package com.example.clientele.geography;

import java.util.Map;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;

/** The whole plugin contract, from the Clientele test kit. */
class GeographyContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new GeographyClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("regions", Map.of("Tibet", "REMOTE", "Xinjiang", "REMOTE"), "unmapped", "RURAL");
  }
}
