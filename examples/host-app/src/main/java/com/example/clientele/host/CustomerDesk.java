package com.example.clientele.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Engine;

/**
 * The host's service: builds the engine once, from the configuration on its class path, and
 * classifies each customer as it arrives. The engine is immutable and thread-safe, so one desk
 * serves every request thread.
 */
public final class CustomerDesk {

  private final Engine engine;

  /**
   * Builds the engine from {@code /clientele.json}. Classifier plugins on the class path are
   * found by ServiceLoader; the host's own strategy is registered by hand.
   */
  public CustomerDesk() {
    this.engine = Engine.builder()
        .register(new FieldSalesStrategyProvider())
        .configuration(resource("/clientele.json"), "clientele.json")
        .build();
  }

  /**
   * Classifies one customer.
   *
   * @param customer the customer who just arrived
   * @return the labels and plan
   */
  public Classification onArrival(Customer customer) {
    return engine.classify(Objects.requireNonNull(customer, "customer"));
  }

  /**
   * Describes a result in one line: the labels, then the plan's actions, most urgent first.
   *
   * @param result a classification
   * @return for example {@code C-1 {acme-geography=CITY} -> in-person-visit}
   */
  public static String describe(Classification result) {
    String plan = result.plan().isEmpty()
        ? "(no actions)"
        : result.plan().actions().stream().map(Action::code).collect(Collectors.joining(", "));
    return result.customerId() + " " + result.labels() + " -> " + plan;
  }

  /**
   * Returns the engine, for its dimensions and error counts.
   *
   * @return the engine
   */
  public Engine engine() {
    return engine;
  }

  private static String resource(String name) {
    try (InputStream in = CustomerDesk.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
