package org.clientele.playbook.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {

  private static final Action VIP = new Action("vip-events", ActionCategory.PROMOTION, "d", 70, "value-core", "r");
  private static final Action WIN_BACK = new Action("win-back-offer", ActionCategory.PROMOTION, "d", 65, "behaviour-retention", "r");
  private static final Action CARE = new Action("vip-service", ActionCategory.SERVICE, "d", 70, "value-core", "r");

  @Test
  void summarisesPerRulePerActionAndPerSegment() {
    OutcomeLog log = new OutcomeLog()
        .record("c1", VIP, Map.of("value", "CORE", "risk", "LOW"), Response.ACCEPTED, 1000)
        .record("c1", CARE, Map.of("value", "CORE", "risk", "LOW"), Response.ACCEPTED, 1000)
        .record("c2", VIP, Map.of("value", "CORE", "risk", "HIGH"), Response.DECLINED, 0)
        .record("c3", WIN_BACK, Map.of("value", "LOW", "risk", "LOW"), Response.NO_RESPONSE, 50);

    OutcomeSummary s = log.summary();

    OutcomeSummary.Row core = OutcomeSummary.find(s.byRule(), "value-core");
    assertThat(core).isNotNull();
    assertThat(core.actions()).isEqualTo(3);
    assertThat(core.accepted()).isEqualTo(2);
    assertThat(core.declined()).isEqualTo(1);
    assertThat(core.customers()).isEqualTo(2);
    assertThat(core.revenueAfter()).isEqualTo(1000); // c1's revenue counted once, not per action
    assertThat(core.acceptanceRate()).isCloseTo(2.0 / 3, within(1e-9));

    assertThat(s.byAction()).extracting(OutcomeSummary.Row::key).containsExactly("vip-events", "vip-service", "win-back-offer");
    assertThat(s.bySegment()).extracting(OutcomeSummary.Row::key)
        .containsExactly("risk=HIGH", "risk=LOW", "value=CORE", "value=LOW");
    assertThat(OutcomeSummary.find(s.byRuleAndSegment(), "value-core | risk=HIGH").declined()).isEqualTo(1);
    assertThat(s.revenuePerCustomer("value")).containsExactly(Map.entry("CORE", 500.0), Map.entry("LOW", 50.0));
  }

  @Test
  void anOutcomeWithNegativeRevenueIsRejectedNamingTheCustomerAndAction() {
    assertThatThrownBy(() -> Outcome.of("c9", VIP, Map.of(), Response.ACCEPTED, -1))
        .hasMessageContaining("customer 'c9', action 'vip-events': revenueAfter must be");
  }
}
