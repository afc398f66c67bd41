package org.clientele.classifiers.value;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.StateCodec;

/**
 * The {@code value} classifier: CORE, IMPORTANT, POTENTIAL, LOW on a configurable metric.
 *
 * <p>Rules, in order: a metric at or above the core cut-off gives CORE, at or above the important
 * cut-off IMPORTANT. Below IMPORTANT, a customer is POTENTIAL if its growth ({@code
 * (current - previous) / previous}, defaults {@code revenue_12m} and {@code revenue_prev_12m}) is
 * at least {@code potential.growthRate} (0.20), or if its predicted value is at or above the
 * important cut-off. Otherwise LOW, or the {@code ifMissing} label when the metric is missing.
 * With {@code pareto} and {@code quantile}, CORE and IMPORTANT also need a metric above 0.
 *
 * <p>Methods ({@code method}): {@code pareto} (default; cumulative share of the metric, {@code
 * coreShare} 0.80, {@code importantShare} 0.95), {@code quantile} (top share of customers, {@code
 * coreTop} 0.20, {@code importantTop} 0.50), {@code threshold} (absolute {@code core} 100000 and
 * {@code important} 10000). The first two are calibrated. The score is the metric's value (NaN if
 * missing). The full key list is in {@code docs/classifiers.md}.
 *
 * @since 0.1.0
 */
public final class ValueClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "value";

  /** Creates the provider; does nothing else. */
  public ValueClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return ValueClassifier.create(config);
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    Dimension d = ValueClassifier.dimension(config.id());
    ValueClassifier.Potential.read(config, d); // the keys create() reads besides the calibrator's
    return Optional.of(d);
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    ValueSettings settings = ValueSettings.read(config);
    return settings.method() == ValueSettings.Method.THRESHOLD
        ? Optional.empty()
        : Optional.of(new ValueCalibrator(settings));
  }

  /**
   * Moves the calibrator's state between JVMs: the exact values below {@code sketch.exactLimit},
   * the KLL sketch (and mass bins) above it.
   *
   * @return the codec
   * @since 0.1.0
   */
  @Override
  public Optional<CalibratorCodec> calibratorCodec() {
    return Optional.of(new StateCodec<>(NAME, ValueCalibrator.class, config -> new ValueCalibrator(ValueSettings.read(config))));
  }
}
