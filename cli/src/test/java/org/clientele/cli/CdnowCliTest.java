package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Classification;
import org.clientele.core.Model;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.InputConfig;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDNOW master file (69,659 transactions of 23,570 customers) through the command, read by
 * configuration alone ({@code examples/cdnow/clientele.json}): one result per customer, nothing
 * rejected. Reads {@code $clientele.sharedData/cdnow}; skipped where that folder is absent.
 */
class CdnowCliTest {

  @TempDir Path dir;

  @Test
  void theMasterFileGives23570ResultsAndNoRejections() throws IOException {
    Path master = Path.of(System.getProperty("clientele.sharedData", "../../shared/data"), "cdnow", "CDNOW_master.txt");
    assumeTrue(Files.isRegularFile(master),
        "CDNOW master file not found at " + master.toAbsolutePath() + " (set -Dclientele.sharedData); test skipped");
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/clientele.json").normalize();
    Path results = dir.resolve("cdnow.csv");
    Path rejections = dir.resolve("rejections.csv");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--transactions", master.toString(),
        "--out", results.toString(), "--rejections", rejections.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("CDNOW_master.txt: 69,659 rows read = 69,659 accepted + 0 rejected; 23,570 customers with purchases as of 1998-07-01")
        .contains("Classified 23,570 customers; no rows rejected.");
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(1 + 23_570);
    assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count()).isEqualTo(23_570);
    assertThat(Files.readAllLines(rejections)).hasSize(1); // the header alone
  }

  /**
   * The defaults survive a population where most customers bought once and lapsed (issue 12,
   * docs/classifiers.md): RFM populates at least 8 of its 11 segments, no customer silent for more
   * than 365 days is PROMISING, NEW_CUSTOMERS or POTENTIAL_LOYALIST, and no LOST customer is loyal
   * HIGH. Before: 6 segments, F and M cut points tied at 0, 1,089 lapsed customers PROMISING, 149
   * HIGH and LOST.
   */
  @Test
  void theDefaultsGiveNoLapsedCustomerARecentOrLoyalLabel() {
    Path master = master();
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/clientele.json").normalize();
    List<Classification> results = new ArrayList<>();
    SegmentationResult run = Segmentation.builder().configuration(config).transactions(master).build()
        .run(results::add, RejectionSink.strict());
    Model model = run.engine().orElseThrow().model();
    FeatureDeriver features = FeatureDeriver.derive(master, InputConfig.fromConfig(model.section("input")).transactions(),
        DerivationOptions.defaults(), RejectionSink.strict()).features();
    Map<String, Double> silentDays = new HashMap<>();
    features.customers().forEachRemaining(c -> silentDays.put(c.id(), c.number(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, Double.NaN)));

    Map<String, Integer> rfm = new TreeMap<>();
    int lapsedRecent = 0;
    int lostHigh = 0;
    for (Classification c : results) {
      rfm.merge(c.label("rfm"), 1, Integer::sum);
      if (silentDays.get(c.customerId()) > 365
          && Set.of("PROMISING", "NEW_CUSTOMERS", "POTENTIAL_LOYALIST").contains(c.label("rfm"))) {
        lapsedRecent++;
      }
      if (c.label("behaviour").equals("LOST") && c.label("loyalty").equals("HIGH")) {
        lostHigh++;
      }
    }
    assertThat(results).hasSize(23_570);
    assertThat(rfm).as("RFM segments on CDNOW").hasSizeGreaterThanOrEqualTo(8);
    assertThat(lapsedRecent).as("customers silent > 365 days labelled as recent").isZero();
    assertThat(lostHigh).as("LOST customers with loyalty HIGH").isZero();
  }

  private static Path master() {
    Path master = Path.of(System.getProperty("clientele.sharedData", "../../shared/data"), "cdnow", "CDNOW_master.txt");
    assumeTrue(Files.isRegularFile(master),
        "CDNOW master file not found at " + master.toAbsolutePath() + " (set -Dclientele.sharedData); test skipped");
    return master;
  }

  /**
   * Predictions through the command: the whole master file, derived in the lifetimes mode to the
   * end of the calibration period (1997-09-30, weeks), a Pareto/NBD fit at calibration, and the
   * churn dimension for every customer (examples/cdnow/predictions.json, docs/predictions.md).
   */
  @Test
  void theMasterFileRunsThroughTheCommandWithPredictionsOn() throws IOException {
    Path master = master();
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/predictions.json").normalize();
    Path results = dir.resolve("churn.csv");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--transactions", master.toString(), "--out", results.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Classified 23,570 customers", "20,573 accepted rows are dated on or after the reference date 1997-10-01");
    List<String> lines = Files.readAllLines(results);
    assertThat(lines.get(0)).isEqualTo("id,churn,churn_score,actions,rules");
    assertThat(lines).hasSize(1 + 23_570);
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct()).contains("ACTIVE", "AT_RISK");
  }
}
