package org.clientele.playbook.outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What worked: outcome counts and revenue per rule, per action, per segment label and per rule
 * within each segment label. To measure a rule against a control group and budget from the
 * measured response, see sdk-core's {@code org.clientele.core.cycle} ({@code OutcomeAnalysis},
 * {@code ResponseBudget}).
 *
 * @param byRule one row per rule id
 * @param byAction one row per action code
 * @param bySegment one row per segment label, keyed {@code dimension=LABEL}
 * @param byRuleAndSegment one row per rule and segment label, keyed {@code rule | dimension=LABEL}
 * @since 0.1.0
 */
public record OutcomeSummary(
    List<Row> byRule, List<Row> byAction, List<Row> bySegment, List<Row> byRuleAndSegment) {

  /**
   * Copies the lists.
   *
   * @param byRule one row per rule id
   * @param byAction one row per action code
   * @param bySegment one row per segment label, keyed {@code dimension=LABEL}
   * @param byRuleAndSegment one row per rule and segment label, keyed {@code rule | dimension=LABEL}
   */
  public OutcomeSummary {
    byRule = List.copyOf(byRule);
    byAction = List.copyOf(byAction);
    bySegment = List.copyOf(bySegment);
    byRuleAndSegment = List.copyOf(byRuleAndSegment);
  }

  /**
   * Returns revenue after per customer for each label of one dimension: an expected value per
   * customer to use as a segment weight.
   *
   * @param dimension a dimension id, for example {@code value}
   * @return label to revenue per customer, in key order
   */
  public Map<String, Double> revenuePerCustomer(String dimension) {
    Map<String, Double> out = new LinkedHashMap<>();
    String prefix = dimension + "=";
    for (Row r : bySegment) {
      if (r.key().startsWith(prefix)) {
        out.put(r.key().substring(prefix.length()), r.revenuePerCustomer());
      }
    }
    return out;
  }

  /**
   * Finds a row by key in a list.
   *
   * @param rows one of this summary's lists
   * @param key the key
   * @return the row, or null if absent
   */
  public static @org.jspecify.annotations.Nullable Row find(List<Row> rows, String key) {
    for (Row r : rows) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Counts and revenue for one key.
   *
   * @param key the rule id, action code, {@code dimension=LABEL}, or {@code rule | dimension=LABEL}
   * @param actions how many actions were recorded
   * @param accepted how many were accepted
   * @param declined how many were declined
   * @param noResponse how many got no response
   * @param customers how many distinct customers they reached
   * @param revenueAfter the revenue after, counted once per customer
   */
  public record Row(
      String key, long actions, long accepted, long declined, long noResponse, long customers, double revenueAfter) {

    /**
     * Checks the key.
     *
     * @param key the rule id, action code, {@code dimension=LABEL}, or {@code rule | dimension=LABEL}
     * @param actions how many actions were recorded
     * @param accepted how many were accepted
     * @param declined how many were declined
     * @param noResponse how many got no response
     * @param customers how many distinct customers they reached
     * @param revenueAfter the revenue after, counted once per customer
     */
    public Row {
      Objects.requireNonNull(key, "key");
    }

    /**
     * Returns the share of actions accepted.
     *
     * @return accepted / actions, or 0 if none
     */
    public double acceptanceRate() {
      return actions == 0 ? 0 : (double) accepted / actions;
    }

    /**
     * Returns the revenue after per customer reached.
     *
     * @return revenueAfter / customers, or 0 if none
     */
    public double revenuePerCustomer() {
      return customers == 0 ? 0 : revenueAfter / customers;
    }
  }
}
