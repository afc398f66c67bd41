package org.clientele.predict.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.predict.BgNbd;
import org.clientele.predict.GammaGamma;
import org.clientele.predict.ParetoNbd;
import org.clientele.predict.PredictedFeatures;
import org.clientele.predict.Predictor;
import org.clientele.predict.PurchaseModel;
import org.jspecify.annotations.Nullable;

/** See {@link ChurnClassifierProvider}. Immutable; the fit is read from the calibration in {@link #create}. */
final class ChurnClassifier implements Classifier {

  static final int ACTIVE = 0;
  static final int COOLING = 1;
  static final int AT_RISK = 2;
  static final int CHURNED = 3;
  static final int NO_HISTORY = 4;

  private final Dimension dimension;
  private final ChurnSettings settings;
  private final Predictor predictor;
  private final String fitText;
  private final Set<Feature<?>> features;

  private ChurnClassifier(Dimension dimension, ChurnSettings settings, Predictor predictor, String fitText) {
    this.dimension = dimension;
    this.settings = settings;
    this.predictor = predictor;
    this.fitText = fitText;
    this.features = settings.lifetimes()
        ? Set.of(settings.frequency(), settings.recency(), settings.age(), settings.monetary())
        : Set.of(settings.frequency(), settings.tenure(), settings.sinceLast(), settings.monetary());
  }

  static Dimension dimension(String id) {
    return Dimension.of(id, "ACTIVE", "COOLING", "AT_RISK", "CHURNED", "NO_HISTORY");
  }

  static ChurnClassifier create(PluginConfig config) {
    ChurnSettings s = ChurnSettings.read(config);
    Fit fit = Fit.read(config, s, "the churn dimension");
    return new ChurnClassifier(dimension(config.id()), s, fit.predictor(), fit.text());
  }

  private static String fmt(double v) {
    return Fit.fmt(v);
  }

  @Override
  public Dimension dimension() {
    return dimension;
  }

  @Override
  public Set<Feature<?>> features() {
    return features;
  }

  @Override
  public void classify(Customer customer, LabelSink out) {
    evaluate(customer, out, null);
  }

  @Override
  public Assignment explain(Customer customer) {
    List<Reason> why = new ArrayList<>();
    double[] verdict = new double[2];
    boolean[] fallback = {false};
    evaluate(customer, new LabelSink() {
      @Override
      public void accept(int label, double score) {
        verdict[0] = label;
        verdict[1] = score;
      }

      @Override
      public void acceptFallback(int label, double score) {
        accept(label, score);
        fallback[0] = true;
      }
    }, why);
    return new Assignment(dimension, (int) verdict[0], verdict[1], "", why, fallback[0]);
  }

  /** The customer with the predicted features, or unchanged without a usable history. */
  Customer enrich(Customer customer) {
    double[] h = new double[4];
    if (!settings.history(customer, h)) {
      return customer;
    }
    try {
      return predictor.predict(customer, h[0], h[1], h[2], h[3]);
    } catch (IllegalArgumentException e) {
      return customer;
    }
  }

  private void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double[] h = new double[4];
    boolean has = settings.history(customer, h);
    double score = Double.NaN;
    String problem = null;
    if (has) {
      try {
        score = settings.basis().equals("p_alive")
            ? predictor.model().probabilityAlive(h[0], h[1], h[2])
            : 1 - predictor.model().probabilityNoPurchase(settings.horizon(), h[0], h[1], h[2]);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    if (Double.isNaN(score)) {
      if (why != null) {
        why.add(Reason.missing(settings.frequency(), problem != null
            ? "the purchase history is inconsistent (" + problem + "): no prediction, NO_HISTORY for lack of data"
            : "no purchase history (" + settings.frequency().name() + " with recency and age): no prediction,"
                + " NO_HISTORY for lack of data"));
      }
      // Not a measurement: the results' lack_of_data and the playbook's basis keep it apart.
      out.acceptFallback(NO_HISTORY, Double.NaN);
      return;
    }
    int label = score >= settings.active() ? ACTIVE
        : score >= settings.cooling() ? COOLING
        : score >= settings.atRisk() ? AT_RISK
        : CHURNED;
    if (why != null) {
      why.add(reason(label, score, h));
    }
    out.accept(label, score);
  }

  private Reason reason(int label, double score, double[] h) {
    Predictor.Prediction p = predictor.predict(h[0], h[1], h[2], h[3]);
    String u = settings.unit();
    String measure = settings.basis().equals("p_alive")
        ? "P(alive)"
        : "P(a purchase in the next " + fmt(settings.horizon()) + " " + u + ")";
    String threshold = switch (label) {
      case ACTIVE -> ">= " + fmt(settings.active());
      case COOLING -> ">= " + fmt(settings.cooling()) + " and < " + fmt(settings.active());
      case AT_RISK -> ">= " + fmt(settings.atRisk()) + " and < " + fmt(settings.cooling());
      default -> "< " + fmt(settings.atRisk());
    };
    String history = h[0] == 0
        ? String.format(Locale.ROOT, "no repeat purchase in %.1f %s since the first", h[2], u)
        : String.format(Locale.ROOT, "%.0f repeat purchase%s in %.1f %s, none in the last %.1f",
            h[0], h[0] == 1 ? "" : "s", h[2], u, h[2] - h[1]);
    String text = String.format(Locale.ROOT,
        "%s %.2f (%s %s): %s; expected %.2f purchases in the next %s %s, P(no purchase) %.2f",
        measure, score, dimension.labels().get(label), threshold, history,
        p.expectedPurchases(), fmt(settings.horizon()), u, p.churnRisk());
    if (!Double.isNaN(p.clv())) {
      text += String.format(Locale.ROOT, ", expected spend %.2f, CLV %.2f", p.expectedSpend(), p.clv());
    }
    return Reason.of(PredictedFeatures.P_ALIVE, score, threshold, text + "; " + fitText);
  }
}
