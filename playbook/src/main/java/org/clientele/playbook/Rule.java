package org.clientele.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;

/**
 * One row of a playbook's decision table, as bound to the engine's dimensions.
 *
 * <p>A rule matches a customer when, for every dimension in {@code when}, the customer's label is
 * one of the listed labels; for every dimension in {@code unless}, it is none of the listed
 * labels; and every feature condition holds. A dimension that the customer could not classify
 * ({@code UNCLASSIFIED}) matches a condition on that dimension only if {@code when} lists {@code
 * UNCLASSIFIED} explicitly. A rule without conditions matches every customer.
 *
 * @param id a unique, stable id in lowercase kebab case; every action names it
 * @param description what the rule is for, or empty
 * @param segment the named cross segment whose conditions the rule uses, or empty
 * @param when dimension id (as written in the playbook) to the accepted labels, including the
 *     segment's conditions
 * @param unless dimension id to the excluded labels
 * @param features conditions on features; a rule with any is <em>conditional</em>
 * @param priority higher wins a category; see {@link Playbook} for the conflict rules
 * @param combine whether the rule competes for its categories (one winner each) or adds its
 *     actions beside the winner
 * @param actions the actions, each carrying this rule's id and priority
 * @param vetoes action codes this rule suppresses, whatever their priority, when it matches
 * @param basis whether the rule reads only measured labels, only labels decided for lack of data,
 *     or either ({@code "basis"} in the playbook)
 * @since 0.1.0
 */
public record Rule(
    String id,
    String description,
    String segment,
    Map<String, List<String>> when,
    Map<String, List<String>> unless,
    List<FeatureCondition> features,
    int priority,
    Combine combine,
    List<Action> actions,
    List<String> vetoes,
    Basis basis) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  /**
   * Checks the id and that every action names this rule, and copies the collections.
   *
   * @param id a unique, stable id in lowercase kebab case; every action names it
   * @param description what the rule is for, or empty
   * @param segment the named cross segment whose conditions the rule uses, or empty
   * @param when dimension id (as written in the playbook) to the accepted labels, including the
   *     segment's conditions
   * @param unless dimension id to the excluded labels
   * @param features conditions on features; a rule with any is <em>conditional</em>
   * @param priority higher wins a category; see {@link Playbook} for the conflict rules
   * @param combine whether the rule competes for its categories (one winner each) or adds its
   *     actions beside the winner
   * @param actions the actions, each carrying this rule's id and priority
   * @param vetoes action codes this rule suppresses, whatever their priority, when it matches
   * @param basis whether the rule reads only measured labels, only labels decided for lack of data,
   *     or either
   */
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(combine, "combine");
    Objects.requireNonNull(basis, "basis");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Rule id '" + id + "' must be lowercase kebab or snake case ([a-z0-9][a-z0-9_.-]*)");
    }
    when = copy(when);
    unless = copy(unless);
    features = List.copyOf(features);
    actions = List.copyOf(actions);
    vetoes = List.copyOf(vetoes);
    for (Action a : actions) {
      if (!a.rule().equals(id)) {
        throw new IllegalArgumentException(
            "Rule '" + id + "': action '" + a.code() + "' names rule '" + a.rule() + "'");
      }
    }
    if (actions.isEmpty() && vetoes.isEmpty()) {
      throw new IllegalArgumentException("Rule '" + id + "' has neither actions nor vetoes");
    }
  }

  /**
   * How a rule's actions meet the other rules' in a category ({@code "combine"} in the playbook).
   *
   * @since 0.1.0
   */
  public enum Combine {
    /** The default: the rule competes for each of its categories; the best matching rule wins. */
    COMPETE,
    /**
     * The rule adds its actions beside the category's winner (or alone, when no rule wins it):
     * it never wins or outranks, but its actions are still subject to vetoes.
     */
    ALSO
  }

  /**
   * Which labels a rule may read ({@code "basis"} in the playbook): a label can be measured, or
   * decided for lack of data ({@link org.clientele.api.Segments#isFallback(int)}: loyalty's {@code
   * ifInsufficient}, risk LOW when credit data is missing). A rule whose rationale states a fact
   * ("Good credit, no defaults") says {@code "basis": "measured"}, so that it does not fire for a
   * customer we know nothing about; a rule for those customers says {@code "basis":
   * "lack-of-data"}. The basis is about every dimension the rule names in {@code when}, its
   * segment and {@code unless}.
   *
   * @since 0.1.0
   */
  public enum Basis {
    /** The default: the rule matches measured and fallback labels alike. */
    ANY,
    /** The rule matches only when every dimension it names has a measured label. */
    MEASURED,
    /**
     * The rule matches only when at least one dimension it names has a label decided for lack of
     * data: the complement of {@link #MEASURED} over the same conditions.
     */
    LACK_OF_DATA
  }

  /**
   * Tells whether the rule adds its actions beside the winner of a category instead of competing.
   *
   * @return true if {@link #combine()} is {@link Combine#ALSO}
   */
  public boolean additive() {
    return combine == Combine.ALSO;
  }

  /**
   * Tells whether the rule has feature conditions, so that its labels alone do not decide whether
   * it matches.
   *
   * @return true if {@link #features()} is not empty
   */
  public boolean conditional() {
    return !features.isEmpty();
  }

  /**
   * Returns the rule's actions in one category.
   *
   * @param category a category
   * @return the actions, in playbook order
   */
  public List<Action> actions(ActionCategory category) {
    // Loops rather than streams here and in copy: every engine build runs them per rule, in the
    // interpreter (docs/benchmarks.md, the cold build).
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      if (a.category() == category) {
        out.add(a);
      }
    }
    return Collections.unmodifiableList(out);
  }

  static Map<String, List<String>> copy(Map<String, List<String>> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : in.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "dimension"), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
