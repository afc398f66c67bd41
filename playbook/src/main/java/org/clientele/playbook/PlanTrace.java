package org.clientele.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;

/**
 * Why a customer's plan is what it is: which rules matched and, per category, which rule won,
 * which matching rules it outranked and which actions were vetoed. Produced by {@link
 * Playbook#explain}; its {@link #actions()} are exactly what {@link Playbook#plan} emits.
 *
 * @param matchedRules the ids of every rule whose conditions held, in playbook order
 * @param decisions one per category, in {@link ActionCategory} order
 * @since 0.1.0
 */
public record PlanTrace(List<String> matchedRules, List<CategoryDecision> decisions) {

  /**
   * Copies the lists.
   *
   * @param matchedRules the ids of every rule whose conditions held, in playbook order
   * @param decisions one per category, in {@link ActionCategory} order
   */
  public PlanTrace {
    matchedRules = List.copyOf(matchedRules);
    decisions = List.copyOf(decisions);
  }

  /**
   * Returns the actions of the plan, category by category.
   *
   * @return the winners' actions and, per category after them, those added beside the winner
   */
  public List<Action> actions() {
    List<Action> out = new ArrayList<>();
    for (CategoryDecision d : decisions) {
      out.addAll(d.actions());
      out.addAll(d.added());
    }
    return List.copyOf(out);
  }

  /**
   * Returns the decision for one category.
   *
   * @param category the category
   * @return the decision
   */
  public CategoryDecision decision(ActionCategory category) {
    return decisions.get(category.ordinal());
  }

  /**
   * How one category was settled.
   *
   * @param category the category
   * @param winner the id of the rule whose actions the plan holds, or empty if none (a dead zone
   *     for this customer)
   * @param actions the winner's actions in this category that were not vetoed
   * @param added the actions that additive rules ({@code "combine": "also"}) added beside the
   *     winner, not vetoed and not in the plan already
   * @param outranked ids of other matching rules with actions in this category that lost on
   *     priority (or on playbook order at equal priority)
   * @param vetoed one line per suppressed action, such as {@code preferential-terms (rule
   *     value-core) vetoed by risk-high}
   */
  public record CategoryDecision(
      ActionCategory category,
      String winner,
      List<Action> actions,
      List<Action> added,
      List<String> outranked,
      List<String> vetoed) {

    /**
     * Copies the lists.
     *
     * @param category the category
     * @param winner the id of the rule whose actions the plan holds, or empty if none (a dead zone
     *     for this customer)
     * @param actions the winner's actions in this category that were not vetoed
     * @param added the actions that additive rules ({@code "combine": "also"}) added beside the
     *     winner, not vetoed and not in the plan already
     * @param outranked ids of other matching rules with actions in this category that lost on
     *     priority (or on playbook order at equal priority)
     * @param vetoed one line per suppressed action, such as {@code preferential-terms (rule
     *     value-core) vetoed by risk-high}
     */
    public CategoryDecision {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(winner, "winner");
      actions = List.copyOf(actions);
      added = List.copyOf(added);
      outranked = List.copyOf(outranked);
      vetoed = List.copyOf(vetoed);
    }
  }
}
