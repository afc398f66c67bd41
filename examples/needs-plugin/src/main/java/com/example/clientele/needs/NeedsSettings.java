package com.example.clientele.needs;

import org.clientele.api.Feature;
import org.clientele.api.spi.PluginConfig;

/**
 * The needs dimension's configuration, read in one place for {@code calibrator}, {@code dimension}
 * and {@code create}, so that each reads the same keys.
 *
 * @param serviceShare the service-share column
 * @param productLines the product-lines column
 * @param projects the project-purchases column
 * @param topShare the share of customers, highest service share first, that the calibrated cut-off
 *     labels SERVICE; NaN when {@code threshold} is configured
 * @param threshold the configured service-share cut-off; NaN when it is calibrated
 * @param minProjects the project purchases a SOLUTION customer makes at least
 * @param minProductLines the product lines a SOLUTION customer buys from at least
 */
record NeedsSettings(
    Feature<Double> serviceShare,
    Feature<Double> productLines,
    Feature<Double> projects,
    double topShare,
    double threshold,
    double minProjects,
    double minProductLines) {

  static NeedsSettings read(PluginConfig config) {
    Feature<Double> serviceShare = config.numberFeature("serviceShareFeature", NeedsFeatures.SERVICE_SHARE);
    Feature<Double> productLines = config.numberFeature("productLinesFeature", NeedsFeatures.PRODUCT_LINES);
    Feature<Double> projects = config.numberFeature("projectPurchasesFeature", NeedsFeatures.PROJECT_PURCHASES);
    double topShare = Double.NaN;
    double threshold = Double.NaN;
    if (config.has("serviceThreshold")) {
      if (config.has("serviceTopShare")) {
        throw config.error("serviceTopShare", "set serviceThreshold (a fixed cut-off) or serviceTopShare (a calibrated"
            + " one), not both");
      }
      threshold = config.number("serviceThreshold", 0, 0, 1);
    } else {
      topShare = config.number("serviceTopShare", 0.2, 0, 1);
      if (topShare == 0) {
        throw config.error("serviceTopShare", "expected a share above 0 and at most 1, found 0");
      }
    }
    PluginConfig solution = config.section("solution");
    double minProjects = solution.number("minProjects", 1, 0, Double.MAX_VALUE);
    double minProductLines = solution.number("minProductLines", 3, 0, Double.MAX_VALUE);
    return new NeedsSettings(serviceShare, productLines, projects, topShare, threshold, minProjects, minProductLines);
  }

  boolean calibrated() {
    return Double.isNaN(threshold);
  }
}
