package org.clientele.playbook.outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.clientele.api.Action;

/**
 * Collects outcomes of planned actions and summarises them per rule, per action and per segment,
 * closing the strategy cycle: plan, carry out, evaluate, adjust. Thread-safe.
 *
 * <pre>{@code
 * OutcomeLog log = new OutcomeLog();
 * log.record(Outcome.of("C-1", action, Map.of("value", "CORE"), Response.ACCEPTED, 1200.0));
 * OutcomeSummary summary = log.summary();
 * summary.byRule();      // which rules worked
 * summary.bySegment();   // which segments responded, e.g. "value=CORE"
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OutcomeLog {

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** Creates an empty log. */
  public OutcomeLog() {}

  /**
   * Records one outcome.
   *
   * @param outcome the outcome
   * @return this log
   */
  public OutcomeLog record(Outcome outcome) {
    outcomes.add(Objects.requireNonNull(outcome, "outcome"));
    return this;
  }

  /**
   * Records one outcome of a planned action.
   *
   * @param customerId the customer
   * @param action the action from the plan
   * @param segments the customer's labels by dimension id
   * @param response what the customer did
   * @param revenueAfter revenue after the action
   * @return this log
   */
  public OutcomeLog record(
      String customerId, Action action, Map<String, String> segments, Response response, double revenueAfter) {
    return record(Outcome.of(customerId, action, segments, response, revenueAfter));
  }

  /**
   * Returns the outcomes recorded so far.
   *
   * @return a snapshot, in recording order
   */
  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * Summarises the outcomes recorded so far.
   *
   * @return the summary
   */
  public OutcomeSummary summary() {
    return summarise(outcomes);
  }

  /**
   * Summarises any collection of outcomes.
   *
   * @param outcomes the outcomes
   * @return the summary, each list sorted by key
   */
  public static OutcomeSummary summarise(Collection<Outcome> outcomes) {
    List<Outcome> all = List.copyOf(outcomes);
    return new OutcomeSummary(
        rows(all, o -> List.of(o.rule())),
        rows(all, o -> List.of(o.action())),
        rows(all, OutcomeLog::segmentKeys),
        rows(all, o -> segmentKeys(o).stream().map(s -> o.rule() + " | " + s).toList()));
  }

  private static List<String> segmentKeys(Outcome o) {
    return new TreeMap<>(o.segments()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static List<OutcomeSummary.Row> rows(List<Outcome> all, Function<Outcome, List<String>> keys) {
    Map<String, Acc> byKey = new TreeMap<>();
    for (Outcome o : all) {
      for (String key : keys.apply(o)) {
        byKey.computeIfAbsent(key, k -> new Acc()).add(o);
      }
    }
    List<OutcomeSummary.Row> out = new ArrayList<>();
    byKey.forEach((k, a) -> out.add(a.row(k)));
    return out;
  }

  private static final class Acc {
    long actions;
    long accepted;
    long declined;
    long noResponse;
    double revenue;
    final java.util.Set<String> customers = new java.util.HashSet<>();

    void add(Outcome o) {
      actions++;
      switch (o.response()) {
        case ACCEPTED -> accepted++;
        case DECLINED -> declined++;
        case NO_RESPONSE -> noResponse++;
      }
      // Revenue after is per customer, not per action: count it once per customer and key.
      if (customers.add(o.customerId())) {
        revenue += o.revenueAfter();
      }
    }

    OutcomeSummary.Row row(String key) {
      return new OutcomeSummary.Row(key, actions, accepted, declined, noResponse, customers.size(), revenue);
    }
  }
}
