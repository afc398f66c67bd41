package com.example.clientele.host;

import java.io.PrintStream;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;

/**
 * A host application in miniature: customers arrive one by one (here from a list; in a real
 * service from requests or a queue), and each gets its labels and plan at once.
 *
 * <p>Run it from the repository root: {@code ./mvnw -B -q -pl examples/host-app -am package
 * -DskipTests}, then {@code java -cp "examples/host-app/target/host-app-0.1.0-SNAPSHOT.jar:$(cat
 * examples/host-app/target/classpath.txt)" com.example.clientele.host.HostApp}.
 */
public final class HostApp {

  private HostApp() {}

  /**
   * Classifies a few arriving customers and prints their plans.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(arrivals(), System.out);
  }

  /**
   * Builds the desk once and prints one line per arriving customer.
   *
   * @param arrivals the customers, in arrival order
   * @param out where to print
   */
  public static void run(Iterable<Customer> arrivals, PrintStream out) {
    CustomerDesk desk = new CustomerDesk();
    out.println("Dimensions: " + desk.engine().dimensions().stream().map(d -> d.id()).toList());
    for (Customer customer : arrivals) {
      out.println(CustomerDesk.describe(desk.onArrival(customer)));
    }
  }

  static List<Customer> arrivals() {
    return List.of(
        Customer.builder("ACME-001").set(StandardFeatures.REGION, "Jiangsu").set(StandardFeatures.REGION_TYPE, "city")
            .set(StandardFeatures.REVENUE_12M, 182_000.0).build(),
        Customer.builder("FARM-017").set(StandardFeatures.REGION_TYPE, "Rural").build(),
        Customer.builder("LHASA-003").set(StandardFeatures.REGION, "Tibet").set(StandardFeatures.REGION_TYPE, "city").build(),
        Customer.builder("WALK-IN-9").build());
  }
}
