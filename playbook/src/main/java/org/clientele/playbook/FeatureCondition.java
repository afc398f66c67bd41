package org.clientele.playbook;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule's condition on one customer feature, such as {@code average_order_value >= 100}.
 *
 * <p>Numeric features compare with any {@link Operator}; text features only with {@link
 * Operator#EQ} and {@link Operator#NE}. A customer without the feature matches only if {@code
 * ifMissing} is true: missing is never read as zero.
 *
 * @param feature the feature's name, for example {@code average_order_value}
 * @param operator the comparison
 * @param number the threshold for a numeric feature, or null for a text feature
 * @param text the value for a text feature, or null for a numeric feature
 * @param ifMissing the outcome when the customer does not have the feature
 * @since 0.1.0
 */
public record FeatureCondition(
    String feature,
    FeatureCondition.Operator operator,
    @Nullable Double number,
    @Nullable String text,
    boolean ifMissing) {

  /** The comparisons a feature condition can make, written in JSON as their symbols. */
  public enum Operator {
    /** {@code >}. */
    GT(">"),
    /** {@code >=}. */
    GTE(">="),
    /** {@code <}. */
    LT("<"),
    /** {@code <=}. */
    LTE("<="),
    /** {@code =} (also written {@code ==}). */
    EQ("="),
    /** {@code !=}. */
    NE("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * Returns the symbol used in the playbook JSON.
     *
     * @return for example {@code >=}
     */
    public String symbol() {
      return symbol;
    }

    /**
     * Finds an operator by its symbol.
     *
     * @param symbol {@code >}, {@code >=}, {@code <}, {@code <=}, {@code =}, {@code ==} or {@code
     *     !=}
     * @return the operator, or null if the symbol is not one of them
     */
    public static @Nullable Operator ofSymbol(String symbol) {
      String s = symbol.trim();
      if (s.equals("==")) {
        return EQ;
      }
      for (Operator o : values()) {
        if (o.symbol.equals(s)) {
          return o;
        }
      }
      return null;
    }

    boolean test(double value, double threshold) {
      return switch (this) {
        case GT -> value > threshold;
        case GTE -> value >= threshold;
        case LT -> value < threshold;
        case LTE -> value <= threshold;
        case EQ -> value == threshold;
        case NE -> value != threshold;
      };
    }
  }

  /**
   * Checks that exactly one of the number and the text is given, and that text uses = or !=.
   *
   * @param feature the feature's name, for example {@code average_order_value}
   * @param operator the comparison
   * @param number the threshold for a numeric feature, or null for a text feature
   * @param text the value for a text feature, or null for a numeric feature
   * @param ifMissing the outcome when the customer does not have the feature
   */
  public FeatureCondition {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(operator, "operator");
    if ((number == null) == (text == null)) {
      throw new IllegalArgumentException(
          "FeatureCondition on '" + feature + "' needs exactly one of number and text");
    }
    if (text != null && operator != Operator.EQ && operator != Operator.NE) {
      throw new IllegalArgumentException(
          "FeatureCondition on text feature '" + feature + "' can only use = or !=, not " + operator.symbol);
    }
    if (number != null && !Double.isFinite(number)) {
      throw new IllegalArgumentException(
          "FeatureCondition on '" + feature + "' needs a finite threshold, not " + number);
    }
  }

  /** Returns the condition as written in a playbook, for example {@code orders_12m >= 4}. */
  @Override
  public String toString() {
    String v = number != null ? plain(number) : "\"" + text + "\"";
    return feature + " " + operator.symbol + " " + v + (ifMissing ? " (or missing)" : "");
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%s", d);
  }
}
