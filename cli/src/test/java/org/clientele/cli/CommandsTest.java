package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command through {@link Main#run}: output, files and exit codes. */
class CommandsTest {

  @TempDir static Path data;
  private static DemoFiles demo;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    demo = DemoFiles.write(TransactionPopulation.of(400, 11), data, i -> { });
  }

  private static String[] input(String... more) {
    String[] base = {"--customers", demo.customers().toString(), "--transactions", String.valueOf(demo.transactions())};
    String[] out = new String[base.length + more.length];
    System.arraycopy(base, 0, out, 0, base.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"demo", "classify", "calibrate", "explain", "validate-config", "generate", "compare", "outcomes", "budget"})
  void everyCommandHasHelp(String command) {
    Cli.Run run = Cli.run(command, "--help");
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith(command.equals("demo") || command.equals("classify") ? "" : "")
        .contains("Usage: clientele " + command).contains("-h, --help");
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Cli.Run run = Cli.run("--help");
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("demo", "classify", "calibrate", "explain", "validate-config", "generate",
        "3  finished with rejections", "4  classify --strict-quality");
  }

  @Test
  void aNegativeBudgetIsAUsageErrorBeforeAnyFileIsRead() {
    Cli.Run run = Cli.run("budget", dir.resolve("no-such-outcomes.csv").toString(), "--control-share", "0.2", "--amount", "-5");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Invalid value for option '--amount': -5", "positive amount").doesNotContain("no-such-outcomes.csv");
  }

  @Test
  void aLogEntirelyOnOrAfterTheReferenceDateIsAFailureThatSaysSo() throws IOException {
    Path log = dir.resolve("late.csv");
    Files.writeString(log, "customer_id,date,amount\nA,2024-03-01,10\nB,2024-04-01,20\n");
    Cli.Run run = Cli.run("classify", "--transactions", log.toString(), "--reference-date", "2020-01-01",
        "--out", dir.resolve("late.jsonl").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.out()).contains("all 2 accepted transactions are dated on or after the reference date 2020-01-01")
        .doesNotContain("not one customer was accepted");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Run run = Cli.run();
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Usage: clientele");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Run run = Cli.run("classify", "--tranzactions", "x.csv", "--out", "r.jsonl");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Unknown options: '--tranzactions'").contains("clientele classify --help");
  }

  @Test
  void missingFileIsFatalWithOneLineAndNoStackTrace() {
    Cli.Run run = Cli.run("classify", "--transactions", dir.resolve("nope.csv").toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("clientele: ").contains("nope.csv: file not found; check the path");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    Cli.Run run = Cli.run("classify", "--verbose", "--transactions", dir.resolve("nope.csv").toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("\tat org.clientele");
  }

  @Test
  void typoInADimensionIsFatalNamingThePath() throws IOException {
    Path config = dir.resolve("c.json");
    Files.writeString(config, "{\"dimensions\": {\"risk\": {\"overdu_days\": 30}}}");
    Cli.Run run = Cli.run(concat(new String[] {"classify", "-c", config.toString()}, input("--out", dir.resolve("r.jsonl").toString())));
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("c.json $.dimensions.risk.overdu_days: unknown key");
  }

  @Test
  void typoInTheInputSectionIsFatalNamingThePath() throws IOException {
    Path config = dir.resolve("c.json");
    Files.writeString(config, "{\"dimensions\": {\"risk\": {}}, \"input\": {\"transactions\": {\"delimitr\": \";\"}}}");
    Cli.Run run = Cli.run("validate-config", config.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("c.json $.input.transactions.delimitr: unknown key");
  }

  @Test
  void validateConfigAcceptsTheCdnowExampleAndNamesWhatNeedsCalibration() {
    Path example = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/clientele.json").normalize();
    Cli.Run run = Cli.run("validate-config", example.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("is valid", "dimension value", "provider value", "strategy  playbook")
        .contains("value, rfm are calibrated on the data");
  }

  @Test
  void aCustomersOnlyExportClassifiesWhatItCanAndSaysWhatItLeftOut() throws IOException {
    Path attributesOnly = dir.resolve("accounts.csv");
    Files.writeString(attributesOnly, "id,industry_code,overdue_days\nA,C10,0\nB,G46,120\n");
    Path results = dir.resolve("r.jsonl");
    Cli.Run run = Cli.run("classify", "--customers", attributesOnly.toString(), "--out", results.toString(), "-q");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("warning: value: left out of this run, it could not be calibrated on the 2 customers given",
        "warning: rfm: left out of this run");
    assertThat(Files.readString(results)).contains("\"industry\":\"MANUFACTURING\"", "\"risk\":\"HIGH\"")
        .doesNotContain("\"value\"", "\"rfm\"");

    Cli.Run strict = Cli.run("classify", "--customers", attributesOnly.toString(), "--out", results.toString(), "-q",
        "--strict-quality");
    assertThat(strict.code()).isEqualTo(ExitCodes.QUALITY);
  }

  @Test
  void theReportFileHoldsTheReportAndTheReadCounts() throws IOException {
    Path report = dir.resolve("report.json");
    Cli.Run run = Cli.run(concat(new String[] {"classify"}, input("--out", dir.resolve("r.jsonl").toString(), "--report", report.toString())));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Segmentation report", "Cross-tab: value × behaviour", "Pareto curve");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("totals").get("customers").asLong()).isEqualTo(400);
    JsonNode files = json.get("input").get("files");
    assertThat(files).hasSize(2);
    for (JsonNode f : files) {
      assertThat(f.get("read").asLong()).isEqualTo(f.get("accepted").asLong() + f.get("rejected").asLong());
    }
    assertThat(files.get(0).get("accepted").asLong()).isEqualTo(json.get("input").get("classified").asLong());
  }

  @Test
  void typoInTheReportSectionIsFatal() throws IOException {
    Path config = dir.resolve("c.json");
    Files.writeString(config, "{\"dimensions\": {\"risk\": {}}, \"output\": {\"report\": {\"paretoCurv\": false}}}");
    Cli.Run run = Cli.run("validate-config", config.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("c.json $.output.report.paretoCurv");
  }

  @Test
  void validateConfigRejectsBadJson() throws IOException {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{\"dimensions\": {,}}");
    Cli.Run run = Cli.run("validate-config", config.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("bad.json line 1 column").contains("invalid JSON");
  }

  @Test
  void calibrateThenClassifyWithTheModelGivesTheSameResultsAsCalibratingOnTheRun() throws IOException {
    Path model = dir.resolve("model.json");
    Cli.Run calibrate = Cli.run(concat(new String[] {"calibrate"}, input("--out", model.toString())));
    assertThat(calibrate.code()).as(calibrate.toString()).isEqualTo(ExitCodes.OK);
    assertThat(calibrate.out()).contains("calibrated: value, rfm");
    assertThat(Files.readString(model)).contains("\"calibration\"");

    Path withModel = dir.resolve("a.jsonl");
    Path onTheRun = dir.resolve("b.jsonl");
    assertThat(Cli.run(concat(new String[] {"classify", "--model", model.toString()}, input("--out", withModel.toString()))).code())
        .isEqualTo(ExitCodes.OK);
    assertThat(Cli.run(concat(new String[] {"classify"}, input("--out", onTheRun.toString()))).code()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(withModel)).hasSize(400).isEqualTo(Files.readAllLines(onTheRun));
  }

  @Test
  void aModelIsUsedAsItIsOnOtherData() throws IOException {
    Path model = dir.resolve("model.json");
    assertThat(Cli.run(concat(new String[] {"calibrate"}, input("--out", model.toString()))).code()).isEqualTo(ExitCodes.OK);
    // One customer alone: calibrating on it would make it CORE; the model's cut-offs keep it where it belongs.
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "id,revenue_12m\nX,1\n");
    Path out = dir.resolve("one.jsonl");
    Cli.Run run = Cli.run("classify", "--model", model.toString(), "--customers", one.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(out)).contains("\"value\":\"LOW\"");
  }

  @Test
  void jsonLinesResultsHaveEveryDimensionAndThePlan() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Cli.Run run = Cli.run(concat(new String[] {"classify"}, input("--out", out.toString(), "--threads", "3")));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(400);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("A-0000001"); // input order, whatever the threads
    assertThat(first.get("labels").fieldNames()).toIterable()
        .containsExactly("value", "loyalty", "behaviour", "rfm", "risk", "industry", "purchase_pattern");
    assertThat(first.get("scores").size()).isEqualTo(7);
    assertThat(first.get("actions").isArray()).isTrue();
    assertThat(run.out()).contains("customers.csv: 400 rows read = 400 classified + 0 rejected");
  }

  @Test
  void csvResultsHaveALabelAndAScoreColumnPerDimension() throws IOException {
    Path out = dir.resolve("r.csv");
    assertThat(Cli.run(concat(new String[] {"classify", "-q"}, input("--out", out.toString()))).code()).isEqualTo(ExitCodes.OK);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(
        "id,value,value_score,loyalty,loyalty_score,behaviour,behaviour_score,rfm,rfm_score,risk,risk_score,industry,industry_score,"
            + "purchase_pattern,purchase_pattern_score,actions,rules,lack_of_data");
    assertThat(lines).hasSize(401);
    // The rules column names the rule of each action, in the same order, as JSON Lines do per action.
    Path jsonl = dir.resolve("r.jsonl");
    assertThat(Cli.run(concat(new String[] {"classify", "-q"}, input("--out", jsonl.toString()))).code()).isEqualTo(ExitCodes.OK);
    JsonNode first = new ObjectMapper().readTree(Files.readAllLines(jsonl).get(0));
    List<String> codes = new java.util.ArrayList<>();
    List<String> rules = new java.util.ArrayList<>();
    first.get("actions").forEach(a -> {
      codes.add(a.get("code").asText());
      rules.add(a.get("rule").asText());
    });
    assertThat(rules).hasSizeGreaterThan(1);
    // Then the dimensions labelled for lack of data, as JSON Lines list them.
    List<String> lack = new java.util.ArrayList<>();
    first.get("lackOfData").forEach(d -> lack.add(d.asText()));
    assertThat(lines.get(1)).endsWith(",\"" + String.join(";", codes) + "\",\"" + String.join(";", rules) + "\"," + String.join(";", lack));
  }

  @Test
  void resultsOnStandardOutputPushTheReportToStandardError() {
    Cli.Run run = Cli.run(concat(new String[] {"classify", "-q"}, input("--out", "-")));
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().toList()).hasSize(400).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    assertThat(run.err()).contains("Classified 400 customers");
  }

  @Test
  void explainSpeaksToASalesperson() {
    Cli.Run run = Cli.run(concat(new String[] {"explain", "A-0000042"}, input()));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("Customer A-0000042")
        .contains("value", "loyalty", "behaviour", "rfm", "risk", "industry", "Plan")
        .contains("  - ");
  }

  @Test
  void explainAsJson() throws IOException {
    Cli.Run run = Cli.run(concat(new String[] {"explain", "A-0000007", "--json"}, input()));
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("dimensions")).hasSize(7);
    assertThat(json.get("dimensions").get(0).get("reasons").size()).isPositive();
  }

  /** Four rules that match everyone: one wins channel over another, one vetoes the pricing rule's action. */
  private static final String RULES_CONFIG = """
      {"dimensions": {"value": {}, "risk": {}},
       "strategy": {"provider": "playbook", "coverage": "off", "rules": [
         {"id": "call-everyone", "priority": 10, "rationale": "Keep in touch.",
          "actions": [{"code": "call", "category": "channel", "description": "Call."}]},
         {"id": "visit-everyone", "priority": 90, "rationale": "Meet them.",
          "actions": [{"code": "visit", "category": "channel", "description": "Visit."}]},
         {"id": "discount-everyone", "priority": 50, "rationale": "Sell more.",
          "actions": [{"code": "discount", "category": "pricing", "description": "Discount."}]},
         {"id": "no-discounts", "priority": 40, "rationale": "Margins first.", "vetoes": ["discount"],
          "actions": [{"code": "review", "category": "risk-control", "description": "Review."}]}]}}
      """;

  @Test
  void explainListsTheRulesThatWonWereOutrankedAndWereVetoed() throws IOException {
    Path config = Files.writeString(data.resolve("rules-config.json"), RULES_CONFIG);
    Cli.Run run = Cli.run(concat(new String[] {"explain", "A-0000042", "--config", config.toString()}, input()));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    String out = run.out();
    assertThat(out.substring(out.indexOf("Plan, most urgent first:"))).contains(
        "Rules:\n",
        "  Winning:\n",
        "    - Rule visit-everyone (priority 90) won channel: visit.",
        "    - Rule no-discounts (priority 40) won risk-control: review.",
        "  Outranked:\n",
        "    - Rule call-everyone (priority 10) was outranked in channel by rule visit-everyone (priority 90)",
        "  Vetoed:\n",
        "    - Action discount of rule discount-everyone was vetoed by rule no-discounts.");
  }

  @Test
  void explainAsJsonIncludesTheRules() throws IOException {
    Path config = Files.writeString(data.resolve("rules-config-json.json"), RULES_CONFIG);
    Cli.Run run = Cli.run(concat(new String[] {"explain", "A-0000042", "--json", "--config", config.toString()}, input()));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    JsonNode rules = new ObjectMapper().readTree(run.out()).get("rules");
    assertThat(rules).isNotNull();
    List<String> rows = new java.util.ArrayList<>();
    rules.forEach(r -> rows.add(r.get("status").asText() + " " + r.get("rule").asText() + " " + r.get("action").asText()
        + " " + r.get("category").asText()));
    assertThat(rows).containsExactlyInAnyOrder(
        "MATCHED_WINNER visit-everyone visit CHANNEL",
        "OUTRANKED call-everyone call CHANNEL",
        "VETOED discount-everyone discount PRICING",
        "MATCHED_WINNER no-discounts review RISK_CONTROL");
  }

  @Test
  void explainAnUnknownIdSaysWhereItLooked() {
    Cli.Run run = Cli.run(concat(new String[] {"explain", "a-0000042"}, input()));
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("no customer with id \"a-0000042\"", "customers.csv");
  }

  @Test
  void generateWritesFeaturesThatClassifyWithoutTransactions() throws IOException {
    Cli.Run gen = Cli.run("generate", "--customers", "250", "--features", "--out", dir.toString());
    assertThat(gen.code()).isEqualTo(ExitCodes.OK);
    Path out = dir.resolve("r.jsonl");
    Cli.Run run = Cli.run("classify", "--customers", dir.resolve("customers.csv").toString(), "--out", out.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out)).hasSize(250);
  }

  @Test
  void demoPrintsTheReportWithThePlanAndWritesTheHtmlReport() throws Exception {
    Path html = data.resolve("demo-report.html");
    Cli.Run run = Cli.run("demo", "--customers", "500", "--report-html", html.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("Clientele demo: 500 synthetic B2B accounts")
        .contains("customers.csv: 500 rows read = 500 classified + 0 rejected")
        .contains("CORE", "CHAMPIONS", "UNRATED", "MANUFACTURING")
        .containsPattern("Plan: actions by customers \\([0-9,]+ of 500 customers have at least one action")
        // The frequency x order value grid with every quadrant, and the industry-aware actions.
        .contains("Purchase pattern: orders_12m × average_order_value (purchase_pattern)", "FREQUENT_BIG_ORDERS: ",
            "FREQUENT_SMALL_ORDERS: ", "OCCASIONAL_BIG_ORDERS: ", "OCCASIONAL_SMALL_ORDERS: ")
        .contains("quality-delivery-commitment", "response-time-commitment", "range-and-promotion-calendar")
        .contains("HTML report: " + html.toAbsolutePath().normalize());
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<section id=\"plan\"")
        .contains("<section id=\"purchase-grid\"");
  }

  @Test
  void demoWithoutTheHtmlReportWritesNone() {
    Cli.Run run = Cli.run("demo", "--customers", "50", "--no-report-html");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).doesNotContain("HTML report");
    assertThat(Path.of(DemoCommand.DEFAULT_HTML)).doesNotExist();
  }
}
