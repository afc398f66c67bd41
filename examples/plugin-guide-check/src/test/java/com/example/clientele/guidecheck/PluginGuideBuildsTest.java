package com.example.clientele.guidecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide's files work as written: every code block of docs/plugin-guide.md marked {@code
 * <!-- guide-file: PATH -->} is written to PATH in an empty folder, and Maven builds that folder
 * offline ({@code mvnw -o verify}, the kit's tests included, which Surefire runs on the module path
 * because the plugin has a module-info) against the jars this build has just made. Those are put
 * into a local repository of the test's own; everything else comes from the user's local
 * repository, read-only ({@code maven.repo.local.tail}), so nothing is installed there.
 */
class PluginGuideBuildsTest {

  private static final Pattern FILE_BLOCK =
      Pattern.compile("<!-- guide-file: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

  /** The artifacts the guide's pom reaches, with the folder that builds each. */
  private static final Map<String, String> ARTIFACTS = artifacts();

  @TempDir Path work;

  private static Map<String, String> artifacts() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("clientele-parent", ".");
    m.put("clientele-bom", "bom");
    m.put("clientele-sdk-api", "sdk-api");
    m.put("clientele-sdk-core", "sdk-core");
    m.put("clientele-sdk-testkit", "sdk-testkit");
    m.put("clientele-classifiers-builtin", "classifiers-builtin");
    return m;
  }

  private static Path root() {
    return Path.of(System.getProperty("clientele.root", "../..")).toAbsolutePath().normalize();
  }

  @Test
  void thePluginOfTheGuideBuildsAndPassesTheKitOfflineAgainstTheFreshJars() throws Exception {
    Path project = writeTheGuidesFiles("channel-plugin");
    Build build = build(project, "guide");
    assertThat(build.succeeded()).as("%s failed; its output:%n%s", build.command(), build.output()).isTrue();

    Path jar;
    try (var jars = Files.list(project.resolve("target"))) {
      jar = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getEntry("module-info.class")).as("module-info in %s", jar).isNotNull();
      assertThat(j.getEntry("META-INF/services/org.clientele.api.spi.ClassifierProvider"))
          .as("META-INF/services in %s", jar).isNotNull();
    }
    assertThat(build.output()).as("the kit's tests ran in the guide's build:%n%s", build.output())
        .containsPattern("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0");
  }

  /**
   * The case: with a module-info, Surefire runs the kit on the module path, where
   * META-INF/services is never read; the kit must still fail a jar that lacks it.
   */
  @Test
  void withoutMetaInfServicesTheGuidesBuildFailsOnTheKitsClassPathCheck() throws Exception {
    Path project = writeTheGuidesFiles("channel-plugin-without-services");
    Files.delete(project.resolve("src/main/resources/META-INF/services/org.clientele.api.spi.ClassifierProvider"));
    Build build = build(project, "without-services");
    assertThat(build.succeeded()).as("the build passed without META-INF/services:%n%s", build.output()).isFalse();
    assertThat(build.output())
        .contains("theClassPathFindsTheProvider")
        .contains("List the class name in src/main/resources/META-INF/services/org.clientele.api.spi.ClassifierProvider");
  }

  private Path writeTheGuidesFiles(String name) throws IOException {
    String guide = Files.readString(root().resolve("docs/plugin-guide.md"), StandardCharsets.UTF_8);
    Path project = work.resolve(name);
    List<String> written = new ArrayList<>();
    Matcher m = FILE_BLOCK.matcher(guide);
    while (m.find()) {
      Path file = project.resolve(m.group(1));
      Files.createDirectories(file.getParent());
      Files.writeString(file, m.group(2) + "\n", StandardCharsets.UTF_8);
      written.add(m.group(1));
    }
    assertThat(written).as("files marked <!-- guide-file: PATH --> in docs/plugin-guide.md").contains(
        "pom.xml", "src/main/java/module-info.java",
        "src/main/resources/META-INF/services/org.clientele.api.spi.ClassifierProvider");
    return project;
  }

  /** What one Maven run gave. */
  private record Build(String command, boolean succeeded, String output) {}

  /** Runs {@code mvnw -o verify} in the project; keeps the output in target/plugin-guide-check/NAME.log. */
  private Build build(Path project, String name) throws IOException, InterruptedException {
    Path repository = work.resolve("repository");
    if (!Files.isDirectory(repository)) {
      install(repository);
    }
    Path log = Path.of("target/plugin-guide-check/" + name + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    List<String> command = List.of(root().resolve("mvnw").toString(), "-B", "-o",
        "-Dmaven.repo.local=" + repository,
        "-Dmaven.repo.local.tail=" + System.getProperty("clientele.localRepository",
            System.getProperty("user.home") + "/.m2/repository"),
        "verify");
    Process process = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // A bound against hanging the build, not a timing check.
    boolean done = process.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    return new Build(String.join(" ", command) + " in " + project, done && process.exitValue() == 0, Files.readString(log));
  }

  /** Puts the fresh poms and jars where Maven looks for a locally installed snapshot. */
  private static void install(Path repository) throws IOException {
    String version = System.getProperty("clientele.version", "0.1.0-SNAPSHOT");
    for (Map.Entry<String, String> e : ARTIFACTS.entrySet()) {
      String artifact = e.getKey();
      Path module = root().resolve(e.getValue());
      Path into = repository.resolve("org/clientele/" + artifact + "/" + version);
      Files.createDirectories(into);
      Files.copy(module.resolve("pom.xml"), into.resolve(artifact + "-" + version + ".pom"));
      if (!e.getValue().equals(".") && !artifact.equals("clientele-bom")) {
        Path jar = module.resolve("target/" + artifact + "-" + version + ".jar");
        assertThat(jar).as("%s is not built: run this module with -am (for example ./mvnw -B -pl"
            + " examples/plugin-guide-check -am verify)", jar).exists();
        Files.copy(jar, into.resolve(artifact + "-" + version + ".jar"));
      }
    }
  }
}
