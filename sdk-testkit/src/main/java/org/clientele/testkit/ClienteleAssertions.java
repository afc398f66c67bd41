package org.clientele.testkit;

import org.clientele.api.Assignment;
import org.clientele.api.Plan;
import org.clientele.core.Classification;
import org.clientele.core.Explanation;

/**
 * Entry points for AssertJ-style assertions on Clientele results:
 *
 * <pre>{@code
 * assertThatAssignment(classifier.explain(customer)).hasLabel("CORE").hasReasonAbout("revenue_12m");
 * assertThatClassification(engine.classify(customer)).hasLabel("geography", "REMOTE").plan().hasAction("field-visit");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ClienteleAssertions {

  private ClienteleAssertions() {}

  /**
   * Starts assertions on one dimension's explained result.
   *
   * @param actual the assignment
   * @return the assertion
   */
  public static AssignmentAssert assertThatAssignment(Assignment actual) {
    return new AssignmentAssert(actual);
  }

  /**
   * Starts assertions on an engine's result for one customer.
   *
   * @param actual the classification
   * @return the assertion
   */
  public static ClassificationAssert assertThatClassification(Classification actual) {
    return new ClassificationAssert(actual);
  }

  /**
   * Starts assertions on an engine's explained result for one customer.
   *
   * @param actual the explanation
   * @return the assertion
   */
  public static ExplanationAssert assertThatExplanation(Explanation actual) {
    return new ExplanationAssert(actual);
  }

  /**
   * Starts assertions on a plan.
   *
   * @param actual the plan
   * @return the assertion
   */
  public static PlanAssert assertThatPlan(Plan actual) {
    return new PlanAssert(actual);
  }
}
