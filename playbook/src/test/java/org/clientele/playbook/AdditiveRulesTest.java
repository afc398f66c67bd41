package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Dimension;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.junit.jupiter.api.Test;

/**
 * Rules with {@code "combine": "also"} add their actions beside a category's winner instead of
 * displacing it; vetoes still apply, a code is in a plan once, and coverage counts them.
 */
class AdditiveRulesTest {

  private static final List<Dimension> DIMS = List.of(VALUE, LOYALTY, RISK);

  private static final String RULES = """
      {'id': 'core-care', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
        {'code': 'vip-service', 'category': 'service', 'description': 'd'}]},
      {'id': 'loyal-care', 'priority': 40, 'when': {'loyalty': 'HIGH'}, 'rationale': 'r', 'actions': [
        {'code': 'loyal-service', 'category': 'service', 'description': 'd'}]},
      {'id': 'helpdesk', 'priority': 10, 'combine': 'also', 'rationale': 'r', 'actions': [
        {'code': 'helpdesk', 'category': 'service', 'description': 'd'}]},
      {'id': 'core-vip-too', 'priority': 5, 'combine': 'also', 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
        {'code': 'vip-service', 'category': 'service', 'description': 'd'}]},
      {'id': 'risky', 'priority': 100, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'vetoes': ['helpdesk'], 'actions': [
        {'code': 'prepay', 'category': 'risk-control', 'description': 'd'}]}
      """;

  private static Playbook playbook(String coverage, String rules) {
    return Playbook.create(Fixtures.config("{'coverage': '" + coverage + "', 'rules': [" + rules + "]}"), DIMS);
  }

  private static List<String> ruleAndCode(Playbook p, String labels) {
    return Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, labels)).stream().map(a -> a.rule() + "/" + a.code()).toList();
  }

  @Test
  void anAdditiveRuleAddsItsActionBesideTheWinnerWhateverItsPriority() {
    Playbook p = playbook("off", RULES);
    assertThat(ruleAndCode(p, "value=CORE loyalty=HIGH risk=LOW"))
        .containsExactly("core-care/vip-service", "helpdesk/helpdesk");
    // With no competing winner, the additive rule's action is still in the plan.
    assertThat(ruleAndCode(p, "value=LOW loyalty=LOW risk=LOW")).containsExactly("helpdesk/helpdesk");
  }

  @Test
  void vetoesApplyToAdditiveActionsAndACodeIsInThePlanOnce() {
    Playbook p = playbook("off", RULES);
    assertThat(ruleAndCode(p, "value=CORE loyalty=HIGH risk=HIGH"))
        .containsExactly("core-care/vip-service", "risky/prepay");
    // core-vip-too offers vip-service, which the winner already put in the plan.
    assertThat(Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, "value=CORE risk=LOW"))))
        .containsOnlyOnce("vip-service");
  }

  @Test
  void theTraceAndTheExplanationShowWhatWasAddedBesideTheWinner() {
    Playbook p = playbook("off", RULES);
    var segments = Fixtures.segments(DIMS, "value=CORE loyalty=HIGH risk=HIGH");

    PlanTrace.CategoryDecision service = p.explain(Fixtures.NOBODY, segments).decision(ActionCategory.SERVICE);
    assertThat(service.winner()).isEqualTo("core-care");
    assertThat(service.added()).isEmpty();
    assertThat(service.vetoed()).containsExactly("helpdesk (rule helpdesk) vetoed by risky");

    var low = Fixtures.segments(DIMS, "value=CORE loyalty=HIGH risk=LOW");
    assertThat(p.explain(Fixtures.NOBODY, low).decision(ActionCategory.SERVICE).added()).extracting(Action::code)
        .containsExactly("helpdesk");
    PlanExplanation e = p.explainPlan(Fixtures.NOBODY, low);
    assertThat(e.rules(RuleStatus.MATCHED_ALSO)).extracting(RuleEntry::sentence).containsExactly(
        "Rule helpdesk (priority 10, combine also) added helpdesk to service beside the winner core-care.");
    assertThat(e.rules(RuleStatus.OUTRANKED)).extracting(RuleEntry::ruleId).containsExactly("loyal-care");
  }

  @Test
  void anAdditiveRuleCoversACategoryAndIsShadowedOnlyWhenVetoesTakeAllItsActions() {
    String rules = """
        {'id': 'risk-any', 'priority': 1, 'rationale': 'r', 'actions': [{'code': 'check', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'helpdesk', 'priority': 1, 'combine': 'also', 'rationale': 'r', 'actions': [
          {'code': 'helpdesk', 'category': 'service', 'description': 'd'}]},
        {'id': 'core-extra', 'priority': 1, 'combine': 'also', 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
          {'code': 'extra', 'category': 'product', 'description': 'd'}]},
        {'id': 'no-extra-for-core', 'priority': 1, 'when': {'value': 'CORE'}, 'rationale': 'r', 'vetoes': ['extra']}
        """;
    CoverageReport report = playbook("off", rules).coverage();

    assertThat(report.deadZones()).extracting(CoverageReport.DeadZone::category)
        .doesNotContain(ActionCategory.SERVICE, ActionCategory.RISK_CONTROL)
        .contains(ActionCategory.PRODUCT);
    assertThat(report.shadowed()).singleElement().satisfies(s -> {
      assertThat(s.rule()).isEqualTo("core-extra");
      assertThat(s.describe()).isEqualTo(
          "rule 'core-extra' never wins PRODUCT: it adds its actions beside the winner, but wherever it matches 'no-extra-for-core' veto them");
    });
  }

  @Test
  void aCombineValueOtherThanCompeteOrAlsoIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> playbook("off",
            "{'id': 'a', 'priority': 1, 'combine': 'add', 'rationale': 'r', 'actions': [{'code': 'x', 'category': 'service', 'description': 'd'}]}"))
        .hasMessageContaining("$.strategy.rules[0].combine: rule 'a': expected one of [compete, also], found \"add\"");
  }
}
