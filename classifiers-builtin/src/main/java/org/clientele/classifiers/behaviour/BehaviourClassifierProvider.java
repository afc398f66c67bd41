package org.clientele.classifiers.behaviour;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.StateCodec;

/**
 * The {@code behaviour} classifier. The key {@code scheme} picks one of two published schemes.
 *
 * <p><b>{@code lifecycle}</b> (default), by visits (distinct purchase days) as of the reference
 * date, rules in this order:
 *
 * <ol>
 *   <li>PROSPECT: never purchased ({@code purchase_days} is 0, or no purchase history at all).
 *   <li>NEW: the first-ever purchase is at most {@code recentDays} (90) days ago ({@code
 *       tenure_days}).
 *   <li>ACTIVE: {@code visits_12m} at least {@code activeVisits} (3).
 *   <li>SWINGING: at least {@code swingingVisits} (2).
 *   <li>One visit: AT_RISK if it lies more than {@code recentDays} days ago; if it lies within them
 *       (and it is not the first-ever purchase, which rule 2 took) the practice gives no label: the
 *       SDK decides {@code openCase} = SWINGING, a returning customer whose engagement is not yet
 *       established, neither lost nor at risk.
 *   <li>LOST: no visit in the last 12 months.
 * </ol>
 *
 * <p><b>{@code activity}</b>: PROSPECT as above; ACTIVE when purchase frequency ({@code orders_12m})
 * and volume ({@code revenue_12m}) are both at or above their cut-offs (calibrated top shares by
 * default, or thresholds); PASSIVE otherwise.
 *
 * <p>The score is {@code visits_12m} (lifecycle) or the frequency (activity), NaN if missing. Keys,
 * missing-input rules and examples are in {@code docs/classifiers.md}.
 *
 * @since 0.1.0
 */
public final class BehaviourClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "behaviour";

  /** Creates the provider; does nothing else. */
  public BehaviourClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return switch (scheme(config)) {
      case LIFECYCLE -> LifecycleClassifier.create(config);
      case ACTIVITY -> ActivityClassifier.create(config);
    };
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    return Optional.of(switch (scheme(config)) {
      case LIFECYCLE -> LifecycleClassifier.dimension(config.id());
      case ACTIVITY -> ActivityClassifier.dimension(config.id());
    });
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    if (scheme(config) != Scheme.ACTIVITY) {
      return Optional.empty();
    }
    ActivitySettings settings = ActivitySettings.read(config);
    return settings.calibrated() ? Optional.of(new ActivityCalibrator(settings)) : Optional.empty();
  }

  enum Scheme {
    LIFECYCLE,
    ACTIVITY
  }

  private static Scheme scheme(PluginConfig config) {
    return config.choice("scheme", Scheme.class, Scheme.LIFECYCLE);
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
    return Optional.of(new StateCodec<>(NAME, ActivityCalibrator.class, config -> new ActivityCalibrator(ActivitySettings.read(config))));
  }
}
