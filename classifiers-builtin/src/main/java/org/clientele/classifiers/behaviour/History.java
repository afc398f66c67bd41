package org.clientele.classifiers.behaviour;

import static org.clientele.classifiers.internal.Text.num;

import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.jspecify.annotations.Nullable;

/** Decides "never purchased", the same way for both schemes. */
final class History {

  private History() {}

  /**
   * A customer never purchased if {@code purchase_days} is 0 (or less), or if none of {@code
   * purchase_days}, {@code days_since_last_purchase}, {@code tenure_days} and the two counts given (NaN when missing) is
   * known: there is no purchase history at all.
   */
  static boolean neverPurchased(Customer c, @Nullable List<Reason> why, double first, double second) {
    double days = c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN);
    if (!Double.isNaN(days)) {
      if (days <= 0) {
        if (why != null) {
          why.add(Reason.of(StandardFeatures.PURCHASE_DAYS, days, "<= 0",
              "purchase_days " + num(days) + ": the customer never purchased"));
        }
        return true;
      }
      return false;
    }
    if (c.has(StandardFeatures.DAYS_SINCE_LAST_PURCHASE) || c.has(StandardFeatures.TENURE_DAYS)) {
      return false;
    }
    if (!Double.isNaN(first) || !Double.isNaN(second)) {
      return false;
    }
    if (why != null) {
      why.add(Reason.missing(StandardFeatures.PURCHASE_DAYS,
          "No purchase history at all (purchase_days, days_since_last_purchase, tenure_days and"
              + " the visit or order counts are missing): treated as never purchased"));
    }
    return true;
  }
}
