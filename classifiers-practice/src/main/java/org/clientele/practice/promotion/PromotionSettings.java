package org.clientele.practice.promotion;

import org.clientele.api.Feature;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.PracticeFeatures;

/**
 * The promotion dimension's configuration, read once for {@code dimension}, {@code features} and
 * {@code create}.
 *
 * @param received the promotions-received column
 * @param redeemed the promotions-redeemed column
 * @param responsive the redemption rate at or above which a customer is RESPONSIVE
 * @param occasional the redemption rate at or above which a customer is OCCASIONAL
 * @param minPromotions the promotions a customer must have been sent before a rate means anything
 */
record PromotionSettings(
    Feature<Double> received, Feature<Double> redeemed, double responsive, double occasional, double minPromotions) {

  static final double DEFAULT_RESPONSIVE = 0.3;
  static final double DEFAULT_OCCASIONAL = 0.1;
  static final double DEFAULT_MIN_PROMOTIONS = 3;

  static PromotionSettings read(PluginConfig config) {
    Feature<Double> received = config.numberFeature("receivedFeature", PracticeFeatures.PROMOTIONS_RECEIVED);
    Feature<Double> redeemed = config.numberFeature("redeemedFeature", PracticeFeatures.PROMOTIONS_REDEEMED);
    double responsive = config.number("responsive", DEFAULT_RESPONSIVE, 0, 1);
    double occasional = config.number("occasional", DEFAULT_OCCASIONAL, 0, 1);
    if (occasional > responsive) {
      throw config.error("occasional", "expected a rate at most responsive (" + responsive + "), found " + occasional
          + ": OCCASIONAL lies below RESPONSIVE");
    }
    if (occasional == 0) {
      throw config.error("occasional", "expected a rate above 0, found 0: every customer would be at least OCCASIONAL"
          + " and UNRESPONSIVE could never occur");
    }
    double minPromotions = config.number("minPromotions", DEFAULT_MIN_PROMOTIONS, 1, 1e9);
    return new PromotionSettings(received, redeemed, responsive, occasional, minPromotions);
  }
}
