package org.clientele.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a customer's plan is what it is, rule by rule: which rules won their category, which were
 * outranked by a higher-priority rule in the same category, and which actions were vetoed and by
 * what. Returned by {@link Strategy#explainPlan}; a strategy that does not explain itself returns
 * {@link #notExplained()}.
 *
 * @param explained whether the strategy explained the plan at all; false for {@link
 *     #notExplained()}
 * @param rules one entry per rule and action that took part, in category order, winners first
 * @since 0.1.0
 */
public record PlanExplanation(boolean explained, List<RuleEntry> rules) {

  private static final PlanExplanation NOT_EXPLAINED = new PlanExplanation(false, List.of());

  /**
   * Checks and copies the entries.
   *
   * @param explained whether the strategy explained the plan at all; false for {@link #notExplained()}
   * @param rules one entry per rule and action that took part, in category order, winners first
   */
  public PlanExplanation {
    rules = List.copyOf(rules);
    if (!explained && !rules.isEmpty()) {
      throw new IllegalArgumentException("an unexplained plan has no rule entries");
    }
  }

  /**
   * Returns the value of a strategy that does not explain its plans.
   *
   * @return an empty, unexplained value
   */
  public static PlanExplanation notExplained() {
    return NOT_EXPLAINED;
  }

  /**
   * Creates an explanation.
   *
   * @param rules the entries
   * @return the explanation
   */
  public static PlanExplanation of(List<RuleEntry> rules) {
    return new PlanExplanation(true, rules);
  }

  /**
   * Returns the entries with one status.
   *
   * @param status the status
   * @return the entries, in order
   */
  public List<RuleEntry> rules(RuleStatus status) {
    Objects.requireNonNull(status, "status");
    return rules.stream().filter(r -> r.status() == status).toList();
  }

  /**
   * What became of a matching rule's action.
   *
   * @since 0.1.0
   */
  public enum RuleStatus {
    /** The rule matched and won its category: the action is in the plan. */
    MATCHED_WINNER,
    /** The rule matched but a rule of higher priority (or listed earlier) won the category. */
    OUTRANKED,
    /** The rule matched but this action was vetoed by another matching rule. */
    VETOED,
    /**
     * The rule matched and adds its actions beside its category's winner instead of competing for
     * the category (a playbook rule with {@code "combine": "also"}): the action is in the plan.
     *
     * @since 0.1.0
     */
    MATCHED_ALSO
  }

  /**
   * One rule's action and what became of it.
   *
   * @param ruleId the rule's id
   * @param actionCode the action's code
   * @param category the action's category, or null if the strategy has none for it
   * @param status what became of it
   * @param sentence a sentence a person reads, such as {@code risk-high vetoed preferential-terms
   *     of value-core}
   * @since 0.1.0
   */
  public record RuleEntry(
      String ruleId,
      String actionCode,
      @Nullable ActionCategory category,
      RuleStatus status,
      String sentence) {

    /**
     * Checks the parts.
     *
     * @param ruleId the rule's id
     * @param actionCode the action's code
     * @param category the action's category, or null if the strategy has none for it
     * @param status what became of it
     * @param sentence a sentence a person reads, such as {@code risk-high vetoed preferential-terms of value-core}
     */
    public RuleEntry {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(actionCode, "actionCode");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(sentence, "sentence");
    }
  }
}
