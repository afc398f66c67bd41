package org.clientele.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.Dimension;
import org.clientele.api.Plan;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * One customer's result: a label and score on every dimension of the engine, and the strategy's
 * plan. Immutable. Explanations are not included; ask {@link Engine#explain} for those.
 *
 * <p>A {@link Segments}: a strategy, the report or a host reads it like every other result
 * ({@link #label(String)} throws for an id the engine does not have).
 *
 * @since 0.1.0
 */
public final class Classification implements Segments {

  private final String customerId;
  private final List<Dimension> dimensions;
  private final int[] labels;
  private final double[] scores;
  /** Bit {@code p} set: the label at position {@code p < 64} was decided for lack of data. */
  private final long fallbackBits;
  /** Engines of more than 64 dimensions only: every position's bit, as {@link #fallbackBits}. */
  private final long @Nullable [] fallbackWords;
  private final Plan plan;

  Classification(
      String customerId, List<Dimension> dimensions, int[] labels, double[] scores, long fallbackBits,
      long @Nullable [] fallbackWords, Plan plan) {
    this.customerId = customerId;
    this.dimensions = dimensions;
    this.labels = labels;
    this.scores = scores;
    this.fallbackBits = fallbackBits;
    this.fallbackWords = fallbackWords;
    this.plan = plan;
  }

  /**
   * Returns the customer's id.
   *
   * @return the id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the engine's dimensions, in order.
   *
   * @return the dimensions
   */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  @Override
  public int size() {
    return dimensions.size();
  }

  @Override
  public Dimension dimension(int position) {
    return dimensions.get(position);
  }

  /**
   * Returns the label index at a dimension position.
   *
   * @param position 0 to {@code dimensions().size() - 1}
   * @return the label index, or {@code -1} for unclassified
   */
  @Override
  public int labelIndex(int position) {
    return labels[position];
  }

  /**
   * Returns the score at a dimension position.
   *
   * @param position 0 to {@code dimensions().size() - 1}
   * @return the score, or {@code NaN}
   */
  @Override
  public double score(int position) {
    return scores[position];
  }

  @Override
  public boolean isFallback(int position) {
    if (labels[position] < 0) {
      return false;
    }
    long[] words = fallbackWords;
    long word = words == null ? fallbackBits : words[position >>> 6];
    return (word & (1L << position)) != 0;
  }

  /**
   * Returns every label by dimension id, in engine order.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> labels() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      out.put(dimensions.get(i).id(), dimensions.get(i).label(labels[i]));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Returns the strategy's plan.
   *
   * @return the plan; empty if the engine has no strategy or it failed
   */
  public Plan plan() {
    return plan;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Classification c
        && customerId.equals(c.customerId)
        && dimensions.equals(c.dimensions)
        && Arrays.equals(labels, c.labels)
        && Arrays.equals(scores, c.scores)
        && fallbackBits == c.fallbackBits
        && Arrays.equals(fallbackWords, c.fallbackWords)
        && plan.equals(c.plan);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, Arrays.hashCode(labels), Arrays.hashCode(scores), plan);
  }

  @Override
  public String toString() {
    return "Classification[" + customerId + " " + labels() + " " + plan.actions().size() + " actions]";
  }
}
