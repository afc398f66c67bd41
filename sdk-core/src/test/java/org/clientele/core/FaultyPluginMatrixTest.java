package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Strategy;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faulty-plugin matrix: one test-only provider per way a plugin can break, and for each the
 * documented outcome (a diagnostic, a configuration error, {@code UNCLASSIFIED} with a counted
 * error, or an {@link Error} that propagates), with the other dimensions still classified and no
 * half-built engine. Complements {@link EngineTest} and {@link EngineBuilderTest}, which cover the
 * basic cases on {@code classify(customer)} and a missing class or a throwing constructor.
 */
class FaultyPluginMatrixTest {

  private static final Customer RICH = Customer.builder("C-rich").set(StandardFeatures.REVENUE_12M, 5_000.0).build();
  private static final Customer BAD = Customer.builder("bad-7").set(StandardFeatures.REVENUE_12M, 10.0).build();
  private static final String CONFIG =
      "{\"dimensions\": {\"threshold\": {}, \"broken\": {}}, \"strategy\": {\"provider\": \"simple\"}}";

  // ---------------------------------------------------------------- discovery (class path) faults

  /** Fails while its class initialises: ServiceLoader reports an ExceptionInInitializerError. */
  public static final class StaticInitFails extends Fixtures.NamedProvider {
    static final String NAME = init();

    public StaticInitFails() {
      super(NAME);
    }

    private static String init() {
      throw new IllegalStateException("static initialiser failed");
    }
  }

  /** Listed as a provider but implements neither SPI. */
  public static final class NotAProvider {
    public NotAProvider() {}
  }

  /** name() throws. */
  public static final class NameThrows extends Fixtures.NamedProvider {
    public NameThrows() {
      super("unused");
    }

    @Override
    public String name() {
      throw new IllegalStateException("no name today");
    }
  }

  /** name() is not a valid provider name. */
  public static final class BadName extends Fixtures.NamedProvider {
    public BadName() {
      super("Bad Name");
    }
  }

