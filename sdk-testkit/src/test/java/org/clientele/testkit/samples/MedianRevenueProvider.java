package org.clientele.testkit.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.TypedCalibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * A well-behaved population-relative provider: HIGH at or above the population's median revenue.
 * Its calibration result is {@code {"median": <number>, "population": <count>}}.
 */
public class MedianRevenueProvider implements ClassifierProvider {

  @Override
  public String name() {
    return "median-revenue";
  }

  @Override
  public Optional<Calibrator> calibrator(PluginConfig config) {
    return Optional.of(new MedianCalibrator());
  }

  @Override
  public Classifier create(PluginConfig config) {
    if (!config.has(CALIBRATION_KEY)) {
      throw config.error(CALIBRATION_KEY, "missing: this dimension needs calibration (EngineBuilder.calibrate)");
    }
    PluginConfig calibration = config.section(CALIBRATION_KEY);
    double median = calibration.number("median", 0);
    calibration.integer("population", 0);
    return new RevenueBandProvider.RevenueBand(Dimension.of(config.id(), "HIGH", "LOW", "UNKNOWN"), median);
  }

  /** Exact median over a list: fine for tests, not for production (use a quantile sketch). */
  public static class MedianCalibrator implements TypedCalibrator<MedianCalibrator> {
    final List<Double> values = new ArrayList<>();

    @Override
    public void observe(Customer customer) {
      double v = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }

    @Override
    public void mergeFrom(MedianCalibrator other) {
      values.addAll(other.values);
    }

    /** Returns the exact median, 0 if there were no values. */
    public double median() {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    @Override
    public Map<String, Object> result() {
      return Map.of("median", median(), "population", values.size());
    }
  }
}
