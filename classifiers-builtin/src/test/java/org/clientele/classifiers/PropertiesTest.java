package org.clientele.classifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.classifiers.Fixtures.both;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/** Seeded random properties over every built-in classifier; failures print the seed. */
class PropertiesTest {

  private static final String[] CODES = {
    "C10", "c 13", "K64", "J66", "I", "52", "541511", "naics:44", "gbt:I65", "U99", "X", "Q86", "85", "A01", "??"
  };

  private static Map<String, ClassifierProvider> providers() {
    Map<String, ClassifierProvider> out = new TreeMap<>();
    for (ClassifierProvider p : ServiceLoader.load(ClassifierProvider.class)) {
      out.put(p.name(), p);
    }
    return out;
  }

  /** Dimension id, provider, configuration: every scheme and method. */
  private static List<Object[]> configurations() {
    return List.of(
        new Object[] {"value", Map.of()},
        new Object[] {"value", Map.of("method", "quantile")},
        new Object[] {"value", Map.of("method", "threshold")},
        new Object[] {"value", Map.of("method", "pareto", "sketch", Map.of("exactLimit", 50))},
        new Object[] {"loyalty", Map.of()},
        new Object[] {"behaviour", Map.of()},
        new Object[] {"behaviour", Map.of("scheme", "activity")},
        new Object[] {"behaviour", Map.of("scheme", "activity", "method", "threshold")},
        new Object[] {"rfm", Map.of()},
        new Object[] {"rfm", Map.of("method", "threshold")},
        new Object[] {"rfm", Map.of("sketch", Map.of("exactLimit", 50))},
        new Object[] {"risk", Map.of()},
        new Object[] {"industry", Map.of()},
        new Object[] {"purchase_pattern", Map.of()},
        new Object[] {"purchase_pattern", Map.of("frequencyQuantile", 0.8, "sketch", Map.of("exactLimit", 50))},
        new Object[] {"purchase_pattern", Map.of("method", "threshold", "frequencyCutoff", 2, "orderValueCutoff", 100)});
  }

