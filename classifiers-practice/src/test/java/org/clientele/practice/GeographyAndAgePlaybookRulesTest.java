package org.clientele.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.playbook.Playbook;
import org.clientele.testkit.Population;
import org.junit.jupiter.api.Test;

/**
 * The geography and age rules this module ships ({@code META-INF/clientele/playbook-rules.json},
 * one block per dimension) join the default playbook where the dimension is configured, keep its
 * coverage free of dead zones, and change the plans as documented.
 */
class GeographyAndAgePlaybookRulesTest {

  private static final String CONFIG = """
      {
        "dimensions": {
          "value": { "method": "threshold" }, "loyalty": {}, "behaviour": {}, "risk": {}, "industry": {},
          "geography": {}, "age": {}
        }
      }
      """;

  private static final Set<String> VISITS = Set.of("account-manager-visit", "regular-follow-up-visits");

  private static List<String> codes(Engine engine, Customer customer) {
    return engine.classify(customer).plan().actions().stream().map(Action::code).toList();
  }

  private static Customer with(Customer c, String regionType, double age) {
    return c.toBuilder().set(StandardFeatures.REGION_TYPE, regionType).set(StandardFeatures.AGE, age).build();
  }

  @Test
  void theRulesJoinTheDefaultPlaybookAndItsCoverageStaysClean() {
    Engine engine = Engine.builder().configuration(CONFIG, "clientele.json").build();

    assertThat(engine.strategyDiagnostics())
        .anyMatch(d -> d.endsWith(" for dimension 'geography' added [geography-rural-partner-rounds, geography-mountain-remote-contact]"))
        .anyMatch(d -> d.endsWith(" for dimension 'age' added [age-under-20-consent-first, age-20-39-mobile-first,"
            + " age-40-49-email-and-phone, age-50-plus-personal-contact]"));
    Playbook playbook = Playbook.defaults(engine.dimensions());
    assertThat(playbook.coverage().isClean()).as(playbook.coverage().toText(20)).isTrue();
    // Their rules veto actions: the analysis enumerates their labels to place the vetoes exactly.
    assertThat(playbook.coverage().dimensions()).contains("geography", "age");
  }

  @Test
  void withEveryDimensionOfTheDemoTheCoverageIsStillAnalysedAndClean() {
    // Twelve dimensions made 5,529,600 classes of label combinations, over the analysis' limit: the
    // demo warned "coverage: not analysed" twice. Additive rules without vetoes are not enumerated.
    Engine engine = Engine.builder().configuration("""
        {"dimensions": {"value": {"method": "threshold"}, "loyalty": {}, "behaviour": {}, "risk": {}, "industry": {},
          "purchase_pattern": {"method": "threshold", "frequencyCutoff": 6, "orderValueCutoff": 500}, "needs": {}, "geography": {}, "channel": {}, "promotion": {}, "age": {}}}
        """, "clientele.json").build();
    Playbook playbook = Playbook.defaults(engine.dimensions());
    assertThat(playbook.coverage().skipped()).as(playbook.coverage().toText(20)).isEmpty();
    assertThat(playbook.coverage().isClean()).as(playbook.coverage().toText(20)).isTrue();
  }

  @Test
  void mountainAccountsGetPhoneAndVideoInsteadOfVisitsAndRuralOnesPartnerRounds() {
    Engine engine = Engine.builder().configuration(CONFIG, "clientele.json").build();
    int visitedInTheCity = 0;
    for (Customer c : Population.of(7, 500)) {
      List<String> city = codes(engine, with(c, "city", 35));
      List<String> mountain = codes(engine, with(c, "mountain", 35));
      List<String> rural = codes(engine, with(c, "rural", 35));
      if (city.stream().anyMatch(VISITS::contains)) {
        visitedInTheCity++;
      }
      assertThat(mountain).as(c.id()).doesNotContainAnyElementsOf(VISITS)
          .contains("phone-and-video-reviews", "remote-follow-up-calls", "regional-partner-on-site-service");
      assertThat(rural).as(c.id()).contains("regional-partner-rounds").doesNotContain("phone-and-video-reviews");
      assertThat(city).as(c.id()).doesNotContain("regional-partner-rounds", "phone-and-video-reviews");
    }
    assertThat(visitedInTheCity).as("the population has city accounts that get visits, so the veto is tested").isPositive();
  }

  @Test
  void eachAgeBandGetsItsChannel() {
    Engine engine = Engine.builder().configuration(CONFIG, "clientele.json").build();
    Customer c = Population.of(7, 1).get(0);

    assertThat(codes(engine, with(c, "city", 17))).contains("app-and-social-channels").doesNotContain("personalised-email-sms");
    assertThat(codes(engine, with(c, "city", 25))).contains("mobile-first-contact");
    assertThat(codes(engine, with(c, "city", 39))).contains("mobile-first-contact");
    assertThat(codes(engine, with(c, "city", 45))).contains("email-and-phone-contact");
    assertThat(codes(engine, with(c, "city", 50))).contains("phone-and-in-person-contact");
    assertThat(codes(engine, with(c, "city", 130))).doesNotContain("app-and-social-channels", "mobile-first-contact",
        "email-and-phone-contact", "phone-and-in-person-contact");
  }

  @Test
  void withOtherAgeEdgesTheRulesOfBandsThatDoNotExistAreDroppedNotAnError() {
    Engine engine = Engine.builder().configuration("""
        { "dimensions": { "value": { "method": "threshold" }, "age": { "edges": [18, 30, 40, 50] } } }
        """, "clientele.json").build();

    assertThat(engine.strategyDiagnostics()).anyMatch(d -> d.contains("age-under-20-consent-first") && d.contains("dropped"));
    assertThat(codes(engine, Customer.builder("C-1").set(StandardFeatures.AGE, 35.0).build())).contains("mobile-first-contact");
  }
}
