package org.clientele.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Action;
import org.clientele.api.Assignment;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.Reason;
import org.clientele.core.Explanation;
import org.clientele.core.internal.Json;

/**
 * An {@link Explanation} as JSON: the customer's id, per dimension the label, score, detail, {@code
 * lackOfData: true} for a label decided for lack of data, and
 * reasons (feature, value, threshold, text), the plan's actions with their rule and rationale, and,
 * when the strategy explains itself, {@code rules}: every rule that matched with its status
 * (winner, outranked, vetoed) and why. A missing score is {@code null}.
 *
 * @since 0.1.0
 */
public final class ExplanationJson {

  private ExplanationJson() {}

  /**
   * Renders an explanation as indented JSON (LF line ends).
   *
   * @param e the explanation
   * @return the JSON text, ending in a newline
   */
  public static String write(Explanation e) {
    return Json.write(toMap(e));
  }

  /**
   * Returns an explanation as JSON-compatible values, in a fixed key order.
   *
   * @param e the explanation
   * @return an ordered map
   */
  public static Map<String, Object> toMap(Explanation e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", e.customerId());
    List<Map<String, Object>> dims = new ArrayList<>();
    for (Assignment a : e.assignments()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("dimension", a.dimension().id());
      d.put("label", a.label());
      d.put("score", Double.isNaN(a.score()) ? null : a.score());
      if (!a.detail().isEmpty()) {
        d.put("detail", a.detail());
      }
      if (a.fallback()) {
        d.put("lackOfData", true);
      }
      List<Map<String, Object>> reasons = new ArrayList<>();
      for (Reason r : a.reasons()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", r.feature());
        m.put("value", r.value());
        m.put("threshold", r.threshold());
        m.put("text", r.text());
        reasons.add(m);
      }
      d.put("reasons", reasons);
      dims.add(d);
    }
    out.put("dimensions", dims);
    List<Map<String, Object>> actions = new ArrayList<>();
    for (Action a : e.plan().actions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", a.code());
      m.put("category", a.category().name());
      m.put("priority", a.priority());
      m.put("description", a.description());
      m.put("rule", a.rule());
      m.put("rationale", a.rationale());
      actions.add(m);
    }
    out.put("actions", actions);
    PlanExplanation p = e.planExplanation();
    if (p.explained()) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (RuleEntry r : p.rules()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.ruleId());
        m.put("action", r.actionCode());
        m.put("category", r.category() == null ? null : r.category().name());
        m.put("status", r.status().name());
        m.put("text", r.sentence());
        rules.add(m);
      }
      out.put("rules", rules);
    }
    return out;
  }
}
