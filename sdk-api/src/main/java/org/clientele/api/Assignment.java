package org.clientele.api;

import java.util.List;
import java.util.Objects;

/**
 * A customer's label on one dimension, with its score and the reasons that explain it. This is
 * the explained form, produced on demand by {@link Classifier#explain(Customer)}; the hot path
 * carries only the label index and score.
 *
 * @param dimension the dimension
 * @param labelIndex the label's index in the dimension, or {@code -1} for {@link
 *     Dimension#UNCLASSIFIED}
 * @param score a number whose meaning each classifier documents (a metric value, a points total,
 *     an RFM code such as 545); {@code NaN} if it has none
 * @param detail a short code that refines the label, for example the RFM code {@code "545"}; empty
 *     if none
 * @param reasons the explanation, in the order the rules were applied
 * @param fallback whether the label was decided for lack of data rather than measured (see {@link
 *     LabelSink#acceptFallback}); always false for {@link Dimension#UNCLASSIFIED}
 * @since 0.1.0
 */
public record Assignment(
    Dimension dimension, int labelIndex, double score, String detail, List<Reason> reasons,
    boolean fallback) {

  /**
   * Checks that the label belongs to the dimension and copies the reasons.
   *
   * @param dimension the dimension
   * @param labelIndex the label's index in the dimension, or {@code -1} for {@link
   *     Dimension#UNCLASSIFIED}
   * @param score the classifier's score, {@code NaN} if it has none
   * @param detail a short code that refines the label; empty if none
   * @param reasons the explanation, in the order the rules were applied
   * @param fallback whether the label was decided for lack of data rather than measured
   */
  public Assignment {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(detail, "detail");
    if (labelIndex != -1 && !dimension.contains(labelIndex)) {
      throw new IllegalArgumentException(
          "Label index " + labelIndex + " is outside dimension '" + dimension.id() + "'");
    }
    reasons = List.copyOf(reasons);
    fallback = fallback && labelIndex >= 0;
  }

  /**
   * Creates a measured assignment.
   *
   * @param dimension the dimension
   * @param labelIndex the label's index in the dimension, or {@code -1} for {@link
   *     Dimension#UNCLASSIFIED}
   * @param score the classifier's score, {@code NaN} if it has none
   * @param detail a short code that refines the label; empty if none
   * @param reasons the explanation, in the order the rules were applied
   */
  public Assignment(Dimension dimension, int labelIndex, double score, String detail, List<Reason> reasons) {
    this(dimension, labelIndex, score, detail, reasons, false);
  }

  /**
   * Creates an assignment by label name.
   *
   * @param dimension the dimension
   * @param label one of its labels
   * @param score the score, or {@code NaN}
   * @param reasons the explanation
   * @return the assignment
   * @throws IllegalArgumentException if the label is not in the dimension
   */
  public static Assignment of(Dimension dimension, String label, double score, List<Reason> reasons) {
    int index = dimension.indexOf(label);
    if (index < 0) {
      throw new IllegalArgumentException(
          "'" + label + "' is not a label of dimension '" + dimension.id() + "': " + dimension.labels());
    }
    return new Assignment(dimension, index, score, "", reasons);
  }

  /**
   * The fallback used when a dimension could not be classified.
   *
   * @param dimension the dimension
   * @param why what went wrong, for the explanation
   * @return an assignment labelled {@link Dimension#UNCLASSIFIED}
   */
  public static Assignment unclassified(Dimension dimension, String why) {
    return new Assignment(
        dimension, -1, Double.NaN, "", List.of(new Reason("", "", "", why)));
  }

  /**
   * Returns the label's name.
   *
   * @return the label, or {@link Dimension#UNCLASSIFIED}
   */
  public String label() {
    return dimension.label(labelIndex);
  }

  /**
   * Returns a copy with a refining code.
   *
   * @param code for example {@code "545"}
   * @return the new assignment
   */
  public Assignment withDetail(String code) {
    return new Assignment(dimension, labelIndex, score, code, reasons, fallback);
  }

  /**
   * Returns a copy marked as decided for lack of data, or as measured.
   *
   * @param isFallback true for a fallback label
   * @return the new assignment
   * @since 0.1.0
   */
  public Assignment withFallback(boolean isFallback) {
    return new Assignment(dimension, labelIndex, score, detail, reasons, isFallback);
  }
}
