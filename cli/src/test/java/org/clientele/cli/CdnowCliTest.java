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
   * Predictions through the command: the whole master file in the configuration of
   * docs/predictions.md ({@code examples/cdnow/predictions.json}): the predictions step fits a
   * Pareto/NBD and a Gamma-Gamma model at calibration and adds p_alive, predicted_clv, ... to every
   * customer; value's POTENTIAL reads predicted_clv, the churn dimension labels by P(alive) and the
   * churn rules of the playbook plan the calls.
   */
  @Test
  void theMasterFileRunsThroughTheCommandWithPredictionsOn() throws IOException {
    Path master = master();
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/predictions.json").normalize();
    Path results = dir.resolve("predictions.csv");
    Path features = dir.resolve("features.csv");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--transactions", master.toString(), "--out", results.toString(),
        "--features-out", features.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Classified 23,570 customers", "retention-call", "win-back-offer", "second-purchase-offer");
    List<String> lines = Files.readAllLines(results);
    assertThat(lines.get(0)).isEqualTo("id,value,value_score,churn,churn_score,actions,rules,lack_of_data");
    assertThat(lines).hasSize(1 + 23_570);
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[3]).distinct()).contains("ACTIVE", "COOLING", "AT_RISK", "CHURNED");
    // Every customer has a history, so every one gets the predicted features in the features file.
    List<String> rows = Files.readAllLines(features);
    List<String> header = List.of(rows.get(0).split(","));
    assertThat(header).contains("p_alive", "expected_purchases", "churn_risk", "expected_spend", "predicted_clv");
    int alive = header.indexOf("p_alive");
    assertThat(rows.stream().skip(1).map(l -> l.split(",", -1)[alive]).filter(String::isEmpty)).isEmpty();
    // POTENTIAL now comes from predicted value: customers below the important cut-off by revenue
    // whose predicted CLV reaches it (the demo of docs/predictions.md).
    assertThat(lines.stream().skip(1).filter(l -> l.split(",")[1].equals("POTENTIAL")).count()).isPositive();
  }

  /**
   * The holdout validation through the command on the 2,357-customer sample reproduces BTYD: the
   * BG/NBD fit, the holdout purchases by calibration frequency (x.star: 1,882 in all) and the
   * cumulative repeat purchases of cu.tracking (2,457 by week 39, 4,339 by week 78).
   */
  @Test
  void validatePredictionsOnTheSampleReproducesBtyd() throws IOException {
    Path sample = master().resolveSibling("CDNOW_sample.txt");
    Path config = dir.resolve("sample.json");
    Files.writeString(config, """
        { "dimensions": { "value": {} }, "input": { "transactions": { "format": "csv", "delimiter": "whitespace",
          "header": false, "datePattern": "yyyyMMdd", "columns": ["master_id", "customer_id", "date", "quantity", "amount"] } } }
        """);
    Path json = dir.resolve("validation.json");

    Cli.Run run = Cli.run("validate-predictions", "-c", config.toString(), "--transactions", sample.toString(),
        "--calibration-end", "1997-09-30", "--model", "bgnbd", "--json", json.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("2,357 customers first bought in the calibration period")
        .contains("Fit: BG/NBD r=0.2426, α=4.414, a=0.7929, b=2.426; log-likelihood -9582.43")
        .contains("0              1411     0.237     0.225")
        .contains("7+               64     6.359     6.157")
        .contains("total actual 1882, expected 1653.4 (-12.1%)");
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    com.fasterxml.jackson.databind.JsonNode tracking = root.get("tracking").get("rows");
    assertThat(tracking).hasSize(78);
    assertThat(tracking.get(38).get("cumulativeActual").asDouble()).isEqualTo(2457);
    assertThat(tracking.get(77).get("cumulativeActual").asDouble()).isEqualTo(4339);
    assertThat(tracking.get(77).get("holdout").asBoolean()).isTrue();
    assertThat(root.get("byFrequency").get("totalActual").asDouble()).isEqualTo(1882);
  }

  /** The whole master file through the validation, in the predictions configuration: the tables print. */
  @Test
  void validatePredictionsPrintsItsTablesForTheMasterFile() throws IOException {
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/predictions.json").normalize();

    Cli.Run run = Cli.run("validate-predictions", "-c", config.toString(), "--transactions", master().toString(),
        "--calibration-end", "1997-09-30");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("23,570 customers first bought in the calibration period")
        .contains("Fit: Pareto/NBD")
        .contains("frequency customers    actual  expected")
        .contains("0             14119")
        .contains("    78 holdout   ")
        .contains("cumulative error at the end");
  }
}
