package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;

/**
 * One engine shared by many threads gives exactly the sequential results, and a model swapped in
 * while classification runs gives results that are each entirely from one model. Results are
 * compared by checksums, never stored, so a million customers fit in a small heap.
 */
class ConcurrencyTest {

  private static final int POPULATION = 1_000_000;
  private static final int THREADS = 8;
  private static final int BLOCK = 4_096;

  /** Customer {@code i} of the seeded population, made on demand; about 1% have ids starting with "bad". */
  static Customer customer(long seed, long i) {
    SplittableRandom random = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
    Customer.Builder b = Customer.builder((random.nextInt(100) == 0 ? "bad-" : "C") + i);
    if (random.nextInt(10) > 0) {
      b.set(StandardFeatures.REVENUE_12M, Math.floor(Math.pow(10, 1 + 4 * random.nextDouble())));
    }
    if (random.nextBoolean()) {
      b.set(StandardFeatures.ORDERS_12M, (double) random.nextInt(50));
    }
    return b.build();
  }

  static Iterator<Customer> customers(long seed, long size) {
    return new Iterator<>() {
      long next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Customer next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return customer(seed, next++);
      }
    };
  }

  /** A hash of one result that covers the customer's position, every label and score, and the plan. */
  static long hash(long index, String id, int dimensions, java.util.function.IntUnaryOperator label,
      java.util.function.IntToDoubleFunction score, List<Action> plan) {
    long h = mix(index + 1) ^ id.hashCode();
    for (int d = 0; d < dimensions; d++) {
      h = mix(h + label.applyAsInt(d) + 31L * d);
      h = mix(h ^ Double.doubleToLongBits(score.applyAsDouble(d)));
    }
    for (Action a : plan) {
      h = mix(h ^ a.code().hashCode());
    }
    return mix(h);
  }

  static long hash(long index, Classification r) {
    return hash(index, r.customerId(), r.dimensions().size(), r::labelIndex, r::score, r.plan().actions());
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Engine engine(int parallelism) {
    EngineBuilder builder =
        Engine.builder()
            .register(new Fixtures.FaultyProvider())
            .configuration(
                "{\"dimensions\": {\"threshold\": {}, \"median\": {}, \"faulty\": {}},"
                    + " \"strategy\": {\"provider\": \"simple\"}, \"errorPolicy\": \"fallback\"}",
                "cfg.json")
            .parallelism(parallelism);
    return builder.model(builder.calibrate(customers(1, 10_000))).build();
  }

  @Test
  void manyThreadsOnOneEngineGiveExactlyTheSequentialResults() throws Exception {
    long seed = System.nanoTime();
    Engine engine = engine(2);

    long sequential = 0;
    ClassificationBuffer buffer = engine.newBuffer();
    for (long i = 0; i < POPULATION; i++) {
      engine.classify(customer(seed, i), buffer);
      sequential += hash(i, buffer.toClassification());
    }
    long errorsAfterOnePass = engine.errorCounts().get("faulty");

    AtomicLong cursor = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long parallel = 0;
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean useBuffer = t % 2 == 0; // both classification paths at once
        parts.add(pool.submit(() -> {
          long sum = 0;
          ClassificationBuffer own = engine.newBuffer();
          for (long start; (start = cursor.getAndAdd(BLOCK)) < POPULATION; ) {
            for (long i = start; i < Math.min(start + BLOCK, POPULATION); i++) {
              Customer c = customer(seed, i);
              Classification r;
              if (useBuffer) {
                engine.classify(c, own);
                r = own.toClassification();
              } else {
                r = engine.classify(c);
              }
              sum += hash(i, r);
            }
          }
          return sum;
        }));
      }
      for (Future<Long> f : parts) {
        parallel += f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(parallel).as("checksum over %d customers, seed %d", POPULATION, seed).isEqualTo(sequential);
    assertThat(errorsAfterOnePass).as("seed %d", seed).isPositive();
    assertThat(engine.errorCounts().get("faulty")).as("seed %d", seed).isEqualTo(2 * errorsAfterOnePass);
  }

  @Test
  void theBatchPathGivesTheSequentialResultsInOrderForAnyThreadCount() {
    long seed = System.nanoTime();
    int size = 200_000;
    long[] expected = orderedChecksum(engine(1), seed, size);
    for (int threads : new int[] {2, 4}) {
      assertThat(orderedChecksum(engine(threads), seed, size)).as("%d threads, seed %d", threads, seed).isEqualTo(expected);
    }
  }

  /** An order-sensitive checksum of the batch output, and the count. */
  private static long[] orderedChecksum(Engine engine, long seed, int size) {
    long[] state = {0, 0};
    engine.classifyAll(customers(seed, size), r -> {
      state[0] = mix(state[0] ^ hash(state[1], r));
      state[1]++;
    });
    return state;
  }

  // ---------------------------------------------------------------- swapping the model

  /**
   * Engines whose two dimensions and plan all change with the model: with revenue between 1,000
   * and 2,000, model A says HIGH, HIGH and plans a call; model B says LOW, LOW and plans an email.
   * A result mixing the two models (one dimension from each, or labels from one and the plan from
   * the other) matches neither and is caught by {@link #modelOf}.
   */
  private static Engine swapEngine(double first, double second) {
    return Engine.builder()
        .configuration(
            "{\"dimensions\": {\"first\": {\"provider\": \"threshold\", \"threshold\": " + first + "},"
                + " \"second\": {\"provider\": \"threshold\", \"threshold\": " + second + "}},"
                + " \"strategy\": {\"provider\": \"simple\"}}",
            "swap.json")
        .build();
  }

  private static Customer midRange(long i) {
    return Customer.builder("M" + i).set(StandardFeatures.REVENUE_12M, 1_000.0 + (i % 1_000)).build();
  }

  /** Which model produced the result: 'A', 'B', or 'X' for a mix of the two. */
  static char modelOf(Classification r) {
    String first = r.label("first");
    String second = r.label("second");
    List<Action> plan = r.plan().actions();
    if (first.equals("HIGH") && second.equals("HIGH") && plan.equals(List.of(Fixtures.SimpleStrategyProvider.CALL))) {
      return 'A';
    }
    if (first.equals("LOW") && second.equals("LOW") && plan.equals(List.of(Fixtures.SimpleStrategyProvider.EMAIL))) {
      return 'B';
    }
    return 'X';
  }

  @Test
  void theMixCheckRecognisesEachModelAndCatchesAMixedResult() {
    Customer c = midRange(500);

    assertThat(modelOf(swapEngine(1_000, 1_000).classify(c))).isEqualTo('A');
    assertThat(modelOf(swapEngine(2_000, 2_000).classify(c))).isEqualTo('B');
    // What a torn update would produce: one dimension from each model.
    assertThat(modelOf(swapEngine(1_000, 2_000).classify(c))).isEqualTo('X');
    assertThat(modelOf(swapEngine(2_000, 1_000).classify(c))).isEqualTo('X');
  }

  @Test
  void swappingTheModelWhileClassifyingGivesResultsEntirelyFromOneModel() throws Exception {
    Engine a = swapEngine(1_000, 1_000);
    Engine b = swapEngine(2_000, 2_000);
    AtomicReference<Engine> live = new AtomicReference<>(a);
    AtomicBoolean running = new AtomicBoolean(true);
    int workers = 4;
    int perWorker = 150_000;
    ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
    try {
      Future<Long> swapper = pool.submit(() -> {
        long swaps = 0;
        while (running.get()) {
          live.set(live.get() == a ? b : a);
          swaps++;
          Thread.yield();
        }
        return swaps;
      });
      List<Future<long[]>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        boolean useBuffer = w % 2 == 0;
        Callable<long[]> work = () -> {
          long[] byModel = new long[3]; // A, B, mixed
          // One buffer per thread, reused across both engines (they have equal dimensions).
          ClassificationBuffer buffer = live.get().newBuffer();
          for (long i = 0; i < perWorker; i++) {
            Engine engine = live.get(); // each call runs entirely on the engine it started with
            Classification r;
            if (useBuffer) {
              engine.classify(midRange(i), buffer);
              r = buffer.toClassification();
            } else {
              r = engine.classify(midRange(i));
            }
            char m = modelOf(r);
            byModel[m == 'A' ? 0 : m == 'B' ? 1 : 2]++;
          }
          return byModel;
        };
        results.add(pool.submit(work));
      }
      long[] total = new long[3];
      for (Future<long[]> f : results) {
        long[] part = f.get();
        for (int k = 0; k < 3; k++) {
          total[k] += part[k];
        }
      }
      running.set(false);
      long swaps = swapper.get();

      assertThat(total[2]).as("results mixing the two models").isZero();
      assertThat(total[0] + total[1]).isEqualTo((long) workers * perWorker);
      assertThat(swaps).isPositive();
      assertThat(total[0]).as("results from model A").isPositive();
      assertThat(total[1]).as("results from model B").isPositive();
    } finally {
      running.set(false);
      pool.shutdownNow();
    }
  }
}
