package org.clientele.classifiers.rfm;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.StateCodec;

/**
 * The {@code rfm} classifier: a score of 1 to 5 per letter and a named segment.
 *
 * <p>Each letter has four ascending cut points. Frequency and monetary score {@code 1 + (number of
 * cut points the value is above)}; recency, where fewer days is better, scores {@code 1 + (number
 * of cut points the value is below)}. A value equal to a cut point gets the worse score, so
 * customers with equal values always share a score (quintiles can be uneven when many values tie,
 * for example one-time buyers all get F = 1). Cut points come from calibration ({@code method}
 * {@code quantile}, the default: the population's quintiles) or from the configuration ({@code
 * threshold}). A missing letter scores {@code missingScore} (1) and is named in the reasons.
 *
 * <p>The segment comes from the R x F grid (each of the 25 cells belongs to exactly one segment;
 * the {@code grid} key overrides cells). The score is {@code R*100 + F*10 + M}, for example 545,
 * and the explained assignment carries it as its detail {@code "545"}.
 *
 * @since 0.1.0
 */
public final class RfmClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "rfm";

  /** Creates the provider; does nothing else. */
  public RfmClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return RfmClassifier.create(config);
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    return Optional.of(RfmClassifier.dimension(config));
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    RfmSettings settings = RfmSettings.read(config);
    return settings.calibrated() ? Optional.of(new RfmCalibrator(settings)) : Optional.empty();
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
    return Optional.of(new StateCodec<>(NAME, RfmCalibrator.class, config -> new RfmCalibrator(RfmSettings.read(config))));
  }
}
