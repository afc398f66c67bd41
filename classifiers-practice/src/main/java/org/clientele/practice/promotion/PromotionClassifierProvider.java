package org.clientele.practice.promotion;

import java.util.Set;
import org.clientele.api.spi.SettingsClassifierProvider;

/**
 * Provides the {@code promotion} dimension: how a customer responds to promotions (按促销反应细分),
 * from the redemption rate {@code promotions_redeemed / promotions_received} of the last 12 months
 * ({@link org.clientele.practice.PracticeFeatures}).
 *
 * <ul>
 *   <li>{@code RESPONSIVE}: a rate at or above {@code responsive} (default 0.3);
 *   <li>{@code OCCASIONAL}: at or above {@code occasional} (default 0.1);
 *   <li>{@code UNRESPONSIVE}: below {@code occasional};
 *   <li>{@code UNKNOWN}: never sent a promotion (never UNRESPONSIVE: nobody can respond to an offer
 *       never made), sent fewer than {@code minPromotions} (default 3; one unanswered coupon says
 *       nothing), either column missing, or more redeemed than sent (the columns disagree). The
 *       reason says which.
 * </ul>
 *
 * <p>The columns can be renamed with {@code receivedFeature} and {@code redeemedFeature}. The
 * score is the redemption rate (NaN when nothing was sent). Not part of the default configuration:
 * name it in one.
 *
 * @since 0.1.0
 */
public final class PromotionClassifierProvider extends SettingsClassifierProvider {

  /**
   * The provider's name and default dimension id.
   *
   * @since 0.1.0
   */
  public static final String NAME = "promotion";

  /**
   * Creates the provider; does nothing else.
   *
   * @since 0.1.0
   */
  public PromotionClassifierProvider() {
    super(NAME, PromotionClassifier::dimension, PromotionSettings::read,
        s -> Set.of(s.received(), s.redeemed()),
        (dimension, s, config) -> new PromotionClassifier(dimension, s));
  }

  /**
   * Not part of the default configuration: its columns are not in a default export.
   *
   * @return false
   */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }
}
