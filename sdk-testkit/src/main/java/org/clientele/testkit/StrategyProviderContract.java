package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Action;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Segments;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link StrategyProvider} must meet, as JUnit 5 tests. Extend it, name the
 * provider and the dimensions the strategy is built for:
 *
 * <pre>{@code
 * class MyStrategyContractTest extends StrategyProviderContract {
 *   protected StrategyProvider provider() { return new MyStrategyProvider(); }
 *   protected List<Dimension> dimensions() { return List.of(Dimension.of("value", "CORE", "LOW")); }
 * }
 * }</pre>
 *
 * <p>It checks the name and discovery as for classifiers; that {@code create} with an empty
 * configuration works or throws {@link ConfigurationException}; that configured keys are read and
 * unknown keys left unread; and that for every label of every dimension (and {@link
 * Dimension#UNCLASSIFIED}), measured and decided for lack of data, planning never throws, never adds null, is deterministic, hands out
 * the same prebuilt {@link Action} instances, and is the same under concurrent calls. A strategy
 * that says it reads labels only ({@link Strategy#planReadsLabelsOnly()}) must plan the same for
 * the same labels whatever the customer and the scores.
 *
 * @since 0.1.0
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StrategyProviderContract {

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*");
  private static final int THREADS = 4;
  private static final int SEGMENTS_PER_CUSTOMER = 4;

  private @Nullable Strategy strategy;

  /** For subclasses. */
  protected StrategyProviderContract() {}

  /**
   * Returns the provider under test, a new instance on every call.
   *
   * @return a new provider
   */
  protected abstract StrategyProvider provider();

  /**
   * Returns the engine's dimensions the strategy is created for, in engine order.
   *
   * @return the dimensions
   */
  protected abstract List<Dimension> dimensions();

  /**
   * Returns the strategy's settings, as in the configuration file's {@code strategy} section
   * without {@code provider}.
   *
   * @return the settings; empty unless overridden
   */
  protected Map<String, ?> configuration() {
    return Map.of();
  }

  /**
   * Returns the customers to plan for.
   *
   * @return by default {@code Population.of(20240101, 300)}
   */
  protected List<Customer> customers() {
    return Population.of(20_240_101L, 300);
  }

  /** The name is non-blank, lowercase, and the same on every call and every instance. */
  @Test
  public void nameIsNonBlankLowercaseAndStable() {
    StrategyProvider p = provider();
    String name = p.name();
    assertThat(name).as("%s: name() must be non-blank and lowercase ([a-z][a-z0-9_-]*)", who()).isNotNull().matches(NAME);
    assertThat(p.name()).as("%s: name() must be stable", who()).isEqualTo(name);
    assertThat(provider().name()).as("%s: every instance must have the same name", who()).isEqualTo(name);
  }

  /** {@link java.util.ServiceLoader} finds the provider. */
  @Test
  public void serviceLoaderFindsTheProvider() {
    Class<?> type = provider().getClass();
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    assertThat(Discovery.find(StrategyProvider.class, loader))
        .as("%s is not found by ServiceLoader: list it in META-INF/services/org.clientele.api.spi.StrategyProvider"
            + " and add 'provides org.clientele.api.spi.StrategyProvider with %s;' to module-info.java",
            type.getName(), type.getName())
        .contains(type.getName());
  }

  /** {@code create} with an empty configuration works, or throws a {@link ConfigurationException}. */
  @Test
  public void createWithAnEmptyConfigurationWorksOrThrowsConfigurationException() {
    try {
      assertThat(provider().create(config(Map.of()), dimensions())).as("%s: create() returned null", who()).isNotNull();
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (RuntimeException e) {
      throw new AssertionError(who() + ": create(empty configuration) must work or throw ConfigurationException, but threw " + e, e);
    }
  }

  /** {@code create} reads every configured key and leaves unknown keys unread. */
  @Test
  public void createReadsEveryKeyAndLeavesUnknownKeysUnread() {
    PluginConfig config = config(configuration());
    provider().create(config, dimensions());
    assertThat(config.unreadKeys()).as("%s: create() left keys unread; the engine rejects them as typos", who()).isEmpty();
    PluginConfig withUnknown = config(configuration()).with(ClassifierProviderContract.UNKNOWN_KEY, true);
    try {
      provider().create(withUnknown, dimensions());
    } catch (ConfigurationException e) {
      return;
    }
    assertThat(withUnknown.unreadKeys())
        .as("%s: create() marked an unknown key as read, so the engine cannot report typos", who())
        .contains("$.strategy." + ClassifierProviderContract.UNKNOWN_KEY);
  }

  /** Planning works for every label of every dimension, and for unclassified dimensions. */
  @Test
  public void planningWorksForEveryLabelAndNeverAddsNull() {
    Strategy s = strategy();
    List<String> problems = new ArrayList<>();
    for (Input input : inputs()) {
      try {
        List<Action> actions = plan(s, input);
        if (actions.contains(null)) {
          problems.add(input + ": added null");
        }
      } catch (RuntimeException e) {
        problems.add(input + ": threw " + e);
      }
    }
    assertNoProblems(problems, "plan() must handle every label, and UNCLASSIFIED (-1) by not matching it");
  }

  /** The same labels give the same plan, made of the same prebuilt action instances. */
  @Test
  public void planningIsDeterministicAndReusesActions() {
    Strategy s = strategy();
    Strategy twin = provider().create(config(configuration()), dimensions());
    List<String> problems = new ArrayList<>();
    for (Input input : inputs()) {
      List<Action> first = plan(s, input);
      List<Action> again = plan(s, input);
      if (!first.equals(plan(twin, input)) || !first.equals(again)) {
        problems.add(input + ": " + first + " then " + again);
      } else {
        for (int i = 0; i < first.size(); i++) {
          if (first.get(i) != again.get(i)) {
            problems.add(input + ": action " + first.get(i).code() + " is a new instance on every call");
            break;
          }
        }
      }
    }
    assertNoProblems(problems, "plan() must be deterministic and hand out actions built once in create()");
  }

  /**
   * A strategy that says it reads labels only ({@link Strategy#planReadsLabelsOnly()}) gives the
   * same plan for the same labels whatever the customer and the scores: the engine hands the plan
   * of one customer to every other with the same labels. Skipped for a strategy that does not say
   * so, which the engine asks for every customer.
   */
  @Test
  public void aStrategyThatReadsLabelsOnlyIgnoresTheCustomerAndTheScores() {
    Strategy s = strategy();
    Assumptions.assumeTrue(s.planReadsLabelsOnly(), "planReadsLabelsOnly() is false: nothing to check");
    List<Customer> customers = customers();
    Customer noFeatures = Customer.builder("kit-no-features").build();
    Random random = new Random(20_240_102L);
    List<String> problems = new ArrayList<>();
    for (Input input : inputs()) {
      List<Action> expected = plan(s, input);
      Segments labels = input.segments();
      for (Customer other : List.of(noFeatures, customers.get(random.nextInt(customers.size())))) {
        double[] scores = new double[labels.size()];
        int[] same = new int[labels.size()];
        boolean[] fallback = new boolean[labels.size()];
        for (int i = 0; i < scores.length; i++) {
          same[i] = labels.labelIndex(i);
          scores[i] = same[i] < 0 ? Double.NaN : random.nextDouble();
          fallback[i] = labels.isFallback(i);
        }
        Input twin = new Input(other, Segments.of(dimensions(), same, scores, fallback));
        List<Action> got = plan(s, twin);
        if (!got.equals(expected)) {
          problems.add(input + ": " + expected + ", but for " + twin + ": " + got);
        }
      }
    }
    assertNoProblems(problems, "planReadsLabelsOnly() is true, so plan() must read nothing but labelIndex and"
        + " isFallback; return false if it reads features or scores");
  }

  /**
   * Several threads sharing one strategy get the same plans as one thread.
   *
   * @throws Exception if the threads are interrupted or planning throws
   */
  @Test
  public void planningIsTheSameUnderConcurrentCalls() throws Exception {
    Strategy s = strategy();
    List<Input> inputs = inputs();
    List<List<Action>> expected = inputs.stream().map(i -> plan(s, i)).toList();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * 17;
        futures.add(pool.submit(() -> {
          List<String> problems = new ArrayList<>();
          start.await();
          for (int k = 0; k < inputs.size(); k++) {
            int i = (k + offset) % inputs.size();
            List<Action> got = plan(s, inputs.get(i));
            if (!got.equals(expected.get(i))) {
              problems.add(inputs.get(i) + ": " + got + " on a shared strategy, " + expected.get(i) + " alone");
            }
          }
          return problems;
        }));
      }
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        problems.addAll(f.get(10, TimeUnit.MINUTES)); // a bound against hanging the build, not a timing check
      }
      assertNoProblems(problems, "one strategy serves every thread: keep no per-call state in fields");
    } finally {
      pool.shutdownNow();
    }
  }

  private Strategy strategy() {
    if (strategy == null) {
      strategy = provider().create(config(configuration()), dimensions());
    }
    return strategy;
  }

  private static PluginConfig config(Map<String, ?> settings) {
    return PluginConfig.of("strategy", "kit-config.json", "$.strategy", settings);
  }

  private String who() {
    StrategyProvider p = provider();
    return "Strategy provider '" + p.name() + "' (" + p.getClass().getName() + ")";
  }

  /**
   * Every label of every dimension at least once, measured and decided for lack of data, then
   * random label combinations per customer (a quarter of their labels for lack of data).
   */
  private List<Input> inputs() {
    List<Dimension> dims = dimensions();
    List<Customer> customers = customers();
    Random random = new Random(20_240_101L);
    List<Input> out = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      for (int label = -1; label < dims.get(d).size(); label++) {
        for (boolean lackOfData : label < 0 ? new boolean[] {false} : new boolean[] {false, true}) {
          int[] labels = randomLabels(random, dims);
          labels[d] = label;
          boolean[] fallback = randomFallback(random, labels);
          fallback[d] = lackOfData;
          out.add(new Input(customers.get(out.size() % customers.size()), fixed(dims, labels, fallback)));
        }
      }
    }
    for (Customer c : customers) {
      for (int k = 0; k < SEGMENTS_PER_CUSTOMER; k++) {
        int[] labels = randomLabels(random, dims);
        out.add(new Input(c, fixed(dims, labels, randomFallback(random, labels))));
      }
    }
    return out;
  }

  private static boolean[] randomFallback(Random random, int[] labels) {
    boolean[] fallback = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      fallback[i] = labels[i] >= 0 && random.nextInt(4) == 0;
    }
    return fallback;
  }

  private static int[] randomLabels(Random random, List<Dimension> dims) {
    int[] labels = new int[dims.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(dims.get(i).size() + 1) - 1; // -1 is UNCLASSIFIED
    }
    return labels;
  }

  private static List<Action> plan(Strategy s, Input input) {
    List<Action> out = new ArrayList<>();
    s.plan(input.customer(), input.segments(), out::add);
    return out;
  }

  private void assertNoProblems(List<String> problems, String rule) {
    if (!problems.isEmpty()) {
      List<String> shown = problems.subList(0, Math.min(10, problems.size()));
      fail("%s: %s. %d problem(s):%n  %s", who(), rule, problems.size(), String.join("\n  ", shown));
    }
  }

  private record Input(Customer customer, Segments segments) {
    @Override
    public String toString() {
      return customer.id() + " " + segments;
    }
  }

  /**
   * Fixed labels on the engine's dimensions, some decided for lack of data; the score is the label
   * index, or NaN if unclassified.
   */
  private static Segments fixed(List<Dimension> dimensions, int[] labels, boolean[] fallback) {
    double[] scores = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      scores[i] = labels[i] < 0 ? Double.NaN : labels[i];
    }
    return Segments.of(dimensions, labels, scores, fallback);
  }
}
