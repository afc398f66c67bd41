package org.clientele.testkit;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Plan;

/**
 * Assertions on a {@link Plan}; start with {@link ClienteleAssertions#assertThatPlan}.
 *
 * @since 0.1.0
 */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

  PlanAssert(Plan actual) {
    super(actual, PlanAssert.class);
  }

  /**
   * Checks that the plan holds an action.
   *
   * @param code the action's code, for example {@code dedicated-account-manager}
   * @return this assertion
   */
  public PlanAssert hasAction(String code) {
    isNotNull();
    if (actual.actions().stream().noneMatch(a -> a.code().equals(code))) {
      failWithMessage("Expected the plan to hold action '%s' but it holds %s", code, codes());
    }
    return this;
  }

  /**
   * Checks that the plan does not hold an action.
   *
   * @param code the action's code
   * @return this assertion
   */
  public PlanAssert doesNotHaveAction(String code) {
    isNotNull();
    if (actual.actions().stream().anyMatch(a -> a.code().equals(code))) {
      failWithMessage("Expected the plan not to hold action '%s' but it holds %s", code, codes());
    }
    return this;
  }

  /**
   * Checks the plan's action codes, in plan order (most urgent first).
   *
   * @param codes the expected codes
   * @return this assertion
   */
  public PlanAssert hasActionsInOrder(String... codes) {
    isNotNull();
    if (!codes().equals(Arrays.asList(codes))) {
      failWithMessage("Expected the actions %s but were %s", Arrays.toString(codes), codes());
    }
    return this;
  }

  /**
   * Checks that the plan holds an action in a category.
   *
   * @param category the category
   * @return this assertion
   */
  public PlanAssert hasActionIn(ActionCategory category) {
    isNotNull();
    if (actual.actions(category).isEmpty()) {
      failWithMessage("Expected an action in %s but the plan holds %s", category, codes());
    }
    return this;
  }

  /**
   * Checks that the plan is empty.
   *
   * @return this assertion
   */
  public PlanAssert isEmpty() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage("Expected an empty plan but it holds %s", codes());
    }
    return this;
  }

  private List<String> codes() {
    return actual.actions().stream().map(Action::code).toList();
  }
}
