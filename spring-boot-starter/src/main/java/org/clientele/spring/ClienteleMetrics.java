package org.clientele.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.clientele.api.Dimension;
import org.clientele.core.Classification;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for the starter's engine. Tags are dimension ids and labels only, never a
 * customer id or a feature value, so their number is bounded by the model:
 *
 * <ul>
 *   <li>{@code clientele.classifications} (counter; tags {@code dimension}, {@code label}): one per
 *       customer per dimension, {@code UNCLASSIFIED} included;
 *   <li>{@code clientele.errors} (function counter; tag {@code dimension}, or {@code strategy}):
 *       plugin failures since start-up, across model reloads;
 *   <li>{@code clientele.classification.latency} (timer): one classification, all dimensions and
 *       the plan;
 *   <li>{@code clientele.model.reloads} (function counter): engine swaps since start-up.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ClienteleMetrics implements MeterBinder, ClassificationObserver {

  private final ReloadingEngine engines;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private volatile @Nullable MeterRegistry registry;
  private volatile @Nullable Timer latency;

  /**
   * Creates the meters of an engine holder.
   *
   * @param engines the engine holder
   */
  public ClienteleMetrics(ReloadingEngine engines) {
    this.engines = Objects.requireNonNull(engines, "engines");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.latency = Timer.builder("clientele.classification.latency")
        .description("Time to classify one customer on every dimension and plan it")
        .register(registry);
    for (Dimension d : engines.current().dimensions()) {
      FunctionCounter.builder("clientele.errors", engines, e -> e.errors(d.id()))
          .description("Classifier failures on a dimension since start-up")
          .tag("dimension", d.id())
          .register(registry);
      for (String label : d.labels()) {
        counter(registry, d.id(), label);
      }
      counter(registry, d.id(), Dimension.UNCLASSIFIED);
    }
    FunctionCounter.builder("clientele.errors", engines, e -> e.errors("strategy"))
        .description("Strategy failures since start-up")
        .tag("dimension", "strategy")
        .register(registry);
    FunctionCounter.builder("clientele.model.reloads", engines, ReloadingEngine::reloads)
        .description("Times the model file was reloaded and the engine swapped")
        .register(registry);
    this.registry = registry;
  }

  private Counter counter(MeterRegistry registry, String dimension, String label) {
    return counters.computeIfAbsent(dimension + '\u0000' + label, k -> Counter.builder("clientele.classifications")
        .description("Customers classified, by dimension and label")
        .tag("dimension", dimension)
        .tag("label", label)
        .register(registry));
  }

  @Override
  public void classified(Classification result, long nanos) {
    MeterRegistry r = registry;
    Timer t = latency;
    if (r == null || t == null) {
      return;
    }
    t.record(nanos, TimeUnit.NANOSECONDS);
    for (int i = 0; i < result.size(); i++) {
      Dimension d = result.dimension(i);
      int label = result.labelIndex(i);
      counter(r, d.id(), label < 0 ? Dimension.UNCLASSIFIED : d.label(label)).increment();
    }
  }
}
