package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an analyst found in the cycle commands ({@code outcomes}, {@code budget}, {@code compare}). */
class CycleFindingsTest {

  @TempDir Path dir;
  private Path customers;

  @BeforeEach
  void customers() throws IOException {
    StringBuilder csv = new StringBuilder("id,revenue_12m,orders_12m,overdue_days\n");
    for (int i = 0; i < 60; i++) {
      csv.append("C").append(i).append(',').append(100 * (i + 1) * (i + 1)).append(',').append(1 + i % 7)
          .append(',').append(i % 5 == 0 ? 95 : 0).append('\n');
    }
    customers = Files.writeString(dir.resolve("customers.csv"), csv);
  }

  private Path classify(String name, String config) throws IOException {
    Path conf = Files.writeString(dir.resolve(name + ".json"), config);
    Path out = dir.resolve(name + ".jsonl");
    Cli.Run run = Cli.run("classify", "-c", conf.toString(), "--customers", customers.toString(), "--out", out.toString(),
        "--no-progress", "-q", "--control-share", "0.2");
    assertThat(run.code()).as(run.toString()).isIn(ExitCodes.OK, ExitCodes.QUALITY);
    return out;
  }

  @Test
  void outcomesWarnsOfARuleIdNoCustomerOfTheResultsGotWithTheNearestOne() throws IOException {
    Path results = classify("results", "{\"dimensions\": {\"value\": {\"method\": \"threshold\"}, \"risk\": {}}}");
    TreeSet<String> rules = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(results)) {
      for (JsonNode a : json.readTree(line).get("actions")) {
        rules.add(a.get("rule").asText());
      }
    }
    String rule = rules.first();
    String typo = rule.substring(0, rule.length() - 1);
    Path outcomes = Files.writeString(dir.resolve("outcomes.csv"), "customer_id,rule,date,response,revenue_after\n"
        + "C1," + rule + ",2025-02-01,accepted,10\nC2," + typo + ",2025-02-01,declined,0\n");

    Cli.Run run = Cli.run("outcomes", outcomes.toString(), "--results", results.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.QUALITY);
    assertThat(run.err()).contains("rule '" + typo + "' (1 outcome row) is not a rule of",
        "did you mean '" + rule + "'?").doesNotContain("rule '" + rule + "' (");
  }

  @Test
  void outcomesRejectionFixesNameNoConfigurationTheCommandDoesNotTake() throws IOException {
    Path outcomes = Files.writeString(dir.resolve("outcomes.csv"), "customer_id,rule,date,response,revenue_after\n"
        + "C1,r1,01/02/2025,accepted,10\nC2,r1,2025-02-01,accepted,\"$1,200\"\n");
    Path rejected = dir.resolve("rejected.csv");

    Cli.Run run = Cli.run("outcomes", outcomes.toString(), "--control-share", "0.2", "--rejections", rejected.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REJECTIONS);
    String text = Files.readString(rejected);
    assertThat(text).contains("yyyy-MM-dd", "plain number").doesNotContain("configuration").doesNotContain("datePattern");
  }

  @Test
  void budgetThatCanPlaceNothingSaysSoAndPrintsNoFalseTotal() throws IOException {
    StringBuilder rows = new StringBuilder("customer_id,rule,date,response,revenue_after\n");
    for (int i = 0; i < 8; i++) {
      rows.append("C").append(i).append(",r1,2025-02-01,accepted,10\n");
    }
    Path outcomes = Files.writeString(dir.resolve("outcomes.csv"), rows);

    Cli.Run run = Cli.run("budget", outcomes.toString(), "--control-share", "0.2", "--amount", "1000");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.out()).containsPattern("total placed +0\\.00").containsPattern("not placed +1,000\\.00")
        .doesNotContainPattern("total +1,000\\.00");
    assertThat(run.err()).contains("nothing of the 1,000.00 could be placed");
  }

  @Test
  void compareSaysWhichDimensionIsInOneSnapshotOnly() throws IOException {
    Path older = classify("older", "{\"dimensions\": {\"value\": {\"method\": \"threshold\"}}, \"strategy\": null}");
    Path newer = classify("newer", "{\"dimensions\": {\"value\": {\"method\": \"threshold\"}, \"risk\": {}}, \"strategy\": null}");

    Cli.Run run = Cli.run("compare", "--no-reasons", older.toString(), newer.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Not compared: dimension 'risk' is in " + newer + " only (not in " + older + ")");
  }
}
