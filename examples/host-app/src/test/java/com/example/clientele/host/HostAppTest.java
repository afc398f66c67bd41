package com.example.clientele.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.testkit.ClienteleAssertions.assertThatClassification;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;

class HostAppTest {

  @Test
  void printsOneLineWithLabelsAndPlanPerArrivingCustomer() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    HostApp.run(HostApp.arrivals(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "Dimensions: [acme-geography]",
        "ACME-001 {acme-geography=CITY} -> in-person-visit",
        "FARM-017 {acme-geography=RURAL} -> scheduled-visit-round",
        "LHASA-003 {acme-geography=REMOTE} -> video-call",
        "WALK-IN-9 {acme-geography=UNKNOWN} -> (no actions)");
  }

  @Test
  void oneDeskServesManyCustomersWithoutErrors() {
    CustomerDesk desk = new CustomerDesk();

    for (var customer : org.clientele.testkit.Population.of(3, 500)) {
      desk.onArrival(customer);
    }
    assertThatClassification(desk.onArrival(Customers.prospect("P-1").build()))
        .hasLabel("acme-geography", "RURAL").plan().hasAction("scheduled-visit-round");
    assertThat(desk.engine().errorCounts().values()).containsOnly(0L);
  }
}
