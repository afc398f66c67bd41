package org.clientele.practice.needs;

import org.clientele.api.Feature;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.PracticeFeatures;

/**
 * The needs dimension's configuration, read in one place for {@code calibrator}, {@code
 * dimension}, {@code features} and {@code create}, so each reads the same keys.
 *
 * @param serviceShare the service-share column
 * @param productLines the product-lines column
 * @param projects the project-purchases column
 * @param threshold the fixed service-share cut-off; NaN when it is calibrated
 * @param topShare the share of customers, highest service share first, that a calibrated cut-off
 *     labels SERVICE; NaN when the cut-off is fixed
 * @param minProjects the project purchases a SOLUTION customer makes at least
 * @param minProductLines the product lines a SOLUTION customer buys from at least
 */
record NeedsSettings(
    Feature<Double> serviceShare,
    Feature<Double> productLines,
    Feature<Double> projects,
    double threshold,
    double topShare,
    double minProjects,
    double minProductLines) {

  static final double DEFAULT_SERVICE_THRESHOLD = 0.3;
  static final double DEFAULT_MIN_PROJECTS = 1;
  static final double DEFAULT_MIN_PRODUCT_LINES = 3;

  static NeedsSettings read(PluginConfig config) {
    Feature<Double> serviceShare = config.numberFeature("serviceShareFeature", PracticeFeatures.SERVICE_TICKET_SHARE);
    Feature<Double> productLines = config.numberFeature("productLinesFeature", PracticeFeatures.PRODUCT_LINES);
    Feature<Double> projects = config.numberFeature("projectPurchasesFeature", PracticeFeatures.PROJECT_PURCHASES);
    double threshold = Double.NaN;
    double topShare = Double.NaN;
    if (config.has("serviceTopShare")) {
      if (config.has("serviceThreshold")) {
        throw config.error("serviceTopShare", "set serviceThreshold (a fixed cut-off) or serviceTopShare (a calibrated"
            + " one), not both");
      }
      topShare = config.number("serviceTopShare", 0.2, 0, 1);
      if (topShare == 0) {
        throw config.error("serviceTopShare", "expected a share above 0 and at most 1, found 0");
      }
    } else {
      threshold = config.number("serviceThreshold", DEFAULT_SERVICE_THRESHOLD, 0, 1);
    }
    PluginConfig solution = config.section("solution");
    double minProjects = solution.number("minProjects", DEFAULT_MIN_PROJECTS, 0, 1e9);
    double minProductLines = solution.number("minProductLines", DEFAULT_MIN_PRODUCT_LINES, 0, 1e9);
    return new NeedsSettings(serviceShare, productLines, projects, threshold, topShare, minProjects, minProductLines);
  }

  boolean calibrated() {
    return !Double.isNaN(topShare);
  }
}
