package org.clientele.predict.churn;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.FeatureStep;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.FeatureProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.predict.PredictedFeatures;
import org.clientele.predict.Predictor;

/**
 * The {@code predictions} feature step: fits a purchase model (Pareto/NBD or BG/NBD, plus
 * Gamma-Gamma when spend is known) at calibration, and adds the {@link PredictedFeatures} ({@code
 * p_alive}, {@code expected_purchases}, {@code churn_risk}, {@code expected_spend}, {@code
 * predicted_clv}) to every customer before the classifiers run, so that every dimension and
 * playbook rule can read them.
 *
 * <pre>{@code
 * { "features": { "predictions": { "model": "paretonbd", "inputs": "standard", "horizon": 365 } } }
 * }</pre>
 *
 * <p>Keys: those of the {@code churn} dimension that concern the model ({@code model}, {@code
 * inputs}, the feature renames, {@code unit}, {@code horizon}, {@code periods}, {@code
 * discountRate}); not its label keys. The fit is stored in the model JSON under {@code
 * features.<id>.calibration}, in the churn dimension's form, so a live service predicts with the
 * same fit. A customer without a purchase history (or with an inconsistent one) keeps the
 * predicted features missing; without spend data {@code expected_spend} and {@code predicted_clv}
 * stay missing. The fit's warnings (small book, weak parameters, no convergence) are the step's
 * {@link FeatureStep#diagnostics() diagnostics}. See {@code docs/predictions.md}.
 *
 * @since 0.1.0
 */
public final class PredictionFeatureProvider implements FeatureProvider {

  /** The provider's name and default step id. */
  public static final String NAME = "predictions";

  /**
   * Creates the provider; does nothing else.
   *
   * @since 0.1.0
   */
  public PredictionFeatureProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FeatureStep create(PluginConfig config) {
    ChurnSettings s = ChurnSettings.read(config, false);
    Fit fit = Fit.read(config, s, "the predictions step");
    return new Step(s, fit);
  }

  @Override
  public Set<Feature<?>> features(PluginConfig config) {
    ChurnSettings.read(config, false);
    return Set.copyOf(PredictedFeatures.all());
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    return Optional.of(new ChurnCalibrator(ChurnSettings.read(config, false)));
  }

  /** The fitted step. */
  private static final class Step implements FeatureStep {
    private static final Set<Feature<?>> FEATURES = Set.copyOf(PredictedFeatures.all());
    private final ChurnSettings settings;
    private final Predictor predictor;
    private final List<String> diagnostics;
    private final Set<Feature<?>> inputs;

    Step(ChurnSettings settings, Fit fit) {
      this.settings = settings;
      this.predictor = fit.predictor();
      this.diagnostics = fit.warnings().stream().map(w -> w + " (" + fit.text() + ")").toList();
      this.inputs = settings.lifetimes()
          ? Set.of(settings.frequency(), settings.recency(), settings.age(), settings.monetary())
          : Set.of(settings.frequency(), settings.tenure(), settings.sinceLast(), settings.monetary());
    }

    @Override
    public Set<Feature<?>> features() {
      return FEATURES;
    }

    @Override
    public Set<Feature<?>> inputs() {
      return inputs;
    }

    @Override
    public Customer apply(Customer customer) {
      double[] h = new double[4];
      if (!settings.history(customer, h)) {
        return customer;
      }
      try {
        return predictor.predict(customer, h[0], h[1], h[2], h[3]);
      } catch (IllegalArgumentException e) {
        return customer; // an inconsistent history (t_x > T): no prediction, as the churn dimension says
      }
    }

    @Override
    public List<String> diagnostics() {
      return diagnostics;
    }
  }
}
