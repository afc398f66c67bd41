package org.clientele.core.io;

import java.time.LocalDate;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.internal.Formats;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's values must satisfy wherever they come from (a file's row or a host's own
 * object): each standard number within its range ({@link FeatureRules}), and no two facts that
 * cannot both be true. Either failure would give confident labels computed from a misread or
 * mismatched export, so the customer is rejected instead.
 */
final class CustomerChecks {

  private CustomerChecks() {}

  /**
   * Why a customer is rejected.
   *
   * @param field the feature that names the problem
   * @param value its value as text
   * @param reason the rejection reason
   * @param message what is wrong
   * @param fix what to do
   */
  record Problem(String field, String value, RejectionReason reason, String message, String fix) {}

  /** Returns the first standard number outside its range, in {@link FeatureRules}' order, or null. */
  static @Nullable Problem outOfRange(Customer c) {
    for (Feature<Double> f : FeatureRules.all()) {
      double v = c.number(f, Double.NaN); // missing: NaN, never out of range
      Problem p = outOfRange(f, v, Formats.plain(v));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /**
   * Returns why a number is outside its feature's range, or null (also for a feature without one).
   *
   * @param text the value as the input wrote it
   */
  static @Nullable Problem outOfRange(Feature<?> f, double v, String text) {
    FeatureRules.Range range = FeatureRules.range(f);
    if (range == null || (v >= range.min() && v <= range.max()) || Double.isNaN(v)) {
      return null;
    }
    return new Problem(f.name(), text, RejectionReason.OUT_OF_RANGE, f.name() + " must be " + range.describe(),
        "correct the value, or leave it empty if it is unknown");
  }

  /**
   * Returns the first pair of facts that cannot both be true, or null: a first purchase after the
   * last one, or a last purchase longer ago than the first ({@code days_since_last_purchase >
   * tenure_days}).
   */
  static @Nullable Problem contradiction(Customer c) {
    LocalDate first = c.getOrNull(StandardFeatures.FIRST_PURCHASE_DATE);
    LocalDate last = c.getOrNull(StandardFeatures.LAST_PURCHASE_DATE);
    if (first != null && last != null && first.isAfter(last)) {
      return new Problem(StandardFeatures.FIRST_PURCHASE_DATE.name(), first.toString(), RejectionReason.CONTRADICTORY_VALUES,
          "the first purchase (" + first + ") is after the last purchase (" + last + ")",
          "check the two date columns (swapped? another date format?)");
    }
    double silent = c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN);
    double tenure = c.number(StandardFeatures.TENURE_DAYS, Double.NaN);
    if (silent > tenure) {
      return new Problem(StandardFeatures.DAYS_SINCE_LAST_PURCHASE.name(), Formats.plain(silent), RejectionReason.CONTRADICTORY_VALUES,
          "the last purchase was " + Formats.plain(silent) + " days ago, but the first only " + Formats.plain(tenure)
              + " days ago (tenure_days)",
          "check the two columns: days_since_last_purchase can be at most tenure_days");
    }
    return null;
  }
}