  static double randomValue(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> -random.nextInt(1000);
      case 2 -> 1e12 * random.nextDouble();
      case 3 -> random.nextInt(5);
      case 4 -> Double.MAX_VALUE / (1 + random.nextInt(3));
      default -> Math.round(random.nextDouble() * 1000 * 100) / 100.0;
    };
  }

  @SuppressWarnings("unchecked")
  static List<Customer> population(Random random, int n) {
    List<Customer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Customer.Builder b = Customer.builder("P" + i);
      for (Feature<?> f : StandardFeatures.all()) {
        if (random.nextInt(10) < 3) {
          continue; // missing
        }
        if (f.kind() == Feature.Kind.NUMBER) {
          b.set((Feature<Double>) f, randomValue(random));
        } else if (f == StandardFeatures.INDUSTRY_CODE) {
          b.set(StandardFeatures.INDUSTRY_CODE, CODES[random.nextInt(CODES.length)]);
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static Classifier create(ClassifierProvider p, PluginConfig config, List<Customer> population) {
    return p.calibrator(config).isPresent()
        ? Fixtures.calibrated(p, config, population, 3)
        : p.create(config);
  }

  @Test
  void serviceLoaderFindsEveryBuiltInClassifier() {
    assertThat(providers().keySet())
        .containsExactlyInAnyOrder("value", "loyalty", "behaviour", "rfm", "risk", "industry", "purchase_pattern");
  }

  @Test
  void everyCustomerGetsExactlyOneLabelPerDimensionAndExplainAgrees() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Customer> population = population(random, 400);
    Map<String, ClassifierProvider> providers = providers();
    for (Object[] row : configurations()) {
      @SuppressWarnings("unchecked")
      PluginConfig config = PluginConfig.of((String) row[0], (Map<String, ?>) row[1]);
      ClassifierProvider p = providers.get((String) row[0]);
      Classifier c = create(p, config, population);
      assertThat(c.dimension().id()).isEqualTo(row[0]);
      for (Customer customer : population) {
        try {
          both(c, customer);
        } catch (AssertionError e) {
          throw new AssertionError("seed " + seed + ", config " + config + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Test
  void valueByThresholdIsMonotonicInTheMetric() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Classifier value = providers().get("value").create(PluginConfig.of("value", Map.of("method", "threshold")));
    for (Customer base : population(random, 300)) {
      double[] metrics = new double[20];
      for (int i = 0; i < metrics.length; i++) {
        metrics[i] = randomValue(random);
      }
      java.util.Arrays.sort(metrics);
      int previous = Integer.MAX_VALUE;
      for (double m : metrics) {
        Customer c = copyWith(base, StandardFeatures.REVENUE_12M, m);
        int label = both(value, c).labelIndex();
        // Label order is CORE, IMPORTANT, POTENTIAL, LOW: a larger metric never gives a later label.
        assertThat(label).as("seed %s, revenue_12m %s after %s", seed, m, previous).isLessThanOrEqualTo(previous);
        previous = label;
      }
    }
  }

  private static Customer copyWith(Customer base, Feature<Double> feature, double value) {
    Customer.Builder b = Customer.builder(base.id());
    base.features().forEach((f, v) -> setUnchecked(b, f, v));
    return b.set(feature, value).build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setUnchecked(Customer.Builder b, Feature f, Object v) {
    b.set(f, v);
  }

  @Test
  void calibrationOnAPermutedPopulationGivesTheSameModel() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Customer> population = population(random, 2_000);
    Map<String, ClassifierProvider> providers = providers();
    for (Object[] row : configurations()) {
      @SuppressWarnings("unchecked")
      PluginConfig config = PluginConfig.of((String) row[0], (Map<String, ?>) row[1]);
      ClassifierProvider p = providers.get((String) row[0]);
      if (p.calibrator(config).isEmpty() || ((Map<?, ?>) row[1]).containsKey("sketch")) {
        continue; // the sketch regime is checked against its error bound in DistributionTest
      }
      Map<String, Object> reference = Fixtures.calibrate(p, config, population, 1);
      assertThat(reference).containsEntry("exact", true);
      for (int round = 0; round < 3; round++) {
        List<Customer> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, random);
        Map<String, Object> again = Fixtures.calibrate(p, config, shuffled, 1 + random.nextInt(7));
        assertThat(again).as("seed %s config %s", seed, config).isEqualTo(reference);
      }
    }
  }

  @Test
  void calibratedModelsSurviveTheJsonRoundTripAndClassifyIdentically() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Customer> population = population(random, 1_000);
    Map<String, ClassifierProvider> providers = providers();
    for (Object[] row : configurations()) {
      @SuppressWarnings("unchecked")
      PluginConfig config = PluginConfig.of((String) row[0], (Map<String, ?>) row[1]);
      ClassifierProvider p = providers.get((String) row[0]);
      if (p.calibrator(config).isEmpty()) {
        continue;
      }
      Map<String, Object> result = Fixtures.calibrate(p, config, population, 2);
      Classifier original = p.create(config.with(ClassifierProvider.CALIBRATION_KEY, result));
      for (boolean bigDecimals : new boolean[] {false, true}) {
        // The whole saved model: the configuration with its calibration, read back as JSON would be.
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) Fixtures.jsonRoundTrip(
            config.with(ClassifierProvider.CALIBRATION_KEY, result).asMap(), bigDecimals);
        PluginConfig reloaded = PluginConfig.of(config.id(), "model.json", "$.dimensions." + config.id(), saved);
        Classifier copy = p.create(reloaded);
        assertThat(reloaded.unreadKeys()).as("config %s", config).isEmpty();
        for (Customer c : population) {
          Assignment a = original.explain(c);
          Assignment b = copy.explain(c);
          assertThat(b.labelIndex()).as("seed %s config %s big %s", seed, config, bigDecimals).isEqualTo(a.labelIndex());
          assertThat(Double.compare(b.score(), a.score())).isZero();
          assertThat(b.detail()).isEqualTo(a.detail());
        }
      }
    }
  }

  /** Bytes allocated so far by the current thread (HotSpot's com.sun.management, by reflection). */
  private static long allocatedBytes(Object bean, java.lang.reflect.Method m) throws ReflectiveOperationException {
    return (Long) m.invoke(bean, Thread.currentThread().getId());
  }

  @Test
  void theHotPathAllocatesNothing() throws ReflectiveOperationException {
    Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
    java.lang.reflect.Method m = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getThreadAllocatedBytes", long.class);
    org.junit.jupiter.api.Assumptions.assumeTrue(allocatedBytes(bean, m) > 0, "thread allocation counters unavailable");
    long probe = 0;
    for (int i = 0; i < 10; i++) {
      long a = allocatedBytes(bean, m);
      probe = Math.max(probe, allocatedBytes(bean, m) - a);
    }
    Random random = new Random(11);
    List<Customer> population = population(random, 256);
    Map<String, ClassifierProvider> providers = providers();
    double[] sum = {0};
    LabelSink sink = (label, score) -> sum[0] += label;
    for (Object[] row : configurations()) {
      @SuppressWarnings("unchecked")
      PluginConfig config = PluginConfig.of((String) row[0], (Map<String, ?>) row[1]);
      Classifier c = create(providers.get((String) row[0]), config, population);
      for (int warm = 0; warm < 200; warm++) {
        for (Customer customer : population) {
          c.classify(customer, sink);
        }
      }
      long before = allocatedBytes(bean, m);
      for (int round = 0; round < 100; round++) {
        for (int i = 0; i < population.size(); i++) { // indexed: an iterator would allocate
          c.classify(population.get(i), sink);
        }
      }
      long allocated = allocatedBytes(bean, m) - before - probe;
      // 25,600 calls: any allocation per call would show as at least 16 bytes each (409,600).
      assertThat(allocated).as("bytes allocated by 25,600 classify calls of %s", config).isLessThan(25_600); // under one byte per call: JIT and class loading noise only
    }
  }
}
