package org.clientele.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing to do for a customer, as decided by a {@link Strategy}. Strategies build their actions
 * once, when they are created, and hand the same instances out for every customer.
 *
 * @param code a stable identifier such as {@code dedicated-account-manager}
 * @param category the lever it pulls
 * @param description what to do, in a sentence
 * @param priority higher is more urgent; used to order a plan and to settle conflicts
 * @param rule the id of the rule that produced it, so every action can be traced
 * @param rationale why, in a sentence a salesperson can read
 * @since 0.1.0
 */
public record Action(
    String code,
    ActionCategory category,
    String description,
    int priority,
    String rule,
    String rationale) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  /**
   * Checks the parts.
   *
   * @param code a stable identifier, lowercase ({@code [a-z0-9][a-z0-9_.-]*})
   * @param category the lever it pulls
   * @param description what to do, in a sentence
   * @param priority higher is more urgent
   * @param rule the id of the rule that produced it
   * @param rationale why, in a sentence a salesperson can read
   */
  public Action {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(rationale, "rationale");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "Action code '" + code + "' must be lowercase kebab or snake case");
    }
  }
}
