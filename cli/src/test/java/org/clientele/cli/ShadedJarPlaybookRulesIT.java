package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shipped runnable jar keeps every plugin's playbook rules. {@code clientele-predict} (churn)
 * and {@code clientele-classifiers-practice} (needs, geography, ...) both ship {@code
 * META-INF/clientele/playbook-rules.json}; a fat jar that keeps one of the two loses the other's
 * rules without a word (the CLI planned no churn action on CDNOW). The in-process tests cannot see
 * this: there each module is a jar of its own. So these run the built jar, as an analyst does.
 * {@code -Dclientele.jar=...} points them at another jar (main's, to see them fail).
 */
class ShadedJarPlaybookRulesIT {

  private static final Path JAR = Path.of(System.getProperty("clientele.jar",
      Path.of(System.getProperty("clientele.dist", "target/missing")).resolve("lib/clientele.jar").toString()));

  private static final String RESOURCE = "META-INF/clientele/playbook-rules.json";

  @Test
  void jarHoldsTheRulesOfEveryPluginThatShipsThem() throws Exception {
    String merged;
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      ZipEntry entry = zip.getEntry(RESOURCE);
      assertThat(entry).as(JAR + " has " + RESOURCE).isNotNull();
      try (InputStream in = zip.getInputStream(entry)) {
        merged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    List<String> dimensions = new ArrayList<>();
    Matcher m = Pattern.compile("\"dimension\"\\s*:\\s*\"([^\"]+)\"").matcher(merged);
    while (m.find()) {
      dimensions.add(m.group(1));
    }
    assertThat(dimensions).as("dimensions with rules in " + JAR).contains("churn", "needs", "geography", "age");
  }

  /**
   * The engine in the jar reads the merged resource: the churn rules join the playbook of a
   * configuration with churn (predictions.json, the CDNOW example), and the practice rule sets of
   * the same resource are found too (skipped there, their dimensions not being configured).
   */
  @Test
  void engineInTheJarAppliesTheChurnRulesAndFindsThePracticeRules() throws Exception {
    Path config = Path.of("..", "examples", "cdnow", "predictions.json").toAbsolutePath().normalize();
    assertThat(config).isRegularFile();
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString(), "validate-config", "--findings", config.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .as("validate-config of %s with %s", config, JAR)
        .containsPattern("Plugin rules \\S+playbook-rules\\.json[^\\n]* for dimension 'churn' added \\[[^\\n]*churn-high-value-slipping")
        .containsPattern("Plugin rules \\S+playbook-rules\\.json[^\\n]* skipped: they are about dimension 'needs'")
        .doesNotContain("are about dimension 'churn', as are");
  }
}
