package org.clientele.predict.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.predict.BgNbd;
import org.clientele.predict.GammaGamma;
import org.clientele.predict.ParetoNbd;
import org.clientele.predict.Predictor;
import org.clientele.predict.PurchaseModel;

/**
 * A fit read back from the calibration {@link ChurnCalibrator} wrote, the one reader of it for the
 * churn dimension and the predictions step.
 *
 * @param predictor the fitted models with the configured horizon
 * @param text the model, its parameters, standard errors and warnings, for explanations
 * @param warnings what a person should know about the fit: did not converge, small book, weak
 *     parameters (empty for a clean fit)
 */
record Fit(Predictor predictor, String text, List<String> warnings) {

  static Fit read(PluginConfig config, ChurnSettings s, String who) {
    String key = ClassifierProvider.CALIBRATION_KEY;
    if (!config.has(key)) {
      throw config.error(key, who + " needs a fitted model: let the engine calibrate on"
          + " the population (the model JSON then holds the fit)");
    }
    PluginConfig cal = config.section(key);
    String model = cal.string("model", "");
    String inputs = cal.string("inputs", "");
    if (!model.equals(s.model()) || !inputs.equals(s.inputs())) {
      throw cal.error("model", "the calibration is a " + model + " fit on " + inputs + " inputs but the"
          + " configuration asks for " + s.model() + " on " + s.inputs() + ": remove the calibration to refit");
    }
    double customers = cal.number("customers", 0);
    cal.number("withoutHistory", 0);
    cal.number("inconsistent", 0);
    if (!cal.has("parameters")) {
      throw cal.error("parameters", "no fit: the calibration population had no purchase history"
          + " (features " + s.frequency().name() + " and the recency and age features)");
    }
    cal.number("distinct", 0);
    PluginConfig p = cal.section("parameters");
    PurchaseModel m = model.equals("bgnbd")
        ? new BgNbd(p.number("r", Double.NaN), p.number("alpha", Double.NaN), p.number("a", Double.NaN), p.number("b", Double.NaN))
        : new ParetoNbd(p.number("r", Double.NaN), p.number("alpha", Double.NaN), p.number("s", Double.NaN), p.number("beta", Double.NaN));
    PluginConfig se = cal.section("standardErrors");
    StringBuilder seText = new StringBuilder();
    for (String name : m.parameterNames()) {
      double v = se.number(name, Double.NaN);
      seText.append(seText.length() == 0 ? "" : ", ").append(name).append(' ')
          .append(Double.isNaN(v) ? "n/a" : fmt(v));
    }
    double ll = cal.number("logLikelihood", Double.NaN);
    boolean converged = cal.flag("converged", false);
    List<String> warnings = new ArrayList<>();
    if (!converged) {
      warnings.add("the " + m.describe().split(" ")[0] + " fit did not converge");
    }
    warnings.addAll(cal.strings("warnings", List.of()));
    GammaGamma g = null;
    if (cal.has("spend")) {
      PluginConfig sp = cal.section("spend");
      PluginConfig gp = sp.section("parameters");
      g = new GammaGamma(gp.number("p", Double.NaN), gp.number("q", Double.NaN), gp.number("gamma", Double.NaN));
      sp.section("standardErrors").keys().forEach(k -> sp.section("standardErrors").number(k, 0));
      sp.number("logLikelihood", 0);
      if (!sp.flag("converged", false)) {
        warnings.add("the Gamma-Gamma spend fit did not converge");
      }
      sp.number("customers", 0);
      for (String w : sp.strings("warnings", List.of())) {
        warnings.add("spend: " + w);
      }
    }
    String text = m.describe() + String.format(Locale.ROOT, " (fitted on %,.0f customers, log-likelihood %.2f;"
        + " standard errors %s)", customers, ll, seText)
        + (warnings.isEmpty() ? "" : "; WARNING: " + String.join("; ", warnings));
    Predictor predictor = new Predictor(m, g, s.horizon(), s.periods(), s.discountRate());
    return new Fit(predictor, text, List.copyOf(warnings));
  }

  /** Three significant digits, without trailing zeros: 39, 0.7, 0.0126. */
  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
