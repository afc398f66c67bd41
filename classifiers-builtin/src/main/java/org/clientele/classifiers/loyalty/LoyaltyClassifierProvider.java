package org.clientele.classifiers.loyalty;

import org.clientele.api.Classifier;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * The {@code loyalty} classifier: HIGH, MEDIUM, LOW by points.
 *
 * <p>Each known input earns 0, 1 or 2 points at its two thresholds (value at or above the first
 * gives 1, at or above the second 2): {@code tenure_days} [365, 730], {@code repeat_purchases} [1,
 * 4], {@code satisfaction} [3, 4]. Complaints ({@code complaints_12m}) take away 1 point at 1 and 2
 * points at 3. The score is {@code max(0, points - penalty) / (2 * known inputs)}, from 0 to 1, so a
 * missing input neither earns nor costs points: it is left out of the denominator and named in the
 * reasons. HIGH at a score of 0.75 or more, MEDIUM at 0.40 or more, else LOW. With fewer than
 * {@code minInputs} (2) of the three positive inputs known, the label is {@code ifInsufficient}
 * (LOW) and the score NaN. Keys are listed in {@code docs/classifiers.md}.
 *
 * @since 0.1.0
 */
public final class LoyaltyClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "loyalty";

  /** Creates the provider; does nothing else. */
  public LoyaltyClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return LoyaltyClassifier.create(config);
  }
}
