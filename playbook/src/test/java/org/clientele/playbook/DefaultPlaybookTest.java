package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.playbook.Fixtures.ACTIVITY;
import static org.clientele.playbook.Fixtures.ALL;
import static org.clientele.playbook.Fixtures.INDUSTRY;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RFM;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the default playbook, each in a combination of labels where it wins. */
class DefaultPlaybookTest {

  private static final List<Dimension> ACTIVITY_SCHEME = List.of(VALUE, LOYALTY, ACTIVITY, RISK, RFM, INDUSTRY);

  /**
   * Named cases: labels (unlisted: loyalty MEDIUM, risk LOW), optional features ({@code
   * orders_12m/average_order_value}), expected {@code rule/code} actions, and codes that must be
   * absent.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        row("risk-high", "value=CORE behaviour=ACTIVE risk=HIGH", "",
            List.of("risk-high/prepayment-required", "risk-high/prepaid-pricing"), List.of("preferential-terms")),
        row("high-value-slipping-win-back", "value=IMPORTANT behaviour=AT_RISK", "",
            List.of("high-value-slipping-win-back/account-manager-win-back-call", "high-value-slipping-win-back/personal-retention-offer"), List.of()),
        row("high-value-fickle-relationship", "value=CORE loyalty=LOW behaviour=ACTIVE", "",
            List.of("high-value-fickle-relationship/relationship-review", "high-value-fickle-relationship/service-recovery"), List.of()),
        row("high-value-cooling-visit", "value=CORE behaviour=SWINGING", "",
            List.of("high-value-cooling-visit/account-manager-visit"), List.of("dedicated-account-manager")),
        row("high-value-loyal-rewards", "value=IMPORTANT loyalty=HIGH behaviour=ACTIVE", "",
            List.of("high-value-loyal-rewards/loyalty-rewards"), List.of()),
        row("low-value-loyal-growth", "value=LOW loyalty=HIGH behaviour=ACTIVE", "",
            List.of("low-value-loyal-growth/volume-tier-pricing"), List.of("standard-pricing")),
        row("low-value-fickle-no-win-back (veto falls through to value-low)", "value=LOW loyalty=LOW behaviour=ACTIVE", "",
            List.of("value-low/standard-promotions"), List.of("win-back-offer")),
        row("potential-newcomer-onboarding", "value=POTENTIAL behaviour=NEW", "",
            List.of("potential-newcomer-onboarding/onboarding-needs-assessment"), List.of("usage-guidance")),
        row("low-value-lapsed-reactivation (vetoes the retention call)", "value=LOW behaviour=LOST", "",
            List.of("low-value-lapsed-reactivation/low-cost-reactivation", "value-low/serve-or-convert-review"), List.of("retention-contact")),
        row("purchase-pattern-frequent-big-orders (beside the value tier's winners)", "value=CORE behaviour=ACTIVE purchase_pattern=FREQUENT_BIG_ORDERS", "",
            List.of("purchase-pattern-frequent-big-orders/personalised-recommendations", "purchase-pattern-frequent-big-orders/premium-membership",
                "value-core/personalised-products", "high-value-loyal-rewards/loyalty-rewards"), List.of()),
        row("purchase-pattern-frequent-small-orders", "value=IMPORTANT behaviour=ACTIVE purchase_pattern=FREQUENT_SMALL_ORDERS", "",
            List.of("purchase-pattern-frequent-small-orders/basket-building-bundles", "value-important/cross-sell-recommendations"), List.of()),
        row("purchase-pattern-occasional-big-orders", "value=POTENTIAL behaviour=SWINGING purchase_pattern=OCCASIONAL_BIG_ORDERS", "",
            List.of("purchase-pattern-occasional-big-orders/repurchase-reminder", "value-potential/demand-discovery"), List.of()),
        row("purchase-pattern-occasional-small-orders", "value=LOW behaviour=ACTIVE purchase_pattern=OCCASIONAL_SMALL_ORDERS", "",
            List.of("purchase-pattern-occasional-small-orders/repeat-purchase-promotion", "value-low/standard-promotions"), List.of()),
        row("industry-manufacturing-quality-delivery", "value=CORE behaviour=ACTIVE industry=MANUFACTURING", "",
            List.of("industry-manufacturing-quality-delivery/quality-delivery-commitment",
                "industry-manufacturing-quality-delivery/technical-performance-data", "value-core/vip-service"), List.of()),
        row("industry-services-timeliness", "value=LOW behaviour=ACTIVE industry=PROFESSIONAL_SERVICES", "",
            List.of("industry-services-timeliness/response-time-commitment", "behaviour-active/customised-service"), List.of()),
        row("industry-retail-range-promotions", "value=IMPORTANT behaviour=ACTIVE industry=WHOLESALE_RETAIL", "",
            List.of("industry-retail-range-promotions/range-and-promotion-calendar"), List.of()),
        row("value-core (product, terms, channel, service, follow-up)", "value=CORE behaviour=ACTIVE risk=LOW", "",
            List.of("value-core/personalised-products", "value-core/preferential-terms", "value-core/dedicated-account-manager",
                "value-core/vip-service", "value-core/account-reviews"), List.of()),
        row("value-core (VIP events)", "value=CORE loyalty=LOW behaviour=ACTIVE", "",
            List.of("value-core/vip-events"), List.of()),
        row("behaviour-new", "value=IMPORTANT behaviour=NEW", "",
            List.of("behaviour-new/usage-guidance"), List.of()),
        row("behaviour-prospect", "value=LOW behaviour=PROSPECT", "",
            List.of("behaviour-prospect/proactive-contact", "behaviour-prospect/product-information"), List.of()),
        row("behaviour-retention", "value=POTENTIAL behaviour=AT_RISK", "",
            List.of("behaviour-retention/retention-contact", "behaviour-retention/win-back-offer"), List.of()),
        row("value-important (product, pricing, channel, service, follow-up)", "value=IMPORTANT behaviour=ACTIVE", "",
            List.of("value-important/cross-sell-recommendations", "value-important/volume-discount", "value-important/trade-shows-and-forums",
                "value-important/customer-care", "value-important/regular-follow-up-visits"), List.of()),
        row("value-important (care activities)", "value=IMPORTANT loyalty=LOW behaviour=ACTIVE", "",
            List.of("value-important/care-activities"), List.of()),
        row("loyalty-high", "value=POTENTIAL loyalty=HIGH behaviour=ACTIVE", "",
            List.of("loyalty-high/customised-service", "loyalty-high/customised-offers"), List.of()),
        row("loyalty-low", "value=POTENTIAL loyalty=LOW behaviour=ACTIVE", "",
            List.of("loyalty-low/service-quality-improvement", "loyalty-low/new-products", "loyalty-low/win-back-offer"), List.of()),
        row("loyalty-not-measured (LOW for lack of data: no win-back, no 'may leave' claims)",
            "value=POTENTIAL loyalty=LOW? behaviour=ACTIVE", "",
            List.of("loyalty-not-measured/loyalty-data-check"), List.of("win-back-offer", "service-quality-improvement")),
        row("loyalty-not-measured (a high-value customer is not called fickle)", "value=CORE loyalty=LOW? behaviour=ACTIVE", "",
            List.of("loyalty-not-measured/loyalty-data-check"), List.of("relationship-review", "service-recovery")),
        row("behaviour-active", "value=LOW behaviour=ACTIVE", "",
            List.of("behaviour-active/customised-service", "behaviour-active/periodic-recommendations"), List.of()),
        row("behaviour-keep-in-touch", "value=POTENTIAL behaviour=SWINGING", "",
            List.of("behaviour-keep-in-touch/keep-in-touch", "behaviour-keep-in-touch/purchase-stimulus"), List.of()),
        row("value-potential (product, pricing, channel, promotion)", "value=POTENTIAL behaviour=ACTIVE", "",
            List.of("value-potential/customised-products", "value-potential/growth-pricing", "value-potential/personalised-email-sms",
                "value-potential/personalised-campaign"), List.of()),
        row("value-potential (service, follow-up)", "value=POTENTIAL behaviour=SWINGING", "",
            List.of("value-potential/extra-attention", "value-potential/demand-discovery"), List.of()),
        row("value-low (product, service, follow-up)", "value=LOW behaviour=SWINGING", "",
            List.of("value-low/new-product-trial", "value-low/standard-service", "value-low/serve-or-convert-review"), List.of()),
        row("value-low (pricing, channel, promotion)", "value=LOW loyalty=LOW behaviour=ACTIVE", "",
            List.of("value-low/standard-pricing", "value-low/self-service-channels", "value-low/standard-promotions"), List.of()),
        row("risk-low", "value=CORE risk=LOW", "", List.of("risk-low/credit-terms"), List.of()),
        row("risk-not-assessed (LOW for lack of data: no 'good credit' claim, no credit terms)", "value=CORE risk=LOW?", "",
            List.of("risk-not-assessed/credit-check"), List.of("credit-terms")),
        row("risk-normal", "value=CORE risk=NORMAL", "", List.of("risk-normal/periodic-credit-review"), List.of()),
        row("risk-unrated", "value=CORE risk=UNRATED", "", List.of("risk-unrated/credit-check"), List.of()));
  }

  private static Arguments row(String name, String labels, String features, List<String> expected, List<String> absent) {
    return Arguments.argumentSet(name, labels, features, expected, absent);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void ruleWinsItsCategories(String labels, String features, List<String> expected, List<String> absent) {
    Playbook playbook = Playbook.defaults(ALL);
    List<Action> plan = Fixtures.plan(playbook, customer(features), Fixtures.segments(ALL, "loyalty=MEDIUM risk=LOW " + labels));

    List<String> got = plan.stream().map(a -> a.rule() + "/" + a.code()).toList();
    assertThat(got).containsAll(expected);
    for (String code : absent) {
      assertThat(Fixtures.codes(plan)).doesNotContain(code);
    }
  }

  @Test
  void everyRuleAndEveryActionOfTheDefaultPlaybookHasACase() {
    Set<String> tested = new HashSet<>();
    Set<String> testedRules = new HashSet<>();
    cases().forEach(a -> {
      String name = ((Arguments.ArgumentSet) a).getName();
      testedRules.add(name.split(" ")[0]);
      @SuppressWarnings("unchecked")
      List<String> expected = (List<String>) a.get()[2];
      tested.addAll(expected);
    });
    Playbook playbook = Playbook.defaults(ALL);
    for (Rule rule : playbook.rules()) {
      assertThat(testedRules).as("a case for rule " + rule.id()).contains(rule.id());
      for (Action action : rule.actions()) {
        assertThat(tested).as("a case showing " + rule.id() + "/" + action.code()).contains(rule.id() + "/" + action.code());
      }
    }
    assertThat(playbook.rules()).hasSize(32);
  }

  /** The domain's sector emphasis: each industry rule fires for its sectors only, beside the value tier's plan. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "MANUFACTURING, quality-delivery-commitment",
    "CONSTRUCTION, quality-delivery-commitment",
    "WHOLESALE_RETAIL, range-and-promotion-calendar",
    "PROFESSIONAL_SERVICES, response-time-commitment",
    "HEALTHCARE, response-time-commitment",
    "INFORMATION_TECH, response-time-commitment",
    "AGRICULTURE, ",
    "PUBLIC_ADMINISTRATION, ",
    "UNKNOWN, ",
  })
  void industryRulesFireForTheirSectorOnly(String industry, String expected) {
    Playbook playbook = Playbook.defaults(ALL);
    Set<String> industryCodes = Set.of("quality-delivery-commitment", "technical-performance-data",
        "range-and-promotion-calendar", "response-time-commitment");
    List<Action> plan = Fixtures.plan(playbook, Fixtures.NOBODY,
        Fixtures.segments(ALL, "value=LOW behaviour=ACTIVE risk=LOW industry=" + industry));
    List<String> got = Fixtures.codes(plan).stream().filter(industryCodes::contains).toList();
    if (expected == null) {
      assertThat(got).isEmpty();
    } else {
      assertThat(got).contains(expected).allMatch(c -> c.equals(expected) || c.equals("technical-performance-data"));
    }
    // Additive: the service category's winner (behaviour ACTIVE's) still stands beside the sector's.
    assertThat(Fixtures.codes(plan)).contains("customised-service");
  }

  @Test
  void passiveCustomersUnderTheActivitySchemeAreKeptInTouch() {
    Playbook playbook = Playbook.defaults(ACTIVITY_SCHEME);
    List<Action> plan = Fixtures.plan(playbook, Fixtures.NOBODY, Fixtures.segments(ACTIVITY_SCHEME, "value=LOW loyalty=MEDIUM behaviour=PASSIVE risk=LOW"));
    assertThat(Fixtures.codes(plan)).contains("keep-in-touch", "purchase-stimulus");
  }

  @Test
  void defaultPlaybookIsCleanWithEveryBuiltInDimensionUnderBothBehaviourSchemes() {
    assertThat(Playbook.defaults(ALL).coverage().isClean()).as(Playbook.defaults(ALL).coverage().toString()).isTrue();
    assertThat(Playbook.defaults(ACTIVITY_SCHEME).coverage().isClean()).isTrue();
    // Enumerated: the dimensions competing rules read; industry and purchase_pattern have additive rules only.
    assertThat(Playbook.defaults(ALL).coverage().dimensions())
        .containsExactly("risk", "value", "loyalty", "behaviour");
  }

  @Test
  void withOnlyValueAndRiskTheDefaultPlaybookKeepsItsValueAndRiskRulesAndSaysWhatItDropped() {
    List<Dimension> dims = List.of(VALUE, RISK);
    Playbook playbook = Playbook.defaults(dims);

    assertThat(playbook.rules()).extracting(Rule::id)
        .containsExactly("risk-high", "value-core",
            "value-important", "value-potential", "value-low", "risk-low", "risk-normal", "risk-not-assessed", "risk-unrated");
    assertThat(playbook.diagnostics())
        .contains("Default playbook: rule 'loyalty-high' dropped: dimension 'loyalty' is not configured [value, risk]")
        .anyMatch(d -> d.contains("'high-value-slipping-win-back' dropped: dimension 'behaviour'"));
    assertThat(playbook.coverage().isClean()).isTrue();
    List<Action> plan = Fixtures.plan(playbook, Fixtures.NOBODY, Fixtures.segments(dims, "value=CORE risk=HIGH"));
    assertThat(Fixtures.codes(plan))
        .containsExactlyInAnyOrder("personalised-products", "prepaid-pricing", "dedicated-account-manager", "vip-events",
            "vip-service", "account-reviews", "prepayment-required");
  }

  @Test
  void withOnlyValueTheRiskControlCategoryIsReportedAsADeadZoneForEveryone() {
    Playbook playbook = Playbook.defaults(List.of(VALUE));
    assertThat(playbook.coverage().deadZones()).singleElement().satisfies(z -> {
      assertThat(z.category()).isEqualTo(org.clientele.api.ActionCategory.RISK_CONTROL);
      assertThat(z.describe()).isEqualTo("every customer");
    });
  }

  @Test
  void aRenamedBehaviourDimensionIsMappedWithTheDimensionsKey() {
    Dimension activity = new Dimension("activity", ACTIVITY.labels());
    List<Dimension> dims = List.of(VALUE, activity);
    Playbook playbook = Playbook.create(Fixtures.config(Map.of("dimensions", Map.of("behaviour", "activity"))), dims);
    List<Action> plan = Fixtures.plan(playbook, Fixtures.NOBODY, Fixtures.segments(dims, "value=LOW activity=PROSPECT"));
    assertThat(Fixtures.codes(plan)).contains("proactive-contact");
  }

  private static Customer customer(String features) {
    Customer.Builder b = Customer.builder("C-1");
    if (!features.isEmpty()) {
      String[] p = features.split("/");
      b.set(StandardFeatures.ORDERS_12M, Double.parseDouble(p[0]));
      b.set(StandardFeatures.AVERAGE_ORDER_VALUE, Double.parseDouble(p[1]));
    }
    return b.build();
  }
}
