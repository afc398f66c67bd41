package org.clientele.api;

import java.util.Comparator;
import java.util.List;

/**
 * The actions a strategy chose for one customer, most urgent first (by descending {@link
 * Action#priority()}, then by category).
 *
 * @param actions the actions
 * @since 0.1.0
 */
public record Plan(List<Action> actions) {

  private static final Comparator<Action> ORDER =
      Comparator.comparingInt(Action::priority).reversed().thenComparing(Action::category);

  // Declared after ORDER: the constructor needs it during class initialisation.
  /** A plan with no actions. */
  public static final Plan EMPTY = new Plan(List.of());

  /**
   * Copies and orders the actions.
   *
   * @param actions the actions, in any order
   */
  public Plan {
    actions = actions.stream().sorted(ORDER).toList();
  }

  /**
   * Returns the actions in one category.
   *
   * @param category a category
   * @return the matching actions, most urgent first
   */
  public List<Action> actions(ActionCategory category) {
    return actions.stream().filter(a -> a.category() == category).toList();
  }

  /**
   * Tells whether the plan has no actions.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return actions.isEmpty();
  }
}
