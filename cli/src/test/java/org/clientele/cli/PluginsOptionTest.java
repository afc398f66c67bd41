package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plugins DIR}, as a plugin author and a user of the tool meet it: a jar built against the
 * API alone, dropped in a folder, configured by name, calibrated on its own column, shown in the
 * report and in {@code explain}. The jars are compiled here, so nothing of theirs is on the test's
 * class path: only {@code --plugins} can find them.
 */
class PluginsOptionTest {

  @TempDir static Path work;
  static Path needsPlugins;
  static Path needsExamplePlugins;
  static Path geographyPlugins;

  @TempDir Path dir;

  /** A needs plugin as its author wrote it: the feature in its own class, a calibrated cut-off. */
  private static final Map<String, String> NEEDS = Map.of(
      "com/example/needs/NeedsFeatures.java", """
          package com.example.needs;
          import org.clientele.api.Feature;
          /** The plugin's own input column. */
          public final class NeedsFeatures {
            private NeedsFeatures() {}
            public static final Feature<Double> SERVICE_TICKETS =
                Feature.number("service_tickets", "Service tickets opened in the last 12 months");
          }
          """,
      "com/example/needs/NeedsProvider.java", """
          package com.example.needs;
          import java.util.*;
          import org.clientele.api.*;
          import org.clientele.api.spi.*;
          public final class NeedsProvider implements ClassifierProvider {
            public String name() { return "acme-needs"; }
            public Optional<Calibrator> calibrator(PluginConfig config) { return Optional.of(new Cut()); }
            public Classifier create(PluginConfig config) {
              if (!config.has(CALIBRATION_KEY)) { throw config.error(CALIBRATION_KEY, "missing: calibrate first"); }
              return new Needs(Dimension.of(config.id(), "PRODUCT", "SERVICE", "SOLUTION", "UNKNOWN"),
                  config.section(CALIBRATION_KEY).number("cut", 0));
            }
            static final class Cut implements Calibrator {
              final List<Double> values = new ArrayList<>();
              public void observe(Customer c) {
                Double t = c.getOrNull(NeedsFeatures.SERVICE_TICKETS);
                if (t != null) { values.add(t); }
              }
              public void merge(Calibrator other) { values.addAll(((Cut) other).values); }
              public Map<String, Object> result() {
                Collections.sort(values);
                return Map.of("cut", values.isEmpty() ? Double.MAX_VALUE : values.get(values.size() * 4 / 5));
              }
            }
            record Needs(Dimension dimension, double cut) implements Classifier {
              public void classify(Customer c, LabelSink out) {
                double t = c.number(NeedsFeatures.SERVICE_TICKETS, Double.NaN);
                out.accept(Double.isNaN(t) ? 3 : t >= cut ? 1 : 0, t);
              }
              public Assignment explain(Customer c) {
                double t = c.number(NeedsFeatures.SERVICE_TICKETS, Double.NaN);
                if (Double.isNaN(t)) {
                  return Assignment.of(dimension, "UNKNOWN", t, List.of(Reason.missing(NeedsFeatures.SERVICE_TICKETS, "No ticket count")));
                }
                String label = t >= cut ? "SERVICE" : "PRODUCT";
                return Assignment.of(dimension, label, t, List.of(Reason.of(NeedsFeatures.SERVICE_TICKETS, t, ">= " + cut,
                    "Service tickets " + t + (t >= cut ? " reach" : " stay below") + " the cut-off " + cut)));
              }
              public Set<Feature<?>> features() { return Set.of(NeedsFeatures.SERVICE_TICKETS); }
            }
          }
          """);

  @BeforeAll
  static void buildThePluginJars() throws IOException {
    needsPlugins = Files.createDirectories(work.resolve("needs-plugins"));
    PluginJar.build(NEEDS, "org.clientele.api.spi.ClassifierProvider", "com.example.needs.NeedsProvider",
        needsPlugins.resolve("needs-plugin-1.0.jar"));
    needsExamplePlugins = Files.createDirectories(work.resolve("needs-example-plugins"));
    Path needsExample = Path.of("..", "examples", "needs-plugin", "src", "main");
    PluginJar.build(needsExample.resolve("java"), needsExample.resolve("resources"), needsExamplePlugins.resolve("needs-plugin.jar"));
    geographyPlugins = Files.createDirectories(work.resolve("geography-plugins"));
    Path example = Path.of("..", "examples", "geography-plugin", "src", "main");
    PluginJar.build(example.resolve("java"), example.resolve("resources"), geographyPlugins.resolve("geography-plugin.jar"));
  }

