package com.example.clientele.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs {@link ModulePathCheck} in two child JVMs over the same jars, once with {@code -cp} and
 * once with {@code --module-path ... -m}, and checks that the module-path run resolved every module
 * through its declarations and printed exactly what the class-path run printed.
 *
 * <p>The jars are this module's runtime dependencies as Maven resolved them (the reactor's jars in
 * {@code verify}), written by {@code dependency:build-classpath} to {@code target/runtime-path.txt};
 * each run's output is kept in {@code target/module-path-check/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModulePathTest {

  private static final String MODULE = "com.example.clientele.modulecheck";
  private static final String MAIN = MODULE + ".ModulePathCheck";
  private static final String CLASSIFIER_PROVIDER = "org.clientele.api.spi.ClassifierProvider";
  private static final String STRATEGY_PROVIDER = "org.clientele.api.spi.StrategyProvider";

  private List<String> classPath = List.of();
  private List<String> modulePath = List.of();

  @BeforeAll
  void runBothWays() throws Exception {
    String path = property("modulecheck.classes") + File.pathSeparator
        + Files.readString(Path.of(property("modulecheck.runtimePath")), StandardCharsets.UTF_8).trim();
    Path work = Files.createDirectories(Path.of(property("modulecheck.work")));
    // One after the other: the machine may have two cores, and the runs must not compete.
    classPath = run(work, "class-path", "-cp", path, MAIN);
    modulePath = run(work, "module-path", "--module-path", path, "-m", MODULE + "/" + MAIN);
  }

  @Test
  void theModulePathRunResolvesEveryModuleThroughItsDeclarations() {
    assertThat(classPath).first().isEqualTo("# mode: class path");
    assertThat(modulePath).first().isEqualTo("# mode: module path, module " + MODULE);
    assertThat(summary(modulePath)).contains(
        "# module org.clientele.api",
        "# module org.clientele.core",
        "# module org.clientele.classifiers",
        "# module org.clientele.playbook",
        "# module com.example.clientele.geography",
        // datasketches-java 6.2.0 has no module-info; its dependency must be required by name.
        "# module datasketches.java (automatic)",
        "# module org.apache.datasketches.memory",
        "# provides org.clientele.playbook " + STRATEGY_PROVIDER
            + " with [org.clientele.playbook.PlaybookStrategyProvider]",
        "# provides com.example.clientele.geography " + CLASSIFIER_PROVIDER
            + " with [com.example.clientele.geography.GeographyClassifierProvider]");
    assertThat(summary(modulePath)).anySatisfy(line -> assertThat(line)
        .startsWith("# provides org.clientele.classifiers " + CLASSIFIER_PROVIDER + " with [")
        .contains("ValueClassifierProvider", "LoyaltyClassifierProvider", "BehaviourClassifierProvider",
            "RfmClassifierProvider", "RiskClassifierProvider", "IndustryClassifierProvider"));
  }

  @Test
  void theModulePathRunFindsEveryProviderCalibratesAndClassifies() {
    List<String> summary = summary(modulePath);
    assertThat(summary).contains(
        "classifier providers: [acme-geography, behaviour, industry, loyalty, purchase_pattern, rfm, risk, value]",
        "diagnostics: []",
        "dimensions: [value, value_sketch, loyalty, behaviour, activity, rfm, risk, industry, acme-geography]");
    // Calibrated on the customers with revenue: exactly, and past the exact limit by KLL sketch.
    assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("calibration value: exact=true population=1"));
    assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("calibration value_sketch: exact=false population=1"));
    assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("calibration rfm: exact=true"));
    assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("calibration activity: exact=true"));
    List<String> customers = modulePath.stream().filter(line -> line.matches("C\\d{4} .*")).toList();
    assertThat(customers).hasSize(ModulePathCheck.POPULATION);
    assertThat(customers.stream().filter(line -> line.contains("UNCLASSIFIED")).limit(5))
        .as("customers without a label on some dimension").isEmpty();
    assertThat(customers.stream().filter(line -> line.endsWith("-> ")).limit(5))
        .as("customers the playbook planned nothing for").isEmpty();
    assertThat(customers.stream().anyMatch(line -> line.contains("acme-geography=REMOTE")))
        .as("a customer labelled by the plugin's configured region mapping").isTrue();
    assertThat(customers.stream().anyMatch(line -> line.contains("value_sketch=CORE")))
        .as("a CORE customer from the sketch-calibrated dimension").isTrue();
    assertThat(modulePath).last().asString().startsWith("errors: ").doesNotContainPattern("=[1-9]");
  }

  @Test
  void aMissingProviderIsExplainedForTheModeTheHostRunsIn() {
    String onModulePath = line(modulePath, "# missing provider: ");
    assertThat(onModulePath).contains("'needs'",
        "its module-info.java declares it: provides org.clientele.api.spi.ClassifierProvider with <the class>;");
    String onClassPath = line(classPath, "# missing provider: ");
    assertThat(onClassPath).contains("'needs'",
        "META-INF/services/org.clientele.api.spi.ClassifierProvider").doesNotContain("module-info");
  }

  private static String line(List<String> output, String prefix) {
    return output.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + summary(output)));
  }

  @Test
  void theModulePathRunPrintsExactlyWhatTheClassPathRunPrints() {
    List<String> expected = classPath.stream().filter(line -> !line.startsWith("#")).toList();
    List<String> actual = modulePath.stream().filter(line -> !line.startsWith("#")).toList();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail("line %d differs:%n  class path:  %s%n  module path: %s", i + 1, expected.get(i), actual.get(i));
      }
    }
    assertThat(actual).as("lines on the module path").hasSameSizeAs(expected);
  }

  /** The lines that are not about one customer, so that a failure message stays readable. */
  private static List<String> summary(List<String> output) {
    return output.stream().filter(line -> !line.matches("C\\d{4} .*")).toList();
  }

  /** Runs the check in a child JVM; its output goes to files, so that no pipe can fill up and block it. */
  private static List<String> run(Path work, String name, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(arguments));
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) { // a bound against hanging the build, not a timing check
      process.destroyForcibly().waitFor();
      fail("%s run did not finish in 5 minutes: %s%nstderr:%n%s", name, command, Files.readString(err));
    }
    if (process.exitValue() != 0) {
      fail("%s run exited with %d: %s%nstderr:%n%s", name, process.exitValue(), command, Files.readString(err));
    }
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      fail("system property %s is not set: run this test through Maven (./mvnw -B -pl examples/module-path-check -am verify)", key);
    }
    return value;
  }
}
