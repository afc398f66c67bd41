package org.clientele.classifiers.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleClassifierTest {

  private final Classifier lifecycle = new BehaviourClassifierProvider().create(PluginConfig.empty("behaviour"));

  /** A customer who started 2 years ago, with the given visits and recency. */
  private static Customer returning(Double visits12m, Double recency) {
    return customer(PURCHASE_DAYS, 10.0, TENURE_DAYS, 730.0, VISITS_12M, visits12m, DAYS_SINCE_LAST_PURCHASE, recency);
  }

  static Stream<Arguments> disagreements() {
    return Stream.of(
        Arguments.of("more visits in 3 months than in 12: not LOST",
            customer(PURCHASE_DAYS, 10.0, TENURE_DAYS, 730.0, VISITS_12M, 0.0, VISITS_3M, 2.0), "visits_3m 2 is more than visits_12m 0"),
        Arguments.of("more visits in 3 months than in 12: not ACTIVE either",
            customer(PURCHASE_DAYS, 10.0, TENURE_DAYS, 730.0, VISITS_12M, 3.0, VISITS_3M, 5.0), "the two columns disagree"),
        Arguments.of("no purchase day in the history but visits this year: not PROSPECT",
            customer(PURCHASE_DAYS, 0.0, VISITS_12M, 4.0), "purchase_days 0 over the whole history is fewer than visits_12m 4"),
        Arguments.of("last purchase before the first: not AT_RISK",
            customer(PURCHASE_DAYS, 10.0, TENURE_DAYS, 30.0, VISITS_12M, 1.0, DAYS_SINCE_LAST_PURCHASE, 200.0),
            "Last purchase 200 days ago but the first only 30 days ago (tenure_days)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("disagreements")
  void columnsThatDisagreeGiveTheLackOfDataLabelNamingBoth(String name, Customer customer, String reason) {
    Assignment a = both(lifecycle, customer);
    assertThat(a.label()).isEqualTo("SWINGING");
    assertThat(a.fallback()).as("for lack of data, not measured").isTrue();
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).contains(reason).contains("(ifVisitsMissing)"));
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("never purchased", customer(PURCHASE_DAYS, 0.0), "PROSPECT"),
        Arguments.of("no history at all", customer(), "PROSPECT"),
        Arguments.of("first purchase below 90 days", customer(PURCHASE_DAYS, 1.0, TENURE_DAYS, 89.0, VISITS_12M, 1.0, DAYS_SINCE_LAST_PURCHASE, 89.0), "NEW"),
        Arguments.of("first purchase at 90 days", customer(PURCHASE_DAYS, 1.0, TENURE_DAYS, 90.0, VISITS_12M, 1.0, DAYS_SINCE_LAST_PURCHASE, 90.0), "NEW"),
        Arguments.of("first purchase above 90 days, one visit", customer(PURCHASE_DAYS, 1.0, TENURE_DAYS, 91.0, VISITS_12M, 1.0, DAYS_SINCE_LAST_PURCHASE, 91.0), "AT_RISK"),
        Arguments.of("new with many visits is still new", customer(PURCHASE_DAYS, 5.0, TENURE_DAYS, 60.0, VISITS_12M, 5.0, DAYS_SINCE_LAST_PURCHASE, 1.0), "NEW"),
        Arguments.of("visits above 3", returning(4.0, 5.0), "ACTIVE"),
        Arguments.of("visits at 3", returning(3.0, 5.0), "ACTIVE"),
        Arguments.of("visits below 3", returning(2.0, 5.0), "SWINGING"),
        Arguments.of("visits at 2", returning(2.0, 200.0), "SWINGING"),
        Arguments.of("visits below 2: one visit 200 days ago", returning(1.0, 200.0), "AT_RISK"),
        Arguments.of("one visit at 91 days", returning(1.0, 91.0), "AT_RISK"),
        Arguments.of("open case: one visit at 90 days, not the first", returning(1.0, 90.0), "SWINGING"),
        Arguments.of("open case: one visit 10 days ago, not the first", returning(1.0, 10.0), "SWINGING"),
        Arguments.of("no visit in 12 months", returning(0.0, 400.0), "LOST"),
        Arguments.of("huge visit count", customer(PURCHASE_DAYS, 1e9, TENURE_DAYS, 730.0, VISITS_12M, 1e9, DAYS_SINCE_LAST_PURCHASE, 1.0), "ACTIVE"),
        Arguments.of("negative visit count", returning(-3.0, 400.0), "LOST"),
        Arguments.of("visits missing, last purchase above 365 days", returning(null, 366.0), "LOST"),
        Arguments.of("visits missing, last purchase at 365 days", returning(null, 365.0), "SWINGING"),
        Arguments.of("visits missing, no recency", returning(null, null), "SWINGING"),
        Arguments.of("one visit, no recency, visits_3m 0", customer(PURCHASE_DAYS, 4.0, TENURE_DAYS, 700.0, VISITS_12M, 1.0, VISITS_3M, 0.0), "AT_RISK"),
        Arguments.of("one visit, no recency, visits_3m 1", customer(PURCHASE_DAYS, 4.0, TENURE_DAYS, 700.0, VISITS_12M, 1.0, VISITS_3M, 1.0), "SWINGING"),
        Arguments.of("one visit, nothing places it", customer(PURCHASE_DAYS, 4.0, TENURE_DAYS, 700.0, VISITS_12M, 1.0), "AT_RISK"),
        Arguments.of("no tenure, the only purchase day is recent", customer(PURCHASE_DAYS, 1.0, VISITS_12M, 1.0, VISITS_3M, 1.0), "NEW"),
        Arguments.of("no tenure, earlier purchases exist", customer(PURCHASE_DAYS, 3.0, VISITS_12M, 1.0, VISITS_3M, 1.0, DAYS_SINCE_LAST_PURCHASE, 10.0), "SWINGING"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("rules")
  void lifecycleRules(String name, Customer customer, String expected) {
    assertThat(both(lifecycle, customer).label()).isEqualTo(expected);
  }

  @Test
  void theOpenCaseIsExplainedAndConfigurable() {
    Assignment a = both(lifecycle, returning(1.0, 30.0));
    assertThat(a.label()).isEqualTo("SWINGING");
    assertThat(a.score()).isEqualTo(1.0);
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).contains("openCase").contains("not the first-ever"));
    Classifier atRisk = new BehaviourClassifierProvider().create(
        PluginConfig.of("behaviour", Map.of("openCase", "at_risk")));
    assertThat(both(atRisk, returning(1.0, 30.0)).label()).isEqualTo("AT_RISK");
  }

  @Test
  void missingInputsAreNamed() {
    Assignment a = both(lifecycle, returning(null, 100.0));
    assertThat(a.score()).isNaN();
    assertThat(a.reasons()).anySatisfy(r -> {
      assertThat(r.feature()).isEqualTo("visits_12m");
      assertThat(r.isMissing()).isTrue();
    });
  }

  @Test
  void windowsAreConfigurable() {
    Classifier c = new BehaviourClassifierProvider().create(
        PluginConfig.of("behaviour", Map.of("activeVisits", 6, "swingingVisits", 3, "recentDays", 30)));
    assertThat(both(c, returning(5.0, 5.0)).label()).isEqualTo("SWINGING");
    assertThat(both(c, returning(2.0, 31.0)).label()).isEqualTo("AT_RISK");
    assertThat(c.dimension().labels()).containsExactly("ACTIVE", "NEW", "SWINGING", "AT_RISK", "LOST", "PROSPECT");
  }
}
