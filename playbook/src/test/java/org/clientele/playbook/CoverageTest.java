package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import org.clientele.api.ActionCategory;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.junit.jupiter.api.Test;

/** Dead zones and shadowed rules, on a deliberately broken playbook. */
class CoverageTest {

  private static final List<Dimension> DIMS = List.of(VALUE, LOYALTY, RISK);

  /**
   * Broken on purpose: nothing prices IMPORTANT, POTENTIAL or LOW customers, and a veto leaves
   * HIGH-risk CORE customers without pricing; nobody serves POTENTIAL customers; NORMAL and
   * UNRATED risk get no risk control; loyal-care and big-spender-service hide behind
   * vip-service; promo-price is always vetoed; impossible contradicts itself.
   */
  private static final String BROKEN = """
      {'coverage': '%s', 'rules': [
        {'id': 'vip-service', 'priority': 50, 'when': {'value': ['CORE', 'IMPORTANT']}, 'rationale': 'r',
         'actions': [{'code': 'vip', 'category': 'service', 'description': 'd'}]},
        {'id': 'loyal-care', 'priority': 40, 'when': {'value': 'CORE', 'loyalty': ['HIGH', 'MEDIUM']}, 'rationale': 'r',
         'actions': [{'code': 'care', 'category': 'service', 'description': 'd'}]},
        {'id': 'low-standard', 'priority': 50, 'when': {'value': 'LOW'}, 'rationale': 'r',
         'actions': [{'code': 'standard', 'category': 'service', 'description': 'd'}]},
        {'id': 'big-spender-service', 'priority': 30, 'when': {'value': 'CORE'}, 'rationale': 'r',
         'features': [{'feature': 'revenue_12m', 'op': '>', 'value': 1000}],
         'actions': [{'code': 'concierge', 'category': 'service', 'description': 'd'}]},
        {'id': 'credit', 'priority': 10, 'when': {'risk': 'LOW'}, 'rationale': 'r',
         'actions': [{'code': 'credit-terms', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'prepay', 'priority': 10, 'when': {'risk': 'HIGH'}, 'rationale': 'r', 'vetoes': ['big-discount', 'promo-price'],
         'actions': [{'code': 'prepayment', 'category': 'risk-control', 'description': 'd'}]},
        {'id': 'core-discount', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r',
         'actions': [{'code': 'big-discount', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'high-risk-promo', 'priority': 60, 'when': {'risk': 'HIGH'}, 'rationale': 'r',
         'actions': [{'code': 'promo-price', 'category': 'pricing', 'description': 'd'}]},
        {'id': 'impossible', 'priority': 5, 'when': {'value': 'CORE'}, 'unless': {'value': 'CORE'}, 'rationale': 'r',
         'actions': [{'code': 'never', 'category': 'service', 'description': 'd'}]},
        {'id': 'baseline', 'priority': 0, 'rationale': 'r', 'actions': [
          {'code': 'catalogue', 'category': 'product', 'description': 'd'},
          {'code': 'email', 'category': 'channel', 'description': 'd'},
          {'code': 'newsletter', 'category': 'promotion', 'description': 'd'},
          {'code': 'yearly-call', 'category': 'follow-up', 'description': 'd'}]}
      ]}
      """;

  @Test
  void theReportNamesTheExactCombinationsWithoutAnActionPerCategory() {
    CoverageReport report = Playbook.create(Fixtures.config(BROKEN.formatted("off")), DIMS).coverage();

    assertThat(report.dimensions()).containsExactly("value", "loyalty", "risk");
    assertThat(report.combinations()).isEqualTo(4 * 3 * 4);
    assertThat(report.deadZones()).extracting(z -> z.category() + ": " + z.describe() + " (" + z.combinations() + ")")
        .containsExactly(
            "PRICING: value=CORE, risk=HIGH (3)",
            "PRICING: value=IMPORTANT|POTENTIAL|LOW (36)",
            "SERVICE: value=POTENTIAL (12)",
            "RISK_CONTROL: risk=NORMAL|UNRATED (24)");
  }