  @Test
  void aPluginJarInThePluginsFolderIsCalibratedOnItsOwnColumnAndShowsInTheReportAndInExplain() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"),
        "{\"format\": 1, \"dimensions\": {\"acme-needs\": {}}, \"strategy\": null}");
    Path customers = needsCustomers("service_tickets");
    Path results = dir.resolve("results.jsonl");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", needsPlugins.toString(), "--out", results.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(results).stream().filter(l -> l.contains("\"acme-needs\":\"SERVICE\"")).count())
        .as("the top fifth by service tickets, as calibrated on the column").isEqualTo(400);
    assertThat(run.out()).contains("needs", "SERVICE", "PRODUCT");

    Cli.Run explain = Cli.run("explain", "C7", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", needsPlugins.toString(), "--no-progress");
    assertThat(explain.code()).as(explain.toString()).isZero();
    assertThat(explain.out()).contains("needs", "Service tickets");
  }

  @Test
  void aCustomersFileWithoutThePluginsColumnFailsNamingDimensionFeatureFileAndFix() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"),
        "{\"format\": 1, \"dimensions\": {\"acme-needs\": {}}, \"strategy\": null}");
    Path customers = needsCustomers("tickets");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", needsPlugins.toString(), "--out", dir.resolve("r.jsonl").toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("dimension 'acme-needs' reads [service_tickets]", "customers.csv", "unmapped columns [tickets]",
        "input.customers.rename");
  }

  @Test
  void theNeedsExamplePluginCalibratesOnItsColumnsAndItsPlaybookRulesJoinTheDefault() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"),
        "{\"format\": 1, \"dimensions\": {\"value\": {}, \"acme-needs\": {}}, \"strategy\": {\"provider\": \"playbook\"}}");
    StringBuilder csv = new StringBuilder("id,revenue_12m,service_ticket_share,product_lines,project_purchases\n");
    for (int i = 0; i < 50; i++) {
      boolean solution = i % 10 == 0;
      csv.append("N").append(i).append(',').append(1000 + 137 * i).append(',')
          .append(i % 5 == 1 ? "0.6" : "0.05").append(',').append(solution ? 4 : 1).append(',').append(solution ? 2 : 0).append('\n');
    }
    Path customers = Files.writeString(dir.resolve("accounts.csv"), csv.toString());
    Path results = dir.resolve("needs.jsonl");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", needsExamplePlugins.toString(), "--out", results.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines.stream().filter(l -> l.contains("\"acme-needs\":\"SOLUTION\"")).count()).isEqualTo(5);
    assertThat(lines.stream().filter(l -> l.contains("\"acme-needs\":\"SERVICE\"")).count())
        .as("the top fifth by service share, as calibrated on the column").isEqualTo(10);
    // The plugin's own rules, shipped in its jar, joined the default playbook.
    assertThat(lines.stream().filter(l -> l.contains("\"acme-needs\":\"SOLUTION\"")))
        .allSatisfy(l -> assertThat(l).contains("solution-workshop"));
    assertThat(lines.stream().filter(l -> l.contains("\"acme-needs\":\"SERVICE\"")))
        .allSatisfy(l -> assertThat(l).contains("service-level-review"));
    assertThat(run.out()).contains("needs", "SOLUTION", "SERVICE", "PRODUCT");

    Cli.Run explain = Cli.run("explain", "N0", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", needsExamplePlugins.toString(), "--no-progress");
    assertThat(explain.code()).as(explain.toString()).isZero();
    assertThat(explain.out()).contains("SOLUTION", "Projects across several product lines", "acme-needs-solution-workshop");
  }

  @Test
  void theGeographyExamplePluginRunsThroughThePluginsFolder() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"),
        "{\"format\": 1, \"dimensions\": {\"acme-geography\": {\"regions\": {\"Tibet\": \"REMOTE\"}}}, \"strategy\": null}");
    Path customers = Files.writeString(dir.resolve("accounts.csv"),
        "id,region,region_type\nA,Shanghai,city\nB,Hebei,rural\nC,Tibet,\nD,,\n");
    Path results = dir.resolve("results.jsonl");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", geographyPlugins.toString(), "--out", results.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(results)).contains("\"acme-geography\":\"CITY\"", "\"acme-geography\":\"RURAL\"",
        "\"acme-geography\":\"REMOTE\"", "\"acme-geography\":\"UNKNOWN\"");
    assertThat(run.out()).contains("acme-geography", "REMOTE");

    Cli.Run explain = Cli.run("explain", "C", "-c", config.toString(), "--customers", customers.toString(),
        "--plugins", geographyPlugins.toString(), "--no-progress");
    assertThat(explain.code()).as(explain.toString()).isZero();
    assertThat(explain.out()).contains("Region Tibet is mapped to REMOTE");

    Cli.Run validate = Cli.run("validate-config", config.toString(), "--plugins", geographyPlugins.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("dimension acme-geography", "[CITY, RURAL, REMOTE, UNKNOWN]");
  }

  @Test
  void withoutThePluginsOptionThePluginIsAnUnknownProviderAndTheHintNamesTheOption() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"), "{\"format\": 1, \"dimensions\": {\"acme-geography\": {}}}");

    Cli.Run run = Cli.run("validate-config", config.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("unknown ClassifierProvider 'acme-geography'", "--plugins DIR");
  }

  @Test
  void aMissingFolderOrAJarInsteadOfAFolderIsAnErrorAndAnEmptyFolderANote() throws IOException {
    Path config = Files.writeString(dir.resolve("clientele.json"), "{\"format\": 1, \"dimensions\": {\"risk\": {}}}");

    Cli.Run missing = Cli.run("validate-config", config.toString(), "--plugins", dir.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(missing.err()).contains("--plugins", "nowhere", "no such folder");

    // The folder also holds PluginJar's build directories: take the jar, not whichever entry lists first.
    Path jar = Files.list(needsPlugins).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    Cli.Run file = Cli.run("validate-config", config.toString(), "--plugins", jar.toString());
    assertThat(file.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(file.err()).contains("not a folder");

    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli.Run none = Cli.run("validate-config", config.toString(), "--plugins", empty.toString());
    assertThat(none.code()).as(none.toString()).isZero();
    assertThat(none.err()).contains("note: --plugins", "holds no .jar file");
  }

  /** 2,000 accounts with 0 to 1,999 service tickets in a column of this name, in a scrambled order. */
  private Path needsCustomers(String column) throws IOException {
    StringBuilder csv = new StringBuilder("id,revenue_12m,").append(column).append('\n');
    for (int i = 0; i < 2_000; i++) {
      csv.append('C').append(i).append(',').append(100 + i).append(',').append((i * 7) % 2_000).append('\n');
    }
    return Files.writeString(dir.resolve("customers.csv"), csv);
  }
}
