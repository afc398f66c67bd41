package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTest {

  private static final Customer GOOD = Customer.builder("good").set(StandardFeatures.REVENUE_12M, 5_000.0).build();
  private static final Customer BAD = Customer.builder("bad-1").set(StandardFeatures.REVENUE_12M, 10.0).build();

  private static Engine engine(String faultyMode, String policy) {
    return Engine.builder()
        .register(new Fixtures.FaultyProvider())
        .configuration(
            "{\"dimensions\": {\"threshold\": {}, \"faulty\": {\"mode\": \"" + faultyMode + "\"}},"
                + " \"strategy\": {\"provider\": \"simple\"}, \"errorPolicy\": \"" + policy + "\"}",
            "cfg.json")
        .build();
  }

  @ParameterizedTest(name = "classifier that {0}")
  @ValueSource(strings = {"throw", "silent", "out-of-range"})
  void underFallbackAFailingClassifierYieldsUnclassifiedAndACountedError(String mode) {
    Engine engine = engine(mode, "fallback");

    Classification bad = engine.classify(BAD);
    engine.classify(BAD);
    Classification good = engine.classify(GOOD);

    assertThat(bad.label("faulty")).isEqualTo(Dimension.UNCLASSIFIED);
    assertThat(bad.labelIndex(1)).isEqualTo(-1);
    assertThat(bad.score("faulty")).isNaN();
    assertThat(bad.label("threshold")).isEqualTo("LOW");
    assertThat(bad.plan().actions()).containsExactly(Fixtures.SimpleStrategyProvider.EMAIL);
    assertThat(good.label("faulty")).isEqualTo("FINE");
    assertThat(engine.errorCounts()).isEqualTo(Map.of("threshold", 0L, "faulty", 2L, "strategy", 0L));
  }

  @ParameterizedTest(name = "classifier that {0}")
  @ValueSource(strings = {"throw", "silent", "out-of-range"})
  void underFailFastAFailingClassifierThrowsNamingDimensionAndProvider(String mode) {
    Engine engine = engine(mode, "fail-fast");

    assertThat(engine.classify(GOOD).label("faulty")).isEqualTo("FINE");
    assertThatThrownBy(() -> engine.classify(BAD))
        .isInstanceOf(ClassificationException.class)
        .hasMessageStartingWith("Classifier for dimension 'faulty' (provider 'faulty', ")
        .hasMessageNotContaining("bad-1")
        .satisfies(e -> {
          ClassificationException ce = (ClassificationException) e;
          assertThat(ce.dimension()).isEqualTo("faulty");
          assertThat(ce.customerId()).isEqualTo("bad-1");
        });
  }

  @Test
  void errorsAreNeverSwallowed() {
    Engine engine = engine("error", "fallback");

    assertThatThrownBy(() -> engine.classify(BAD)).isInstanceOf(AssertionError.class).hasMessage("fatal");
  }

  @Test
  void aFailingStrategyLeavesTheLabelsAndAnEmptyPlan() {
    Engine engine = engine("throw", "fallback");
    Customer badPlan = Customer.builder("plan-fails").set(StandardFeatures.REVENUE_12M, 5_000.0).build();

    Classification result = engine.classify(badPlan);

    assertThat(result.plan().isEmpty()).isTrue();
    assertThat(result.label("threshold")).isEqualTo("HIGH");
    assertThat(engine.errorCounts().get("strategy")).isEqualTo(1L);
    assertThatThrownBy(() -> engine("throw", "fail-fast").classify(badPlan))
        .isInstanceOf(ClassificationException.class)
        .hasMessageStartingWith("Strategy (provider 'simple', ");
  }

  @Test
  void explainGivesReasonsAndTheSameLabels() {
    Engine engine = engine("throw", "fallback");

    Explanation explanation = engine.explain(GOOD);

    assertThat(explanation.assignment("threshold").label()).isEqualTo("HIGH");
    assertThat(explanation.assignment("threshold").reasons())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.feature()).isEqualTo("revenue_12m");
          assertThat(r.value()).isEqualTo("5000");
          assertThat(r.threshold()).isEqualTo(">= 1000.0");
        });
    assertThat(explanation.plan()).isEqualTo(engine.classify(GOOD).plan());
    Explanation failed = engine.explain(BAD);
    assertThat(failed.assignment("faulty").label()).isEqualTo(Dimension.UNCLASSIFIED);
    assertThat(failed.assignment("faulty").reasons().get(0).text())
        .isEqualTo("The faulty classifier failed (IllegalStateException); see the logs");
  }

  @Test
  void theReusableBufferGivesTheSameResultAsTheImmutablePath() {
    Engine engine = engine("throw", "fallback");
    ClassificationBuffer buffer = engine.newBuffer();

    for (Customer c : Fixtures.population(7, 1_000)) {
      engine.classify(c, buffer);
      assertThat(buffer.toClassification()).isEqualTo(engine.classify(c));
      assertThat(buffer.customerId()).isEqualTo(c.id());
      assertThat(buffer.actionCount()).isEqualTo(1);
    }
  }

  @Test
  void theReusableBufferPathAllocatesNothingOnceWarm() {
    Engine engine = engine("throw", "fallback");
    ClassificationBuffer buffer = engine.newBuffer();
    List<Customer> population = Fixtures.population(3, 1_024);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < 200_000; i++) {
      engine.classify(population.get(i & 1023), buffer);
    }

    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      engine.classify(population.get(i & 1023), buffer);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    // The measurement itself allocates a little; 100,000 calls at even one object each would be > 1 MB.
    assertThat(allocated).isLessThan(10_000);
  }

  @Test
  void aBufferFromAnEngineWithOtherDimensionsIsRefused() {
    Engine one = engine("throw", "fallback");
    Engine other = Engine.builder().configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}", "x").build();

    assertThatThrownBy(() -> one.classify(GOOD, other.newBuffer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The buffer was made by an engine with other dimensions");
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void batchGivesTheSequentialResultsInInputOrderForAnyThreadCount(int threads) {
    List<Customer> population = Fixtures.population(42, 20_000);
    Engine sequential = engine("throw", "fallback");
    List<Classification> expected = population.stream().map(sequential::classify).toList();
    Engine batch =
        Engine.builder()
            .register(new Fixtures.FaultyProvider())
            .model(sequential.model())
            .parallelism(threads)
            .chunkSize(100)
            .build();
    List<Classification> actual = new ArrayList<>();

    long count = batch.classifyAll(population.iterator(), actual::add);

    assertThat(count).isEqualTo(population.size());
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void classifyEachHandsEveryCustomerWithItsOwnResultInOrder() {
    List<Customer> population = Fixtures.population(8, 5_000);
    Engine engine =
        Engine.builder().register(new Fixtures.FaultyProvider()).model(engine("throw", "fallback").model())
            .parallelism(3).chunkSize(64).build();
    List<Customer> seen = new ArrayList<>();

    engine.classifyEach(population.iterator(), (customer, result) -> {
      assertThat(result.customerId()).isEqualTo(customer.id());
      assertThat(result).isEqualTo(engine.classify(customer));
      seen.add(customer);
    });

    assertThat(seen).isEqualTo(population);
  }

  @Test
  void batchUnderFailFastPropagatesTheFirstFailure() {
    Engine engine =
        Engine.builder()
            .register(new Fixtures.FaultyProvider())
            .model(engine("throw", "fail-fast").model())
            .parallelism(2)
            .chunkSize(10)
            .build();
    List<Customer> population = new ArrayList<>(Fixtures.population(5, 1_000));
    population.set(555, BAD);

    assertThatThrownBy(() -> engine.classifyAll(population.iterator(), r -> {}))
        .isInstanceOf(ClassificationException.class);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void batchUnderFailFastHasDeliveredTheWholeChunksBeforeTheFailingOneOnly(int threads) {
    Engine engine =
        Engine.builder()
            .register(new Fixtures.FaultyProvider())
            .model(engine("throw", "fail-fast").model())
            .parallelism(threads)
            .chunkSize(10)
            .build();
    List<Customer> population = new ArrayList<>(Fixtures.population(5, 100));
    population.set(55, BAD);
    List<String> delivered = new ArrayList<>();

    assertThatThrownBy(() -> engine.classifyAll(population.iterator(), r -> delivered.add(r.customerId())))
        .isInstanceOf(ClassificationException.class);
    // Chunks 0 to 4 (customers 0 to 49), none of chunk 5: the same for any number of threads.
    assertThat(delivered).isEqualTo(population.subList(0, 50).stream().map(Customer::id).toList());
  }

  @Test
  void onOneThreadUnderFallbackEachResultReachesTheSinkBeforeTheNextCustomerIsRead() {
    Engine engine =
        Engine.builder()
            .register(new Fixtures.FaultyProvider())
            .model(engine("throw", "fallback").model())
            .parallelism(1)
            .chunkSize(10)
            .build();
    List<Customer> population = new ArrayList<>(Fixtures.population(7, 35));
    population.set(12, BAD); // a failing classifier does not stop the run under fallback
    List<Classification> delivered = new ArrayList<>();
    java.util.Iterator<Customer> source = population.iterator();
    int[] read = {0};
    java.util.Iterator<Customer> checked = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public Customer next() {
        assertThat(delivered).as("results delivered before customer %d is read", read[0]).hasSize(read[0]);
        read[0]++;
        return source.next();
      }
    };

    assertThat(engine.classifyAll(checked, delivered::add)).isEqualTo(35);
    // The same results as one customer at a time, in input order.
    assertThat(delivered).isEqualTo(population.stream().map(engine::classify).toList());
    assertThat(delivered.get(12).labelIndex(1)).isEqualTo(-1);
  }

  @Test
  void oneEngineSharedByManyThreadsGivesTheSequentialResults() throws Exception {
    long seed = System.nanoTime();
    List<Customer> population = Fixtures.population(seed, 20_000);
    Engine engine = engine("throw", "fallback");
    List<Classification> expected = population.stream().map(engine::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Classification>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> population.stream().map(engine::classify).toList()));
      }
      for (Future<List<Classification>> f : futures) {
        assertThat(f.get()).as("seed %d", seed).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
