package org.clientele.playbook.outcome;

import java.util.Map;
import java.util.Objects;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;

/**
 * What happened after one planned action was carried out for one customer.
 *
 * @param customerId the customer
 * @param rule the id of the rule that produced the action ({@link Action#rule()})
 * @param action the action's code
 * @param category the action's category
 * @param segments the customer's segments when the plan was made: dimension id (or any grouping
 *     name, such as a cross segment) to label, for example {@code {"value": "CORE"}}
 * @param response what the customer did
 * @param revenueAfter revenue from the customer in the evaluation window after the action, {@code
 *     >= 0}
 * @since 0.1.0
 */
public record Outcome(
    String customerId,
    String rule,
    String action,
    ActionCategory category,
    Map<String, String> segments,
    Response response,
    double revenueAfter) {

  /**
   * Checks the parts and copies the segments.
   *
   * @param customerId the customer
   * @param rule the id of the rule that produced the action ({@link Action#rule()})
   * @param action the action's code
   * @param category the action's category
   * @param segments the customer's segments when the plan was made: dimension id (or any grouping
   *     name, such as a cross segment) to label, for example {@code {"value": "CORE"}}
   * @param response what the customer did
   * @param revenueAfter revenue from the customer in the evaluation window after the action, {@code
   *     >= 0}
   */
  public Outcome {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(response, "response");
    segments = Map.copyOf(segments);
    if (!Double.isFinite(revenueAfter) || revenueAfter < 0) {
      throw new IllegalArgumentException(
          "Outcome for customer '" + customerId + "', action '" + action + "': revenueAfter must be a finite number >= 0, not " + revenueAfter);
    }
  }

  /**
   * Records the outcome of a planned action.
   *
   * @param customerId the customer
   * @param action the action from the plan
   * @param segments the customer's labels by dimension id
   * @param response what the customer did
   * @param revenueAfter revenue after the action
   * @return the outcome
   */
  public static Outcome of(
      String customerId, Action action, Map<String, String> segments, Response response, double revenueAfter) {
    return new Outcome(customerId, action.rule(), action.code(), action.category(), segments, response, revenueAfter);
  }
}
