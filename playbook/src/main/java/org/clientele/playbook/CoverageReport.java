package org.clientele.playbook;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.clientele.api.ActionCategory;

/**
 * The result of a playbook's coverage analysis over every combination of labels of the
 * configured dimensions that its rules tell apart.
 *
 * <p>A <em>dead zone</em> is a combination of labels for which a category gets no action: no rule
 * without feature conditions matches it with an action in that category that no matching rule
 * may veto. A <em>shadowed</em> rule-category pair can never reach a plan: wherever the rule
 * matches, a higher-priority rule without feature conditions always wins the category, or
 * vetoes take all of the rule's actions there. {@code UNCLASSIFIED} is not part of the
 * combinations.
 *
 * @param dimensions the dimension ids the analysis enumerated (those the rules name), in engine
 *     order; every other dimension is "any"
 * @param combinations how many label combinations of those dimensions exist
 * @param deadZones the dead zones, by category, then in label order
 * @param shadowed the shadowed rule-category pairs, by category, then in priority order
 * @param skipped empty if the analysis ran; otherwise why not (too many combinations)
 * @since 0.1.0
 */
public record CoverageReport(
    List<String> dimensions,
    long combinations,
    List<DeadZone> deadZones,
    List<ShadowedRule> shadowed,
    String skipped) {

  /**
   * Copies the lists.
   *
   * @param dimensions the dimension ids the analysis enumerated (those the rules name), in engine
   *     order; every other dimension is "any"
   * @param combinations how many label combinations of those dimensions exist
   * @param deadZones the dead zones, by category, then in label order
   * @param shadowed the shadowed rule-category pairs, by category, then in priority order
   * @param skipped empty if the analysis ran; otherwise why not (too many combinations)
   */
  public CoverageReport {
    dimensions = List.copyOf(dimensions);
    deadZones = List.copyOf(deadZones);
    shadowed = List.copyOf(shadowed);
    Objects.requireNonNull(skipped, "skipped");
  }

  /**
   * Tells whether the analysis ran and found neither dead zones nor shadowed rules.
   *
   * @return true if clean
   */
  public boolean isClean() {
    return skipped.isEmpty() && deadZones.isEmpty() && shadowed.isEmpty();
  }

  /**
   * Returns the dead zones of one category.
   *
   * @param category the category
   * @return its dead zones
   */
  public List<DeadZone> deadZones(ActionCategory category) {
    return deadZones.stream().filter(d -> d.category() == category).toList();
  }

  /**
   * Returns a readable report, one line per finding, listing at most {@code limit} dead zones per
   * category.
   *
   * @param limit the most dead zones to list per category
   * @return the text, or {@code coverage: clean} if nothing was found
   */
  public String toText(int limit) {
    if (!skipped.isEmpty()) {
      return "coverage: not analysed: " + skipped;
    }
    if (isClean()) {
      return "coverage: clean (" + combinations + " label combinations of " + dimensions + ")";
    }
    StringBuilder out = new StringBuilder("coverage over " + combinations + " label combinations of " + dimensions + ":");
    for (ActionCategory c : ActionCategory.values()) {
      List<DeadZone> zones = deadZones(c);
      if (zones.isEmpty()) {
        continue;
      }
      long n = zones.stream().mapToLong(DeadZone::combinations).sum();
      out.append("\n  dead zone ").append(c).append(": no action for ").append(n).append(" combination(s)");
      for (int i = 0; i < zones.size() && i < limit; i++) {
        out.append("\n    ").append(zones.get(i).describe());
      }
      if (zones.size() > limit) {
        out.append("\n    ... and ").append(zones.size() - limit).append(" more");
      }
    }
    for (ShadowedRule s : shadowed) {
      out.append("\n  shadowed: ").append(s.describe());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toText(20);
  }

  /**
   * A set of label combinations that get no action in a category.
   *
   * @param category the category left empty
   * @param labels dimension id to the labels of this zone (labels the rules treat alike are
   *     grouped); an empty map means every customer
   * @param combinations how many label combinations the zone spans
   */
  public record DeadZone(ActionCategory category, Map<String, List<String>> labels, long combinations) {

    /**
     * Copies the labels.
     *
     * @param category the category left empty
     * @param labels dimension id to the labels of this zone (labels the rules treat alike are
     *     grouped); an empty map means every customer
     * @param combinations how many label combinations the zone spans
     */
    public DeadZone {
      Objects.requireNonNull(category, "category");
      labels = Rule.copy(labels);
    }

    /**
     * Describes the zone, for example {@code value=LOW, loyalty=MEDIUM|LOW}.
     *
     * @return the description
     */
    public String describe() {
      if (labels.isEmpty()) {
        return "every customer";
      }
      return labels.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * A rule whose actions in a category can never reach a plan.
   *
   * @param rule the rule's id
   * @param category the category it loses
   * @param coveredBy the ids of the rules that always beat it there (higher priority or vetoes)
   * @param reason a sentence naming them
   */
  public record ShadowedRule(String rule, ActionCategory category, List<String> coveredBy, String reason) {

    /**
     * Copies the list.
     *
     * @param rule the rule's id
     * @param category the category it loses
     * @param coveredBy the ids of the rules that always beat it there (higher priority or vetoes)
     * @param reason a sentence naming them
     */
    public ShadowedRule {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(category, "category");
      coveredBy = List.copyOf(coveredBy);
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * Describes the finding in one line.
     *
     * @return for example {@code rule 'loyalty-high' never wins SERVICE: ...}
     */
    public String describe() {
      return "rule '" + rule + "' never wins " + category + ": " + reason;
    }
  }
}