  @Test
  void theReportNamesEveryShadowedRuleAndWhatHidesIt() {
    CoverageReport report = Playbook.create(Fixtures.config(BROKEN.formatted("off")), DIMS).coverage();

    assertThat(report.shadowed()).extracting(CoverageReport.ShadowedRule::describe)
        .containsExactly(
            "rule 'high-risk-promo' never wins PRICING: wherever it matches, 'prepay' always wins or vetoes it",
            "rule 'loyal-care' never wins SERVICE: wherever it matches, 'vip-service' always wins or vetoes it",
            "rule 'big-spender-service' never wins SERVICE: wherever it matches, 'vip-service' always wins or vetoes it",
            "rule 'impossible' never wins SERVICE: its label conditions match no combination of labels");
    assertThat(report.shadowed().get(0).coveredBy()).containsExactly("prepay");
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void aRuleWithFeatureConditionsNeverCoversACombinationNorHidesAnother() {
    CoverageReport report = Playbook.create(Fixtures.config("""
        {'coverage': 'off', 'rules': [
          {'id': 'big-basket', 'priority': 90, 'rationale': 'r',
           'features': [{'feature': 'average_order_value', 'op': '>=', 'value': 100}],
           'actions': [{'code': 'premium', 'category': 'promotion', 'description': 'd'}]},
          {'id': 'core', 'priority': 10, 'when': {'value': 'CORE'}, 'rationale': 'r',
           'actions': [{'code': 'vip-events', 'category': 'promotion', 'description': 'd'}]}]}
        """), List.of(VALUE)).coverage();

    assertThat(report.shadowed()).isEmpty();
    assertThat(report.deadZones(ActionCategory.PROMOTION)).extracting(CoverageReport.DeadZone::describe)
        .containsExactly("value=IMPORTANT|POTENTIAL|LOW");
  }

  @Test
  void coverageFailRejectsTheBrokenPlaybookAtLoadTimeWithTheFindings() {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(BROKEN.formatted("fail")), DIMS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clientele.json $.strategy.coverage")
        .hasMessageContaining("dead zone SERVICE: no action for 12 combination(s)")
        .hasMessageContaining("value=POTENTIAL")
        .hasMessageContaining("rule 'loyal-care' never wins SERVICE");
  }

  @Test
  void coverageWarnLoadsTheBrokenPlaybook() {
    assertThat(Playbook.create(Fixtures.config(BROKEN.formatted("warn")), DIMS).rules()).hasSize(10);
  }

  @Test
  void theTextReportListsEachFindingOnItsOwnLine() {
    String text = Playbook.create(Fixtures.config(BROKEN.formatted("off")), DIMS).coverage().toText(1);
    assertThat(text).contains("dead zone PRICING: no action for 39 combination(s)\n    value=CORE, risk=HIGH\n    ... and 1 more");
  }

  @Test
  void coverageFindingsAtLoadAreAmongTheStrategysDiagnosticsAndNotWhenTheCheckIsOff() {
    Playbook warned = Playbook.create(Fixtures.config(BROKEN.formatted("warn")), DIMS);
    Playbook off = Playbook.create(Fixtures.config(BROKEN.formatted("off")), DIMS);

    assertThat(warned.diagnostics()).isNotEmpty().allMatch(d -> d.startsWith("Coverage: "));
    assertThat(warned.diagnostics()).hasSize(warned.coverage().deadZones().size() + warned.coverage().shadowed().size());
    assertThat(warned.diagnostics()).anyMatch(d -> d.contains("loyal-care"));
    assertThat(((org.clientele.api.Strategy) warned).diagnostics()).isEqualTo(warned.diagnostics());
    assertThat(off.diagnostics()).isEmpty();
  }
}
