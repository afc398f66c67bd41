package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.cycle.OutcomeAnalysis;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.io.OutcomeReader;
import org.clientele.core.io.OutcomeRecord;
import org.clientele.core.io.RejectionSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control groups and {@code clientele outcomes} on the demo population with simulated outcomes: one
 * rule truly works (35% accept when treated, 10% when held out), one does nothing (15% either way).
 */
class OutcomesCommandTest {

  private static final long SEED = 20250101L;

  @TempDir Path dir;
  private String customers;
  private String tx;
  private Path model;

  @BeforeEach
  void demo() {
    assertThat(Cli.run("generate", "--customers", "3000", "--out", dir.toString(), "--no-progress").code()).isZero();
    customers = dir.resolve("customers.csv").toString();
    tx = dir.resolve("transactions.csv").toString();
    model = dir.resolve("model.json");
    assertThat(Cli.run("calibrate", "--customers", customers, "--transactions", tx, "--out", model.toString()).code()).isZero();
  }

  private Path classify(String name, String... extra) {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("classify", "-m", model.toString(), "--customers", customers,
        "--transactions", tx, "--out", out.toString(), "-q", "--control-share", "0.2"));
    args.addAll(List.of(extra));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.toString()).isZero();
    return out;
  }

  /** Per rule: customer id to true if held out, false if treated, read from a results file. */
  private static Map<String, Map<String, Boolean>> groups(Path results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, Boolean>> byRule = new TreeMap<>();
    for (String line : Files.readAllLines(results)) {
      JsonNode r = json.readTree(line);
      String id = r.get("id").asText();
      for (JsonNode a : r.get("actions")) {
        byRule.computeIfAbsent(a.get("rule").asText(), k -> new LinkedHashMap<>()).put(id, false);
      }
      for (JsonNode rule : r.get("heldOut")) {
        byRule.computeIfAbsent(rule.asText(), k -> new LinkedHashMap<>()).put(id, true);
      }
    }
    return byRule;
  }

  @Test
  void controlGroupMembershipIsTheSameAcrossRunsAndThreadCounts() throws IOException {
    Map<String, Map<String, Boolean>> one = groups(classify("a.jsonl", "--threads", "1"));
    Map<String, Map<String, Boolean>> two = groups(classify("b.jsonl", "--threads", "2"));
    Map<String, Map<String, Boolean>> again = groups(classify("c.jsonl", "--threads", "2"));
    assertThat(one).isEqualTo(two).isEqualTo(again).isNotEmpty();
    ControlGroup control = ControlGroup.of(0.2);
    long held = 0;
    long all = 0;
    for (Map.Entry<String, Map<String, Boolean>> rule : one.entrySet()) {
      for (Map.Entry<String, Boolean> c : rule.getValue().entrySet()) {
        assertThat(c.getValue()).isEqualTo(control.heldOut(c.getKey(), rule.getKey()));
        held += c.getValue() ? 1 : 0;
        all++;
      }
    }
    assertThat((double) held / all).isBetween(0.17, 0.23);
    // A fresh salt draws another group.
    Map<String, Map<String, Boolean>> salted = groups(classify("d.jsonl", "--control-salt", "2025-02"));
    assertThat(salted).isNotEqualTo(one);
  }

  /** Simulates outcomes for the two rules that select the most customers; returns [working, inert]. */
  private List<String> simulate(Map<String, Map<String, Boolean>> byRule, Path file, boolean leak) throws IOException {
    List<String> rules = byRule.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .map(Map.Entry::getKey).limit(2).toList();
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder out = new StringBuilder("customer_id,rule,action,date,response,revenue_after,cost,group\n");
    boolean leaked = false;
    for (int k = 0; k < 2; k++) {
      String rule = rules.get(k);
      for (Map.Entry<String, Boolean> c : new TreeMap<>(byRule.get(rule)).entrySet()) {
        boolean held = c.getValue();
        double p = k == 0 ? (held ? 0.10 : 0.35) : 0.15;
        boolean accepted = random.nextDouble() < p;
        double revenue = accepted ? 150 + random.nextInt(100) : 0;
        String group = held ? "held_out" : "treated";
        String cost = held ? "0" : "12.50";
        if (leak && held && !leaked) {
          group = "treated"; // a held-out customer who was contacted anyway
          cost = "12.50";
          leaked = true;
        }
        out.append(c.getKey()).append(',').append(rule).append(",,2025-02-01,")
            .append(accepted ? "accepted" : "no_response").append(',').append(revenue).append(',').append(cost)
            .append(',').append(group).append('\n');
      }
    }
    Files.writeString(file, out);
    return rules;
  }

  @Test
  void outcomesFindsTheRuleThatWorksAndCannotTellTheInertOneFromZero() throws IOException {
    Path results = classify("results.jsonl");
    Path outcomes = dir.resolve("outcomes.csv");
    List<String> rules = simulate(groups(results), outcomes, false);

    Cli.Run run = Cli.run("outcomes", outcomes.toString(), "--control-share", "0.2", "--results", results.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("rows read = ").contains("Control group: 20% of each rule's customers held out");

    List<OutcomeRecord> rows = new ArrayList<>();
    try (OutcomeReader r = OutcomeReader.open(outcomes, RejectionSink.strict())) {
      r.forEachRemaining(rows::add);
    }
    OutcomeAnalysis a = OutcomeAnalysis.analyse(rows, ControlGroup.of(0.2), null, OutcomeAnalysis.DEFAULT_MIN_SAMPLE);
    OutcomeAnalysis.Lift works = a.row(rules.get(0));
    OutcomeAnalysis.Lift inert = a.row(rules.get(1));
    assertThat(works).isNotNull();
    assertThat(inert).isNotNull();
    assertThat(works.heldOut().customers()).isGreaterThanOrEqualTo(30);
    assertThat(works.response().verdict()).as(works.toString()).isEqualTo(OutcomeAnalysis.Verdict.POSITIVE);
    assertThat(works.response().low()).isGreaterThan(0);
    assertThat(works.revenue().verdict()).isEqualTo(OutcomeAnalysis.Verdict.POSITIVE);
    assertThat(inert.response().verdict()).as(inert.toString()).isEqualTo(OutcomeAnalysis.Verdict.NOT_DISTINGUISHABLE);
    assertThat(inert.response().low()).isLessThan(0);
    assertThat(inert.response().high()).isGreaterThan(0);
    assertThat(run.out()).containsPattern(rules.get(0).replace("-", "\\-") + " +.*works \\(interval above 0\\)")
        .containsPattern(rules.get(1).replace("-", "\\-") + " +.*not distinguishable from 0")
        .contains(rules.get(0) + " | ");
    assertThat(a.leaks()).isEmpty();
  }

  @Test
  void aControlGroupThatLeaksIsCaught() throws IOException {
    Path results = classify("results.jsonl");
    Path outcomes = dir.resolve("outcomes.csv");
    simulate(groups(results), outcomes, true);
    Cli.Run run = Cli.run("outcomes", outcomes.toString(), "--control-share", "0.2");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.QUALITY);
    assertThat(run.out()).contains("CONTROL GROUP LEAK: 1 rows disagree with the control group")
        .contains("the file says treated, the control group says held_out");
  }

  @Test
  void tooSmallASampleIsSaidAndBadRowsAreRejected() throws IOException {
    Path outcomes = dir.resolve("small.csv");
    StringBuilder out = new StringBuilder("customer_id,rule,date,response,revenue_after\n");
    for (int i = 0; i < 40; i++) {
      out.append("C").append(i).append(",r1,2025-02-01,").append(i % 3 == 0 ? "accepted" : "declined").append(",10\n");
    }
    out.append("X,r1,2025-02-31,accepted,10\n").append("Y,r1,2025-02-01,maybe,10\n").append("Z,r1,2025-02-01,accepted,-5\n");
    Files.writeString(outcomes, out);
    Path rejected = dir.resolve("rejected.csv");
    Cli.Run run = Cli.run("outcomes", outcomes.toString(), "--control-share", "0.2", "--rejections", rejected.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REJECTIONS);
    assertThat(run.out()).contains("small.csv: 43 rows read = 40 accepted + 3 rejected")
        .contains("too small to tell (fewer than 30 in a group)");
    assertThat(new TreeSet<>(Files.readAllLines(rejected).subList(1, 4)).toString())
        .contains("date").contains("response").contains("revenue_after");
  }

  @Test
  void budgetSendsMoreToTheRuleThatWorksAndWarnsWhenMinimumsTakeMoreThanHalf() throws IOException {
    Path results = classify("results.jsonl");
    Path outcomes = dir.resolve("outcomes.csv");
    List<String> rules = simulate(groups(results), outcomes, false);

    Cli.Run run = Cli.run("budget", outcomes.toString(), "--control-share", "0.2", "--amount", "10000");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    BigDecimal works = amount(run.out(), rules.get(0));
    BigDecimal inert = amount(run.out(), rules.get(1));
    assertThat(works).isGreaterThan(inert);
    assertThat(works.add(inert)).isEqualByComparingTo("10000");
    assertThat(run.out()).doesNotContain("WARNING");
    Cli.Run again = Cli.run("budget", outcomes.toString(), "--control-share", "0.2", "--amount", "10000");
    assertThat(again.out()).isEqualTo(run.out());

    Cli.Run minimums = Cli.run("budget", outcomes.toString(), "--control-share", "0.2", "--amount", "10000",
        "--minimum-each", "2500");
    assertThat(minimums.out()).as("minimums add up to 50%, not more: no warning").doesNotContain("WARNING");
    Cli.Run dominated = Cli.run("budget", outcomes.toString(), "--control-share", "0.2", "--amount", "10000",
        "--minimum", rules.get(1) + "=6000");
    assertThat(dominated.code()).as(dominated.toString()).isEqualTo(ExitCodes.OK);
    assertThat(dominated.out()).contains("WARNING: the minimums take 60.0% of the budget (6000.00 of 10000.00)")
        .contains("at minimum");
  }

  @Test
  void outcomesTakeTheControlGroupRecordedBesideTheResultsAndRefuseOneThatDisagrees() throws IOException {
    Path results = classify("results.jsonl", "--control-salt", "2025-02");
    Path outcomes = dir.resolve("outcomes.csv");
    simulate(groups(results), outcomes, false);

    Cli.Run recorded = Cli.run("outcomes", outcomes.toString(), "--results", results.toString());
    assertThat(recorded.code()).as(recorded.toString()).isEqualTo(ExitCodes.OK);
    assertThat(recorded.out()).contains("Control group: 20% of each rule's customers held out (salt '2025-02'), as recorded in "
        + results + ".snapshot.json").doesNotContain("LEAK");
    // Without the salt, the control group says other customers were held out: every group column disagrees.
    Cli.Run unsalted = Cli.run("outcomes", outcomes.toString(), "--control-share", "0.2");
    assertThat(unsalted.code()).as(unsalted.toString()).isEqualTo(ExitCodes.QUALITY);

    Cli.Run wrong = Cli.run("outcomes", outcomes.toString(), "--results", results.toString(), "--control-share", "0.1");
    assertThat(wrong.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(wrong.err()).contains("--control-share 0.1 disagrees with " + results + ".snapshot.json")
        .contains("written with --control-share 0.2").contains("Fix: drop --control-share");
    Cli.Run neither = Cli.run("outcomes", outcomes.toString());
    assertThat(neither.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(neither.err()).contains("which customers were held out?").contains("--control-share");
  }

  @Test
  void csvResultsCarryTheRulesAndTheHeldOutRulesLikeJsonLines() {
    Path jsonl = classify("results.jsonl");
    Path csv = classify("results.csv");
    Snapshot a = Snapshot.read(jsonl);
    Snapshot b = Snapshot.read(csv);
    assertThat(b.hasRules()).isTrue();
    assertThat(b.ids()).containsExactlyElementsOf(a.ids());
    long held = 0;
    for (String id : a.ids()) {
      assertThat(b.rules(id)).as(id).isEqualTo(a.rules(id));
      assertThat(b.heldOutRules(id)).as(id).isEqualTo(a.heldOutRules(id));
      held += a.heldOutRules(id).size();
    }
    assertThat(held).isPositive();
  }

  @Test
  void budgetAcrossSegmentsAndCustomersAddsUpToTheCentAndSendsMoreToTheRuleThatWorks() throws IOException {
    Path results = classify("results.jsonl");
    Path outcomes = dir.resolve("outcomes.csv");
    Map<String, Map<String, Boolean>> byRule = groups(results);
    List<String> rules = simulate(byRule, outcomes, false);
    Path perCustomer = dir.resolve("budget.csv");

    Cli.Run run = Cli.run("budget", outcomes.toString(), "--results", results.toString(), "--amount", "20000.01",
        "--per-customer", perCustomer.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("as recorded in " + results + ".snapshot.json").contains("rule | segment")
        .contains("Per customer: " + perCustomer).doesNotContain("WARNING");
    List<String> lines = Files.readAllLines(perCustomer);
    assertThat(lines.get(0)).isEqualTo("customer_id,rule,segment,amount");
    // Every customer a rule of the outcomes selects and does not hold out has a row; the held-out ones have none.
    long treated = rules.stream().flatMap(r -> byRule.get(r).values().stream()).filter(h -> !h).count();
    assertThat(run.out()).contains("Not funded: " + (byRule.size() - 2) + " rules without outcomes (");
    assertThat(lines).hasSize(1 + (int) treated);
    BigDecimal sum = BigDecimal.ZERO;
    Map<String, BigDecimal> perRule = new TreeMap<>();
    Map<String, Integer> countPerRule = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertThat(byRule.get(f[1]).get(f[0])).as(line).isFalse();
      sum = sum.add(new BigDecimal(f[3]));
      perRule.merge(f[1], new BigDecimal(f[3]), BigDecimal::add);
      countPerRule.merge(f[1], 1, Integer::sum);
    }
    assertThat(sum).isEqualByComparingTo("20000.01");
    BigDecimal works = perRule.get(rules.get(0)).divide(BigDecimal.valueOf(countPerRule.get(rules.get(0))), 2, java.math.RoundingMode.HALF_EVEN);
    BigDecimal inert = perRule.get(rules.get(1)).divide(BigDecimal.valueOf(countPerRule.get(rules.get(1))), 2, java.math.RoundingMode.HALF_EVEN);
    assertThat(works).isGreaterThan(inert);
    assertThat(Cli.run("budget", outcomes.toString(), "--results", results.toString(), "--amount", "20000.01",
        "--per-customer", dir.resolve("again.csv").toString()).code()).isZero();
    assertThat(Files.readAllLines(dir.resolve("again.csv"))).isEqualTo(lines);

    // Per-customer minimums that add up to more than half of the amount are said.
    BigDecimal minimum = new BigDecimal("12000").divide(BigDecimal.valueOf(treated), 2, java.math.RoundingMode.CEILING);
    Cli.Run dominated = Cli.run("budget", outcomes.toString(), "--results", results.toString(), "--amount", "20000",
        "--minimum-per-customer", minimum.toPlainString());
    assertThat(dominated.code()).as(dominated.toString()).isEqualTo(ExitCodes.OK);
    assertThat(dominated.out()).contains("WARNING: the minimums take 6");
    Cli.Run mixed = Cli.run("budget", outcomes.toString(), "--results", results.toString(), "--amount", "20000",
        "--minimum-each", "10");
    assertThat(mixed.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(mixed.err()).contains("with --results the bounds are per customer");
  }

  private static BigDecimal amount(String out, String rule) {
    for (String line : out.split("\\R")) {
      if (line.startsWith(rule + " ")) {
        String[] f = line.trim().split(" +");
        return new BigDecimal(f[f.length - 2].replace(",", ""));
      }
    }
    throw new AssertionError("no line for " + rule + " in\n" + out);
  }

  @Test
  void theHtmlReportShowsTheMigrationAndTheOutcomeLiftWhenGivenAPreviousSnapshotAndOutcomes() throws IOException {
    Path before = classify("before.jsonl", "--reference-date", "2024-07-01");
    Path outcomes = dir.resolve("outcomes.csv");
    List<String> rules = simulate(groups(before), outcomes, false);
    Path html = dir.resolve("report.html");
    Path plain = dir.resolve("plain.html");
    classify("plain.jsonl", "--report-html", plain.toString());
    Path after = dir.resolve("after.jsonl");
    Cli.Run run = Cli.run("classify", "-m", model.toString(), "--customers", customers, "--transactions", tx, "--out",
        after.toString(), "-q", "--control-share", "0.2", "--previous", before.toString(), "--outcomes", outcomes.toString(),
        "--report-html", html.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Migration since " + before + " (same model)").containsPattern("  value: [0-9,]+ stayed, [0-9,]+ moved")
        .contains("HTML report: with the migration and the outcome lift");
    String page = Files.readString(html);
    assertThat(page).contains("Migration between snapshots").contains("before \\ after").contains(" customers became ")
        .contains("Outcome lift per rule").contains(rules.get(0)).contains("positive").contains("not distinguishable");
    // This run without a control group: the outcomes are still measured with the one recorded beside --previous.
    Cli.Run noControl = Cli.run("classify", "-m", model.toString(), "--customers", customers, "--transactions", tx, "--out",
        dir.resolve("next.jsonl").toString(), "-q", "--previous", before.toString(), "--outcomes", outcomes.toString());
    assertThat(noControl.code()).as(noControl.toString()).isZero();
    assertThat(noControl.out()).doesNotContain("CONTROL GROUP LEAK").containsPattern(rules.get(0).replace("-", "\\-")
        + " +.*works \\(interval above 0\\)");
    // Without them the two sections stay placeholders: nothing of theirs is written.
    assertThat(Files.readString(plain)).doesNotContain(" customers became ").doesNotContain("Treated against held out");
  }
}
