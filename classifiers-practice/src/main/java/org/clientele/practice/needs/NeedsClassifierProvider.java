package org.clientele.practice.needs;

import static org.clientele.practice.internal.Text.percent;

import java.util.Optional;
import java.util.Set;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.SettingsClassifierProvider;

/**
 * Provides the {@code needs} dimension: what a customer mainly buys from us (产品需求 / 服务需求 /
 * 解决方案需求), from three columns of a CRM or service-desk export ({@link
 * org.clientele.practice.PracticeFeatures}).
 *
 * <ol>
 *   <li>{@code SOLUTION}: at least {@code solution.minProjects} project or bundle purchases
 *       (default 1) and at least {@code solution.minProductLines} product lines (default 3) in the
 *       last 12 months: a buyer of integrated solutions;
 *   <li>else {@code SERVICE}: service tickets at or above {@code serviceThreshold} (default 0.3) of
 *       the customer's tickets and orders: a buyer who leans on our service; or, with {@code
 *       serviceTopShare} instead, the top share of the population by service share (a cut-off
 *       calibrated on the population);
 *   <li>else {@code PRODUCT}: no solution purchases and a service share below the cut-off, both
 *       known;
 *   <li>{@code UNKNOWN} when the inputs that would decide are missing (no service share for a
 *       customer who is not a solution buyer; neither purchase column for a low service share).
 * </ol>
 *
 * <p>The default cut-offs are absolute: a customer's needs are a fact about that customer, not a
 * rank, so a book where nobody leans on service has no SERVICE buyers, and a small key-account book
 * is labelled the same way as a large one. The columns can be renamed with {@code
 * serviceShareFeature}, {@code productLinesFeature} and {@code projectPurchasesFeature}. The score is
 * the service share (NaN if missing). Not part of the default configuration: name it in one.
 *
 * @since 0.1.0
 */
public final class NeedsClassifierProvider extends SettingsClassifierProvider {

  /**
   * The provider's name and default dimension id.
   *
   * @since 0.1.0
   */
  public static final String NAME = "needs";

  /**
   * Creates the provider; does nothing else.
   *
   * @since 0.1.0
   */
  public NeedsClassifierProvider() {
    super(NAME, NeedsClassifier::dimension, NeedsSettings::read,
        s -> Set.of(s.projects(), s.productLines(), s.serviceShare()), NeedsClassifierProvider::classifier);
  }

  /**
   * Not part of the default configuration: its columns are not in a default export.
   *
   * @return false
   */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    NeedsSettings settings = NeedsSettings.read(config);
    return settings.calibrated() ? Optional.of(new NeedsCalibrator(settings)) : Optional.empty();
  }

  /** A fixed cut-off, or the calibrated one checked against the settings it was made for. */
  private static Classifier classifier(Dimension dimension, NeedsSettings settings, PluginConfig config) {
    if (!settings.calibrated()) {
      return new NeedsClassifier(dimension, settings, settings.threshold(), percent(settings.threshold()));
    }
    if (!config.has(CALIBRATION_KEY)) {
      throw config.error(CALIBRATION_KEY, "missing: the service cut-off is calibrated (serviceTopShare); let the engine"
          + " calibrate on the population, or set a fixed serviceThreshold");
    }
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
    return new NeedsClassifier(dimension, settings, cutoff,
        percent(cutoff) + " (top " + percent(topShare) + " by calibration)");
  }
}
