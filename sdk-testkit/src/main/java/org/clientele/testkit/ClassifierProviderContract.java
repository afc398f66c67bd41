package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.ClassificationException;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.ErrorPolicy;
import org.clientele.core.Model;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ClassifierProvider} must meet, as JUnit 5 tests. Extend it in your
 * plugin's tests and name the provider; optionally give a configuration and a population:
 *
 * <pre>{@code
 * class GeographyContractTest extends ClassifierProviderContract {
 *   @Override
 *   protected ClassifierProvider provider() {
 *     return new GeographyClassifierProvider();
 *   }
 *
 *   @Override
 *   protected Map<String, ?> configuration() {
 *     return Map.of("regions", Map.of("Tibet", "REMOTE"));
 *   }
 * }
 * }</pre>
 *
 * <p>What it checks, one test each:
 *
 * <ul>
 *   <li>the name is non-blank, lowercase ({@code [a-z][a-z0-9_-]*}) and the same on every call and
 *       every instance;
 *   <li>{@link java.util.ServiceLoader} finds the provider the two ways users load a plugin, each
 *       in a loader of its own whichever way the tests run: on a class path of the plugin and
 *       sdk-api alone (through {@code META-INF/services}), and as a module resolved with sdk-api
 *       (through {@code provides}); the engine's discovery offers it;
 *   <li>{@code create} with an empty configuration works or throws {@link ConfigurationException};
 *       without its calibration it throws {@link ConfigurationException};
 *   <li>{@code create} reads every key of the configuration and leaves unknown keys unread (so the
 *       engine can report typos);
 *   <li>the dimension's id is {@link PluginConfig#id()};
 *   <li>the population has every feature {@link Classifier#features()} declares, and gets more
 *       than one label ({@link Population.Builder#feature} adds your features in one call);
 *   <li>{@code classify} calls the sink exactly once with a label of the dimension, and {@code
 *       explain} agrees on label and score and gives reasons with a sentence each;
 *   <li>results are deterministic, and the same under concurrent calls from several threads;
 *   <li>edge-case customers ({@link Customers#edgeCases}: every feature missing; numbers zero,
 *       negative, tiny, huge; text oddly cased or unknown; far dates) get a label or a documented
 *       exception ({@link #isDocumentedFailure}), never a {@link NullPointerException};
 *   <li>results are immutable;
 *   <li>if the provider has a calibrator: calibration through the engine round-trips through the
 *       model JSON (the reloaded engine labels every customer the same), and an empty population
 *       gives a usable model or a {@link ConfigurationException};
 *   <li>the engine builds the dimension from a JSON configuration and classifies the population
 *       under the fail-fast policy.
 * </ul>
 *
 * <p>One instance runs all the checks ({@link TestInstance.Lifecycle#PER_CLASS}); the classifier
 * under test is created once, through the engine's calibration when the provider has a calibrator.
 *
 * @since 0.1.0
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClassifierProviderContract {

  /** A dimension id no provider is named after, to prove the classifier uses {@link PluginConfig#id()}. */
  static final String RENAMED_ID = "kit-renamed-dimension";

  /** The service the kit looks providers up under. */
  static final String SERVICE = "org.clientele.api.spi.ClassifierProvider";

  /** A key no provider reads. */
  static final String UNKNOWN_KEY = "kitUnknownKey";

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*");
  private static final int THREADS = 4;
  private static final int MAX_REPORTED = 10;

  private @Nullable Model model;
  private @Nullable Classifier classifier;
  private @Nullable List<Customer> customers;
  private @Nullable List<Customer> edgeCases;

  /** For subclasses. */
  protected ClassifierProviderContract() {}

  /**
   * Returns the provider under test: a new instance on every call, as {@link
   * java.util.ServiceLoader} would create it (the calibration round trip reloads with a fresh one).
   *
   * @return a new provider
   */
  protected abstract ClassifierProvider provider();

  /**
   * Returns the settings to test with: a dimension's section of the configuration file, without
   * {@code provider}. Values are JSON-compatible ({@link String}, {@link Number}, {@link Boolean},
   * {@link List}, {@link Map}).
   *
   * @return the settings; empty (every default) unless overridden
   */
  protected Map<String, ?> configuration() {
    return Map.of();
  }

  /**
   * Returns the customers to calibrate on and classify.
   *
   * @return by default {@code Population.of(20240101, 1000)}; override to add your plugin's features
   */
  protected List<Customer> population() {
    return Population.of(20_240_101L, 1_000);
  }

  /**
   * Tells whether an exception from {@code classify} or {@code explain} on an edge-case customer is
   * a failure the plugin documents (for example "throws ConfigurationException when ...").
   * Population customers must never throw, and a {@link NullPointerException} is never accepted.
   *
   * @param customer the edge-case customer
   * @param failure what was thrown
   * @return true if documented; by default only a {@link ConfigurationException}
   */
  protected boolean isDocumentedFailure(Customer customer, RuntimeException failure) {
    return failure instanceof ConfigurationException;
  }

  // ------------------------------------------------------------------ name and discovery

  /** The name is non-blank, lowercase, and the same on every call and every instance. */
  @Test
  public void nameIsNonBlankLowercaseAndStable() {
    ClassifierProvider p = provider();
    String name = p.name();
    assertThat(name)
        .as("%s: name() must be a non-blank, lowercase name ([a-z][a-z0-9_-]*) that configurations use", who())
        .isNotNull()
        .matches(NAME);
    assertThat(p.name()).as("%s: name() must return the same name on every call", who()).isEqualTo(name);
    assertThat(provider().name()).as("%s: every instance must have the same name", who()).isEqualTo(name);
  }

  /**
   * On a class path of the plugin and sdk-api alone ({@code java -cp clientele.jar:plugin.jar}),
   * {@link java.util.ServiceLoader} finds the provider through {@code META-INF/services}, and so
   * does the engine's discovery. Checked in a class loader of its own, so it fails for a jar
   * without {@code META-INF/services} even when the tests run on the module path.
   */
  @Test
  public void theClassPathFindsTheProvider() {
    ClassifierProvider p = provider();
    Class<?> type = p.getClass();
    Packaging.Outcome outcome = Packaging.location(type)
        .map(plugin -> Packaging.onTheClassPath(SERVICE, type.getName(), plugin, apiPath()))
        .orElse(Packaging.Outcome.notApplicable("no code source for " + type.getName()));
    if (outcome.problem() != null) {
      fail("%s: %s", who(), outcome.problem());
    }
    ClassLoader loader = loader(type);
    assertThat(Discovery.find(ClassifierProvider.class, loader))
        .as(
            "%s is not found by ServiceLoader. List its class name in"
                + " src/main/resources/META-INF/services/org.clientele.api.spi.ClassifierProvider (class path),"
                + " and add 'provides org.clientele.api.spi.ClassifierProvider with %s;' to module-info.java"
                + " (module path). The class must be public with a public no-argument constructor.",
            type.getName(),
            type.getName())
        .contains(type.getName());
    assertThat(Engine.builder().classLoader(loader).classifierProviderNames())
        .as("%s: the engine's discovery must offer it under its name", who())
        .contains(p.name());
  }

  /**
   * On the module path ({@code java --module-path}), the plugin's module resolves with sdk-api and
   * the modules it requires from the test's own path (JSpecify excepted: hosts do not get it, so
   * it must be {@code requires static}), and {@link java.util.ServiceLoader} loads the provider
   * through its {@code provides} clause. Checked
   * in a module layer of its own, so it fails for a module without {@code provides} even when the
   * tests run on the class path. Skipped for a plugin without {@code module-info} (on the module
   * path its jar is an automatic module, which offers what its {@code META-INF/services} lists).
   */
  @Test
  public void theModulePathFindsTheProvider() {
    Class<?> type = provider().getClass();
    Packaging.Outcome outcome = Packaging.location(type)
        .map(plugin -> Packaging.onTheModulePath(SERVICE, type.getName(), plugin, modulePath(type)))
        .orElse(Packaging.Outcome.notApplicable("no code source for " + type.getName()));
    Assumptions.assumeTrue(outcome.notApplicable() == null, outcome.notApplicable());
    if (outcome.problem() != null) {
      fail("%s: %s", who(), outcome.problem());
    }
  }

  // ------------------------------------------------------------------ configuration

  /** {@code create} with an empty configuration works, or throws a {@link ConfigurationException}. */
  @Test
  public void createWithAnEmptyConfigurationWorksOrThrowsConfigurationException() {
    ClassifierProvider p = provider();
    PluginConfig empty = config(p.name(), Map.of());
    boolean needsCalibration;
    try {
      needsCalibration = p.calibrator(empty).isPresent();
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).as("%s: the ConfigurationException needs a message", who()).isNotBlank();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(who() + ": calibrator(empty configuration) must return a calibrator, empty, or throw"
          + " ConfigurationException naming the missing key, but threw " + e, e);
    }
    Classifier c;
    try {
      c = p.create(empty);
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).as("%s: the ConfigurationException needs a message", who()).isNotBlank();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(who() + ": create(empty configuration) must work or throw ConfigurationException"
          + " naming the missing key (use PluginConfig.error(key, problem)), but threw " + e, e);
    }
    if (needsCalibration) {
      fail("%s: calibrator() says the empty configuration needs calibration, but create() accepted it without"
          + " the '%s' key; throw config.error(\"%s\", \"missing: this dimension needs calibration\")",
          who(), ClassifierProvider.CALIBRATION_KEY, ClassifierProvider.CALIBRATION_KEY);
    }
    assertThat(c).as("%s: create() returned null", who()).isNotNull();
    assertThat(c.dimension().id()).as("%s: dimension id", who()).isEqualTo(p.name());
  }

  /** A configuration that needs calibration is refused without it. */
  @Test
  public void createWithoutItsCalibrationThrowsConfigurationException() {
    ClassifierProvider p = provider();
    PluginConfig config = config(p.name(), configuration());
    Assumptions.assumeTrue(p.calibrator(config).isPresent(), "the provider needs no calibration with this configuration");
    try {
      p.create(config(p.name(), configuration()));
    } catch (ConfigurationException expected) {
      return;
    }
    fail("%s: create() accepted a configuration that needs calibration but has no '%s' key; throw"
        + " config.error(\"%s\", \"missing: this dimension needs calibration\")", who(),
        ClassifierProvider.CALIBRATION_KEY, ClassifierProvider.CALIBRATION_KEY);
  }

  /** {@code create} reads every key it was given: the engine rejects unread keys as typos. */
  @Test
  public void createReadsEveryKeyOfItsConfiguration() {
    PluginConfig config = readyConfig(name());
    provider().create(config);
    assertThat(config.unreadKeys())
        .as("%s: create() left keys unread; the engine rejects them as typos. Read every key you accept with"
            + " PluginConfig's getters (section()/sections() for nested objects)", who())
        .isEmpty();
  }

  /** {@code create} leaves unknown keys unread, so that the engine can report typos. */
  @Test
  public void createLeavesUnknownKeysUnread() {
    PluginConfig config = readyConfig(name()).with(UNKNOWN_KEY, true);
    try {
      provider().create(config);
    } catch (ConfigurationException e) {
      return; // refusing an unknown key outright is fine too
    }
    assertThat(config.unreadKeys())
        .as("%s: create() marked the unknown key '%s' as read (it must not read keys() wholesale or call has() on"
            + " every key), so the engine cannot report typos", who(), UNKNOWN_KEY)
        .contains("$.dimensions." + name() + "." + UNKNOWN_KEY);
  }

  /** The dimension's id is the configured id, not the provider's name. */
  @Test
  public void dimensionIdIsTheConfiguredId() {
    Classifier c = provider().create(readyConfig(RENAMED_ID));
    assertThat(c.dimension().id())
        .as("%s: the dimension id must be PluginConfig.id() (the key under 'dimensions'), not a constant", who())
        .isEqualTo(RENAMED_ID);
    assertThat(c.dimension()).as("%s: dimension() must return the same instance on every call", who())
        .isSameAs(c.dimension());
  }

  // ------------------------------------------------------------------ classification

  /** {@code classify} calls the sink exactly once, with a label of the dimension. */
  @Test
  public void classifyCallsTheSinkOnceWithALabelOfItsDimension() {
    Classifier c = classifier();
    List<String> problems = new ArrayList<>();
    for (Customer customer : customers()) {
      String problem = checkClassify(c, customer);
      if (problem != null) {
        problems.add(problem);
      }
    }
    assertNoProblems(problems, "classify() must call the LabelSink exactly once with an index of dimension()");
  }

  /** {@code explain} gives the same label and score as {@code classify}, on the same dimension. */
  @Test
  public void explainAgreesWithClassify() {
    Classifier c = classifier();
    List<String> problems = new ArrayList<>();
    for (Customer customer : customers()) {
      String problem = checkExplain(c, customer);
      if (problem != null) {
        problems.add(problem);
      }
    }
    assertNoProblems(problems, "explain() must give classify()'s label and score on dimension()");
  }

  /** Every explanation has at least one reason, each with a sentence a salesperson can read. */
  @Test
  public void everyExplanationHasReasons() {
    Classifier c = classifier();
    List<String> problems = new ArrayList<>();
    for (Customer customer : customers()) {
      Assignment a = c.explain(customer);
      if (a.reasons().isEmpty() || a.reasons().stream().anyMatch(r -> r.text().isBlank())) {
        problems.add(customer.id() + " labelled " + a.label() + " has reasons " + a.reasons());
      }
    }
    assertNoProblems(problems, "every label needs at least one Reason with a non-blank sentence");
  }

  /**
   * The population has every feature the classifier declares in {@link Classifier#features()}, so
   * that the other checks exercise the plugin's rules and not only its missing-data path.
   */
  @Test
  public void thePopulationExercisesEveryDeclaredFeature() {
    Classifier c = classifier();
    List<String> absent = new ArrayList<>();
    for (Feature<?> f : c.features()) {
      if (customers().stream().noneMatch(customer -> customer.has(f))) {
        absent.add(f.name());
      }
    }
    Collections.sort(absent);
    assertThat(absent)
        .as("%s: no customer of the kit's population has the feature(s) %s that features() declares, so every check"
            + " ran only the missing-data path. Add them in population(), for example: return"
            + " Population.builder().feature(%s, (customer, random) -> random.nextDouble()).build();", who(), absent,
            absent.isEmpty() ? "YOUR_FEATURE" : "YOUR_FEATURES." + absent.get(0).toUpperCase(java.util.Locale.ROOT))
        .isEmpty();
  }

  /**
   * The population gets more than one label, so that the checks compare different decisions (a
   * classifier that labels everyone alike passes every other check).
   */
  @Test
  public void thePopulationGetsMoreThanOneLabel() {
    Classifier c = classifier();
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (Customer customer : customers()) {
      Result r = Result.of(c, customer);
      counts.merge(c.dimension().contains(r.label()) ? c.dimension().label(r.label()) : "#" + r.label(), 1, Integer::sum);
    }
    assertThat(counts.size())
        .as("%s: every one of the %d customers of the kit's population got the same label %s. Give population()"
            + " customers that reach the other labels (Population.builder().feature(...) adds your features), and"
            + " check that configuration() and the calibration do not send everyone one way", who(),
            customers().size(), counts.keySet())
        .isGreaterThan(1);
  }

  /** The same customer always gets the same label and score, from any classifier of the same configuration. */
  @Test
  public void classificationIsDeterministic() {
    Classifier c = classifier();
    Classifier twin = provider().create(readyConfig(name()));
    List<String> problems = new ArrayList<>();
    for (Customer customer : customers()) {
      Result first = Result.of(c, customer);
      Result again = Result.of(c, customer);
      Result other = Result.of(twin, customer);
      if (!first.equals(again) || !first.equals(other)) {
        problems.add(customer.id() + ": " + first + ", then " + again + ", from a second classifier " + other);
      } else if (!c.explain(customer).equals(c.explain(customer))) {
        problems.add(customer.id() + ": explain() gave two different assignments");
      }
    }
    assertNoProblems(problems, "classification must be a pure function of the customer and the configuration");
  }

  /**
   * Several threads sharing one classifier get the same results as one thread.
   *
   * @throws Exception if the threads are interrupted or a classification throws
   */
  @Test
  public void classificationIsTheSameUnderConcurrentCalls() throws Exception {
    Classifier c = classifier();
    List<Customer> all = customers();
    List<Result> expected = all.stream().map(customer -> Result.of(c, customer)).toList();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = 31L * t + 7;
        futures.add(
            pool.submit(
                () -> {
                  List<Integer> order = new ArrayList<>();
                  for (int i = 0; i < all.size(); i++) {
                    order.add(i);
                  }
                  Collections.shuffle(order, new Random(seed)); // each thread in its own order
                  List<String> problems = new ArrayList<>();
                  start.await();
                  for (int pass = 0; pass < 2; pass++) {
                    for (int i : order) {
                      Result got = Result.of(c, all.get(i));
                      if (!got.equals(expected.get(i))) {
                        problems.add(all.get(i).id() + ": " + got + " on a shared classifier, " + expected.get(i) + " alone");
                      }
                      if (i % 8 == 0) {
                        Assignment a = c.explain(all.get(i));
                        if (a.labelIndex() != expected.get(i).label()) {
                          problems.add(all.get(i).id() + ": explain() gave " + a.label() + " on a shared classifier");
                        }
                      }
                    }
                  }
                  return problems;
                }));
      }
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        problems.addAll(f.get(10, TimeUnit.MINUTES)); // a bound against hanging the build, not a timing check
      }
      assertNoProblems(problems, "one classifier instance serves every thread: keep no per-call state in fields");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Edge-case customers get a label or a documented exception, never a {@link NullPointerException}.
   *
   * @return one test per edge case, named by the customer id
   */
  @TestFactory
  public Stream<DynamicTest> edgeCaseCustomersGetALabelOrADocumentedError() {
    return edgeCases().stream().map(customer -> DynamicTest.dynamicTest(customer.id(), () -> checkEdgeCase(customer)));
  }

  private void checkEdgeCase(Customer customer) {
    Classifier c = classifier();
    try {
      String problem = checkClassify(c, customer);
      if (problem == null) {
        problem = checkExplain(c, customer);
      }
      if (problem != null) {
        fail("%s: %s (features: %s)", who(), problem, customer.features());
      }
    } catch (NullPointerException e) {
      throw new AssertionError(who() + " threw a NullPointerException on " + customer.id() + " (features: "
          + customer.features().keySet() + "): a missing feature is a case to decide and explain"
          + " (Reason.missing), never a null to dereference", e);
    } catch (RuntimeException e) {
      if (!isDocumentedFailure(customer, e)) {
        throw new AssertionError(who() + " threw " + e + " on " + customer.id() + " (features: " + customer.features()
            + "). Give a label (explaining what was decided), or document the exception and accept it by overriding"
            + " isDocumentedFailure()", e);
      }
    }
  }

  /** Results are immutable values. */
  @Test
  public void resultsAreImmutable() {
    Classifier c = classifier();
    Customer first = customers().get(0);
    Assignment a = c.explain(first);
    Assignment snapshot = new Assignment(a.dimension(), a.labelIndex(), a.score(), a.detail(), List.copyOf(a.reasons()));
    assertUnmodifiable(() -> a.reasons().add(new Reason("x", null, "", "x")), "Assignment.reasons()");
    assertUnmodifiable(() -> c.dimension().labels().add("X"), "Dimension.labels()");
    assertUnmodifiable(() -> c.features().add(StandardFeatures.AGE), "Classifier.features() (return Set.of(...))");
    for (Customer other : customers()) {
      c.explain(other);
    }
    assertThat(a).as("%s: an earlier result changed when other customers were explained", who()).isEqualTo(snapshot);
  }

  // ------------------------------------------------------------------ calibration and the engine

  /** A calibrated model written to JSON and read back labels every customer the same. */
  @Test
  public void calibrationRoundTripsThroughTheModelJson() {
    Assumptions.assumeTrue(needsCalibration(), "the provider needs no calibration with this configuration");
    // As in a host: one provider instance calibrates and builds; a fresh one (another JVM) reloads the JSON.
    EngineBuilder calibrating = Engine.builder().discover(false).register(provider()).model(baseModel()).parallelism(2);
    Model calibrated = calibrating.calibrate(population());
    assertThat(Model.isCalibrated(calibrated.dimensions().get(0)))
        .as("%s: the engine stored no calibration", who()).isTrue();
    String json = calibrated.toJson();
    Model reread = Model.fromJson(json, "kit-model.json");
    assertThat(reread).as("%s: the model read back from JSON differs:%n%s", who(), json).isEqualTo(calibrated);
    Engine before = calibrating.model(calibrated).build();
    Engine after = Engine.builder().discover(false).register(provider()).model(reread).build();
    List<String> problems = new ArrayList<>();
    for (Customer customer : customers()) {
      Result b = engineResult(before, customer);
      Result a = engineResult(after, customer);
      if (b != null && !b.equals(a)) {
        problems.add(customer.id() + ": " + b + " before the JSON round trip, " + a + " after");
      }
    }
    assertNoProblems(problems, "create() must rebuild the same classifier from the calibration as saved in JSON"
        + " (read numbers with PluginConfig's getters: JSON gives back Long or Double), and from it alone");
  }

  /** Calibrating on no customers gives a usable model or a {@link ConfigurationException}. */
  @Test
  public void calibrationOnAnEmptyPopulationGivesAUsableModelOrAConfigurationException() {
    Assumptions.assumeTrue(needsCalibration(), "the provider needs no calibration with this configuration");
    Model empty;
    try {
      empty = calibrate(List.of());
    } catch (ConfigurationException e) {
      return;
    }
    Engine engine;
    try {
      engine = Engine.builder().discover(false).register(provider()).model(empty).build();
    } catch (ConfigurationException e) {
      return;
    }
    Customer typical = Customers.established("typical").build();
    assertThat(engine.dimensions().get(0).contains(engine.classify(typical).labelIndex(0)))
        .as("%s: a model calibrated on no customers must classify or be refused", who()).isTrue();
  }

  /** The engine builds the dimension from a JSON configuration and classifies the population. */
  @Test
  public void theEngineBuildsItFromAJsonConfigurationAndClassifies() {
    String json = baseModel().toJson();
    var builder = Engine.builder().discover(false).register(provider()).configuration(json, "kit-config.json");
    if (needsCalibration()) {
      builder.model(builder.calibrate(population()));
    }
    Engine engine = builder.build();
    Dimension d = engine.dimensions().get(0);
    assertThat(d.id()).isEqualTo(name());
    for (Customer customer : population()) {
      int label = engine.classify(customer).labelIndex(0); // fail-fast: a plugin failure throws here
      assertThat(d.contains(label)).as("%s: engine label %s for %s", who(), label, customer.id()).isTrue();
      assertThat(engine.explain(customer).assignment(d.id()).labelIndex())
          .as("%s: the engine's explanation of %s", who(), customer.id()).isEqualTo(label);
    }
    assertThat(engine.errorCounts().values()).as("%s: engine errors", who()).allMatch(n -> n == 0L);
  }

  // ------------------------------------------------------------------ helpers

  private String name() {
    return provider().name();
  }

  private String who() {
    ClassifierProvider p = provider();
    String name;
    try {
      name = p.name();
    } catch (RuntimeException e) {
      name = "?";
    }
    return "Provider '" + name + "' (" + p.getClass().getName() + ")";
  }

  /** The class path a plugin runs with besides its own jar: sdk-api. */
  private static List<Path> apiPath() {
    List<Path> out = new ArrayList<>();
    Packaging.location(ClassifierProvider.class).ifPresent(out::add);
    return out;
  }

  /**
   * The module path a plugin runs with besides its own jar: sdk-api and the modules of the test's
   * own path that it may require (its run-time dependencies), without JSpecify, which hosts do not
   * get.
   */
  private static List<Path> modulePath(Class<?> plugin) {
    List<Path> out = apiPath();
    String own = plugin.getModule().isNamed() ? plugin.getModule().getName() : "";
    for (Path p : Packaging.runtimeModules(Set.of("org.clientele.api", own))) {
      if (!out.contains(p) && !Packaging.location(plugin).map(p::equals).orElse(false)) {
        out.add(p);
      }
    }
    return out;
  }

  private static ClassLoader loader(Class<?> type) {
    ClassLoader l = type.getClassLoader();
    return l != null ? l : ClassLoader.getSystemClassLoader();
  }

  private static PluginConfig config(String id, Map<String, ?> settings) {
    return PluginConfig.of(id, "kit-config.json", "$.dimensions." + id, settings);
  }

  private Model baseModel() {
    return Model.builder()
        .source("kit-config.json")
        .dimension(name(), name(), configuration())
        .noStrategy()
        .errorPolicy(ErrorPolicy.FAIL_FAST)
        .build();
  }

  private boolean needsCalibration() {
    ClassifierProvider p = provider();
    Optional<Calibrator> c = p.calibrator(config(p.name(), configuration()));
    return c.isPresent();
  }

  private Model calibrate(List<Customer> population) {
    return Engine.builder().discover(false).register(provider()).model(baseModel()).parallelism(2).calibrate(population);
  }

  /** The configuration under test, calibrated through the engine if the provider needs it, under the given id. */
  private PluginConfig readyConfig(String id) {
    if (model == null) {
      model = needsCalibration() ? calibrate(population()) : baseModel();
    }
    return config(id, model.dimensions().get(0).settings());
  }

  private Classifier classifier() {
    if (classifier == null) {
      PluginConfig config = readyConfig(name());
      classifier = provider().create(config);
      assertThat(classifier).as("%s: create() returned null", who()).isNotNull();
    }
    return classifier;
  }

  /** The population, which the classifier must label without any failure. */
  private List<Customer> customers() {
    if (customers == null) {
      customers = List.copyOf(population());
    }
    return customers;
  }

  private List<Customer> edgeCases() {
    if (edgeCases == null) {
      edgeCases = Customers.edgeCases(classifier().features());
    }
    return edgeCases;
  }

  private static @Nullable String checkClassify(Classifier c, Customer customer) {
    Recorder r = new Recorder();
    c.classify(customer, r);
    if (r.calls != 1) {
      return customer.id() + ": classify() called the LabelSink " + r.calls + " times";
    }
    if (!c.dimension().contains(r.label)) {
      return customer.id() + ": classify() gave label index " + r.label + ", outside " + c.dimension();
    }
    return null;
  }

  private static @Nullable String checkExplain(Classifier c, Customer customer) {
    Result classified = Result.of(c, customer);
    Assignment a = c.explain(customer);
    if (a == null) {
      return customer.id() + ": explain() returned null";
    }
    if (!a.dimension().equals(c.dimension())) {
      return customer.id() + ": explain() used dimension " + a.dimension() + ", not " + c.dimension();
    }
    Result explained = new Result(a.labelIndex(), a.score());
    if (!classified.equals(explained)) {
      return customer.id() + ": classify() gave " + classified.describe(c.dimension()) + ", explain() "
          + explained.describe(c.dimension());
    }
    return null;
  }

  private @Nullable Result engineResult(Engine engine, Customer customer) {
    try {
      var r = engine.classify(customer);
      return new Result(r.labelIndex(0), r.score(0));
    } catch (ClassificationException e) {
      if (e.getCause() instanceof RuntimeException cause && isDocumentedFailure(customer, cause)) {
        return null;
      }
      throw e;
    }
  }

  private void assertUnmodifiable(Runnable change, String what) {
    try {
      change.run();
    } catch (UnsupportedOperationException expected) {
      return;
    }
    fail("%s: %s must be unmodifiable, but a change was accepted", who(), what);
  }

  private void assertNoProblems(List<String> problems, String rule) {
    if (!problems.isEmpty()) {
      List<String> shown = problems.subList(0, Math.min(MAX_REPORTED, problems.size()));
      fail("%s: %s. %d problem(s)%s:%n  %s", who(), rule, problems.size(),
          problems.size() > shown.size() ? ", the first " + shown.size() : "", String.join("\n  ", shown));
    }
  }

  /** Counts the sink calls and keeps the last label and score. */
  private static final class Recorder implements org.clientele.api.LabelSink {
    int calls;
    int label = Integer.MIN_VALUE;
    double score = Double.NaN;

    @Override
    public void accept(int labelIndex, double score) {
      calls++;
      this.label = labelIndex;
      this.score = score;
    }
  }

  /** A label index and score, compared with NaN equal to NaN. */
  private record Result(int label, double score) {
    static Result of(Classifier c, Customer customer) {
      Recorder r = new Recorder();
      c.classify(customer, r);
      return new Result(r.calls == 1 ? r.label : Integer.MIN_VALUE + r.calls, r.score);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result other && label == other.label && AssignmentAssert.sameScore(score, other.score);
    }

    @Override
    public int hashCode() {
      return label;
    }

    String describe(Dimension d) {
      return (d.contains(label) || label == -1 ? d.label(label) : "label #" + label) + " (score " + score + ")";
    }

    @Override
    public String toString() {
      return "label #" + label + " score " + score;
    }
  }
}
