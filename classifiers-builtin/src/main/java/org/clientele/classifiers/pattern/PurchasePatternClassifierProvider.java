package org.clientele.classifiers.pattern;

import java.util.Optional;
import java.util.Set;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.StateCodec;

/**
 * The {@code purchase_pattern} classifier: purchase frequency crossed with average order value, the
 * four quadrants of the practice's e-commerce example, each with its own treatment.
 *
 * <p>Labels: {@code FREQUENT_BIG_ORDERS} (frequency and order value above their cut-offs),
 * {@code FREQUENT_SMALL_ORDERS}, {@code OCCASIONAL_BIG_ORDERS}, {@code OCCASIONAL_SMALL_ORDERS}, and
 * {@code UNKNOWN} for a customer without either input (a prospect has no order value; missing is
 * never zero). A value equal to a cut-off is on the low side.
 *
 * <p>Axes: {@code frequencyFeature} ({@code orders_12m}) and {@code orderValueFeature} ({@code
 * average_order_value}). Cut-offs: {@code method} {@code quantile} (the default, calibrated: the
 * population's {@code frequencyQuantile} and {@code orderValueQuantile}, both 0.5, the median) or
 * {@code threshold} (absolute {@code frequencyCutoff} and {@code orderValueCutoff}, both required).
 * When a quantile falls on the largest value, the cut-off moves to the next smaller value so the
 * tied top group is the high side; when every customer has the same value, the calibration says
 * so under {@code degenerate} and the report shows it as a quality warning. The score is the
 * order value.
 *
 * @since 0.1.0
 */
public final class PurchasePatternClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "purchase_pattern";

  /** Creates the provider; does nothing else. */
  public PurchasePatternClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return PurchasePatternClassifier.create(config);
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    PatternSettings.read(config);
    return Optional.of(PurchasePatternClassifier.dimension(config.id()));
  }

  @Override
  public Set<Feature<?>> features(PluginConfig config) {
    PatternSettings s = PatternSettings.read(config);
    return Set.of(s.frequency(), s.orderValue());
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    PatternSettings settings = PatternSettings.read(config);
    return settings.calibrated() ? Optional.of(new PatternCalibrator(settings)) : Optional.empty();
  }

  /**
   * Moves the calibrator's state between JVMs: the exact values below {@code sketch.exactLimit},
   * the KLL sketch above it.
   *
   * @return the codec
   * @since 0.1.0
   */
  @Override
  public Optional<CalibratorCodec> calibratorCodec() {
    return Optional.of(new StateCodec<>(NAME, PatternCalibrator.class,
        config -> new PatternCalibrator(PatternSettings.read(config))));
  }
}
