package org.clientele.testkit.samples;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Strategy;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;

/**
 * Providers that each break one rule of the contract, to prove the kit catches it. Every one is a
 * {@link RevenueBandProvider} with a single defect; all but {@link Unregistered} are listed in
 * META-INF/services.
 */
public final class BrokenProviders {

  private BrokenProviders() {}

  /** Not listed in META-INF/services. */
  public static class Unregistered extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-unregistered";
    }
  }

  /** Labels every customer LOW: passes every check that looks at one customer at a time. */
  public static class OneLabel extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-one-label";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          out.accept(1, Double.NaN);
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(dimension, "LOW", Double.NaN, List.of(Reason.missing(REVENUE, "Always LOW")));
        }
      };
    }
  }

  /** Reads a feature of its own that the kit's population does not have, so only its missing path runs. */
  public static class OwnFeatureNeverSeen extends RevenueBandProvider {
    /** The plugin's own input column. */
    public static final Feature<Double> DISTANCE = Feature.number("kit_sample_distance_km", "Distance to the branch");

    @Override
    public String name() {
      return "broken-own-feature";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          double d = customer.number(DISTANCE, Double.NaN);
          out.accept(Double.isNaN(d) ? 2 : d < 50 ? 0 : 1, d);
        }

        @Override
        public Assignment explain(Customer customer) {
          double d = customer.number(DISTANCE, Double.NaN);
          if (Double.isNaN(d)) {
            return Assignment.of(dimension, "UNKNOWN", Double.NaN, List.of(Reason.missing(DISTANCE, "No distance")));
          }
          return Assignment.of(dimension, d < 50 ? "HIGH" : "LOW", d, List.of(Reason.of(DISTANCE, d, "< 50", "Near")));
        }

        @Override
        public Set<Feature<?>> features() {
          return Set.of(DISTANCE);
        }
      };
    }
  }

  /** Upper case in its name. */
  public static class UpperCaseName extends RevenueBandProvider {
    @Override
    public String name() {
      return "Broken-Upper";
    }
  }

  /** Throws IllegalStateException instead of ConfigurationException when {@code threshold} is absent. */
  public static class CreateThrowsOnEmpty extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-create-throws";
    }

    @Override
    public Classifier create(PluginConfig config) {
      if (!config.has("threshold")) {
        throw new IllegalStateException("threshold missing");
      }
      return super.create(config);
    }
  }

  /** Ignores {@link PluginConfig#id()} and always reports its own name as the dimension id. */
  public static class IgnoresId extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-ignores-id";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(name(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000));
    }
  }

  /** Marks every key read, so typos go unnoticed. */
  public static class ReadsAllKeys extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-reads-all-keys";
    }

    @Override
    public Classifier create(PluginConfig config) {
      for (String key : config.keys()) {
        config.has(key);
      }
      return super.create(config);
    }
  }

  /** Accepts a {@code note} key in its configuration but never reads it. */
  public static class LeavesKeyUnread extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-leaves-key-unread";
    }
  }

  /** Calls the sink twice for high revenue. */
  public static class DoubleSink extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-double-sink";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          super.classify(customer, out);
          if (customer.number(REVENUE, 0) >= threshold) {
            out.accept(0, 0);
          }
        }
      };
    }
  }

  /** explain() reports a score one higher than classify(). */
  public static class ExplainDisagrees extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-explain-disagrees";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public Assignment explain(Customer customer) {
          Assignment a = super.explain(customer);
          return new Assignment(a.dimension(), a.labelIndex(), a.score() + 1, a.detail(), a.reasons());
        }
      };
    }
  }

  /** Dereferences revenue without checking that it is present. */
  public static class NpeOnMissing extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-npe-on-missing";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          Double revenue = customer.getOrNull(REVENUE);
          double r = revenue; // unboxing null: the bug
          out.accept(r >= threshold ? 0 : 1, r);
        }
      };
    }
  }

  /** Picks a random label when revenue is missing. */
  public static class RandomWhenMissing extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-random";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          if (!customer.has(REVENUE)) {
            out.accept(ThreadLocalRandom.current().nextInt(3), Double.NaN);
            return;
          }
          super.classify(customer, out);
        }

        @Override
        public Assignment explain(Customer customer) {
          Result r = new Result();
          classify(customer, r);
          return new Assignment(dimension, r.label, r.score, "", List.of(new Reason("revenue_12m", null, "", "Guessed")));
        }
      };
    }
  }

  /**
   * Not thread-safe: a call that overlaps another returns the wrong label. To make the overlap
   * certain rather than likely, the first call on each worker thread of the kit's pool waits
   * (at most 5 seconds) for a second worker to arrive.
   */
  public static class NotThreadSafe extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-not-thread-safe";
    }

    @Override
    public Classifier create(PluginConfig config) {
      AtomicInteger active = new AtomicInteger();
      CountDownLatch twoWorkers = new CountDownLatch(2);
      ThreadLocal<Boolean> waited = ThreadLocal.withInitial(() -> false);
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public void classify(Customer customer, LabelSink out) {
          int now = active.incrementAndGet();
          try {
            if (Thread.currentThread().getName().startsWith("pool-") && !waited.get()) {
              waited.set(true);
              twoWorkers.countDown();
              try {
                twoWorkers.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              now = active.get();
            }
            Result r = new Result();
            super.classify(customer, r);
            out.accept(now > 1 ? (r.label + 1) % 3 : r.label, r.score);
          } finally {
            active.decrementAndGet();
          }
        }
      };
    }
  }

  /** Mutable features() set. */
  public static class MutableFeatures extends RevenueBandProvider {
    @Override
    public String name() {
      return "broken-mutable-features";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), config.number("threshold", 10_000)) {
        @Override
        public Set<Feature<?>> features() {
          return new HashSet<>(Set.of(REVENUE));
        }
      };
    }
  }

  /**
   * Keeps its calibrator's exact median in the provider and prefers it to the saved calibration,
   * which it rounds to thousands: a model reloaded in another process labels differently.
   */
  public static class LeakyCalibration extends MedianRevenueProvider {
    private volatile double exactMedian = Double.NaN;

    @Override
    public String name() {
      return "broken-leaky-calibration";
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      return Optional.of(
          new MedianCalibrator() {
            @Override
            public Map<String, Object> result() {
              exactMedian = median();
              return Map.of("median", Math.round(median() / 1000) * 1000.0, "population", values.size());
            }
          });
    }

    @Override
    public Classifier create(PluginConfig config) {
      Classifier saved = super.create(config);
      double threshold = Double.isNaN(exactMedian) ? ((RevenueBandProvider.RevenueBand) saved).threshold : exactMedian;
      return new RevenueBandProvider.RevenueBand(saved.dimension(), threshold);
    }
  }

  /** Records the label and score. */
  static final class Result implements LabelSink {
    int label;
    double score;

    @Override
    public void accept(int labelIndex, double score) {
      this.label = labelIndex;
      this.score = score;
    }
  }

  /** A strategy that builds a new Action for every customer. */
  public static class NewActionEveryCall implements StrategyProvider {
    @Override
    public String name() {
      return "broken-new-actions";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      return (customer, segments, out) ->
          out.add(new Action("call", ActionCategory.CHANNEL, "Call", 1, "r", "Because"));
    }
  }

  /** A strategy that looks up the label name of every dimension, failing on UNCLASSIFIED's -1. */
  public static class FailsOnUnclassified implements StrategyProvider {
    static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 1, "r", "Because");

    @Override
    public String name() {
      return "broken-fails-on-unclassified";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      return (customer, segments, out) -> {
        if (segments.dimension(0).labels().get(segments.labelIndex(0)).equals("HIGH")) {
          out.add(CALL);
        }
      };
    }
  }

  /** Says it reads labels only, but offers a call only to customers with a known revenue. */
  public static class ClaimsLabelsOnlyButReadsFeatures implements StrategyProvider {
    static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 1, "r", "Because");

    @Override
    public String name() {
      return "broken-claims-labels-only";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      return new Strategy() {
        @Override
        public void plan(Customer customer, Segments segments, PlanSink out) {
          if (customer.has(StandardFeatures.REVENUE_12M)) {
            out.add(CALL);
          }
        }

        @Override
        public boolean planReadsLabelsOnly() {
          return true;
        }
      };
    }
  }

  /**
   * Says it reads labels only and does, for measured labels; for a label decided for lack of data
   * it offers a call only when the classifier's score is high: the defect hides unless the kit's
   * inputs carry fallback labels with varied scores.
   */
  public static class ClaimsLabelsOnlyButReadsFallbackScores implements StrategyProvider {
    static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 1, "r", "Because");

    @Override
    public String name() {
      return "broken-reads-fallback-scores";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      return new Strategy() {
        @Override
        public void plan(Customer customer, Segments segments, PlanSink out) {
          if (segments.labelIndex(0) >= 0 && (!segments.isFallback(0) || segments.score(0) > 0.5)) {
            out.add(CALL);
          }
        }

        @Override
        public boolean planReadsLabelsOnly() {
          return true;
        }
      };
    }
  }
}
