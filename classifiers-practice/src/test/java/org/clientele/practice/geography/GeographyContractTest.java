package org.clientele.practice.geography;

import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.testkit.ClassifierProviderContract;
import org.clientele.testkit.Population;

/** The whole plugin contract, from the test kit, as a third-party plugin runs it. */
class GeographyContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new GeographyClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("regions", Map.of("Tibet", "MOUNTAIN", "Shanghai", "CITY"), "regionTypes", Map.of("county town", "RURAL"));
  }

  /** The kit's region types (city, rural, mountain), plus raw forms exports carry, in one call. */
  @Override
  protected List<Customer> population() {
    String[] raw = {"Urban", "countryside", "山区", "农村", "county_town", "Gebirge"};
    return Population.builder().seed(20_240_101L).size(1_000)
        .feature(StandardFeatures.REGION_TYPE, (c, random) -> random.nextInt(4) == 0
            ? raw[random.nextInt(raw.length)] : c.getOrNull(StandardFeatures.REGION_TYPE))
        .build();
  }
}
