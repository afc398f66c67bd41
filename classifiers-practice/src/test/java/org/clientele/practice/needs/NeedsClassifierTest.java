package org.clientele.practice.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.practice.PracticeFeatures.PRODUCT_LINES;
import static org.clientele.practice.PracticeFeatures.PROJECT_PURCHASES;
import static org.clientele.practice.PracticeFeatures.SERVICE_TICKET_SHARE;
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

class NeedsClassifierTest {

  @TempDir Path dir;

  private static Classifier needs(Map<String, ?> config) {
    return new NeedsClassifierProvider().create(PluginConfig.of("needs", "clientele.json", "$.dimensions.needs", config));
  }

  private static Customer customer(Double projects, Double lines, Double share) {
    return Customer.builder("C1").setOrRemove(PROJECT_PURCHASES, projects).setOrRemove(PRODUCT_LINES, lines)
        .setOrRemove(SERVICE_TICKET_SHARE, share).build();
  }

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of(Named.of("projects across three lines: a solution, whatever the service share", customer(1.0, 3.0, 0.9)), "SOLUTION"),
        Arguments.of(Named.of("projects on two lines only: not a solution; service share 30% is at the cut-off", customer(2.0, 2.0, 0.3)), "SERVICE"),
        Arguments.of(Named.of("no projects, many lines, little service: product", customer(0.0, 5.0, 0.29)), "PRODUCT"),
        Arguments.of(Named.of("service share high, purchases unknown: service", customer(null, null, 0.5)), "SERVICE"),
        Arguments.of(Named.of("little service, purchases unknown: a solution cannot be ruled out", customer(null, null, 0.1)), "UNKNOWN"),
        Arguments.of(Named.of("no solution, service share unknown: service or product cannot be told", customer(0.0, 1.0, null)), "UNKNOWN"),
        Arguments.of(Named.of("one project, lines unknown, little service: not ruled out either", customer(1.0, null, 0.1)), "UNKNOWN"),
        Arguments.of(Named.of("nothing known", customer(null, null, null)), "UNKNOWN"));
  }

  @ParameterizedTest
  @MethodSource("defaults")
  void theDefaultCutOffsDecide(Customer customer, String label) {
    assertThatAssignment(needs(Map.of()).explain(customer)).hasLabel(label).hasReasons();
  }

  @Test
  void theReasonsNameEveryInputAndWhatIsMissing() {
    assertThatAssignment(needs(Map.of()).explain(customer(1.0, 4.0, 0.2)))
        .hasLabel("SOLUTION")
        .hasReasonContaining("1 project or bundle purchases in the last 12 months, at least 1")
        .hasReasonContaining("4 product lines in the last 12 months, at least 3")
        .hasReasonContaining("needs SOLUTION");
    assertThatAssignment(needs(Map.of()).explain(customer(0.0, 1.0, null)))
        .hasLabel("UNKNOWN")
        .hasReasonAboutMissing(SERVICE_TICKET_SHARE)
        .hasReasonContaining("add the column to the customers");
    assertThatAssignment(needs(Map.of()).explain(customer(0.0, 2.0, 0.45)))
        .hasLabel("SERVICE").hasScore(0.45)
        .hasReasonContaining("Service tickets are 45.0% of tickets and orders, at or above the service cut-off 30.0%");
  }

  @Test
  void theCutOffsAreConfigurable() {
    Classifier strict = needs(Map.of("serviceThreshold", 0.6, "solution", Map.of("minProjects", 2, "minProductLines", 1)));
    assertThatAssignment(strict.explain(customer(0.0, 2.0, 0.45))).hasLabel("PRODUCT");
    assertThatAssignment(strict.explain(customer(2.0, 1.0, 0.1))).hasLabel("SOLUTION");
    assertThatAssignment(strict.explain(customer(1.0, 5.0, 0.1))).hasLabel("PRODUCT");
  }

  static Stream<Arguments> implausible() {
    return Stream.of(
        Arguments.of(Named.of("a percentage for the share: not SERVICE", customer(0.0, 2.0, 45.0)),
            "service_ticket_share", "Service ticket share 45 is not a share between 0 and 1 (a percentage? write 0.3"
                + " for 30%)"),
        Arguments.of(Named.of("a negative share: not PRODUCT", customer(0.0, 5.0, -0.1)),
            "service_ticket_share", "Service ticket share -0.1 is not a share"),
        Arguments.of(Named.of("negative product lines: not PRODUCT", customer(0.0, -2.0, 0.1)),
            "product_lines", "-2 product lines is not a count"),
        Arguments.of(Named.of("negative projects: not PRODUCT", customer(-1.0, 1.0, 0.1)),
            "project_purchases", "-1 project or bundle purchases is not a count"),
        Arguments.of(Named.of("2.5 projects on 3 lines: not SOLUTION", customer(2.5, 3.0, 0.1)),
            "project_purchases", "2.5 project or bundle purchases is not a count"),
        Arguments.of(Named.of("a bad count is named even when the others are missing", customer(null, 1.5, null)),
            "product_lines", "1.5 product lines is not a count"));
  }

  @ParameterizedTest
  @MethodSource("implausible")
  void aValueThatCannotBeWhatItsColumnSaysIsUnknownForLackOfData(Customer customer, String column, String reason) {
    assertThatAssignment(needs(Map.of()).explain(customer)).hasLabel("UNKNOWN").hasNoScore()
        .hasReasonAbout(column).hasReasonContaining(reason)
        .hasReasonContaining("needs UNKNOWN (lack of data: a value is present but could not be placed)")
        .satisfies(a -> assertThat(a.fallback()).as("labelled for lack of data, not measured").isTrue());
  }

  @Test
  void aCalibratedCutOffIgnoresSharesItWillNotPlace() {
    NeedsSettings settings = NeedsSettings.read(
        PluginConfig.of("needs", "clientele.json", "$.dimensions.needs", Map.of("serviceTopShare", 0.5)));
    NeedsCalibrator clean = new NeedsCalibrator(settings);
    NeedsCalibrator polluted = new NeedsCalibrator(settings);
    for (double share : new double[] {0.1, 0.2, 0.3, 0.4}) {
      clean.observe(customer(0.0, 1.0, share));
      polluted.observe(customer(0.0, 1.0, share));
    }
    for (double share : new double[] {45.0, 60.0, -0.5}) {
      polluted.observe(customer(0.0, 1.0, share)); // percentages would pull the cut-off above every real share
    }
    assertThat(polluted.result()).isEqualTo(clean.result()).containsEntry("population", 4L);
  }

  @Test
  void aFixedAndACalibratedCutOffTogetherAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> needs(Map.of("serviceThreshold", 0.3, "serviceTopShare", 0.2)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.needs.serviceTopShare: set serviceThreshold (a fixed cut-off) or"
            + " serviceTopShare (a calibrated one), not both");
    assertThatThrownBy(() -> needs(Map.of("serviceThreshold", 30)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.needs.serviceThreshold");
  }

  @Test
  void aCrmExportWithOnlyTheNeedsColumnsIsClassifiedByTheJob() throws IOException {
    String csv = """
        Account ID,service_ticket_share,product_lines,project_purchases
        A1,0.10,4,2
        A2,0.55,1,0
        A3,0.05,2,0
        A4,,2,0
        A5,0.35,,
        """.replace("Account ID", "id");
    assertThat(CrmFile.labels(dir, csv, "needs"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("SOLUTION", 1, "SERVICE", 2, "PRODUCT", 1, "UNKNOWN", 1));
  }
}
