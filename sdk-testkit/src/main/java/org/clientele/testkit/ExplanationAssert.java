package org.clientele.testkit;

import org.assertj.core.api.AbstractAssert;
import org.clientele.core.Explanation;

/**
 * Assertions on an engine's {@link Explanation}; start with {@link ClienteleAssertions#assertThatExplanation}.
 *
 * @since 0.1.0
 */
public final class ExplanationAssert extends AbstractAssert<ExplanationAssert, Explanation> {

  ExplanationAssert(Explanation actual) {
    super(actual, ExplanationAssert.class);
  }

  /**
   * Continues with assertions on one dimension's assignment.
   *
   * @param dimensionId the dimension
   * @return an assertion on its assignment
   */
  public AssignmentAssert assignment(String dimensionId) {
    isNotNull();
    if (actual.assignments().stream().noneMatch(a -> a.dimension().id().equals(dimensionId))) {
      failWithMessage("Expected dimension '%s' but the explanation covers %s", dimensionId,
          actual.assignments().stream().map(a -> a.dimension().id()).toList());
    }
    return new AssignmentAssert(actual.assignment(dimensionId));
  }

  /**
   * Continues with assertions on the plan.
   *
   * @return an assertion on the plan
   */
  public PlanAssert plan() {
    isNotNull();
    return new PlanAssert(actual.plan());
  }
}
