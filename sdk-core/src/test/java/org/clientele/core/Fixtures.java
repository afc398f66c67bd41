package org.clientele.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Segments;
import org.clientele.api.PlanSink;
import org.clientele.api.Strategy;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;

/** Small providers that exercise the engine without the built-in classifiers. */
final class Fixtures {

  private Fixtures() {}

  /** A seeded population: revenue spread over four orders of magnitude, some missing. */
  static List<Customer> population(long seed, int size) {
    Random random = new Random(seed);
    List<Customer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Customer.Builder b = Customer.builder("C" + i);
      if (random.nextInt(10) > 0) {
        b.set(StandardFeatures.REVENUE_12M, Math.floor(Math.pow(10, 1 + 4 * random.nextDouble())));
      }
      out.add(b.build());
    }
    return out;
  }

  /** "threshold": HIGH when revenue_12m is at or above {@code threshold} (default 1000). */
  public static final class ThresholdProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "threshold";
    }

    @Override
    public Classifier create(PluginConfig config) {
      double threshold = config.number("threshold", 1000);
      if (threshold < 0) {
        throw config.error("threshold", "expected a revenue >= 0, found " + threshold);
      }
      return new RevenueSplit(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), threshold);
    }
  }

  /** "median": HIGH at or above the population's median revenue; needs calibration. */
  public static final class MedianProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "median";
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      return Optional.of(new MedianCalibrator());
    }

    @Override
    public Classifier create(PluginConfig config) {
      if (!config.has(CALIBRATION_KEY)) {
        throw config.error(CALIBRATION_KEY, "missing: this dimension needs calibration");
      }
      double median = config.section(CALIBRATION_KEY).number("median", Double.NaN);
      config.section(CALIBRATION_KEY).integer("population", 0);
      return new RevenueSplit(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), median);
    }
  }

  /** Exact median: fine for a test population, not for production. */
  static final class MedianCalibrator implements Calibrator {
    final List<Double> values = new ArrayList<>();

    @Override
    public void observe(Customer customer) {
      double v = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }

    @Override
    public void merge(Calibrator other) {
      values.addAll(((MedianCalibrator) other).values);
    }

    @Override
    public Map<String, Object> result() {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
      return Map.of("median", median, "population", sorted.size());
    }
  }

  static final class RevenueSplit implements Classifier {
    private final Dimension dimension;
    private final double threshold;

    RevenueSplit(Dimension dimension, double threshold) {
      this.dimension = dimension;
      this.threshold = threshold;
    }

    @Override
    public Dimension dimension() {
      return dimension;
    }

    @Override
    public void classify(Customer customer, LabelSink out) {
      double revenue = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
      if (Double.isNaN(revenue)) {
        out.acceptFallback(2, revenue);
        return;
      }
      out.accept(revenue >= threshold ? 0 : 1, revenue);
    }

    @Override
    public Assignment explain(Customer customer) {
      double revenue = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
      if (Double.isNaN(revenue)) {
        return Assignment.of(dimension, "UNKNOWN", Double.NaN,
            List.of(Reason.missing(StandardFeatures.REVENUE_12M, "No revenue known"))).withFallback(true);
      }
      boolean high = revenue >= threshold;
      return Assignment.of(dimension, high ? "HIGH" : "LOW", revenue,
          List.of(Reason.of(StandardFeatures.REVENUE_12M, revenue, (high ? ">= " : "< ") + threshold,
              "Revenue is " + (high ? "at or above " : "below ") + threshold)));
    }
  }

  /**
   * "faulty": label 0 for most customers; for ids starting with "bad" it misbehaves as {@code
   * mode} says: throw, silent (never calls the sink), out-of-range, error (throws an Error).
   */
  public static final class FaultyProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public Classifier create(PluginConfig config) {
      String mode = config.string("mode", "throw");
      Dimension d = Dimension.of(config.id(), "FINE");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          if (customer.id().startsWith("bad")) {
            switch (mode) {
              case "throw" -> throw new IllegalStateException("boom");
              case "silent" -> {
                return;
              }
              case "out-of-range" -> out.accept(7, 0);
              case "error" -> throw new AssertionError("fatal");
              default -> throw new IllegalArgumentException(mode);
            }
            return;
          }
          out.accept(0, 1);
        }

        @Override
        public Assignment explain(Customer customer) {
          if (customer.id().startsWith("bad")) {
            throw new IllegalStateException("boom");
          }
          return Assignment.of(d, "FINE", 1, List.of());
        }
      };
    }
  }

  /**
   * "simple": a call for HIGH on the first dimension, an email otherwise; throws for "plan-fails".
   * With {@code "labelsOnly": true} it says it reads labels only (and never throws); either way it
   * counts its calls in {@link #CALLS}.
   */
  public static final class SimpleStrategyProvider implements StrategyProvider {
    static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 10, "high", "High value");
    static final Action EMAIL = new Action("email", ActionCategory.PROMOTION, "Email", 1, "other", "Default");
    static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String name() {
      return "simple";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      boolean labelsOnly = config.flag("labelsOnly", false);
      int high = dimensions.get(0).indexOf("HIGH");
      return new Strategy() {
        @Override
        public void plan(Customer customer, Segments segments, PlanSink out) {
          CALLS.incrementAndGet();
          if (!labelsOnly && customer.id().equals("plan-fails")) {
            throw new IllegalStateException("plan boom");
          }
          out.add(segments.labelIndex(0) == high ? CALL : EMAIL);
        }

        @Override
        public boolean planReadsLabelsOnly() {
          return labelsOnly;
        }
      };
    }
  }

  /** Two classes claiming one name, for the duplicate check. */
  public static final class DuplicateA extends NamedProvider {
    public DuplicateA() {
      super("dup");
    }
  }

  /** Two classes claiming one name, for the duplicate check. */
  public static final class DuplicateB extends NamedProvider {
    public DuplicateB() {
      super("dup");
    }
  }

  /** A provider whose constructor throws: ServiceLoader reports it as a ServiceConfigurationError. */
  public static final class ExplodingConstructorProvider extends NamedProvider {
    public ExplodingConstructorProvider() {
      super(explode());
    }

    private static String explode() {
      throw new IllegalStateException("constructor failed");
    }
  }

  /** Labels everyone ONLY; for tests about names and registration. */
  public static class NamedProvider implements ClassifierProvider {
    private final String name;

    NamedProvider(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
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
          out.accept(0, Double.NaN);
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(d, "ONLY", Double.NaN, List.of());
        }
      };
    }
  }
}
