package org.clientele.practice.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.PracticeFeatures;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AgeClassifierTest {

  private static Classifier classifier(Map<String, ?> settings) {
    return new AgeClassifierProvider().create(PluginConfig.of("age", "clientele.json", "$.dimensions.age", settings));
  }

  private static Customer aged(double age) {
    return Customers.bare("C-1").set(StandardFeatures.AGE, age).build();
  }

  private static Customer born(String date) {
    return Customers.bare("C-1").set(PracticeFeatures.BIRTH_DATE, LocalDate.parse(date)).build();
  }

  private static int classify(Classifier c, Customer customer) {
    int[] label = {-2};
    c.classify(customer, (LabelSink) (index, score) -> label[0] = index);
    return label[0];
  }

  @ParameterizedTest(name = "age {0} -> {1}")
  @CsvSource({
    "0, UNDER_20", "19, UNDER_20", "20, AGE_20_29", "29, AGE_20_29", "30, AGE_30_39", "39, AGE_30_39",
    "40, AGE_40_49", "49, AGE_40_49", "50, AGE_50_PLUS", "120, AGE_50_PLUS",
    "-1, UNKNOWN", "121, UNKNOWN", "1978, UNKNOWN", "34.5, UNKNOWN",
  })
  void eachEdgeOpensTheBandAboveItAndImplausibleAgesAreNotBanded(double age, String expected) {
    Classifier bands = classifier(Map.of());
    Assignment a = bands.explain(aged(age));

    assertThatAssignment(a).hasLabel(expected).hasReasons();
    assertThat(classify(bands, aged(age))).as("classify agrees with explain").isEqualTo(a.labelIndex());
    if (expected.equals("UNKNOWN")) {
      assertThatAssignment(a).hasNoScore();
      assertThat(a.reasons().get(0).threshold()).startsWith(AgeClassifier.IMPLAUSIBLE);
    } else {
      assertThatAssignment(a).hasScore(Math.floor(age));
    }
  }

  @Test
  void theDefaultLabelsAreThePracticesBands() {
    assertThat(classifier(Map.of()).dimension().labels())
        .containsExactly("UNDER_20", "AGE_20_29", "AGE_30_39", "AGE_40_49", "AGE_50_PLUS", "UNKNOWN");
    assertThat(new AgeClassifierProvider().inDefaultConfiguration()).isFalse();
  }

  @Test
  void theReasonsNameTheValueTheBandAndWhatIsWrong() {
    Classifier bands = classifier(Map.of());

    assertThatAssignment(bands.explain(aged(30))).hasReasonAbout(StandardFeatures.AGE)
        .hasReasonContaining("Age 30 is in band AGE_30_39 (30 <= age < 40)");
    assertThatAssignment(bands.explain(aged(1978))).hasReasonContaining("Age 1978 is not a plausible age (over maxAge 120; a birth year or a typo?)");
    assertThatAssignment(bands.explain(aged(-3))).hasReasonContaining("Age -3 is not a plausible age (negative)");
    assertThatAssignment(bands.explain(aged(34.5))).hasReasonContaining("Age 34.5 is not a plausible age (not a whole number of years");
    assertThatAssignment(bands.explain(Customers.bare("C-1").build())).hasLabel("UNKNOWN")
        .hasReasonAboutMissing(StandardFeatures.AGE).hasReasonContaining("No age and no birth date");
  }

  @Test
  void fractionalAgesAreBandedByCompletedYearsWhenAllowed() {
    assertThatAssignment(classifier(Map.of("wholeYearsOnly", false)).explain(aged(19.9))).hasLabel("UNDER_20").hasScore(19);
  }

  @Test
  void aBirthDateCountsCompletedYearsToAsOf() {
    Classifier bands = classifier(Map.of("asOf", "2024-07-01"));

    assertThatAssignment(bands.explain(born("1994-07-01"))).hasLabel("AGE_30_39").hasScore(30)
        .hasReasonAboutMissing(StandardFeatures.AGE)
        .hasReasonContaining("Birth date 1994-07-01 gives age 30 on 2024-07-01 (asOf): band AGE_30_39");
    assertThatAssignment(bands.explain(born("1994-07-02"))).hasLabel("AGE_20_29").hasScore(29);
    assertThatAssignment(bands.explain(born("2024-07-02"))).hasLabel("UNKNOWN")
        .hasReasonContaining("born after the reference date");
    assertThatAssignment(bands.explain(born("1900-01-01"))).hasLabel("UNKNOWN").hasReasonContaining("over maxAge 120");
  }

  @Test
  void anAgeWinsOverABirthDate() {
    Customer both = Customers.bare("C-1").set(StandardFeatures.AGE, 45.0)
        .set(PracticeFeatures.BIRTH_DATE, LocalDate.parse("2000-01-01")).build();

    assertThatAssignment(classifier(Map.of("asOf", "2024-07-01")).explain(both)).hasLabel("AGE_40_49");
  }

  @Test
  void withoutAsOfTheTransactionLogsReferenceDateIsUsed() {
    // first_purchase_date + tenure_days is the reference date the log's features were derived as of.
    Customer buyer = Customers.bare("C-1").set(PracticeFeatures.BIRTH_DATE, LocalDate.parse("1974-03-15"))
        .set(StandardFeatures.FIRST_PURCHASE_DATE, LocalDate.parse("2023-01-01"))
        .set(StandardFeatures.TENURE_DAYS, 547.0) // 2024-07-01
        .build();

    assertThatAssignment(classifier(Map.of()).explain(buyer)).hasLabel("AGE_50_PLUS").hasScore(50)
        .hasReasonContaining("gives age 50 on 2024-07-01 (the transaction log's reference date)");
    assertThatAssignment(classifier(Map.of()).explain(born("1974-03-15"))).hasLabel("UNKNOWN")
        .hasReasonContaining("Birth date 1974-03-15 is known but not the date to count the age to")
        .hasReasonContaining("Set asOf");
  }

  @Test
  void completedYearsAgreeWithPeriodIncludingLeapDays() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      LocalDate birth = LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000);
      LocalDate on = birth.plusDays(random.nextInt(50_000));
      assertThat(AgeClassifier.completedYears(birth, on)).as("seed %d: %s to %s", seed, birth, on)
          .isEqualTo(Period.between(birth, on).getYears());
    }
    assertThat(AgeClassifier.completedYears(LocalDate.parse("2000-02-29"), LocalDate.parse("2001-02-28"))).isZero();
    // Born after the date: negative however close (Period would say 0 years and -2 months).
    assertThat(AgeClassifier.completedYears(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-01-01"))).isNegative();
    assertThat(AgeClassifier.completedYears(LocalDate.parse("2000-02-29"), LocalDate.parse("2001-03-01"))).isOne();
  }

  @Test
  void configuredEdgesNameTheirBands() {
    Classifier bands = classifier(Map.of("edges", List.of(18, 25, 35, 50, 65)));

    assertThat(bands.dimension().labels())
        .containsExactly("UNDER_18", "AGE_18_24", "AGE_25_34", "AGE_35_49", "AGE_50_64", "AGE_65_PLUS", "UNKNOWN");
    assertThatAssignment(bands.explain(aged(64))).hasLabel("AGE_50_64");
    assertThatAssignment(bands.explain(aged(65))).hasLabel("AGE_65_PLUS");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(Map.of("edges", List.of(30, 20)), "$.dimensions.age.edges: expected edges in increasing order, each once, found [30, 20]"),
        Arguments.of(Map.of("edges", List.of(20, 20)), "$.dimensions.age.edges: expected edges in increasing order, each once"),
        Arguments.of(Map.of("edges", List.of(20.5)), "$.dimensions.age.edges: expected whole numbers of years from 1 to maxAge 120"),
        Arguments.of(Map.of("edges", List.of()), "$.dimensions.age.edges: expected at least one edge"),
        Arguments.of(Map.of("edges", List.of(20, 130)), "$.dimensions.age.edges: expected whole numbers of years from 1 to maxAge 120"),
        Arguments.of(Map.of("maxAge", 0), "$.dimensions.age.maxAge: expected a whole number of years from 1 to 200"),
        Arguments.of(Map.of("asOf", "01/07/2024"), "$.dimensions.age.asOf: expected an ISO date such as \"2024-07-01\", found \"01/07/2024\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aBadSettingIsRefusedNamingTheKey(Map<String, ?> settings, String message) {
    assertThatThrownBy(() -> classifier(settings)).isInstanceOf(ConfigurationException.class).hasMessageContaining(message);
  }
}
