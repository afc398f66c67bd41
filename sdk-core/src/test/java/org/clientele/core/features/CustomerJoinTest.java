package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.VISITS_12M;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.Transaction;
import org.junit.jupiter.api.Test;

class CustomerJoinTest {

  @Test
  void attributesAndDerivedFeaturesJoinById() {
    FeatureDeriver deriver = FeatureDeriver.asOf(LocalDate.of(2024, 7, 1));
    deriver.add(Transaction.of("B", LocalDate.of(2024, 6, 1), 50));
    deriver.add(Transaction.of("Z", LocalDate.of(2024, 5, 1), 20));
    deriver.add(Transaction.of("B", LocalDate.of(2024, 6, 2), 25));
    String customers = "id,industry_code,revenue_12m\nA,C10,\nB,J62,999\n";
    List<Customer> out = new ArrayList<>();
    CustomerJoin join;
    try (CustomerReader reader = CustomerReader.open(new StringReader(customers), "c.csv", CustomerFormat.defaults(), RejectionSink.strict())) {
      join = CustomerJoin.of(reader, deriver);
      join.forEachRemaining(out::add);
    }
    assertThat(out).extracting(Customer::id).containsExactly("A", "B", "Z");
    assertThat(out.get(0).has(VISITS_12M)).as("a prospect has no purchase features").isFalse();
    assertThat(out.get(0).getOrNull(INDUSTRY_CODE)).isEqualTo("C10");
    assertThat(out.get(1).getOrNull(INDUSTRY_CODE)).isEqualTo("J62");
    assertThat(out.get(1).number(REVENUE_12M, -1)).as("the derived value wins").isEqualTo(75);
    assertThat(out.get(1).number(VISITS_12M, -1)).isEqualTo(2);
    assertThat(out.get(2).has(INDUSTRY_CODE)).isFalse();
    assertThat(join.matched()).isEqualTo(1);
    assertThat(join.attributesOnly()).isEqualTo(1);
    assertThat(join.derivedOnly()).isEqualTo(1);
  }
}
