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
import org.clientele.predict.PredictedFeatures;

/**
 * The churn labels from the features of a {@code predictions} feature step ({@code source:
 * "features"}): the step's one fit gives both the {@code p_alive} feature and this label.
 */
final class ChurnFromFeatures implements Classifier {

  private final Dimension dimension;
  private final ChurnSettings settings;
  private final Feature<Double> read;

  ChurnFromFeatures(Dimension dimension, ChurnSettings settings) {
    this.dimension = dimension;
    this.settings = settings;
    this.read = settings.basis().equals("p_alive") ? PredictedFeatures.P_ALIVE : PredictedFeatures.CHURN_RISK;
  }

  @Override
  public Dimension dimension() {
    return dimension;
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(read);
  }

  private double score(Customer customer) {
    double v = customer.number(read, Double.NaN);
    return read == PredictedFeatures.P_ALIVE ? v : 1 - v;
  }

  private int label(double score) {
    return Double.isNaN(score) ? ChurnClassifier.NO_HISTORY
        : score >= settings.active() ? ChurnClassifier.ACTIVE
        : score >= settings.cooling() ? ChurnClassifier.COOLING
        : score >= settings.atRisk() ? ChurnClassifier.AT_RISK
        : ChurnClassifier.CHURNED;
  }

  @Override
  public void classify(Customer customer, LabelSink out) {
    double score = score(customer);
    if (Double.isNaN(score)) {
      out.acceptFallback(ChurnClassifier.NO_HISTORY, score); // no prediction: not a measurement
    } else {
      out.accept(label(score), score);
    }
  }

  @Override
  public Assignment explain(Customer customer) {
    double score = score(customer);
    int label = label(score);
    List<Reason> why = new ArrayList<>();
    if (Double.isNaN(score)) {
      why.add(Reason.missing(read, read.name() + " is missing: no purchase history, or no predictions step configured"
          + " (features.predictions): no prediction, NO_HISTORY for lack of data"));
      return new Assignment(dimension, label, score, "", why, true);
    }
    String measure = read == PredictedFeatures.P_ALIVE ? "P(alive)" : "P(a purchase in the horizon) (1 - churn_risk)";
    String threshold = switch (label) {
      case ChurnClassifier.ACTIVE -> ">= " + Fit.fmt(settings.active());
      case ChurnClassifier.COOLING -> ">= " + Fit.fmt(settings.cooling()) + " and < " + Fit.fmt(settings.active());
      case ChurnClassifier.AT_RISK -> ">= " + Fit.fmt(settings.atRisk()) + " and < " + Fit.fmt(settings.cooling());
      default -> "< " + Fit.fmt(settings.atRisk());
    };
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s %.2f (%s %s), from the predictions step:",
        measure, score, dimension.labels().get(label), threshold));
    for (Feature<?> f : PredictedFeatures.all()) {
      Object v = customer.getOrNull(f);
      if (v instanceof Double d) {
        text.append(String.format(Locale.ROOT, " %s %.2f,", f.name(), d));
      }
    }
    text.setLength(text.length() - 1);
    text.append(" (the fit is in the model JSON under features.<id>.calibration)");
    why.add(Reason.of(read, customer.number(read, Double.NaN), threshold, text.toString()));
    return new Assignment(dimension, label, score, "", why);
  }
}
