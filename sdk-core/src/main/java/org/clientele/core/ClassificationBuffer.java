package org.clientele.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.clientele.api.Action;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.Plan;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * A reusable, caller-owned result for {@link Engine#classify(org.clientele.api.Customer,
 * ClassificationBuffer)}: classifying into it allocates nothing once its action array has grown
 * to the largest plan. Not thread-safe: one buffer per thread. Read it before the next call
 * overwrites it, or copy it with {@link #toClassification()}.
 *
 * @since 0.1.0
 */
public final class ClassificationBuffer implements Segments {

  private final List<Dimension> dimensions;
  private final int[] labels;
  private final double[] scores;
  /**
   * Which labels were decided for lack of data, one bit per position (bit {@code p & 63} of word
   * {@code p >>> 6}): a result copies one {@code long} for up to 64 dimensions instead of an array,
   * and the playbook reads the bit without a branch.
   */
  private final long[] fallback;
  private Action[] actions = new Action[8];
  private int actionCount;
  /** The plan shared by every customer with these labels, when the engine had it; else actions. */
  private LabelPlans.@Nullable Known known;
  private String customerId = "";

  // Written by the engine around each classifier call.
  int cursor;
  boolean written;

  final LabelSink labelSink;
  final PlanSink planSink;

  private final PlanCache plans;

  ClassificationBuffer(List<Dimension> dimensions, PlanCache plans) {
    this.dimensions = dimensions;
    this.plans = plans;
    this.labels = new int[dimensions.size()];
    this.scores = new double[dimensions.size()];
    this.fallback = new long[Math.max(1, (dimensions.size() + 63) >>> 6)];
    this.labelSink =
        new LabelSink() {
          @Override
          public void accept(int label, double score) {
            labels[cursor] = label;
            scores[cursor] = score;
            fallback[cursor >>> 6] &= ~(1L << cursor);
            written = true;
          }

          @Override
          public void acceptFallback(int label, double score) {
            labels[cursor] = label;
            scores[cursor] = score;
            fallback[cursor >>> 6] |= 1L << cursor;
            written = true;
          }
        };
    this.planSink =
        action -> {
          if (actionCount == actions.length) {
            actions = Arrays.copyOf(actions, actions.length * 2);
          }
          actions[actionCount++] = Objects.requireNonNull(action, "action");
        };
  }

  List<Dimension> dimensionList() {
    return dimensions;
  }

  void reset(String id) {
    customerId = id;
    actionCount = 0;
    known = null;
  }

  /** Takes the plan the strategy gave earlier for the same labels. */
  void use(LabelPlans.Known plan) {
    known = plan;
    actionCount = plan.actions.length;
  }

  /** Shares the plan the strategy just wrote here with every later customer of the same labels. */
  void share(LabelPlans table, int slot, long key) {
    known = table.put(slot, key, Arrays.copyOf(actions, actionCount), plans.plan(actions, actionCount));
  }

  void set(int position, int label, double score, boolean isFallback) {
    labels[position] = label;
    scores[position] = score;
    if (isFallback) {
      fallback[position >>> 6] |= 1L << position;
    } else {
      fallback[position >>> 6] &= ~(1L << position);
    }
  }

  void fail(int position) {
    labels[position] = -1;
    scores[position] = Double.NaN;
    fallback[position >>> 6] &= ~(1L << position);
  }

  void clearPlan() {
    actionCount = 0;
    known = null;
  }

  /**
   * Returns the id of the customer last classified into this buffer.
   *
   * @return the id, or empty before the first use
   */
  public String customerId() {
    return customerId;
  }

  @Override
  public int size() {
    return dimensions.size();
  }

  @Override
  public Dimension dimension(int position) {
    return dimensions.get(position);
  }

  @Override
  public int labelIndex(int position) {
    return labels[position];
  }

  @Override
  public double score(int position) {
    return scores[position];
  }

  @Override
  public boolean isFallback(int position) {
    return labels[position] >= 0 && (fallback[position >>> 6] & (1L << position)) != 0;
  }

  /**
   * Returns the number of actions in the plan.
   *
   * @return the count
   */
  public int actionCount() {
    return actionCount;
  }

  /**
   * Returns an action of the plan, in the order the strategy chose them.
   *
   * @param index 0 to {@code actionCount() - 1}
   * @return the action
   */
  public Action action(int index) {
    if (index < 0 || index >= actionCount) {
      throw new IndexOutOfBoundsException(index);
    }
    return known != null ? known.actions[index] : actions[index];
  }

  /**
   * Copies the current content into an immutable result.
   *
   * @return the classification
   */
  public Classification toClassification() {
    // Customers with the same actions share one immutable plan.
    Plan plan = known != null ? known.plan : plans.plan(actions, actionCount);
    // Up to 64 dimensions the lack-of-data bits travel as one long, not an array.
    return new Classification(customerId, dimensions, labels.clone(), scores.clone(), fallback[0],
        fallback.length == 1 ? null : fallback.clone(), plan);
  }
}
