package org.clientele.predict.churn;

import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.predict.PredictedFeatures;

/**
 * The {@code churn} classifier: ACTIVE, COOLING, AT_RISK, CHURNED (and NO_HISTORY for a customer
 * without a purchase history) by a fitted model's P(alive).
 *
 * <p>Calibration fits the model on the population in one streaming pass (the mergeable state is
 * the table of distinct histories) and stores the parameters, their standard errors, the
 * log-likelihood and any warning in the model JSON, so a live service labels with the same fit.
 * The score is P(alive) (or, with {@code basis: "purchase_probability"}, the probability of at
 * least one purchase in the horizon); the labels cut it at {@code active} (0.7), {@code cooling}
 * (0.4) and {@code atRisk} (0.15). The explanation gives the customer's history, the expected
 * purchases and the churn risk in the horizon, the expected spend and CLV when spend is known,
 * and the model's parameters with their standard errors and warnings.
 *
 * <p>Keys: {@code model} ({@code paretonbd}, the default, or {@code bgnbd}: in BG/NBD a customer
 * without repeat purchase is alive with certainty, which makes every one-time buyer ACTIVE);
 * {@code inputs} ({@code lifetimes}, the default: the features {@code lifetimes_frequency},
 * {@code lifetimes_recency}, {@code lifetimes_t}, {@code lifetimes_monetary_value} of the lifetimes
 * derivation mode, in weeks; or {@code standard}: {@code repeat_purchases}, {@code tenure_days},
 * {@code days_since_last_purchase}, {@code average_order_value}, in days); each feature can be
 * renamed ({@code frequency}, {@code recency}, {@code age}, {@code monetary}, {@code tenure},
 * {@code sinceLast}); {@code unit} for the explanations; {@code horizon} (52 weeks or 365 days),
 * {@code periods} (12) and {@code discountRate} (0 per period) for the expected purchases, churn
 * risk and CLV. With {@code source: "features"} the dimension fits nothing itself: it labels by
 * the {@code p_alive} (or {@code churn_risk}) feature that a {@code predictions} feature step
 * added ({@link PredictionFeatureProvider}), so the label and the feature come from one fit; then
 * only {@code basis} and the thresholds are its keys. See {@code docs/predictions.md}.
 *
 * @since 0.1.0
 */
public final class ChurnClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "churn";

  /**
   * Creates the provider; does nothing else.
   *
   * @since 0.1.0
   */
  public ChurnClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    ChurnSettings s = ChurnSettings.read(config);
    return s.fromFeatures() ? new ChurnFromFeatures(ChurnClassifier.dimension(config.id()), s) : ChurnClassifier.create(config);
  }

  /**
   * Not part of the default configuration: the model needs the lifetimes summary
   * ({@code input.derive.mode: lifetimes}), which a default run does not derive. Name the
   * dimension in a configuration (docs/predictions.md).
   *
   * @return false
   */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    ChurnSettings.read(config);
    return Optional.of(ChurnClassifier.dimension(config.id()));
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    ChurnSettings s = ChurnSettings.read(config);
    return s.fromFeatures() ? Optional.empty() : Optional.of(new ChurnCalibrator(s));
  }

  /**
   * Moves the calibrator's state between JVMs: the fit's sufficient statistics (distinct purchase
   * histories and spend pairs with their counts), so a distributed fit equals the single-JVM one.
   *
   * @return the codec
   * @since 0.1.0
   */
  @Override
  public Optional<CalibratorCodec> calibratorCodec() {
    return Optional.of(new ChurnCalibratorCodec());
  }

  /**
   * Adds the {@link PredictedFeatures} to a customer with a classifier this provider created: the
   * predictions behind its label, for hosts and rules that want the numbers themselves.
   *
   * @param classifier a classifier created by this provider
   * @param customer the customer
   * @return a copy with the predicted features, or the customer unchanged without a history
   * @throws IllegalArgumentException if the classifier was not created by this provider
   * @since 0.1.0
   */
  public static Customer predict(Classifier classifier, Customer customer) {
    if (classifier instanceof ChurnFromFeatures) {
      return customer; // the predictions step added them already
    }
    if (!(classifier instanceof ChurnClassifier c)) {
      throw new IllegalArgumentException("not a churn classifier: " + classifier.getClass().getName());
    }
    return c.enrich(customer);
  }
}
