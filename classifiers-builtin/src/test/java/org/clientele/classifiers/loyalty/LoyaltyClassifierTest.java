package org.clientele.classifiers.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.COMPLAINTS_12M;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.SATISFACTION;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoyaltyClassifierTest {

  private final Classifier loyalty = new LoyaltyClassifierProvider().create(PluginConfig.empty("loyalty"));

  /** Satisfaction 5 (2 points) beside the input under test, so the score is (points + 2) / 4. */
  static Stream<Arguments> inputBoundaries() {
    return Stream.of(
        Arguments.of("tenure below 365", TENURE_DAYS, 364.0, 0.5, "MEDIUM"),
        Arguments.of("tenure at 365", TENURE_DAYS, 365.0, 0.75, "HIGH"),
        Arguments.of("tenure above 365", TENURE_DAYS, 366.0, 0.75, "HIGH"),
        Arguments.of("tenure below 730", TENURE_DAYS, 729.0, 0.75, "HIGH"),
        Arguments.of("tenure at 730", TENURE_DAYS, 730.0, 1.0, "HIGH"),
        Arguments.of("tenure huge", TENURE_DAYS, 1e12, 1.0, "HIGH"),
        Arguments.of("tenure negative", TENURE_DAYS, -10.0, 0.5, "MEDIUM"),
        Arguments.of("repeat below 1", REPEAT_PURCHASES, 0.0, 0.5, "MEDIUM"),
        Arguments.of("repeat at 1", REPEAT_PURCHASES, 1.0, 0.75, "HIGH"),
        Arguments.of("repeat below 4", REPEAT_PURCHASES, 3.0, 0.75, "HIGH"),
        Arguments.of("repeat at 4", REPEAT_PURCHASES, 4.0, 1.0, "HIGH"),
        Arguments.of("repeat above 4", REPEAT_PURCHASES, 5.0, 1.0, "HIGH"));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> score {3} {4}")
  @MethodSource("inputBoundaries")
  void pointsPerInput(String name, org.clientele.api.Feature<Double> feature, double value, double score, String label) {
    Assignment a = both(loyalty, customer(feature, value, SATISFACTION, 5.0, COMPLAINTS_12M, 0.0));
    assertThat(a.score()).isEqualTo(score);
    assertThat(a.label()).isEqualTo(label);
  }

  /** Tenure 0 (0 points) beside satisfaction, so the score is points / 4. */
  static Stream<Arguments> satisfactionBoundaries() {
    return Stream.of(
        Arguments.of("below 3", 2.99, 0.0),
        Arguments.of("at 3", 3.0, 0.25),
        Arguments.of("below 4", 3.99, 0.25),
        Arguments.of("at 4", 4.0, 0.5),
        Arguments.of("above 4", 4.5, 0.5));
  }

  @ParameterizedTest(name = "satisfaction {0}: {1} -> score {2}")
  @MethodSource("satisfactionBoundaries")
  void satisfactionPoints(String name, double satisfaction, double score) {
    assertThat(both(loyalty, customer(TENURE_DAYS, 0.0, SATISFACTION, satisfaction)).score()).isEqualTo(score);
  }

  /** Full marks (6 of 6) minus the complaint penalty. */
  static Stream<Arguments> complaintBoundaries() {
    return Stream.of(
        Arguments.of("none", 0.0, 1.0, "HIGH"),
        Arguments.of("at 1", 1.0, 5 / 6.0, "HIGH"),
        Arguments.of("below 3", 2.0, 5 / 6.0, "HIGH"),
        Arguments.of("at 3", 3.0, 4 / 6.0, "MEDIUM"),
        Arguments.of("huge", 1e9, 4 / 6.0, "MEDIUM"));
  }

  @ParameterizedTest(name = "complaints {0}: {1} -> {3}")
  @MethodSource("complaintBoundaries")
  void complaintsCostPoints(String name, double complaints, double score, String label) {
    Assignment a = both(loyalty, customer(TENURE_DAYS, 1000.0, REPEAT_PURCHASES, 9.0, SATISFACTION, 5.0,
        COMPLAINTS_12M, complaints));
    assertThat(a.score()).isEqualTo(score);
    assertThat(a.label()).isEqualTo(label);
  }

  /** With medium at 0.5: scores 0.25 (below), 0.5 (at), 0.75 (HIGH at 0.75). */
  static Stream<Arguments> labelBoundaries() {
    return Stream.of(
        Arguments.of("below medium", 3.0, "LOW"),
        Arguments.of("at medium", 4.0, "MEDIUM"),
        Arguments.of("above medium", 4.5, "MEDIUM"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelBoundaries")
  void scoreThresholds(String name, double satisfaction, String label) {
    Classifier c = new LoyaltyClassifierProvider().create(PluginConfig.of("loyalty", Map.of("medium", 0.5)));
    assertThat(both(c, customer(TENURE_DAYS, 0.0, SATISFACTION, satisfaction)).label()).isEqualTo(label);
    assertThat(both(c, customer(TENURE_DAYS, 365.0, SATISFACTION, 4.0)).label()).isEqualTo("HIGH");
    assertThat(both(c, customer(TENURE_DAYS, 364.0, SATISFACTION, 4.0)).label()).isEqualTo("MEDIUM");
  }

  @Test
  void missingInputsAreLeftOutAndNamedNotCountedAsZero() {
    // Tenure and repeats missing would be 0 points each as zeros (score 2/6 = LOW); left out, 2/2 is HIGH.
    Classifier oneInput = new LoyaltyClassifierProvider().create(PluginConfig.of("loyalty", Map.of("minInputs", 1)));
    Assignment a = both(oneInput, customer(SATISFACTION, 5.0));
    assertThat(a.label()).isEqualTo("HIGH");
    assertThat(a.reasons()).filteredOn(Reason::isMissing).extracting(Reason::feature)
        .containsExactly("tenure_days", "repeat_purchases", "days_since_last_purchase", "complaints_12m");
  }

  @Test
  void recencyEarnsPointsAndALapsedCustomerIsNeverHigh() {
    // Long tenure, many repeats, satisfied: HIGH while buying recently.
    Customer recent = customer(TENURE_DAYS, 2_000.0, REPEAT_PURCHASES, 9.0, SATISFACTION, 5.0, DAYS_SINCE_LAST_PURCHASE, 30.0);
    assertThat(both(loyalty, recent).label()).isEqualTo("HIGH");
    assertThat(both(loyalty, recent).score()).isEqualTo(1.0);

    // The same customer silent for 400 days: 6 of 8 points is still 0.75, but a lapsed customer is at most MEDIUM.
    Assignment lapsed = both(loyalty, customer(TENURE_DAYS, 2_000.0, REPEAT_PURCHASES, 9.0, SATISFACTION, 5.0,
        DAYS_SINCE_LAST_PURCHASE, 400.0));
    assertThat(lapsed.score()).isEqualTo(0.75);
    assertThat(lapsed.label()).isEqualTo("MEDIUM");
    assertThat(lapsed.reasons()).anySatisfy(r -> assertThat(r.text()).startsWith("At most MEDIUM").contains("lapsedDays"));

    // 90 days earns 2 points, 365 one, more none (at or below the cut point counts).
    assertThat(both(loyalty, customer(TENURE_DAYS, 0.0, DAYS_SINCE_LAST_PURCHASE, 90.0)).score()).isEqualTo(0.5);
    assertThat(both(loyalty, customer(TENURE_DAYS, 0.0, DAYS_SINCE_LAST_PURCHASE, 365.0)).score()).isEqualTo(0.25);
    assertThat(both(loyalty, customer(TENURE_DAYS, 0.0, DAYS_SINCE_LAST_PURCHASE, 366.0)).score()).isEqualTo(0.0);
  }

  @Test
  void tooFewInputsGiveTheConfiguredLabel() {
    Assignment a = both(loyalty, customer(SATISFACTION, 5.0));
    assertThat(a.label()).isEqualTo("LOW");
    assertThat(a.score()).isNaN();
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).contains("ifInsufficient"));
    assertThat(a.fallback()).as("LOW for lack of data, not a measured LOW").isTrue();
    Classifier medium = new LoyaltyClassifierProvider().create(
        PluginConfig.of("loyalty", Map.of("ifInsufficient", "medium")));
    assertThat(both(medium, customer()).label()).isEqualTo("MEDIUM");
    assertThat(both(medium, customer()).fallback()).isTrue();
    // Enough inputs: a measured LOW.
    Assignment measured = both(loyalty, customer(TENURE_DAYS, 10.0, REPEAT_PURCHASES, 0.0));
    assertThat(measured.label()).isEqualTo("LOW");
    assertThat(measured.fallback()).isFalse();
  }

  @Test
  void thresholdsAreConfigurable() {
    Classifier c = new LoyaltyClassifierProvider().create(
        PluginConfig.of("loyalty", Map.of("tenureDays", java.util.List.of(30, 60))));
    assertThat(both(c, customer(TENURE_DAYS, 60.0, SATISFACTION, 5.0)).score()).isEqualTo(1.0);
    assertThatThrownBy(() -> new LoyaltyClassifierProvider().create(
            PluginConfig.of("loyalty", Map.of("tenureDays", java.util.List.of(60, 30)))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("$.tenureDays");
  }
}
