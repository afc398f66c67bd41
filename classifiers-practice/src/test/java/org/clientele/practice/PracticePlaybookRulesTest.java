package org.clientele.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;

/**
 * The rules the module ships join the default playbook only for the configured practice
 * dimensions, keep it free of dead zones and shadowed rules ({@code "coverage": "fail"} would
 * refuse the playbook otherwise), and give the treatment the practice names.
 */
class PracticePlaybookRulesTest {

  private static final String BUILT_INS =
      "\"value\": {\"method\": \"threshold\", \"core\": 50000, \"important\": 10000}, \"loyalty\": {}, \"behaviour\": {}, \"risk\": {}";

  private static Engine engine(String practice) {
    return Engine.builder()
        .configuration("{\"dimensions\": {" + BUILT_INS + practice + "}, \"strategy\": {\"provider\": \"playbook\","
            + " \"coverage\": \"fail\"}}", "clientele.json")
        .build();
  }

  private static List<String> codes(Engine engine, Customer customer) {
    return engine.classify(customer).plan().actions().stream().map(Action::code).toList();
  }

  @Test
  void everyPracticeRuleSetJoinsTheDefaultPlaybookWithoutDeadZonesOrShadowedRules() {
    Engine engine = engine(", \"needs\": {}, \"channel\": {}, \"promotion\": {}");

    assertThat(engine.strategyDiagnostics())
        .anyMatch(d -> d.endsWith("for dimension 'needs' added [needs-solution-account-team, needs-service-level-offer,"
            + " needs-product-range-updates]"))
        .anyMatch(d -> d.endsWith("for dimension 'channel' added [channel-online-contact, channel-offline-contact,"
            + " channel-omnichannel-contact]"))
        .anyMatch(d -> d.contains("for dimension 'promotion' added"))
        .noneMatch(d -> d.startsWith("Coverage:"));
  }

  @Test
  void aRuleSetIsSkippedWhereItsDimensionIsNotConfigured() {
    Engine engine = engine(", \"channel\": {}");

    assertThat(engine.strategyDiagnostics())
        .anyMatch(d -> d.contains("skipped: they are about dimension 'needs', which is not configured"))
        .anyMatch(d -> d.contains("skipped: they are about dimension 'promotion', which is not configured"))
        .anyMatch(d -> d.contains("for dimension 'channel' added"));
    assertThat(codes(engine, Customers.established("C1").set(StandardFeatures.ONLINE_SHARE, 0.9).build()))
        .contains("contact-online");
  }

  @Test
  void theTreatmentFollowsThePractice() {
    Engine engine = engine(", \"needs\": {}, \"channel\": {}, \"promotion\": {}");
    Customer solution = Customers.established("S").set(PracticeFeatures.PROJECT_PURCHASES, 2.0)
        .set(PracticeFeatures.PRODUCT_LINES, 4.0).set(PracticeFeatures.SERVICE_TICKET_SHARE, 0.1)
        .set(StandardFeatures.ONLINE_SHARE, 0.1).build();
    assertThat(codes(engine, solution)).contains("solution-account-team", "project-support", "contact-in-person")
        .doesNotContain("service-level-offer", "contact-online");

    Customer service = Customers.established("V").set(PracticeFeatures.PROJECT_PURCHASES, 0.0)
        .set(PracticeFeatures.PRODUCT_LINES, 1.0).set(PracticeFeatures.SERVICE_TICKET_SHARE, 0.6)
        .set(StandardFeatures.ONLINE_SHARE, 0.5).build();
    assertThat(codes(engine, service)).contains("service-level-offer", "contact-across-channels");

    Customer coupons = Customers.established("R").set(PracticeFeatures.PROMOTIONS_RECEIVED, 10.0)
        .set(PracticeFeatures.PROMOTIONS_REDEEMED, 5.0).build();
    assertThat(codes(engine, coupons)).contains("targeted-coupons").doesNotContain("stop-discount-mailings");
  }

  @Test
  void anUnresponsiveCustomerGetsNoDiscountMailingsWhateverElseMatches() {
    Engine engine = engine(", \"promotion\": {}");
    List<String> discounts = List.of("standard-promotions", "purchase-stimulus", "repeat-purchase-promotion");
    int checked = 0;
    for (Customer c : PracticePopulation.of(7L, 2_000)) {
      Customer responsive = c.toBuilder().set(PracticeFeatures.PROMOTIONS_RECEIVED, 10.0)
          .set(PracticeFeatures.PROMOTIONS_REDEEMED, 5.0).build();
      if (codes(engine, responsive).stream().noneMatch(discounts::contains)) {
        continue;
      }
      checked++;
      Customer unresponsive = c.toBuilder().set(PracticeFeatures.PROMOTIONS_RECEIVED, 10.0)
          .set(PracticeFeatures.PROMOTIONS_REDEEMED, 0.0).build();
      assertThat(codes(engine, unresponsive)).as(c.id())
          .contains("stop-discount-mailings")
          .doesNotContainAnyElementsOf(discounts);
    }
    assertThat(checked).as("customers whose plan holds a discount mailing unless they are unresponsive").isGreaterThan(20);
  }

  @Test
  void aCustomerNeverSentAPromotionGetsNeitherCouponsNorTheStop() {
    Engine engine = engine(", \"promotion\": {}");
    assertThat(codes(engine, Customers.established("N").set(PracticeFeatures.PROMOTIONS_RECEIVED, 0.0).build()))
        .doesNotContain("targeted-coupons", "selective-offers", "stop-discount-mailings");
  }
}
