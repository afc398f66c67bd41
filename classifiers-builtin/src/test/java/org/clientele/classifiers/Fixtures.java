package org.clientele.classifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/** Shared test helpers: building customers, checking classify against explain, calibrating. */
public final class Fixtures {

  private Fixtures() {}

  private static int counter;

  /** A customer from feature/value pairs; a null value leaves the feature missing. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Customer customer(Object... pairs) {
    Customer.Builder b = Customer.builder("C" + (++counter));
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      if (v == null) {
        continue;
      }
      if (v instanceof Integer n) {
        v = n.doubleValue();
      }
      b.set((Feature) pairs[i], v);
    }
    return b.build();
  }

  /**
   * Classifies on the hot path and explains, checks that the sink was called exactly once with a
   * label of the dimension, and that both agree; returns the explained assignment.
   */
  public static Assignment both(Classifier classifier, Customer customer) {
    int[] calls = {0};
    int[] label = {Integer.MIN_VALUE};
    double[] score = {0};
    boolean[] fallback = {false};
    classifier.classify(customer, new org.clientele.api.LabelSink() {
      @Override
      public void accept(int l, double s) {
        calls[0]++;
        label[0] = l;
        score[0] = s;
      }

      @Override
      public void acceptFallback(int l, double s) {
        accept(l, s);
        fallback[0] = true;
      }
    });
    assertThat(calls[0]).as("sink calls for %s", customer).isEqualTo(1);
    assertThat(classifier.dimension().contains(label[0])).as("label index %s", label[0]).isTrue();
    Assignment a = classifier.explain(customer);
    assertThat(a.labelIndex()).as("explain agrees with classify for %s: %s", customer, a).isEqualTo(label[0]);
    assertThat(Double.compare(a.score(), score[0])).as("scores %s / %s", a.score(), score[0]).isZero();
    assertThat(a.fallback()).as("explain and classify agree on lack of data for %s: %s", customer, a).isEqualTo(fallback[0]);
    assertThat(a.reasons()).isNotEmpty();
    return a;
  }

  /** The label name the classifier gives. */
  public static String label(Classifier classifier, Customer customer) {
    return both(classifier, customer).label();
  }

  /** Runs the provider's calibration over the customers split into partitions, then creates. */
  public static Classifier calibrated(
      ClassifierProvider provider, PluginConfig config, List<Customer> population, int partitions) {
    Map<String, Object> result = calibrate(provider, config, population, partitions);
    return provider.create(config.with(ClassifierProvider.CALIBRATION_KEY, result));
  }

  /** Runs the provider's calibration, partitions merged in order, and returns the result. */
  public static Map<String, Object> calibrate(
      ClassifierProvider provider, PluginConfig config, List<Customer> population, int partitions) {
    List<Calibrator> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      Optional<Calibrator> c = provider.calibrator(config);
      assertThat(c).as("calibrator for %s", config).isPresent();
      parts.add(c.get());
    }
    for (int i = 0; i < population.size(); i++) {
      parts.get(i % partitions).observe(population.get(i));
    }
    Calibrator first = parts.get(0);
    for (int p = 1; p < partitions; p++) {
      first.merge(parts.get(p));
    }
    return first.result();
  }

  /**
   * Converts a JSON-compatible value the way Jackson reads it back: whole numbers as Integer (Long
   * if too big), others as Double, or as BigDecimal when {@code bigDecimals} is set.
   */
  public static Object jsonRoundTrip(Object value, boolean bigDecimals) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, jsonRoundTrip(v, bigDecimals)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(jsonRoundTrip(v, bigDecimals)));
      return out;
    }
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      // Not a conditional expression: one would promote the Integer branch to Long (Error Prone
      // ConditionalExpressionNumericPromotion).
      if (n == (int) n) {
        return Integer.valueOf((int) n);
      }
      return Long.valueOf(n);
    }
    if (value instanceof Double d) {
      // Jackson writes the shortest repr and reads it back; "5.0" comes back as a Double.
      String text = Double.toString(d);
      return bigDecimals ? new BigDecimal(text) : Double.valueOf(text);
    }
    return value;
  }

  /** A seeded random source whose seed is printed when an assertion fails. */
  public static Random random(long seed) {
    return new Random(seed);
  }
}
