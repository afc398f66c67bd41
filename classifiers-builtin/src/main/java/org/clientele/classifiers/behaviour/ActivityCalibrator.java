package org.clientele.classifiers.behaviour;

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

/** Frequency and volume distributions over the customers who bought (values above 0). */
final class ActivityCalibrator implements TypedCalibrator<ActivityCalibrator>, CalibratorState {

  private final ActivitySettings settings;
  private final Distribution frequency;
  private final Distribution volume;

  ActivityCalibrator(ActivitySettings settings) {
    this.settings = settings;
    SketchOptions options = settings.sketch() == null ? SketchOptions.DEFAULT : settings.sketch();
    this.frequency = new Distribution(options, false);
    this.volume = new Distribution(options, false);
  }

  @Override
  public void observe(Customer customer) {
    double f = customer.number(settings.frequency(), Double.NaN);
    if (f > 0) {
      frequency.add(f);
    }
    double v = customer.number(settings.volume(), Double.NaN);
    if (v > 0) {
      volume.add(v);
    }
  }

  @Override
  public void mergeFrom(ActivityCalibrator o) {
    frequency.merge(o.frequency);
    volume.merge(o.volume);
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    frequency.writeState(out);
    volume.writeState(out);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    frequency.readState(in);
    volume.readState(in);
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", settings.method().key());
    out.put("frequencyFeature", settings.frequency().name());
    out.put("volumeFeature", settings.volume().name());
    Distribution.Summary f = frequency.summarise();
    Distribution.Summary v = volume.summarise();
    out.put("frequencyPopulation", frequency.count());
    out.put("volumePopulation", volume.count());
    out.put("exact", frequency.exact() && volume.exact());
    frequency.noteIfApproximate(out, settings.frequency().name());
    volume.noteIfApproximate(out, settings.volume().name());
    double error = 0;
    if (f != null) {
      out.put("frequency", f.topShareCutoff(settings.frequencyParam()));
      error = Math.max(error, f.rankError());
    }
    if (v != null) {
      out.put("volume", v.topShareCutoff(settings.volumeParam()));
      error = Math.max(error, v.rankError());
    }
    out.put("rankError", error);
    return out;
  }
}
