package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable command line as an analyst gets it: bin/clientele beside lib/clientele.jar.
 * The runs execute the POSIX launcher, so they are skipped on Windows; {@code bin/clientele.cmd} is
 * checked by its text only (no Windows machine runs this build: its behaviour is untested).
 */
class LauncherIT {

  private static final Path DIST = Path.of(System.getProperty("clientele.dist", "target/missing"));

  private record Run(int exit, String out) {}

  private static Run run(Path launcher, Map<String, String> env, Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void distributionHoldsTheLauncherTheJarAndTheInstallNotes() {
    assertThat(DIST.resolve("bin/clientele")).isExecutable();
    assertThat(DIST.resolve("bin/clientele.cmd")).isRegularFile();
    assertThat(DIST.resolve("lib/clientele.jar")).isRegularFile();
    assertThat(DIST.resolve("LICENSE")).isRegularFile();
    assertThat(DIST.resolve("INSTALL.md")).isRegularFile();
  }

  @Test
  void windowsLauncherUsesTheSameJarAndSaysWhatToInstallWithoutJava() throws Exception {
    String cmd = Files.readString(DIST.resolve("bin/clientele.cmd"), StandardCharsets.UTF_8);
    assertThat(cmd).contains("\\lib\\clientele.jar", "%JAVA_HOME%\\bin\\java", "%CLIENTELE_OPTS%",
        "Install Java 17 or newer (a JDK or JRE), or set JAVA_HOME.", "exit /b 127");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void launcherThroughASymlinkNamesTheVersion(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("clientele"), DIST.resolve("bin/clientele").toAbsolutePath());
    Run run = run(link, Map.of("JAVA_HOME", System.getProperty("java.home")), tmp, "--version");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("clientele " + System.getProperty("clientele.version"));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void launcherRunsACommand(@TempDir Path tmp) throws Exception {
    Run run = run(DIST.resolve("bin/clientele"), Map.of("JAVA_HOME", System.getProperty("java.home")), tmp, "generate", "--help");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("Usage: clientele generate");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void launcherWithoutJavaSaysWhatToInstall(@TempDir Path tmp) throws Exception {
    Run run = run(DIST.resolve("bin/clientele"), Map.of("JAVA_HOME", tmp.resolve("no-such-jdk").toString()), tmp, "--version");
    assertThat(run.exit()).isEqualTo(127);
    assertThat(run.out()).contains("Java 17 or newer");
  }
}
