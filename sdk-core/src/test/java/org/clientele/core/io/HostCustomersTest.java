package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;

/** A host's customers are checked as a file's rows are, and every one is counted. */
class HostCustomersTest {

  @Test
  void rejectsOutOfRangeAndContradictoryCustomersWithTheirPositionAndFeature() {
    List<Customer> in = List.of(
        Customer.builder("ok").set(StandardFeatures.ORDERS_12M, 3.0).set(StandardFeatures.SATISFACTION, 5.0).build(),
        Customer.builder("negative").set(StandardFeatures.ORDERS_12M, -3.0).build(),
        Customer.builder("unhappy").set(StandardFeatures.SATISFACTION, 0.0).build(),
        Customer.builder("swapped")
            .set(StandardFeatures.FIRST_PURCHASE_DATE, LocalDate.of(2024, 5, 1))
            .set(StandardFeatures.LAST_PURCHASE_DATE, LocalDate.of(2024, 1, 1)).build(),
        Customer.builder("silent").set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, 400.0)
            .set(StandardFeatures.TENURE_DAYS, 100.0).build(),
        Customer.builder("refunds").set(StandardFeatures.REVENUE_12M, -50.0).build()); // revenue may be negative
    List<Rejection> rejected = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    try (Records<Customer> records = HostCustomers.of(in.iterator(), "accounts (host)", rejected::add)) {
      while (records.hasNext()) {
        accepted.add(records.next().id());
        assertThat(records.line()).isPositive();
      }
      ReadCounts counts = records.counts();
      assertThat(counts.read()).isEqualTo(6);
      assertThat(counts.accepted()).isEqualTo(2);
      assertThat(counts.rejected()).isEqualTo(4);
      assertThat(counts.rejectedByReason())
          .containsEntry(RejectionReason.OUT_OF_RANGE, 2L)
          .containsEntry(RejectionReason.CONTRADICTORY_VALUES, 2L);
      assertThat(records.wasRejected("negative")).isTrue();
      assertThat(records.rejectedLine("swapped")).hasValue(4);
      assertThat(records.wasRejected("ok")).isFalse();
    }
    assertThat(accepted).containsExactly("ok", "refunds");
    assertThat(rejected).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L);
    Rejection negative = rejected.get(0);
    assertThat(negative.source()).isEqualTo("accounts (host)");
    assertThat(negative.column()).isEqualTo("orders_12m");
    assertThat(negative.value()).isEqualTo("-3");
    assertThat(negative.message()).isEqualTo("customer negative: orders_12m must be at least 0");
    assertThat(negative.fix()).contains("correct the value");
    assertThat(rejected.get(1).message()).isEqualTo("customer unhappy: satisfaction must be from 1 to 5");
    assertThat(rejected.get(2).column()).isEqualTo("first_purchase_date");
    assertThat(rejected.get(3).column()).isEqualTo("days_since_last_purchase");
    assertThat(rejected.get(3).message()).contains("400 days ago", "tenure_days");
  }

  @Test
  void aCustomerWithTwoValuesOutOfRangeIsAlwaysRejectedForTheFirstInAFixedOrder() {
    Customer two = Customer.builder("two").set(StandardFeatures.VISITS_3M, -2.0).set(StandardFeatures.ORDERS_12M, -1.0).build();
    assertThat(HostCustomers.check(two, "crm", 7)).hasValueSatisfying(r -> {
      assertThat(r.column()).isEqualTo("orders_12m"); // the ranges' order, not the map's nor the builder's
      assertThat(r.value()).isEqualTo("-1");
      assertThat(r.line()).isEqualTo(7);
    });
  }

  @Test
  void lineIsThePositionOfTheCustomerLastReturnedEvenAfterLookingAhead() {
    List<Customer> in = List.of(Customer.builder("a").build(), Customer.builder("bad").set(StandardFeatures.AGE, 200.0).build(),
        Customer.builder("c").build());
    try (Records<Customer> records = HostCustomers.of(in.iterator(), "crm", r -> { })) {
      assertThat(records.next().id()).isEqualTo("a");
      assertThat(records.hasNext()).isTrue(); // reads past "bad" to "c"
      assertThat(records.line()).isEqualTo(1);
      assertThat(records.next().id()).isEqualTo("c");
      assertThat(records.line()).isEqualTo(3);
      assertThat(records.hasNext()).isFalse();
    }
  }
}
