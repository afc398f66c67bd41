package org.clientele.core;

import java.util.List;
import java.util.Objects;
import org.clientele.api.Assignment;
import org.clientele.api.Plan;

/**
 * One customer's labels with the reasons for each, and the plan with the rule and rationale of
 * each action: what a salesperson reads.
 *
 * @param customerId the customer's id
 * @param assignments one per dimension, in engine order
 * @param plan the strategy's plan
 */
public record Explanation(String customerId, List<Assignment> assignments, Plan plan) {

  /** Checks and copies the parts. */
  public Explanation {
    Objects.requireNonNull(customerId, "customerId");
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(plan, "plan");
  }

  /**
   * Returns the assignment on one dimension.
   *
   * @param dimensionId a dimension id
   * @return the assignment
   * @throws IllegalArgumentException if there is no such dimension
   */
  public Assignment assignment(String dimensionId) {
    return assignments.stream()
        .filter(a -> a.dimension().id().equals(dimensionId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No dimension '" + dimensionId + "'"));
  }
}
