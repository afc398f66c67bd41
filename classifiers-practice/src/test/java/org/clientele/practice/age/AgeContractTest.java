package org.clientele.practice.age;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.practice.PracticeFeatures;
import org.clientele.testkit.ClassifierProviderContract;
import org.clientele.testkit.Population;

/** The whole plugin contract, from the test kit, as a third-party plugin runs it. */
class AgeContractTest extends ClassifierProviderContract {

  @Override
  protected ClassifierProvider provider() {
    return new AgeClassifierProvider();
  }

  @Override
  protected Map<String, ?> configuration() {
    return Map.of("edges", List.of(18, 25, 35, 50, 65), "asOf", "2024-07-01");
  }

  /** The kit's ages, a fifth of them replaced by a birth date, and a few implausible, in one call. */
  @Override
  protected List<Customer> population() {
    return Population.builder().seed(20_240_101L).size(1_000)
        .feature(StandardFeatures.AGE, (c, random) -> random.nextInt(5) == 0 ? null
            : random.nextInt(100) == 0 ? 1978.0 : c.getOrNull(StandardFeatures.AGE))
        .feature(PracticeFeatures.BIRTH_DATE, (c, random) -> LocalDate.of(1940, 1, 1).plusDays(random.nextInt(80 * 365)))
        .build();
  }
}
