package org.clientele.testkit.samples;

import java.util.List;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/** A well-behaved provider: HIGH at or above {@code threshold} revenue (default 10,000), LOW below, UNKNOWN if missing. */
public class RevenueBandProvider implements ClassifierProvider {

  @Override
  public String name() {
    return "revenue-band";
  }

  @Override
  public Classifier create(PluginConfig config) {
    double threshold = config.number("threshold", 10_000);
    if (threshold < 0) {
      throw config.error("threshold", "expected a revenue >= 0, found " + threshold);
    }
    return new RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), threshold);
  }

  /** The classifier, shared by the well-behaved and the broken samples. */
  public static class RevenueBand implements Classifier {
    static final Feature<Double> REVENUE = StandardFeatures.REVENUE_12M;
    final Dimension dimension;
    final double threshold;

    public RevenueBand(Dimension dimension, double threshold) {
      this.dimension = dimension;
      this.threshold = threshold;
    }

    @Override
    public Dimension dimension() {
      return dimension;
    }

    @Override
    public void classify(Customer customer, LabelSink out) {
      double revenue = customer.number(REVENUE, Double.NaN);
      out.accept(Double.isNaN(revenue) ? 2 : revenue >= threshold ? 0 : 1, revenue);
    }

    @Override
    public Assignment explain(Customer customer) {
      double revenue = customer.number(REVENUE, Double.NaN);
      if (Double.isNaN(revenue)) {
        return Assignment.of(dimension, "UNKNOWN", Double.NaN, List.of(Reason.missing(REVENUE, "No revenue known")));
      }
      boolean high = revenue >= threshold;
      return Assignment.of(dimension, high ? "HIGH" : "LOW", revenue,
          List.of(Reason.of(REVENUE, revenue, (high ? ">= " : "< ") + threshold, "Revenue compared with " + threshold)));
    }

    @Override
    public Set<Feature<?>> features() {
      return Set.of(REVENUE);
    }
  }
}
