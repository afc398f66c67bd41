package org.clientele.predict.churn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.predict.BgNbd;
import org.clientele.predict.GammaGamma;
import org.clientele.predict.ModelFit;
import org.clientele.predict.ParetoNbd;
import org.clientele.predict.PurchaseModel;
import org.clientele.predict.PurchasePatterns;
import org.clientele.predict.SpendPatterns;

/**
 * One pass over the population: the mergeable state is the table of distinct histories and the
 * table of (x, mean spend); the result is the fit.
 */
final class ChurnCalibrator implements TypedCalibrator<ChurnCalibrator> {

  private final ChurnSettings settings;
  private final PurchasePatterns patterns = new PurchasePatterns();
  private final SpendPatterns spend = new SpendPatterns();
  private final double[] h = new double[4];
  private long missing;
  private long invalid;

  ChurnCalibrator(ChurnSettings settings) {
    this.settings = settings;
  }

  @Override
  public void observe(Customer customer) {
    if (!settings.history(customer, h)) {
      missing++;
      return;
    }
    try {
      patterns.add(h[0], h[1], h[2]);
    } catch (IllegalArgumentException e) {
      invalid++;
      return;
    }
    if (Double.isFinite(h[3])) {
      spend.add(h[0], h[3]);
    }
  }

  @Override
  public void mergeFrom(ChurnCalibrator o) {
    patterns.merge(o.patterns);
    spend.merge(o.spend);
    missing += o.missing;
    invalid += o.invalid;
  }

  /** Writes the two tables and the counts left out. */
  void writeState(DataOutput out) throws IOException {
    patterns.writeTo(out);
    spend.writeTo(out);
    out.writeLong(missing);
    out.writeLong(invalid);
  }

  /** Adds a state {@link #writeState} wrote to this calibrator. */
  void readState(DataInput in) throws IOException {
    patterns.merge(PurchasePatterns.readFrom(in));
    spend.merge(SpendPatterns.readFrom(in));
    missing += in.readLong();
    invalid += in.readLong();
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", settings.model());
    out.put("inputs", settings.inputs());
    out.put("customers", patterns.customers());
    out.put("withoutHistory", missing);
    out.put("inconsistent", invalid);
    if (patterns.customers() == 0) {
      return out;
    }
    ModelFit<? extends PurchaseModel> fit =
        settings.model().equals("bgnbd") ? BgNbd.fit(patterns) : ParetoNbd.fit(patterns);
    PurchaseModel m = fit.model();
    out.put("distinct", fit.distinct());
    out.put("parameters", new LinkedHashMap<>(m.parameters()));
    out.put("standardErrors", finite(fit.standardErrors(m.parameterNames())));
    out.put("logLikelihood", fit.logLikelihood());
    out.put("converged", fit.converged());
    out.put("warnings", List.copyOf(fit.warnings()));
    if (spend.customers() > 1) {
      ModelFit<GammaGamma> g = GammaGamma.fit(spend);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("parameters", new LinkedHashMap<>(g.model().parameters()));
      s.put("standardErrors", finite(g.standardErrors(List.of("p", "q", "gamma"))));
      s.put("logLikelihood", g.logLikelihood());
      s.put("converged", g.converged());
      s.put("customers", g.customers());
      s.put("warnings", List.copyOf(g.warnings()));
      out.put("spend", s);
    }
    return out;
  }

  /** JSON has no NaN: an undefined standard error is left out. */
  private static Map<String, Object> finite(Map<String, Double> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      if (Double.isFinite(v)) {
        out.put(k, v);
      }
    });
    return out;
  }
}
