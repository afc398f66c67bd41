package org.clientele.practice.needs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.QuantileSketch;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.practice.internal.Plausible;

/** With {@code serviceTopShare}: one pass over the service shares, then the cut-off of their top share. */
final class NeedsCalibrator implements TypedCalibrator<NeedsCalibrator> {

  private final NeedsSettings settings;
  private final QuantileSketch shares = QuantileSketch.create();

  NeedsCalibrator(NeedsSettings settings) {
    this.settings = settings;
  }

  @Override
  public void observe(Customer customer) {
    double share = customer.number(settings.serviceShare(), Double.NaN);
    if (Plausible.share(share)) { // a missing share, or one the classifier will not place, does not move the cut-off
      shares.add(share);
    }
  }

  @Override
  public void mergeFrom(NeedsCalibrator other) {
    shares.merge(other.shares);
  }

  @Override
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("feature", settings.serviceShare().name());
    out.put("topShare", settings.topShare());
    out.put("population", shares.count());
    out.put("rankError", shares.rankError());
    if (shares.count() > 0) {
      out.put("serviceCutoff", shares.topShareCutoff(settings.topShare()));
    }
    return out;
  }
}
