package org.clientele.core;

import java.util.List;
import java.util.Objects;
import org.clientele.api.Assignment;
import org.clientele.api.Dimension;
import org.clientele.api.Plan;
import org.clientele.api.PlanExplanation;
import org.clientele.api.Segments;

/**
 * One customer's labels with the reasons for each, and the plan with the rule and rationale of
 * each action: what a salesperson reads.
 *
 * @param customerId the customer's id
 * @param assignments one per dimension, in engine order
 * @param plan the strategy's plan
 * @param planExplanation why the plan is what it is, rule by rule, if the strategy explains itself
 *     ({@link PlanExplanation#notExplained()} otherwise)
 * @since 0.1.0
 */
public record Explanation(
    String customerId, List<Assignment> assignments, Plan plan, PlanExplanation planExplanation)
    implements Segments {

  /**
   * Checks and copies the parts.
   *
   * @param customerId the customer's id
   * @param assignments one per dimension, in engine order
   * @param plan the strategy's plan
   * @param planExplanation why the plan is what it is, rule by rule
   */
  public Explanation {
    Objects.requireNonNull(customerId, "customerId");
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(planExplanation, "planExplanation");
  }

  /**
   * Creates an explanation whose plan is not explained rule by rule.
   *
   * @param customerId the customer's id
   * @param assignments one per dimension, in engine order
   * @param plan the strategy's plan
   */
  public Explanation(String customerId, List<Assignment> assignments, Plan plan) {
    this(customerId, assignments, plan, PlanExplanation.notExplained());
  }

  /**
   * Returns the assignment on one dimension.
   *
   * @param dimensionId a dimension id
   * @return the assignment
   * @throws IllegalArgumentException if there is no such dimension (the message lists the ids)
   */
  public Assignment assignment(String dimensionId) {
    int p = position(dimensionId);
    if (p < 0) {
      label(dimensionId); // throws, naming the dimensions
    }
    return assignments.get(p);
  }

  @Override
  public int size() {
    return assignments.size();
  }

  @Override
  public Dimension dimension(int position) {
    return assignments.get(position).dimension();
  }

  @Override
  public int labelIndex(int position) {
    return assignments.get(position).labelIndex();
  }

  @Override
  public double score(int position) {
    return assignments.get(position).score();
  }
}
