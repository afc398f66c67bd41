package org.clientele.classifiers.risk;

import org.clientele.api.Classifier;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * The {@code risk} classifier: credit risk from defaults, days past due, warnings and credit
 * utilisation.
 *
 * <p>HIGH when {@code default_count >= 2}, or {@code overdue_days > 90}, or {@code risk_warnings >=
 * 2}, or credit utilisation ({@code credit_used / credit_limit}) above 1 (over the limit); NORMAL
 * when {@code default_count >= 1}, or {@code overdue_days > 30}, or {@code risk_warnings >= 1}, or
 * utilisation above 0.9; otherwise LOW. The 30 and 90 days are the IFRS 9 presumptions of a
 * significant increase in credit risk and of default. A limit that is missing, 0 or negative gives
 * no utilisation (missing, with a reason), never 0% or an infinite one. The rules use the inputs
 * that are known and name the missing ones; with none known the label is {@code ifNoData},
 * UNRATED by default. The score is the sum over known inputs of their level (0 low, 1 normal, 2
 * high), from 0 to 8; NaN when unrated.
 *
 * @since 0.1.0
 */
public final class RiskClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "risk";

  /** Creates the provider; does nothing else. */
  public RiskClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return RiskClassifier.create(config);
  }
}
