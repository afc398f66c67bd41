package org.clientele.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of an explanation: which feature was read, what its value was, which threshold or rule
 * it was compared with, and a sentence a salesperson can read.
 *
 * @param feature the feature's name, or a derived quantity such as {@code growth}
 * @param value the observed value as text, or null if the feature was missing
 * @param threshold the rule it met or failed, for example {@code >= 50000} or {@code top 80% of
 *     revenue}; empty if none
 * @param text a complete sentence, for example "Revenue 182,000 is at or above the core threshold
 *     50,000"
 * @since 0.1.0
 */
public record Reason(String feature, @Nullable String value, String threshold, String text) {

  /**
   * Checks the parts.
   *
   * @param feature the feature's name, or a derived quantity
   * @param value the observed value as text, or null if the feature was missing
   * @param threshold the rule it met or failed; empty if none
   * @param text a complete sentence
   */
  public Reason {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(text, "text");
  }

  /**
   * A reason about a numeric value compared with a threshold.
   *
   * @param feature the feature read
   * @param value its value
   * @param threshold the rule, for example {@code >= 50000}
   * @param text the sentence
   * @return the reason
   */
  public static Reason of(Feature<?> feature, Object value, String threshold, String text) {
    return new Reason(feature.name(), format(value), threshold, text);
  }

  /**
   * A reason stating that a feature was missing and what was decided because of it.
   *
   * @param feature the missing feature
   * @param text what the classifier did, for example "No credit data: risk not assessed"
   * @return the reason
   */
  public static Reason missing(Feature<?> feature, String text) {
    return new Reason(feature.name(), null, "", text);
  }

  /**
   * A reason for a conclusion that is not about one feature: a combined score, a code built from
   * several features, a rule that applied to the whole customer.
   *
   * @param subject what the conclusion is about, for example {@code rfm} or {@code needs_score}; not
   *     blank
   * @param value the value concluded, for example {@code 0.62} or {@code 545}
   * @param rule the rule it met, for example {@code >= 0.5}; empty if none
   * @param text the sentence
   * @return the reason; {@link #isMissing()} is false
   * @throws IllegalArgumentException if the subject is blank
   * @since 0.1.0
   */
  public static Reason conclusion(String subject, Object value, String rule, String text) {
    return new Reason(subject(subject), format(Objects.requireNonNull(value, "value")), rule, text);
  }

  /**
   * A reason for a conclusion that has no value of its own, for example "Every input is known:
   * needs classified on all three".
   *
   * @param subject what the conclusion is about; not blank
   * @param text the sentence
   * @return the reason, with an empty value and rule; {@link #isMissing()} is false
   * @throws IllegalArgumentException if the subject is blank
   * @since 0.1.0
   */
  public static Reason conclusion(String subject, String text) {
    return new Reason(subject(subject), "", "", text);
  }

  private static String subject(String subject) {
    if (subject.isBlank()) {
      throw new IllegalArgumentException("a conclusion needs a subject, for example the derived quantity's name");
    }
    return subject;
  }

  /**
   * Tells whether the feature was missing.
   *
   * @return true if {@link #value()} is null
   */
  public boolean isMissing() {
    return value == null;
  }

  private static String format(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (value instanceof Double d && Double.isFinite(d) && d != Math.rint(d)) {
      // 12 significant digits: a sum's binary noise (7800.789999999999) goes, the figure stays.
      return new java.math.BigDecimal(Double.toString(d)).round(new java.math.MathContext(12))
          .stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
