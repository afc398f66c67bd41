package org.clientele.classifiers.internal;

import org.clientele.api.spi.QuantileSketch;

/**
 * The {@link QuantileSketch} that plugins get from {@link QuantileSketch#create()}: a {@link
 * Distribution} without mass tracking, so plugins calibrate exactly like the built-ins (exact up to
 * the limit, then the KLL sketch).
 */
public final class DistributionSketch implements QuantileSketch {

  private final Distribution distribution;
  private final SketchOptions options;

  private DistributionSketch(SketchOptions options) {
    this.options = options;
    this.distribution = new Distribution(options, false);
  }

  @Override
  public void add(double value) {
    distribution.add(value);
  }

  @Override
  public void merge(QuantileSketch other) {
    if (!(other instanceof DistributionSketch o) || !o.options.equals(options)) {
      throw new IllegalArgumentException(
          "cannot merge " + other + " into " + this + ": merge sketches made by QuantileSketch.create with the"
              + " same parameters");
    }
    distribution.merge(o.distribution);
  }

  @Override
  public long count() {
    return distribution.count();
  }

  @Override
  public boolean exact() {
    return distribution.exact();
  }

  @Override
  public double rankError() {
    return distribution.exact() ? 0 : options.rankError();
  }

  @Override
  public double quantile(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be from 0 to 1, found " + share);
    }
    Distribution.Summary s = distribution.summarise();
    return s == null ? Double.NaN : s.lowerQuantile(share);
  }

  @Override
  public double topShareCutoff(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be above 0 and at most 1, found " + share);
    }
    Distribution.Summary s = distribution.summarise();
    return s == null ? Double.NaN : s.topShareCutoff(share);
  }

  @Override
  public String toString() {
    return "QuantileSketch(" + count() + " values, " + (exact() ? "exact" : "KLL k=" + options.k()) + ")";
  }

  /** Makes sketches for {@link QuantileSketch#create}; found by ServiceLoader. */
  public static final class Factory implements QuantileSketch.Factory {

    /** Creates the factory; ServiceLoader calls this. */
    public Factory() {}

    @Override
    public QuantileSketch create(int exactLimit, int k) {
      return new DistributionSketch(new SketchOptions(exactLimit, k, SketchOptions.DEFAULT.massPrecision()));
    }
  }
}
