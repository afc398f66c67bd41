package com.example.clientele.needs;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * Provides the {@code acme-needs} classifier: what a customer mainly buys from us, from the plugin's own
 * columns ({@link NeedsFeatures}).
 *
 * <ol>
 *   <li>{@code SOLUTION}: at least {@code solution.minProjects} project or bundle purchases (default
 *       1) and at least {@code solution.minProductLines} product lines (default 3);
 *   <li>else {@code SERVICE}: a service-ticket share at or above the cut-off: by default the
 *       calibrated cut-off of the top {@code serviceTopShare} of the population (default 0.2, so the
 *       20% of customers who lean most on service), or a fixed {@code serviceThreshold} (0 to 1; no
 *       calibration then);
 *   <li>else {@code PRODUCT};
 *   <li>{@code UNKNOWN} when none of the three columns is known. A missing column is named in the
 *       reasons: a missing service share means "not SERVICE", missing purchases mean "not SOLUTION".
 * </ol>
 *
 * <p>The columns can be renamed with {@code serviceShareFeature}, {@code productLinesFeature} and
 * {@code projectPurchasesFeature}. The score is the service share (NaN if missing).
 */
public final class NeedsClassifierProvider implements ClassifierProvider {

  /** The provider's name, and the default dimension id. */
  public static final String NAME = "acme-needs";

  /** Creates the provider; ServiceLoader calls this. */
  public NeedsClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    NeedsSettings settings = NeedsSettings.read(config);
    return settings.calibrated() ? Optional.of(new NeedsCalibrator(settings)) : Optional.empty();
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    NeedsSettings.read(config);
    return Optional.of(Dimension.of(config.id(), Need.class));
  }

  @Override
  public Classifier create(PluginConfig config) {
    NeedsSettings settings = NeedsSettings.read(config);
    Dimension dimension = Dimension.of(config.id(), Need.class);
    if (!settings.calibrated()) {
      return new NeedsClassifier(dimension, settings, settings.threshold(), NeedsClassifier.percent(settings.threshold()));
    }
    if (!config.has(CALIBRATION_KEY)) {
      throw config.error(CALIBRATION_KEY, "missing: the service cut-off is calibrated (serviceTopShare); let the engine"
          + " calibrate on the population, or set a fixed serviceThreshold");
    }
    // The calibrator wrote these keys; only the cut-off and what it was made for are needed here.
    PluginConfig calibration = config.section(CALIBRATION_KEY).markAllRead();
    String feature = calibration.string("feature", "");
    double topShare = calibration.number("topShare", Double.NaN);
    if (!feature.equals(settings.serviceShare().name()) || topShare != settings.topShare()) {
      throw calibration.error("feature", "the calibration was made for " + feature + " top " + topShare + ", the"
          + " configuration asks for " + settings.serviceShare().name() + " top " + settings.topShare()
          + ": remove the calibration to recalibrate");
    }
    if (!calibration.has("serviceCutoff")) {
      throw calibration.error("serviceCutoff", "missing: no customer of the calibration population had "
          + feature + "; add the column to the customers, or set a fixed serviceThreshold");
    }
    double cutoff = calibration.number("serviceCutoff", Double.NaN);
    return new NeedsClassifier(dimension, settings, cutoff, cutoffRule(cutoff, topShare));
  }

  private static String cutoffRule(double cutoff, double topShare) {
    return NeedsClassifier.percent(cutoff) + " (top " + NeedsClassifier.percent(topShare) + " by calibration)";
  }
}
