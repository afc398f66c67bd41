package org.clientele.predict.churn;

import java.util.Locale;
import java.util.Optional;
import org.clientele.api.Feature;
import org.clientele.api.spi.PluginConfig;

/** The configuration of the churn dimension, read and checked once. */
record ChurnSettings(
    boolean fromFeatures,
    String model,
    String inputs,
    String basis,
    String unit,
    double horizon,
    int periods,
    double discountRate,
    double active,
    double cooling,
    double atRisk,
    Feature<Double> frequency,
    Feature<Double> recency,
    Feature<Double> age,
    Feature<Double> monetary,
    Feature<Double> tenure,
    Feature<Double> sinceLast) {

  static final String LIFETIMES = "lifetimes";
  static final String STANDARD = "standard";

  static ChurnSettings read(PluginConfig c) {
    return read(c, true);
  }

  /**
   * Reads the settings; without {@code labels} (the predictions feature step) the label keys
   * ({@code basis} and the thresholds) are not read, so that one there is an unknown key.
   */
  static ChurnSettings read(PluginConfig c, boolean labels) {
    if (labels && oneOf(c, "source", "fit", "fit", "features").equals("features")) {
      return fromFeatures(c);
    }
    String model = oneOf(c, "model", "paretonbd", "paretonbd", "bgnbd");
    String inputs = oneOf(c, "inputs", LIFETIMES, LIFETIMES, STANDARD);
    String basis = labels ? oneOf(c, "basis", "p_alive", "p_alive", "purchase_probability") : "p_alive";
    boolean lifetimes = inputs.equals(LIFETIMES);
    String unit = c.string("unit", lifetimes ? "weeks" : "days");
    double horizon = c.number("horizon", lifetimes ? 52 : 365, 1e-9, 1e9);
    int periods = c.integer("periods", 12);
    if (periods < 1) {
      throw c.error("periods", "expected 1 or more discounting periods, found " + periods);
    }
    double rate = c.number("discountRate", 0, 0, 10);
    double active = labels ? c.number("active", 0.7, 0, 1) : 0.7;
    double cooling = labels ? c.number("cooling", 0.4, 0, 1) : 0.4;
    double atRisk = labels ? c.number("atRisk", 0.15, 0, 1) : 0.15;
    if (!(active >= cooling && cooling >= atRisk)) {
      throw c.error("active", "thresholds must be ordered active >= cooling >= atRisk; found "
          + active + ", " + cooling + ", " + atRisk);
    }
    Feature<Double> frequency = feature(c, "frequency", lifetimes ? "lifetimes_frequency" : "repeat_purchases");
    Feature<Double> recency = feature(c, "recency", "lifetimes_recency");
    Feature<Double> age = feature(c, "age", "lifetimes_t");
    Feature<Double> monetary = feature(c, "monetary", lifetimes ? "lifetimes_monetary_value" : "average_order_value");
    Feature<Double> tenure = feature(c, "tenure", "tenure_days");
    Feature<Double> sinceLast = feature(c, "sinceLast", "days_since_last_purchase");
    return new ChurnSettings(false, model, inputs, basis, unit, horizon, periods, rate, active, cooling, atRisk,
        frequency, recency, age, monetary, tenure, sinceLast);
  }

  /**
   * {@code source: "features"}: the labels come from the features a {@code predictions} step
   * added; the model keys belong to the step, so here they are unknown keys.
   */
  private static ChurnSettings fromFeatures(PluginConfig c) {
    String basis = oneOf(c, "basis", "p_alive", "p_alive", "purchase_probability");
    double active = c.number("active", 0.7, 0, 1);
    double cooling = c.number("cooling", 0.4, 0, 1);
    double atRisk = c.number("atRisk", 0.15, 0, 1);
    if (!(active >= cooling && cooling >= atRisk)) {
      throw c.error("active", "thresholds must be ordered active >= cooling >= atRisk; found "
          + active + ", " + cooling + ", " + atRisk);
    }
    Feature<Double> none = org.clientele.predict.PredictedFeatures.P_ALIVE;
    return new ChurnSettings(true, "", "", basis, "", Double.NaN, 1, 0, active, cooling, atRisk,
        none, none, none, none, none, none);
  }

  boolean lifetimes() {
    return inputs.equals(LIFETIMES);
  }

  private static String oneOf(PluginConfig c, String key, String def, String... allowed) {
    String v = c.string(key, def).trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw c.error(key, "expected one of " + String.join(", ", allowed) + ", found \"" + v + "\"");
  }

  @SuppressWarnings("unchecked")
  private static Feature<Double> feature(PluginConfig c, String key, String def) {
    String name = c.string(key, def).trim();
    Optional<Feature<?>> known = Feature.lookup(name);
    if (known.isPresent()) {
      if (known.get().kind() != Feature.Kind.NUMBER) {
        throw c.error(key, "feature '" + name + "' is not numeric; name a numeric feature");
      }
      return (Feature<Double>) known.get();
    }
    try {
      return Feature.number(name, "Numeric feature named in the churn configuration");
    } catch (IllegalArgumentException e) {
      throw c.error(key, java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  /**
   * Reads (x, t_x, T, mean spend) from a customer into {@code out}.
   *
   * @return false if the history is missing
   */
  boolean history(org.clientele.api.Customer customer, double[] out) {
    double x = customer.number(frequency, Double.NaN);
    double tx;
    double t;
    if (lifetimes()) {
      tx = customer.number(recency, Double.NaN);
      t = customer.number(age, Double.NaN);
    } else {
      t = customer.number(tenure, Double.NaN);
      tx = t - customer.number(sinceLast, Double.NaN);
      if (x == 0) {
        tx = 0;
      }
    }
    if (Double.isNaN(x) || Double.isNaN(tx) || Double.isNaN(t)) {
      return false;
    }
    out[0] = x;
    out[1] = tx;
    out[2] = t;
    out[3] = customer.number(monetary, Double.NaN);
    return true;
  }
}
