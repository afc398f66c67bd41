package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.clientele.api.spi.ClassifierProvider;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit loads a plugin the way users do, whichever way its own tests run: plugins compiled here
 * with one declaration missing each fail the check for the way that needs it, with the fix.
 */
class PackagingTest {

  private static final String SERVICE = ClassifierProviderContract.SERVICE;
  private static final String PROVIDER = "com.example.kitcheck.KitCheckProvider";
  private static final String SOURCE = """
      package com.example.kitcheck;

      import org.clientele.api.Classifier;
      import org.clientele.api.spi.ClassifierProvider;
      import org.clientele.api.spi.PluginConfig;

      public class KitCheckProvider implements ClassifierProvider {
        public String name() {
          return "kit-check";
        }

        public Classifier create(PluginConfig config) {
          throw config.error("any", "not needed by this check");
        }
      }
      """;

  @TempDir Path dir;

  private static Path api() {
    return Packaging.location(ClassifierProvider.class).orElseThrow();
  }

  private static Path annotations() {
    return Packaging.location(NullMarked.class).orElseThrow();
  }

  /** Compiles the provider, with the given module-info (or none) and services file (or none), into a classes folder. */
  private Path plugin(String moduleInfo, boolean servicesFile) throws IOException {
    Path src = dir.resolve("src");
    Path out = dir.resolve("classes");
    Path java = src.resolve("com/example/kitcheck/KitCheckProvider.java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, SOURCE);
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
    if (moduleInfo.isEmpty()) {
      args.addAll(List.of("-cp", api().toString()));
    } else {
      Files.writeString(src.resolve("module-info.java"), moduleInfo);
      // sdk-api 'requires static transitive org.jspecify': a module compiled against it needs JSpecify.
      args.addAll(List.of("--module-path", api() + File.pathSeparator + annotations()));
      args.add(src.resolve("module-info.java").toString());
    }
    args.add(java.toString());
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    assertThat(javac.run(System.out, System.err, args.toArray(String[]::new))).as("javac %s", args).isZero();
    if (servicesFile) {
      Path services = out.resolve("META-INF/services/" + SERVICE);
      Files.createDirectories(services.getParent());
      Files.writeString(services, PROVIDER + "\n");
    }
    return out;
  }

  private static final String PROVIDES = """
      module com.example.kitcheck {
        requires org.clientele.api;
        provides org.clientele.api.spi.ClassifierProvider with com.example.kitcheck.KitCheckProvider;
      }
      """;

  @Test
  void aPluginWithBothDeclarationsLoadsBothWays() throws IOException {
    Path plugin = plugin(PROVIDES, true);
    assertThat(Packaging.onTheClassPath(SERVICE, PROVIDER, plugin, List.of(api()))).isEqualTo(Packaging.Outcome.ok());
    assertThat(Packaging.onTheModulePath(SERVICE, PROVIDER, plugin, List.of(api(), annotations())))
        .isEqualTo(Packaging.Outcome.ok());
  }

  @Test
  void aModuleWithoutMetaInfServicesFailsOnTheClassPath() throws IOException {
    Path plugin = plugin(PROVIDES, false);
    assertThat(Packaging.onTheModulePath(SERVICE, PROVIDER, plugin, List.of(api(), annotations())))
        .isEqualTo(Packaging.Outcome.ok());
    assertThat(Packaging.onTheClassPath(SERVICE, PROVIDER, plugin, List.of(api())).problem())
        .contains("on the class path")
        .contains("List the class name in src/main/resources/META-INF/services/" + SERVICE);
  }

  @Test
  void aNamedModuleWithoutProvidesFailsOnTheModulePath() throws IOException {
    Path plugin = plugin("module com.example.kitcheck {\n  requires org.clientele.api;\n}\n", true);
    assertThat(Packaging.onTheClassPath(SERVICE, PROVIDER, plugin, List.of(api()))).isEqualTo(Packaging.Outcome.ok());
    assertThat(Packaging.onTheModulePath(SERVICE, PROVIDER, plugin, List.of(api(), annotations())).problem())
        .contains("module com.example.kitcheck does not offer " + PROVIDER)
        .contains("add 'provides " + SERVICE + " with " + PROVIDER + ";'");
  }

  @Test
  void aModuleThatNeedsJSpecifyAtRunTimeFailsToResolveAndSaysStatic() throws IOException {
    Path plugin = plugin(PROVIDES.replace("requires org.clientele.api;", "requires org.clientele.api;\n  requires org.jspecify;"),
        true);
    assertThat(Packaging.onTheModulePath(SERVICE, PROVIDER, plugin, List.of(api())).problem())
        .contains("module com.example.kitcheck does not resolve")
        .contains("org.jspecify")
        .contains("requires static org.jspecify;");
  }

  @Test
  void aPluginWithoutModuleInfoIsJudgedOnTheClassPathOnly() throws IOException {
    Path plugin = plugin("", false);
    assertThat(Packaging.onTheModulePath(SERVICE, PROVIDER, plugin, List.of(api())).notApplicable())
        .contains("no module-info.class");
    assertThat(Packaging.onTheClassPath(SERVICE, PROVIDER, plugin, List.of(api())).problem())
        .contains("does not find " + PROVIDER);
  }
}
