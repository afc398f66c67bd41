package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.clientele.api.PlanSink;
import org.clientele.api.Segments;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.junit.jupiter.api.Test;

/** Engine.explain carries the strategy's own explanation of the plan; the engine shows its diagnostics. */
class StrategyExplanationTest {

  private static final Customer HIGH = Customer.builder("high").set(StandardFeatures.REVENUE_12M, 5_000.0).build();
  private static final Customer EXPLAIN_FAILS =
      Customer.builder("explain-fails").set(StandardFeatures.REVENUE_12M, 5_000.0).build();

  /** "explaining": a call for HIGH, an email otherwise, and says which rule won; one load-time finding. */
  static final class ExplainingProvider implements StrategyProvider {
    static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 10, "high", "High value");
    static final Action EMAIL = new Action("email", ActionCategory.PROMOTION, "Email", 1, "other", "Default");
    static final String GAP = "Coverage: no SERVICE action for threshold=LOW";

    @Override
    public String name() {
      return "explaining";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      int high = dimensions.get(0).indexOf("HIGH");
      return new Strategy() {
        @Override
        public void plan(Customer customer, Segments segments, PlanSink out) {
          out.add(segments.labelIndex(0) == high ? CALL : EMAIL);
        }

        @Override
        public PlanExplanation explainPlan(Customer customer, Segments segments) {
          if (customer.id().equals("explain-fails")) {
            throw new IllegalStateException("explain boom for " + customer.id());
          }
          Action a = segments.labelIndex(0) == high ? CALL : EMAIL;
          return PlanExplanation.of(List.of(
              new RuleEntry(a.rule(), a.code(), a.category(), RuleStatus.MATCHED_WINNER, "Rule " + a.rule() + " won."),
              new RuleEntry("quiet", "sms", ActionCategory.CHANNEL, RuleStatus.OUTRANKED, "Rule quiet was outranked.")));
        }

        @Override
        public List<String> diagnostics() {
          return List.of("Rule 'legacy' dropped: dimension 'loyalty' is not configured", GAP);
        }

        @Override
        public List<String> warnings() {
          return List.of(GAP);
        }
      };
    }
  }

  private static Engine engine(String strategy, String policy) {
    return Engine.builder()
        .register(new ExplainingProvider())
        .configuration(
            "{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"" + strategy + "\"},"
                + " \"errorPolicy\": \"" + policy + "\"}",
            "cfg.json")
        .build();
  }

  @Test
  void explainCarriesTheStrategysRuleByRuleExplanationOfThePlanItShows() {
    Engine engine = engine("explaining", "fallback");

    Explanation e = engine.explain(HIGH);

    assertThat(e.plan().actions()).containsExactly(ExplainingProvider.CALL);
    assertThat(e.planExplanation().explained()).isTrue();
    assertThat(e.planExplanation().rules(RuleStatus.MATCHED_WINNER))
        .extracting(RuleEntry::ruleId, RuleEntry::actionCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("high", "call"));
    assertThat(e.planExplanation().rules(RuleStatus.OUTRANKED)).extracting(RuleEntry::ruleId).containsExactly("quiet");
  }

  @Test
  void aStrategyThatDoesNotExplainItselfLeavesThePlanUnexplainedAndHasNoDiagnostics() {
    Engine engine = engine("simple", "fallback");

    Explanation e = engine.explain(HIGH);

    assertThat(e.plan().actions()).isNotEmpty();
    assertThat(e.planExplanation()).isEqualTo(PlanExplanation.notExplained());
    assertThat(e.planExplanation().explained()).isFalse();
    assertThat(engine.strategyDiagnostics()).isEmpty();
  }

  @Test
  void theEngineShowsTheStrategysLoadTimeDiagnostics() {
    assertThat(engine("explaining", "fallback").strategyDiagnostics())
        .containsExactly("Rule 'legacy' dropped: dimension 'loyalty' is not configured", ExplainingProvider.GAP);
  }

  @Test
  void aFailingExplanationKeepsThePlanLeavesItUnexplainedAndIsCounted() {
    Engine engine = engine("explaining", "fallback");

    Explanation e = engine.explain(EXPLAIN_FAILS);

    assertThat(e.plan().actions()).containsExactly(ExplainingProvider.CALL);
    assertThat(e.planExplanation()).isEqualTo(PlanExplanation.notExplained());
    assertThat(engine.errorCounts().get("strategy")).isEqualTo(1L);
    assertThatThrownBy(() -> engine("explaining", "fail-fast").explain(EXPLAIN_FAILS))
        .isInstanceOf(ClassificationException.class)
        .hasMessageStartingWith("Strategy (provider 'explaining', ")
        .hasMessageNotContaining("explain-fails");
  }

  @Test
  void anUnexplainedValueHoldsNoRules() {
    assertThatThrownBy(() -> new PlanExplanation(false, List.of(
            new RuleEntry("r", "a", null, RuleStatus.VETOED, "s"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A run validates its configuration (creating the strategy) and then builds the engine (creating
   * it again): the strategy's warnings are logged once, by the build, and kept on the engine.
   */
  @Test
  void theStrategysWarningsAreLoggedOnceByTheBuildNotByValidation() {
    EngineBuilder builder = Engine.builder()
        .register(new ExplainingProvider())
        .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"explaining\"}}", "cfg.json");
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    Validation validation;
    Engine engine;
    try {
      validation = builder.validate();
      engine = builder.build();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(log.split(java.util.regex.Pattern.quote(ExplainingProvider.GAP), -1)).as(log).hasSize(2);
    assertThat(log).contains("WARN org.clientele.core.Engine - " + ExplainingProvider.GAP);
    assertThat(engine.strategyWarnings()).containsExactly(ExplainingProvider.GAP);
    assertThat(validation.strategyDiagnostics()).contains(ExplainingProvider.GAP);
  }
}
