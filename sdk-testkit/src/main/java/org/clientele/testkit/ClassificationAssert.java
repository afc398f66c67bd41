package org.clientele.testkit;

import org.assertj.core.api.AbstractAssert;
import org.clientele.api.Dimension;
import org.clientele.core.Classification;

/**
 * Assertions on an engine's {@link Classification}; start with {@link
 * ClienteleAssertions#assertThatClassification}.
 *
 * @since 0.1.0
 */
public final class ClassificationAssert extends AbstractAssert<ClassificationAssert, Classification> {

  ClassificationAssert(Classification actual) {
    super(actual, ClassificationAssert.class);
  }

  /**
   * Checks the label on one dimension.
   *
   * @param dimensionId the dimension
   * @param label the expected label
   * @return this assertion
   */
  public ClassificationAssert hasLabel(String dimensionId, String label) {
    isNotNull();
    if (!hasDimension(dimensionId)) {
      failWithMessage("Expected dimension '%s' but the engine has %s", dimensionId, actual.labels().keySet());
    }
    if (!actual.label(dimensionId).equals(label)) {
      failWithMessage("Expected %s on '%s' for customer %s but was %s (all labels: %s)",
          label, dimensionId, actual.customerId(), actual.label(dimensionId), actual.labels());
    }
    return this;
  }

  /**
   * Checks that every dimension was classified (none is {@link Dimension#UNCLASSIFIED}).
   *
   * @return this assertion
   */
  public ClassificationAssert isFullyClassified() {
    isNotNull();
    if (actual.labels().containsValue(Dimension.UNCLASSIFIED)) {
      failWithMessage("Expected every dimension classified for customer %s but was %s", actual.customerId(), actual.labels());
    }
    return this;
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

  private boolean hasDimension(String id) {
    return actual.dimensions().stream().anyMatch(d -> d.id().equals(id));
  }
}