  static Stream<Arguments> discoveryFaults() {
    return Stream.of(
        Arguments.of(Named.of("class initialiser throws", StaticInitFails.class.getName()), "failed to load", "static initialiser failed"),
        Arguments.of(Named.of("class is not a provider", NotAProvider.class.getName()), "failed to load", "not a subtype"),
        Arguments.of(Named.of("name() throws", NameThrows.class.getName()), "name() failed", "no name today"),
        Arguments.of(Named.of("name() is invalid", BadName.class.getName()), "invalid name 'Bad Name' (expected [a-z][a-z0-9_-]*)", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("discoveryFaults")
  void aProviderThatCannotBeLoadedIsADiagnosticAndTheOthersStillWork(
      String className, String problem, String cause, @TempDir Path dir) throws IOException {
    ClassLoader loader = servicesLoader(dir, "org.clientele.api.spi.ClassifierProvider",
        className, Fixtures.ThresholdProvider.class.getName());

    EngineBuilder builder =
        Engine.builder().classLoader(loader)
            .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json");

    assertThat(builder.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.service()).isEqualTo("ClassifierProvider");
      assertThat(d.provider()).isEqualTo(className);
      assertThat(d.problem()).isEqualTo(problem);
      assertThat(d.cause()).contains(cause);
    });
    Engine engine = builder.build();
    assertThat(engine.diagnostics()).isEqualTo(builder.diagnostics());
    assertThat(engine.classify(RICH).label("threshold")).isEqualTo("HIGH");
    assertThat(engine.classify(RICH).plan().actions()).containsExactly(Fixtures.SimpleStrategyProvider.CALL);
  }

  @Test
  void aStrategyProviderThatFailsToLoadIsADiagnosticAndAConfigurationNamingItFails(@TempDir Path dir) throws IOException {
    ClassLoader loader = servicesLoader(dir, "org.clientele.api.spi.StrategyProvider",
        "org.clientele.core.NoSuchStrategy", Fixtures.SimpleStrategyProvider.class.getName());
    EngineBuilder builder = Engine.builder().classLoader(loader);

    assertThat(builder.diagnostics())
        .extracting(ProviderDiagnostic::service, ProviderDiagnostic::provider, ProviderDiagnostic::problem)
        .contains(org.assertj.core.groups.Tuple.tuple("StrategyProvider", "org.clientele.core.NoSuchStrategy", "failed to load"));
    assertThat(builder.configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json")
            .build().classify(RICH).plan().actions())
        .containsExactly(Fixtures.SimpleStrategyProvider.CALL);
    assertThatThrownBy(() -> builder.configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"gone\"}}", "cfg.json").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown StrategyProvider 'gone'")
        .hasMessageContaining("Providers that failed to load: [StrategyProvider org.clientele.core.NoSuchStrategy: failed to load");
  }

  // ---------------------------------------------------------------- build-time faults

  /** The ways {@code create} and what it returns can break. */
  enum CreateFault {
    CREATE_THROWS_RUNTIME_EXCEPTION("failed to create its classifier: java.lang.IllegalStateException: no database"),
    CREATE_THROWS_LINKAGE_ERROR("failed to create its classifier: java.lang.NoClassDefFoundError: com/example/MissingDependency"),
    CREATE_RETURNS_NULL("failed to create its classifier: java.lang.NullPointerException: create() returned null"),
    DIMENSION_THROWS("failed to report its dimension: java.lang.IllegalStateException: no dimension"),
    DIMENSION_IS_NULL("returned a classifier for dimension 'null'"),
    CALIBRATOR_THROWS("failed to create a calibrator: java.lang.IllegalStateException: no calibrator");

    final String message;

    CreateFault(String message) {
      this.message = message;
    }
  }

  static final class BrokenCreate implements ClassifierProvider {
    private final CreateFault fault;

    BrokenCreate(CreateFault fault) {
      this.fault = fault;
    }

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public java.util.Optional<org.clientele.api.spi.Calibrator> calibrator(PluginConfig config) {
      if (fault == CreateFault.CALIBRATOR_THROWS) {
        throw new IllegalStateException("no calibrator");
      }
      return java.util.Optional.empty();
    }

    @Override
    public Classifier create(PluginConfig config) {
      return switch (fault) {
        case CREATE_THROWS_RUNTIME_EXCEPTION -> throw new IllegalStateException("no database");
        case CREATE_THROWS_LINKAGE_ERROR -> throw new NoClassDefFoundError("com/example/MissingDependency");
        case CREATE_RETURNS_NULL -> null;
        case DIMENSION_THROWS, DIMENSION_IS_NULL -> new Classifier() {
          @Override
          public Dimension dimension() {
            if (fault == CreateFault.DIMENSION_THROWS) {
              throw new IllegalStateException("no dimension");
            }
            return null;
          }

          @Override
          public void classify(Customer customer, LabelSink out) {}

          @Override
          public Assignment explain(Customer customer) {
            throw new UnsupportedOperationException();
          }
        };
        case CALIBRATOR_THROWS -> throw new AssertionError("create is not reached");
      };
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CreateFault.class)
  void aProviderThatFailsToBuildFailsTheBuildAndTheBuilderStillBuildsACompleteEngine(CreateFault fault) {
    EngineBuilder builder = Engine.builder().register(new BrokenCreate(fault)).configuration(CONFIG, "cfg.json");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("cfg.json $.dimensions.broken")
        .hasMessageContaining("provider 'broken' (" + BrokenCreate.class.getName() + ")")
        .hasMessageContaining(fault.message);

    // No half-built engine: the same builder, given a configuration without the faulty dimension,
    // builds a complete engine (every configured dimension and the strategy).
    Engine engine =
        builder.configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "fixed.json").build();
    assertThat(engine.dimensions()).extracting(Dimension::id).containsExactly("threshold");
    assertThat(engine.classify(RICH).plan().actions()).containsExactly(Fixtures.SimpleStrategyProvider.CALL);
  }

  @Test
  void aStrategyWhoseCreateThrowsFailsTheBuildRatherThanGivingAnEngineWithoutStrategy() {
    StrategyProvider broken = new StrategyProvider() {
      @Override
      public String name() {
        return "broken-strategy";
      }

      @Override
      public Strategy create(PluginConfig config, List<Dimension> dimensions) {
        throw new IllegalStateException("no rules");
      }
    };

    assertThatThrownBy(() -> Engine.builder().register(broken)
            .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"broken-strategy\"}}", "cfg.json").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("cfg.json $.strategy: provider 'broken-strategy' (" + broken.getClass().getName()
            + ") failed to create its strategy: java.lang.IllegalStateException: no rules");
  }

  // ---------------------------------------------------------------- run-time faults

  /** The ways a built classifier can misbehave on one customer (ids starting with "bad"). */
  enum RunFault {
    THROWS_RUNTIME_EXCEPTION,
    NEVER_CALLS_THE_SINK,
    LABEL_ABOVE_ITS_DIMENSION,
    NEGATIVE_LABEL,
    EXPLAIN_RETURNS_NULL,
    EXPLAIN_RETURNS_ANOTHER_DIMENSION,
    THROWS_ERROR
  }

  static final class Misbehaving implements ClassifierProvider {
    private final RunFault fault;

    Misbehaving(RunFault fault) {
      this.fault = fault;
    }

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension d = Dimension.of(config.id(), "FINE", "ALSO_FINE");
      Dimension other = Dimension.of("other", "FINE");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          if (!customer.id().startsWith("bad")) {
            out.accept(0, 1);
            return;
          }
          switch (fault) {
            case THROWS_RUNTIME_EXCEPTION, EXPLAIN_RETURNS_NULL, EXPLAIN_RETURNS_ANOTHER_DIMENSION ->
                throw new IllegalStateException("boom");
            case NEVER_CALLS_THE_SINK -> { }
            case LABEL_ABOVE_ITS_DIMENSION -> out.accept(2, 1);
            case NEGATIVE_LABEL -> out.accept(-1, 1);
            case THROWS_ERROR -> throw new StackOverflowError("deep");
          }
        }

        @Override
        public Assignment explain(Customer customer) {
          if (!customer.id().startsWith("bad")) {
            return Assignment.of(d, "FINE", 1, List.of());
          }
          return switch (fault) {
            case EXPLAIN_RETURNS_NULL -> null;
            case EXPLAIN_RETURNS_ANOTHER_DIMENSION -> Assignment.of(other, "FINE", 1, List.of());
            case THROWS_ERROR -> throw new StackOverflowError("deep");
            default -> throw new IllegalStateException("boom");
          };
        }
      };
    }
  }

  private static Engine engine(RunFault fault, int threads) {
    return Engine.builder()
        .register(new Misbehaving(fault))
        .configuration(CONFIG, "cfg.json")
        .parallelism(threads)
        .chunkSize(7)
        .build();
  }

  /** Every way of classifying one customer, so that each path is held to the same contract. */
  static Stream<Arguments> paths() {
    Function<Engine, Function<Customer, Map<String, String>>> classify = e -> c -> e.classify(c).labels();
    Function<Engine, Function<Customer, Map<String, String>>> buffer = e -> {
      ClassificationBuffer b = e.newBuffer();
      return c -> {
        e.classify(c, b);
        return b.toClassification().labels();
      };
    };
    Function<Engine, Function<Customer, Map<String, String>>> batch = e -> c -> {
      List<Classification> out = new ArrayList<>();
      e.classifyAll(List.of(RICH, c, RICH).iterator(), out::add);
      assertThat(out).hasSize(3);
      return out.get(1).labels();
    };
    Function<Engine, Function<Customer, Map<String, String>>> explain = e -> c -> {
      Explanation x = e.explain(c);
      return Map.of("threshold", x.assignment("threshold").label(), "broken", x.assignment("broken").label());
    };
    List<Arguments> out = new ArrayList<>();
    for (RunFault f : RunFault.values()) {
      if (f == RunFault.THROWS_ERROR) {
        continue;
      }
      out.add(Arguments.of(f, Named.of("classify(customer)", classify)));
      out.add(Arguments.of(f, Named.of("classify(customer, buffer)", buffer)));
      out.add(Arguments.of(f, Named.of("classifyAll", batch)));
      out.add(Arguments.of(f, Named.of("explain", explain)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} via {1}")
  @MethodSource("paths")
  void aFaultyClassifierGivesUnclassifiedAndACountedErrorAndTheOtherDimensionsAreClassified(
      RunFault fault, Function<Engine, Function<Customer, Map<String, String>>> path) {
    Engine engine = engine(fault, 2);
    Function<Customer, Map<String, String>> run = path.apply(engine);

    Map<String, String> bad = run.apply(BAD);
    Map<String, String> good = run.apply(RICH);

    assertThat(bad).containsEntry("broken", Dimension.UNCLASSIFIED).containsEntry("threshold", "LOW");
    assertThat(good).containsEntry("broken", "FINE").containsEntry("threshold", "HIGH");
    assertThat(engine.errorCounts().get("broken")).as("one failed call, one count").isEqualTo(1L);
    assertThat(engine.errorCounts().get("threshold")).isZero();
    assertThat(engine.errorCounts().get("strategy")).isZero();
  }

  @Test
  void aFaultyClassifierKeepsThePlanOfTheOtherDimensions() {
    Engine engine = engine(RunFault.THROWS_RUNTIME_EXCEPTION, 1);
    Customer badButRich = Customer.builder("bad-rich").set(StandardFeatures.REVENUE_12M, 5_000.0).build();

    assertThat(engine.classify(badButRich).plan().actions()).containsExactly(Fixtures.SimpleStrategyProvider.CALL);
  }

  @Test
  void errorsAreCountedExactlyOncePerFailedCallOnEveryThread() {
    Engine engine = engine(RunFault.THROWS_RUNTIME_EXCEPTION, 2);
    List<Customer> population = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      population.add(Customer.builder((i % 10 == 3 ? "bad-" : "ok-") + i).set(StandardFeatures.REVENUE_12M, (double) i).build());
    }
    long[] unclassified = {0};

    engine.classifyAll(population.iterator(), r -> unclassified[0] += r.label("broken").equals(Dimension.UNCLASSIFIED) ? 1 : 0);

    assertThat(unclassified[0]).isEqualTo(1_000);
    assertThat(engine.errorCounts()).isEqualTo(Map.of("threshold", 0L, "broken", 1_000L, "strategy", 0L));
  }

  @Test
  void anErrorPropagatesFromEveryPathAndIsNotCounted() {
    Engine engine = engine(RunFault.THROWS_ERROR, 2);

    assertThatThrownBy(() -> engine.classify(BAD)).isInstanceOf(StackOverflowError.class);
    assertThatThrownBy(() -> engine.classify(BAD, engine.newBuffer())).isInstanceOf(StackOverflowError.class);
    assertThatThrownBy(() -> engine.explain(BAD)).isInstanceOf(StackOverflowError.class);
    List<Customer> batch = new ArrayList<>(java.util.Collections.nCopies(100, RICH));
    batch.set(50, BAD);
    assertThatThrownBy(() -> engine.classifyAll(batch.iterator(), r -> {})).isInstanceOf(StackOverflowError.class);
    assertThat(engine.errorCounts().values()).containsOnly(0L);
    // The engine is not damaged: the next customer is classified.
    assertThat(engine.classify(RICH).label("broken")).isEqualTo("FINE");
  }

  @Test
  void aStrategyThatThrowsAnErrorPropagates() {
    StrategyProvider fatal = new StrategyProvider() {
      @Override
      public String name() {
        return "fatal";
      }

      @Override
      public Strategy create(PluginConfig config, List<Dimension> dimensions) {
        return (customer, segments, out) -> {
          throw new OutOfMemoryError("simulated");
        };
      }
    };
    Engine engine = Engine.builder().register(fatal)
        .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"fatal\"}}", "cfg.json").build();

    assertThatThrownBy(() -> engine.classify(RICH)).isInstanceOf(OutOfMemoryError.class);
    assertThat(engine.errorCounts().get("strategy")).isZero();
  }

  @Test
  void aStrategyThatThrowsInABatchGivesEmptyPlansForThoseCustomersOnly() {
    Engine engine = Engine.builder().configuration(
        "{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json").parallelism(2).chunkSize(3).build();
    Customer failing = Customer.builder("plan-fails").set(StandardFeatures.REVENUE_12M, 5_000.0).build();
    List<Classification> out = new ArrayList<>();

    engine.classifyAll(List.of(RICH, failing, RICH, failing, RICH).iterator(), out::add);

    assertThat(out).extracting(r -> r.plan().actions().size()).containsExactly(1, 0, 1, 0, 1);
    assertThat(out).extracting(r -> r.label("threshold")).containsOnly("HIGH");
    assertThat(engine.errorCounts().get("strategy")).isEqualTo(2L);
  }

  /** A class loader whose services file for {@code service} lists only the given classes. */
  static ClassLoader servicesLoader(Path dir, String service, String... classes) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(service), String.join("\n", classes) + "\n");
    String resource = "META-INF/services/" + service;
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, FaultyPluginMatrixTest.class.getClassLoader()) {
      @Override
      public java.util.Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(resource) ? findResources(name) : super.getResources(name);
      }
    };
  }
}
