package org.clientele.practice.promotion;

import static org.clientele.practice.internal.Text.MISSING;
import static org.clientele.practice.internal.Text.UNPLACED;
import static org.clientele.practice.internal.Text.percent;
import static org.clientele.practice.internal.Text.plain;

import java.util.List;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ExplainingClassifier;
import org.clientele.practice.internal.Plausible;
import org.jspecify.annotations.Nullable;

/**
 * See {@link PromotionClassifierProvider}. Immutable, so safe to share across threads.
 *
 * <p>A count that cannot be a count (negative, or not whole: 2.5 promotions) and redeemed above
 * received give UNKNOWN through {@code acceptFallback}, with a reason naming the column, the value
 * and the fix; never a rate. The classifier declares no {@link #unplacedInputs()}: either column can
 * be present, and valid, on a customer who is UNKNOWN for lack of the other or for too few
 * promotions, so no declaration would name only values that could not be placed. Such values are
 * found through each customer's reasons.
 */
final class PromotionClassifier extends ExplainingClassifier {

  static final int RESPONSIVE = 0;
  static final int OCCASIONAL = 1;
  static final int UNRESPONSIVE = 2;
  static final int UNKNOWN = 3;

  private final PromotionSettings settings;

  PromotionClassifier(Dimension dimension, PromotionSettings settings) {
    super(dimension);
    this.settings = settings;
  }

  static Dimension dimension(String id) {
    return Dimension.of(id, "RESPONSIVE", "OCCASIONAL", "UNRESPONSIVE", "UNKNOWN");
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double received = customer.number(settings.received(), Double.NaN);
    double redeemed = customer.number(settings.redeemed(), Double.NaN);
    // A count that cannot be a count is named first, whatever else is missing: it is the value to correct.
    if (notACount(settings.received(), received, "sent", out, why) || notACount(settings.redeemed(), redeemed, "redeemed", out, why)) {
      return;
    }
    if (Double.isNaN(received)) {
      if (why != null) {
        why.add(Reason.missing(settings.received(), "How many promotions the customer was sent is not known: response"
            + " UNKNOWN (" + MISSING + ")"));
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    if (redeemed > received) { // false when redeemed is missing
      if (why != null) {
        why.add(Reason.of(settings.redeemed(), redeemed, "<= " + plain(received), plain(redeemed) + " promotions redeemed"
            + " but only " + plain(received) + " sent: the two columns disagree (another period? coupons passed on?);"
            + " response UNKNOWN until the data is corrected (" + UNPLACED + ")"));
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    if (received == 0) {
      if (why != null) {
        why.add(Reason.of(settings.received(), received, "> 0", "Never sent a promotion in the last 12 months: response"
            + " UNKNOWN, not UNRESPONSIVE (nobody can respond to an offer never made; lack of data: no response to"
            + " measure)"));
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    if (Double.isNaN(redeemed)) {
      if (why != null) {
        why.add(Reason.missing(settings.redeemed(), "Sent " + plain(received) + " promotions, but how many were redeemed"
            + " is not known: response UNKNOWN (" + MISSING + ")"));
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    double rate = redeemed / received;
    if (received < settings.minPromotions()) {
      if (why != null) {
        why.add(Reason.of(settings.received(), received, ">= " + plain(settings.minPromotions()), "Only "
            + plain(received) + " promotion" + (received == 1 ? "" : "s") + " sent, fewer than "
            + plain(settings.minPromotions()) + ": too few for a redemption rate (" + plain(redeemed) + " redeemed) to"
            + " mean anything; response UNKNOWN (lack of data: too few promotions to measure)"));
      }
      out.acceptFallback(UNKNOWN, rate);
      return;
    }
    int label = rate >= settings.responsive() ? RESPONSIVE : rate >= settings.occasional() ? OCCASIONAL : UNRESPONSIVE;
    if (why != null) {
      String rule = switch (label) {
        case RESPONSIVE -> ">= " + percent(settings.responsive());
        case OCCASIONAL -> ">= " + percent(settings.occasional()) + " and < " + percent(settings.responsive());
        default -> "< " + percent(settings.occasional());
      };
      why.add(Reason.conclusion("promotion_redemption_rate", rate, rule, "Redeemed " + plain(redeemed) + " of "
          + plain(received) + " promotions sent (" + percent(rate) + "): " + dimension().labels().get(label) + " ("
          + rule + ")"));
    }
    out.accept(label, rate);
  }

  /**
   * Labels the customer UNKNOWN (the value cannot be placed) when {@code value}, present, is not a
   * count: negative or fractional.
   */
  private boolean notACount(Feature<Double> feature, double value, String verb, LabelSink out, @Nullable List<Reason> why) {
    if (Double.isNaN(value) || Plausible.count(value)) {
      return false;
    }
    if (why != null) {
      why.add(Reason.of(feature, value, "a whole number >= 0", plain(value) + " promotions " + verb + " is not a count of"
          + " promotions: response UNKNOWN (" + UNPLACED + "); write how many promotions were " + verb + ", a whole"
          + " number >= 0"));
    }
    out.acceptFallback(UNKNOWN, Double.NaN);
    return true;
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(settings.received(), settings.redeemed());
  }
}
