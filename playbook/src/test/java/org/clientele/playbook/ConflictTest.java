package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;

/** The conflict semantics: vetoes first, then one rule per category by priority, then playbook order. */
class ConflictTest {

  private static final List<Dimension> DIMS = List.of(VALUE, LOYALTY, RISK);

  private static Playbook playbook(String rules) {
    return Playbook.create(Fixtures.config("{'coverage': 'off', 'rules': [" + rules + "]}"), DIMS);
  }

  private static List<Action> plan(Playbook p, String labels) {
    return Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, labels));
  }

  private static List<String> ruleAndCode(List<Action> actions) {
    return actions.stream().map(a -> a.rule() + "/" + a.code()).toList();
  }

  @Test
  void aHighRiskCoreCustomerGetsPrepaymentNotCreditTerms() {
    Playbook p = Playbook.defaults(List.of(VALUE, LOYALTY, Fixtures.LIFECYCLE, RISK));
    var segments = Fixtures.segments(p.dimensions(), "value=CORE loyalty=MEDIUM behaviour=ACTIVE risk=HIGH");

    List<Action> plan = Fixtures.plan(p, Fixtures.NOBODY, segments);
    assertThat(ruleAndCode(plan)).contains("risk-high/prepayment-required", "risk-high/prepaid-pricing")
        .doesNotContain("value-core/preferential-terms", "risk-low/credit-terms");

    PlanTrace.CategoryDecision pricing = p.explain(Fixtures.NOBODY, segments).decision(ActionCategory.PRICING);
    assertThat(pricing.winner()).isEqualTo("risk-high");
    assertThat(pricing.outranked()).containsExactly("value-core");
    assertThat(pricing.vetoed()).isEmpty(); // risk-high won on priority before the veto mattered
  }

  @Test
  void theHighestPriorityMatchingRuleWinsEachCategoryAndLowerRulesKeepTheirOtherCategories() {
    Playbook p = playbook("""
        {'id': 'core', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
          {'code': 'vip-service', 'category': 'service', 'description': 'd'},
          {'code': 'big-discount', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'loyal', 'priority': 60, 'when': {'loyalty': 'HIGH'}, 'rationale': 'r', 'actions': [
          {'code': 'custom-service', 'category': 'service', 'description': 'd'}]}
        """);

    assertThat(ruleAndCode(plan(p, "value=CORE loyalty=HIGH risk=LOW")))
        .containsExactlyInAnyOrder("loyal/custom-service", "core/big-discount");
    assertThat(ruleAndCode(plan(p, "value=CORE loyalty=LOW risk=LOW")))
        .containsExactlyInAnyOrder("core/vip-service", "core/big-discount");
  }

  @Test
  void atEqualPriorityTheRuleListedFirstWins() {
    String first = "{'id': 'first', 'priority': 10, 'rationale': 'r', 'actions': [{'code': 'a', 'category': 'service', 'description': 'd'}]}";
    String second = "{'id': 'second', 'priority': 10, 'rationale': 'r', 'actions': [{'code': 'b', 'category': 'service', 'description': 'd'}]}";

    assertThat(ruleAndCode(plan(playbook(first + "," + second), "value=LOW"))).containsExactly("first/a");
    assertThat(ruleAndCode(plan(playbook(second + "," + first), "value=LOW"))).containsExactly("second/b");
  }

  @Test
  void aVetoHoldsWhateverThePriorityAndTheCategoryFallsToTheNextRule() {
    Playbook p = playbook("""
        {'id': 'core-terms', 'priority': 200, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
          {'code': 'credit-terms', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'standard', 'priority': 0, 'rationale': 'r', 'actions': [
          {'code': 'list-price', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'risk-cap', 'priority': 1, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'vetoes': ['credit-terms'], 'actions': [
          {'code': 'prepayment', 'category': 'risk-control', 'description': 'd'}]}
        """);
    var segments = Fixtures.segments(DIMS, "value=CORE risk=HIGH");

    assertThat(ruleAndCode(plan(p, "value=CORE risk=HIGH")))
        .containsExactlyInAnyOrder("standard/list-price", "risk-cap/prepayment");
    assertThat(ruleAndCode(plan(p, "value=CORE risk=LOW"))).containsExactly("core-terms/credit-terms");
    PlanTrace.CategoryDecision pricing = p.explain(Fixtures.NOBODY, segments).decision(ActionCategory.PRICING);
    assertThat(pricing.winner()).isEqualTo("standard");
    assertThat(pricing.vetoed()).containsExactly("credit-terms (rule core-terms) vetoed by risk-cap");
  }

  @Test
  void explainPlanSaysRuleByRuleWhichWonWhichWasOutrankedAndWhichWasVetoedAndByWhat() {
    Playbook p = playbook("""
        {'id': 'core-terms', 'priority': 200, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
          {'code': 'credit-terms', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'standard', 'priority': 0, 'rationale': 'r', 'actions': [
          {'code': 'list-price', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'risk-cap', 'priority': 1, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'vetoes': ['credit-terms'], 'actions': [
          {'code': 'prepayment', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'risk-review', 'priority': 0, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'actions': [
          {'code': 'review', 'category': 'risk-control', 'description': 'd'}]}
        """);
    var segments = Fixtures.segments(DIMS, "value=CORE risk=HIGH");

    PlanExplanation e = p.explainPlan(Fixtures.NOBODY, segments);

    assertThat(e.explained()).isTrue();
    assertThat(e.rules()).extracting(r -> r.status() + " " + r.ruleId() + "/" + r.actionCode() + " " + r.category())
        .containsExactly(
            "VETOED core-terms/credit-terms PRICING",
            "MATCHED_WINNER standard/list-price PRICING",
            "MATCHED_WINNER risk-cap/prepayment RISK_CONTROL",
            "OUTRANKED risk-review/review RISK_CONTROL");
    assertThat(e.rules(RuleStatus.VETOED)).singleElement().extracting(RuleEntry::sentence)
        .isEqualTo("Action credit-terms of rule core-terms was vetoed by rule risk-cap.");
    assertThat(e.rules(RuleStatus.OUTRANKED)).singleElement().extracting(RuleEntry::sentence)
        .isEqualTo("Rule risk-review (priority 0) was outranked in risk-control by rule risk-cap (priority 1):"
            + " review is not in the plan.");
    assertThat(e.rules(RuleStatus.MATCHED_WINNER)).extracting(RuleEntry::actionCode)
        .containsExactlyElementsOf(Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, segments)));
  }

  @Test
  void aPartlyVetoedRuleStillWinsWithItsRemainingActions() {
    Playbook p = playbook("""
        {'id': 'core', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [
          {'code': 'credit-terms', 'category': 'pricing', 'description': 'd'},
          {'code': 'volume-discount', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'standard', 'priority': 0, 'rationale': 'r', 'actions': [{'code': 'list-price', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'cap', 'priority': 0, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'vetoes': ['credit-terms']}
        """);
    assertThat(ruleAndCode(plan(p, "value=CORE risk=HIGH"))).containsExactly("core/volume-discount");
  }

  @Test
  void everyActionNamesItsRuleAndCarriesItsPriority() {
    Playbook p = Playbook.defaults(DIMS);
    for (Action a : plan(p, "value=CORE loyalty=HIGH risk=NORMAL")) {
      Rule rule = p.rule(a.rule());
      assertThat(rule).as(a.code()).isNotNull();
      assertThat(rule.actions()).contains(a);
      assertThat(a.priority()).isEqualTo(rule.priority());
    }
  }

  @Test
  void unclassifiedMatchesOnlyARuleThatListsIt() {
    Playbook p = playbook("""
        {'id': 'not-high', 'priority': 10, 'unless': {'risk': 'HIGH'}, 'rationale': 'r', 'actions': [{'code': 'credit', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'failed', 'priority': 5, 'when': {'risk': 'UNCLASSIFIED'}, 'rationale': 'r', 'actions': [{'code': 'manual-review', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'core', 'priority': 5, 'when': {'value': 'CORE'}, 'rationale': 'r', 'actions': [{'code': 'vip', 'category': 'service', 'description': 'd'}]}
        """);
    assertThat(ruleAndCode(plan(p, "value=UNCLASSIFIED risk=UNCLASSIFIED"))).containsExactly("failed/manual-review");
    assertThat(ruleAndCode(plan(p, "value=CORE risk=NORMAL"))).containsExactlyInAnyOrder("not-high/credit", "core/vip");
    assertThat(ruleAndCode(plan(p, "value=CORE risk=HIGH"))).containsExactly("core/vip");
  }

  @Test
  void featureConditionsCompareAtTheThresholdAndTreatMissingAsNoMatchUnlessTold() {
    Playbook p = playbook("""
        {'id': 'big-basket', 'priority': 10, 'rationale': 'r',
         'features': [{'feature': 'average_order_value', 'op': '>=', 'value': 100}],
         'actions': [{'code': 'premium', 'category': 'promotion', 'description': 'd'}]},
        {'id': 'no-complaints', 'priority': 10, 'rationale': 'r',
         'features': [{'feature': 'complaints_12m', 'op': '<', 'value': 1, 'ifMissing': true}],
         'actions': [{'code': 'referral', 'category': 'channel', 'description': 'd'}]},
        {'id': 'online', 'priority': 10, 'rationale': 'r',
         'features': [{'feature': 'channel', 'op': '=', 'value': 'online'}],
         'actions': [{'code': 'email', 'category': 'follow-up', 'description': 'd'}]}
        """);
    var segments = Fixtures.segments(DIMS, "value=LOW");

    assertThat(Fixtures.codes(Fixtures.plan(p, aov(99.99), segments))).containsExactly("referral");
    assertThat(Fixtures.codes(Fixtures.plan(p, aov(100), segments))).containsExactlyInAnyOrder("premium", "referral");
    assertThat(Fixtures.codes(Fixtures.plan(p, aov(100.01), segments))).containsExactlyInAnyOrder("premium", "referral");
    Customer complained = Customer.builder("C").set(StandardFeatures.COMPLAINTS_12M, 2.0).set(StandardFeatures.CHANNEL, "online").build();
    assertThat(Fixtures.codes(Fixtures.plan(p, complained, segments))).containsExactly("email");
    Customer offline = Customer.builder("C").set(StandardFeatures.CHANNEL, "offline").build();
    assertThat(Fixtures.codes(Fixtures.plan(p, offline, segments))).containsExactly("referral");
  }

  @Test
  void aPlaybookReadsLabelsOnlyUntilARuleHasAFeatureCondition() {
    assertThat(Playbook.defaults(DIMS).planReadsLabelsOnly()).isTrue();
    assertThat(playbook("""
        {'id': 'core', 'priority': 10, 'when': {'value': 'CORE'}, 'rationale': 'r',
         'actions': [{'code': 'call', 'category': 'channel', 'description': 'd'}]}
        """).planReadsLabelsOnly()).isTrue();
    assertThat(playbook("""
        {'id': 'core', 'priority': 10, 'when': {'value': 'CORE'}, 'rationale': 'r',
         'actions': [{'code': 'call', 'category': 'channel', 'description': 'd'}]},
        {'id': 'big-basket', 'priority': 10, 'rationale': 'r',
         'features': [{'feature': 'average_order_value', 'op': '>=', 'value': 100}],
         'actions': [{'code': 'premium', 'category': 'promotion', 'description': 'd'}]}
        """).planReadsLabelsOnly()).isFalse();
  }

  private static Customer aov(double value) {
    return Customer.builder("C").set(StandardFeatures.AVERAGE_ORDER_VALUE, value).build();
  }
}
