package org.clientele.classifiers.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REVENUE_TOTAL;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RfmClassifierTest {

  private final RfmClassifierProvider provider = new RfmClassifierProvider();
  private final Classifier rfm = provider.create(PluginConfig.of("rfm", Map.of("method", "threshold")));

  /** Default cut points: recency [30, 90, 180, 365], frequency [1, 2, 4, 8], monetary [100, 500, 1000, 5000]. */
  static Stream<Arguments> letterBoundaries() {
    return Stream.of(
        Arguments.of("recency below 30", 29.0, 2.0, 200.0, 522),
        Arguments.of("recency at 30 (tie scores lower)", 30.0, 2.0, 200.0, 422),
        Arguments.of("recency above 30", 31.0, 2.0, 200.0, 422),
        Arguments.of("recency at 365", 365.0, 2.0, 200.0, 122),
        Arguments.of("recency below 365", 364.99, 2.0, 200.0, 222),
        Arguments.of("frequency at 1", 10.0, 1.0, 200.0, 512),
        Arguments.of("frequency above 1", 10.0, 1.5, 200.0, 522),
        Arguments.of("frequency at 8", 10.0, 8.0, 200.0, 542),
        Arguments.of("frequency above 8", 10.0, 8.01, 200.0, 552),
        Arguments.of("monetary at 100", 10.0, 2.0, 100.0, 521),
        Arguments.of("monetary above 5000", 10.0, 2.0, 5000.01, 525),
        Arguments.of("huge", 1e12, 1e12, 1e300, 155),
        Arguments.of("negative", -5.0, -5.0, -5.0, 511));
  }

  @ParameterizedTest(name = "{0}: R {1}, F {2}, M {3} -> {4}")
  @MethodSource("letterBoundaries")
  void lettersScoreAtTheirCutPoints(String name, double r, double f, double m, int code) {
    Assignment a = both(rfm, customer(DAYS_SINCE_LAST_PURCHASE, r, PURCHASE_DAYS, f, REVENUE_TOTAL, m));
    assertThat((int) a.score()).isEqualTo(code);
    assertThat(a.detail()).isEqualTo(Integer.toString(code));
  }

  @Test
  void missingLettersScoreMissingScoreAndAreNamed() {
    Assignment a = both(rfm, customer(PURCHASE_DAYS, 9.0));
    assertThat(a.detail()).isEqualTo("151");
    assertThat(a.label()).isEqualTo("CANNOT_LOSE");
    assertThat(a.reasons()).filteredOn(Reason::isMissing).extracting(Reason::feature)
        .containsExactly("days_since_last_purchase", "revenue_total");
    Classifier three = provider.create(PluginConfig.of("rfm", Map.of("method", "threshold", "missingScore", 3)));
    assertThat(both(three, customer()).detail()).isEqualTo("333");
    assertThat(both(three, customer()).label()).isEqualTo("NEED_ATTENTION");
  }

  /** Values that give each score 1..5 under the default cut points. */
  private static final double[] RECENCY_FOR = {0, 400, 200, 100, 50, 10};
  private static final double[] FREQUENCY_FOR = {0, 1, 2, 3, 5, 9};
  private static final double[] MONETARY_FOR = {0, 50, 300, 700, 2000, 9000};

  @Test
  void everyRfmCodeMapsToExactlyOneNamedSegment() {
    Set<String> used = new HashSet<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          Customer c = customer(DAYS_SINCE_LAST_PURCHASE, RECENCY_FOR[r], PURCHASE_DAYS, FREQUENCY_FOR[f], REVENUE_TOTAL, MONETARY_FOR[m]);
          Assignment a = both(rfm, c); // checks: exactly one sink call, a label of the dimension
          assertThat(a.detail()).isEqualTo("" + r + f + m);
          String expected = RfmClassifier.DEFAULT_GRID[5 - r][f - 1];
          assertThat(a.label()).as("cell R%s F%s", r, f).isEqualTo(expected);
          used.add(a.label());
        }
      }
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(RfmClassifier.SEGMENTS);
    assertThat(rfm.dimension().labels()).containsExactlyElementsOf(RfmClassifier.SEGMENTS);
  }

  static Stream<Arguments> namedCells() {
    return Stream.of(
        Arguments.of(5, 5, "CHAMPIONS"), Arguments.of(5, 1, "NEW_CUSTOMERS"), Arguments.of(4, 1, "PROMISING"),
        Arguments.of(3, 3, "NEED_ATTENTION"), Arguments.of(3, 4, "LOYAL"), Arguments.of(4, 2, "POTENTIAL_LOYALIST"),
        Arguments.of(3, 1, "ABOUT_TO_SLEEP"), Arguments.of(2, 3, "AT_RISK"), Arguments.of(1, 5, "CANNOT_LOSE"),
        Arguments.of(2, 2, "HIBERNATING"), Arguments.of(1, 1, "LOST"));
  }

  @ParameterizedTest(name = "R{0} F{1} -> {2}")
  @MethodSource("namedCells")
  void gridCells(int r, int f, String segment) {
    Customer c = customer(DAYS_SINCE_LAST_PURCHASE, RECENCY_FOR[r], PURCHASE_DAYS, FREQUENCY_FOR[f], REVENUE_TOTAL, 1.0);
    assertThat(both(rfm, c).label()).isEqualTo(segment);
  }

  @Test
  void gridCellsCanBeOverridden() {
    Classifier c = provider.create(PluginConfig.of("rfm",
        Map.of("method", "threshold", "grid", Map.of("11", "hibernating"))));
    Customer lost = customer(DAYS_SINCE_LAST_PURCHASE, 999.0, PURCHASE_DAYS, 1.0, REVENUE_TOTAL, 1.0);
    assertThat(both(c, lost).label()).isEqualTo("HIBERNATING");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("rfm",
            Map.of("method", "threshold", "grid", Map.of("61", "LOST")))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("$.grid.61");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("rfm",
            Map.of("method", "threshold", "grid", Map.of("11", "GONE")))))
        .hasMessageContaining("$.grid.11").hasMessageContaining("CHAMPIONS");
  }

  @Test
  void quintilesFromCalibrationSpreadTiedCutPointsAndTiesScoreLower() {
    List<Customer> population = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      // Recency 1..100 days; 60 one-time buyers then 2..41 orders; monetary 10..1000.
      population.add(customer(DAYS_SINCE_LAST_PURCHASE, (double) i, PURCHASE_DAYS, i <= 60 ? 1.0 : i - 59.0, REVENUE_TOTAL, i * 10.0));
    }
    PluginConfig config = PluginConfig.empty("rfm");
    Map<String, Object> result = Fixtures.calibrate(provider, config, population, 4);
    assertThat(result.get("recencyBreaks")).isEqualTo(List.of(21.0, 41.0, 61.0, 81.0));
    // Plain quintiles would be [1, 1, 1, 21]: F2 and F3 empty. Tied cut points move up to the next
    // value the population has, so 2 and 3 purchase days get scores of their own.
    assertThat(result.get("frequencyBreaks")).isEqualTo(List.of(1.0, 2.0, 3.0, 21.0));
    assertThat(result.get("monetaryBreaks")).isEqualTo(List.of(200.0, 400.0, 600.0, 800.0));
    Classifier c = provider.create(config.with("calibration", result));
    // The 20 most recent score R5; a recency equal to a cut point scores lower.
    assertThat(both(c, customer(DAYS_SINCE_LAST_PURCHASE, 20.0, PURCHASE_DAYS, 1.0, REVENUE_TOTAL, 200.0)).detail()).isEqualTo("511");
    assertThat(both(c, customer(DAYS_SINCE_LAST_PURCHASE, 21.0, PURCHASE_DAYS, 2.0, REVENUE_TOTAL, 200.01)).detail()).isEqualTo("422");
    assertThat(both(c, customer(DAYS_SINCE_LAST_PURCHASE, 100.0, PURCHASE_DAYS, 22.0, REVENUE_TOTAL, 1000.0)).detail()).isEqualTo("155");
  }

  @Test
  void breaksMustBeFourAscendingNumbers() {
    assertThatThrownBy(() -> provider.create(PluginConfig.of("rfm",
            Map.of("method", "threshold", "recencyBreaks", List.of(1, 2, 3)))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("$.recencyBreaks").hasMessageContaining("4 numbers");
  }

  @Test
  void aCustomerSilentForMoreThanLapsedDaysIsNeverRecentWhateverTheQuintiles() {
    List<Customer> population = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      // Everyone lapsed: recency 401..500 days, so plain quintiles would make the 20 least silent R5.
      population.add(customer(DAYS_SINCE_LAST_PURCHASE, 400.0 + i, PURCHASE_DAYS, 1.0 + i % 3, REVENUE_TOTAL, i * 10.0));
    }
    PluginConfig config = PluginConfig.empty("rfm");
    Classifier c = provider.create(config.with("calibration", Fixtures.calibrate(provider, config, population, 2)));

    Assignment a = both(c, customer(DAYS_SINCE_LAST_PURCHASE, 401.0, PURCHASE_DAYS, 1.0, REVENUE_TOTAL, 10.0));
    assertThat(a.detail()).startsWith("2");
    assertThat(a.label()).isEqualTo("HIBERNATING");
    assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).startsWith("R capped at 2").contains("lapsedDays"));

    Classifier off = provider.create(PluginConfig.of("rfm", Map.of("lapsedDays", 1e9)).with("calibration",
        Fixtures.calibrate(provider, PluginConfig.of("rfm", Map.of("lapsedDays", 1e9)), population, 2)));
    assertThat(both(off, customer(DAYS_SINCE_LAST_PURCHASE, 401.0, PURCHASE_DAYS, 1.0, REVENUE_TOTAL, 10.0)).detail()).startsWith("5");
  }
}
