package org.clientele.classifiers.value;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.classifiers.internal.CalibratorState;
import org.clientele.classifiers.internal.Distribution;
import org.clientele.classifiers.internal.SketchOptions;

/** One pass over the population: the metric's distribution, then the two cut-offs. */
final class ValueCalibrator implements TypedCalibrator<ValueCalibrator>, CalibratorState {

  private final ValueSettings settings;
  private final Distribution distribution;

  ValueCalibrator(ValueSettings settings) {
    this.settings = settings;
    SketchOptions sketch = settings.sketch();
    this.distribution =
        new Distribution(
            sketch == null ? SketchOptions.DEFAULT : sketch,
            settings.method() == ValueSettings.Method.PARETO);
  }

  @Override
  public void observe(Customer customer) {
    double m = customer.number(settings.metric(), Double.NaN);
    if (!Double.isNaN(m)) {
      distribution.add(m);
    }
  }

  @Override
  public void mergeFrom(ValueCalibrator o) {
    distribution.merge(o.distribution);
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    distribution.writeState(out);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    distribution.readState(in);
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", settings.method().key());
    out.put("metric", settings.metric().name());
    out.put("population", distribution.count());
    Distribution.Summary s = distribution.summarise();
    out.put("exact", s == null || s.exact());
    distribution.noteIfApproximate(out, settings.metric().name());
    if (s == null) {
      return out;
    }
    double core;
    double important;
    if (settings.method() == ValueSettings.Method.PARETO) {
      out.put("massError", s.massError());
      core = s.massCutoff(settings.coreParam());
      important = s.massCutoff(settings.importantParam());
    } else {
      out.put("rankError", s.rankError());
      core = s.topShareCutoff(settings.coreParam());
      important = s.topShareCutoff(settings.importantParam());
    }
    if (Double.isFinite(core) && Double.isFinite(important)) {
      out.put("core", core);
      out.put("important", important);
    }
    return out;
  }
}
