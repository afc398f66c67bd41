package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.junit.jupiter.api.Test;

/**
 * Security: configuration names providers, never classes; hosts can refuse unknown plugin names;
 * customer ids and feature values stay out of the logs at INFO and above.
 */
class SecurityTest {

  /** Set by {@link Bait}'s class initialiser: proves whether the class was ever initialised. */
  static volatile boolean baitInitialised;

  /** A provider class that a configuration might try to name directly. */
  public static final class Bait extends Fixtures.NamedProvider {
    static {
      baitInitialised = true;
    }

    public Bait() {
      super("bait");
    }
  }

  @Test
  void aClassNameInProviderIsJustAnUnknownNameAndTheClassIsNeverLoaded() {
    String className = Bait.class.getName();

    assertThatThrownBy(() -> Engine.builder()
            .configuration("{\"dimensions\": {\"x\": {\"provider\": \"" + className + "\"}}, \"strategy\": null}", "cfg.json")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("cfg.json $.dimensions.x.provider: unknown ClassifierProvider '" + className + "'. Known: [");
    assertThatThrownBy(() -> Engine.builder()
            .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"" + className + "\"}}", "cfg.json")
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("cfg.json $.strategy.provider: unknown StrategyProvider '" + className + "'");
    // Polymorphic-typing bait in settings is plain data: a list of strings, not an instance.
    assertThatThrownBy(() -> Engine.builder()
            .configuration("{\"dimensions\": {\"threshold\": {\"threshold\": [\"" + className + "\", {}]}}, \"strategy\": null}", "cfg.json")
            .build())
        .hasMessageStartingWith("cfg.json $.dimensions.threshold.threshold: expected a number");
    assertThat(baitInitialised).as("the named class was initialised").isFalse();
  }

  // ---------------------------------------------------------------- allow-list

  @Test
  void anAllowListRefusesDiscoveredProvidersWithOtherNamesAsDiagnostics() {
    EngineBuilder builder = Engine.builder().allowProviders(Set.of("threshold"));

    assertThat(builder.classifierProviderNames()).containsExactly("threshold");
    assertThat(builder.diagnostics())
        .extracting(ProviderDiagnostic::service, ProviderDiagnostic::provider, ProviderDiagnostic::problem)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ClassifierProvider", Fixtures.MedianProvider.class.getName(),
                "refused: 'median' is not in the allow-list (EngineBuilder.allowProviders)"),
            org.assertj.core.groups.Tuple.tuple("StrategyProvider", Fixtures.SimpleStrategyProvider.class.getName(),
                "refused: 'simple' is not in the allow-list (EngineBuilder.allowProviders)"));
    assertThatThrownBy(() -> builder.configuration("{\"dimensions\": {\"median\": {}}, \"strategy\": null}", "cfg.json").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown ClassifierProvider 'median'. Known: [threshold].")
        .hasMessageContaining("refused: 'median' is not in the allow-list");
    Engine engine = builder.configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}", "cfg.json").build();
    assertThat(engine.classify(Customer.builder("a").set(StandardFeatures.REVENUE_12M, 5_000.0).build()).label("threshold"))
        .isEqualTo("HIGH");
    assertThat(engine.diagnostics()).hasSize(2);
  }

  @Test
  void providersRegisteredByHandAreAcceptedWhateverTheAllowList() {
    Engine engine =
        Engine.builder()
            .allowProviders(Set.of("simple"))
            .register(new Fixtures.FaultyProvider())
            .configuration("{\"dimensions\": {\"faulty\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json")
            .build();

    assertThat(engine.dimensions()).extracting(Dimension::id).containsExactly("faulty");
    assertThat(Engine.builder().allowProviders(Set.of()).classifierProviderNames()).isEmpty();
    assertThatThrownBy(() -> Engine.builder().allowProviders(null)).isInstanceOf(NullPointerException.class).hasMessage("names");
  }

  // ---------------------------------------------------------------- logs

  private static final String SECRET_ID = "SECRET-ID-4711";
  private static final String SECRET_VALUE = "987654.32";

  /** A classifier whose exception messages carry the customer's id and revenue, as careless plugins do. */
  static final class Leaky implements ClassifierProvider {
    @Override
    public String name() {
      return "leaky";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension d = Dimension.of(config.id(), "ONLY");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          throw new IllegalStateException("cannot classify " + customer.id() + " with revenue "
              + customer.number(StandardFeatures.REVENUE_12M, Double.NaN),
              new IllegalArgumentException("caused by " + customer.id()));
        }

        @Override
        public Assignment explain(Customer customer) {
          throw new IllegalStateException("cannot explain " + customer.id());
        }
      };
    }
  }

  @Test
  void customerIdsAndFeatureValuesStayOutOfLogsAtInfoAndAbove() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Customer secret = Customer.builder(SECRET_ID).set(StandardFeatures.REVENUE_12M, Double.parseDouble(SECRET_VALUE)).build();
    try {
      // Readers: unmapped columns are logged at INFO; rejected rows (with ids and values) are not.
      try (CustomerReader reader = CustomerReader.open(
          new StringReader("id,revenue_12m,satisfaction,notes_" + SECRET_VALUE.hashCode() + "\n"
              + SECRET_ID + "," + SECRET_VALUE + ",9,x\n" + SECRET_ID + "x,abc" + SECRET_VALUE + ",1,y\n"),
          "customers.csv", CustomerFormat.defaults(), RejectionSink.discard())) {
        reader.forEachRemaining(c -> {});
      }
      try (TransactionReader reader = TransactionReader.open(
          new StringReader("customer_id,date,amount\n" + SECRET_ID + ",2024-13-01," + SECRET_VALUE + "\n"),
          "orders.csv", TransactionFormat.defaults(), RejectionSink.discard())) {
        reader.forEachRemaining(t -> {});
      }
      // Engine: a failing plugin is logged once at WARN, without its messages.
      Engine fallback = Engine.builder().register(new Leaky())
          .configuration("{\"dimensions\": {\"threshold\": {}, \"leaky\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json")
          .build();
      fallback.classify(secret);
      fallback.explain(secret);
      Engine failFast = Engine.builder().register(new Leaky())
          .configuration("{\"dimensions\": {\"leaky\": {}}, \"strategy\": null, \"errorPolicy\": \"fail-fast\"}", "cfg.json")
          .build();
      assertThatThrownBy(() -> failFast.classify(secret))
          .isInstanceOf(ClassificationException.class)
          .hasMessageNotContaining(SECRET_ID)
          .hasMessageNotContaining(SECRET_VALUE)
          .hasMessageContaining("java.lang.IllegalStateException (message withheld");
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);

    assertThat(log).as("the capture works: the INFO and WARN lines are there")
        .contains("INFO org.clientele.core.io.CustomerReader")
        .contains("WARN org.clientele.core.Engine - Classifier for dimension 'leaky'")
        .contains("java.lang.IllegalStateException (message withheld")
        .contains("Caused by: java.lang.IllegalArgumentException (message withheld")
        .contains("at org.clientele.core.SecurityTest$Leaky");
    assertThat(log).doesNotContain(SECRET_ID).doesNotContain(SECRET_VALUE).doesNotContain("987654");
  }
}
