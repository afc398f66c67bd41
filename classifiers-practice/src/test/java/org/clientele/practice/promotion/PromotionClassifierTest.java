package org.clientele.practice.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.practice.PracticeFeatures.PROMOTIONS_RECEIVED;
import static org.clientele.practice.PracticeFeatures.PROMOTIONS_REDEEMED;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.CrmFile;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromotionClassifierTest {

  @TempDir Path dir;

  private static Classifier promotion(Map<String, ?> config) {
    return new PromotionClassifierProvider().create(
        PluginConfig.of("promotion", "clientele.json", "$.dimensions.promotion", config));
  }

  private static Customer customer(Double received, Double redeemed) {
    return Customer.builder("C1").setOrRemove(PROMOTIONS_RECEIVED, received).setOrRemove(PROMOTIONS_REDEEMED, redeemed).build();
  }

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of(Named.of("3 of 10 redeemed: 30% is responsive", customer(10.0, 3.0)), "RESPONSIVE", "Redeemed 3 of 10 promotions sent (30.0%)"),
        Arguments.of(Named.of("1 of 10: occasional", customer(10.0, 1.0)), "OCCASIONAL", ">= 10.0% and < 30.0%"),
        Arguments.of(Named.of("0 of 12: unresponsive", customer(12.0, 0.0)), "UNRESPONSIVE", "< 10.0%"),
        Arguments.of(Named.of("never sent one: not unresponsive", customer(0.0, 0.0)), "UNKNOWN", "Never sent a promotion"),
        Arguments.of(Named.of("two sent, none redeemed: too few to judge", customer(2.0, 0.0)), "UNKNOWN", "fewer than 3"),
        Arguments.of(Named.of("more redeemed than sent: the columns disagree", customer(4.0, 6.0)), "UNKNOWN", "the two columns disagree"),
        Arguments.of(Named.of("sent, redemptions unknown", customer(5.0, null)), "UNKNOWN", "how many were redeemed is not known"),
        Arguments.of(Named.of("nothing known", customer(null, null)), "UNKNOWN", "is not known"));
  }

  @ParameterizedTest
  @MethodSource("defaults")
  void theDefaultRatesDecideAndTheReasonSaysWhy(Customer customer, String label, String reason) {
    assertThatAssignment(promotion(Map.of()).explain(customer)).hasLabel(label).hasReasonContaining(reason);
  }

  @Test
  void aCustomerNeverSentAPromotionIsNeverUnresponsiveWhateverTheThresholds() {
    Classifier lenient = promotion(Map.of("minPromotions", 1, "occasional", 0.01, "responsive", 0.5));
    assertThatAssignment(lenient.explain(customer(0.0, 0.0))).hasLabel("UNKNOWN").hasNoScore();
    assertThatAssignment(lenient.explain(customer(1.0, 0.0))).hasLabel("UNRESPONSIVE").hasScore(0.0);
    assertThatAssignment(lenient.explain(customer(2.0, 1.0))).hasLabel("RESPONSIVE").hasScore(0.5);
  }

  static Stream<Arguments> implausible() {
    return Stream.of(
        Arguments.of(Named.of("negative redeemed: no negative rate, not UNRESPONSIVE", customer(10.0, -2.0)),
            "promotions_redeemed", "-2 promotions redeemed is not a count of promotions"),
        Arguments.of(Named.of("negative received: not 'too few promotions'", customer(-3.0, 0.0)),
            "promotions_received", "-3 promotions sent is not a count of promotions"),
        Arguments.of(Named.of("negative received, redeemed unknown", customer(-3.0, null)),
            "promotions_received", "-3 promotions sent is not a count"),
        Arguments.of(Named.of("2.5 promotions sent", customer(2.5, 1.0)),
            "promotions_received", "2.5 promotions sent is not a count"),
        Arguments.of(Named.of("1.5 of 10 redeemed: not OCCASIONAL", customer(10.0, 1.5)),
            "promotions_redeemed", "1.5 promotions redeemed is not a count"),
        Arguments.of(Named.of("a bad redeemed is named even when received is missing", customer(null, -1.0)),
            "promotions_redeemed", "-1 promotions redeemed is not a count"),
        Arguments.of(Named.of("redeemed though none sent: the columns disagree", customer(0.0, 2.0)),
            "promotions_redeemed", "the two columns disagree"));
  }

  @ParameterizedTest
  @MethodSource("implausible")
  void aValueThatCannotBeACountIsUnknownForLackOfDataNamingTheColumnAndTheFix(
      Customer customer, String column, String reason) {
    assertThatAssignment(promotion(Map.of()).explain(customer)).hasLabel("UNKNOWN").hasNoScore()
        .hasReasonAbout(column).hasReasonContaining(reason)
        .hasReasonContaining("lack of data: a value is present but could not be placed")
        .satisfies(a -> assertThat(a.fallback()).as("labelled for lack of data, not measured").isTrue());
  }

  @Test
  void promotionDeclaresNoUnplacedInputsBecauseEitherColumnCanBeValidOnAnUnknownCustomer() {
    Classifier promotion = promotion(Map.of());
    // Valid values on UNKNOWN customers: a declaration would name them as values that could not be placed.
    assertThatAssignment(promotion.explain(customer(2.0, 1.0))).hasLabel("UNKNOWN");
    assertThatAssignment(promotion.explain(customer(null, 1.0))).hasLabel("UNKNOWN");
    assertThat(promotion.unplacedInputs()).isEmpty();
  }

  @Test
  void thresholdsOutOfOrderAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> promotion(Map.of("responsive", 0.2, "occasional", 0.4)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.promotion.occasional: expected a rate at most responsive (0.2), found 0.4");
    assertThatThrownBy(() -> promotion(Map.of("minPromotions", 0)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.promotion.minPromotions");
  }

  @Test
  void aCrmExportWithOnlyThePromotionColumnsIsClassifiedByTheJob() throws IOException {
    String csv = """
        id,promotions_received,promotions_redeemed
        A1,10,4
        A2,10,1
        A3,8,0
        A4,0,0
        A5,2,1
        """;
    assertThat(CrmFile.labels(dir, csv, "promotion"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("RESPONSIVE", 1, "OCCASIONAL", 1, "UNRESPONSIVE", 1, "UNKNOWN", 2));
  }
}
