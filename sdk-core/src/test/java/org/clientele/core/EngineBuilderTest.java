package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EngineBuilderTest {

  private static final Customer RICH =
      Customer.builder("rich").set(StandardFeatures.REVENUE_12M, 5_000.0).build();

  private static EngineBuilder configured(String json) {
    return Engine.builder().configuration(json, "cfg.json");
  }

  @Test
  void discoversProvidersFromTheClassPath() {
    Engine engine = configured("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}}").build();

    assertThat(engine.dimensions()).extracting(d -> d.id()).containsExactly("threshold");
    assertThat(engine.classify(RICH).label("threshold")).isEqualTo("HIGH");
    assertThat(engine.classify(RICH).plan().actions()).containsExactly(Fixtures.SimpleStrategyProvider.CALL);
    assertThat(Engine.builder().classifierProviderNames()).contains("threshold", "median");
  }

  @Test
  void withoutConfigurationUsesEveryDiscoveredProviderAndAsksForCalibration() {
    EngineBuilder builder = Engine.builder();

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "<default configuration> $.dimensions.median: dimension 'median' is population-relative and needs"
                + " calibration: call EngineBuilder.calibrate(customers) and build with the returned model,"
                + " or load a calibrated model (clientele calibrate writes one)");

    Engine engine = builder.model(builder.calibrate(Fixtures.population(1, 101))).build();
    assertThat(engine.dimensions()).extracting(d -> d.id()).containsExactly("threshold", "median"); // the services file's order
  }

  @Test
  void providerRegisteredByHandWinsOverTheDiscoveredOne() {
    Engine engine =
        configured("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}")
            .register(new Fixtures.NamedProvider("threshold"))
            .build();

    assertThat(engine.classify(RICH).label("threshold")).isEqualTo("ONLY");
  }

  @Test
  void discoveryCanBeTurnedOff() {
    assertThatThrownBy(() -> configured("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}").discover(false).build())
        .hasMessage(
            "cfg.json $.dimensions.threshold: dimension 'threshold' uses the provider of its own name (it names no"
                + " other provider): unknown ClassifierProvider 'threshold'. Known: []."
                + " A plugin's provider is found when its jar is on the class path and declares"
                + " it in META-INF/services/org.clientele.api.spi.ClassifierProvider (the clientele command loads"
                + " the jars of a folder with --plugins DIR).");
  }

  static List<Arguments> invalidConfigurations() {
    return List.of(
        Arguments.of(
            "unknown built-in provider names the artifact",
            "{\"dimensions\": {\"value\": {}}, \"strategy\": null}",
            "cfg.json $.dimensions.value: dimension 'value' uses the provider of its own name (it names no other"
                + " provider): unknown ClassifierProvider 'value'. Known: [median, threshold]."
                + " 'value' comes with org.clientele:clientele-classifiers-builtin: add it to the class path."),
        Arguments.of(
            "bad threshold names file, path and expected form",
            "{\"dimensions\": {\"threshold\": {\"threshold\": \"high\"}}, \"strategy\": null}",
            "cfg.json $.dimensions.threshold.threshold: expected a number, found \"high\""),
        Arguments.of(
            "threshold out of range",
            "{\"dimensions\": {\"threshold\": {\"threshold\": -5}}, \"strategy\": null}",
            "cfg.json $.dimensions.threshold.threshold: expected a revenue >= 0, found -5.0"),
        Arguments.of(
            "misspelt key",
            "{\"dimensions\": {\"threshold\": {\"treshold\": 5}}, \"strategy\": null}",
            "cfg.json $.dimensions.threshold.treshold: unknown key: provider 'threshold' does not read it."
                + " Check the spelling against the provider's documentation, or remove it."),
        Arguments.of(
            "unknown strategy",
            "{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"nope\"}}",
            "cfg.json $.strategy.provider: unknown StrategyProvider 'nope'. Known: [simple]. A plugin's provider"
                + " is found when its jar is on the class path and declares it in"
                + " META-INF/services/org.clientele.api.spi.StrategyProvider (the clientele command loads the jars"
                + " of a folder with --plugins DIR)."),
        Arguments.of(
            "a misspelt dimension key is reported at the key, with the nearest provider",
            "{\"dimensions\": {\"tresholt\": {}}, \"strategy\": null}",
            "cfg.json $.dimensions.tresholt: dimension 'tresholt' uses the provider of its own name (it names no"
                + " other provider): unknown ClassifierProvider 'tresholt'. Did you mean 'threshold'? Known: [median,"
                + " threshold]. A plugin's provider is found when its jar is on the class path and declares it in"
                + " META-INF/services/org.clientele.api.spi.ClassifierProvider (the clientele command loads the jars"
                + " of a folder with --plugins DIR)."),
        Arguments.of(
            "a misspelt provider name is reported at the provider key, with the nearest provider",
            "{\"dimensions\": {\"size\": {\"provider\": \"medain\"}}, \"strategy\": null}",
            "cfg.json $.dimensions.size.provider: unknown ClassifierProvider 'medain'. Did you mean 'median'? Known:"
                + " [median, threshold]. A plugin's provider is found when its jar is on the class path and declares it"
                + " in META-INF/services/org.clientele.api.spi.ClassifierProvider (the clientele command loads the jars"
                + " of a folder with --plugins DIR)."),
        Arguments.of(
            "absent strategy means the playbook",
            "{\"dimensions\": {\"threshold\": {}}}",
            "cfg.json $.strategy.provider: unknown StrategyProvider 'playbook'. Known: [simple]. 'playbook' comes"
                + " with org.clientele:clientele-playbook: add it to the class path."),
        Arguments.of(
            "unknown top-level key",
            "{\"dimension\": {}}",
            "cfg.json $.dimension: unknown key; expected one of [dimensions, errorPolicy, features, format, input, output, strategy]"),
        Arguments.of(
            "an empty dimensions object (left out, it means the default dimensions)",
            "{\"dimensions\": {}, \"strategy\": null}",
            "cfg.json $.dimensions: expected an object with at least one dimension, for example"
                + " {\"value\": {}, \"risk\": {}} (leave the key out for the default dimensions)"),
        Arguments.of(
            "bad error policy",
            "{\"dimensions\": {\"threshold\": {}}, \"errorPolicy\": \"ignore\"}",
            "cfg.json $.errorPolicy: expected \"fallback\" or \"fail-fast\", found ignore"),
        Arguments.of(
            "wrong format version",
            "{\"format\": 2, \"dimensions\": {\"threshold\": {}}}",
            "cfg.json $.format: expected 1, found 2; this library reads format 1"),
        Arguments.of(
            "syntax error names line and column",
            "{\"dimensions\": {\n  \"threshold\": {,}\n}}",
            "cfg.json line 2 column 17: invalid JSON: Unexpected character (',' (code 44)): was expecting double-quote"
                + " to start field name"),
        Arguments.of(
            "duplicate JSON key",
            "{\"dimensions\": {\"threshold\": {}, \"threshold\": {}}}",
            "cfg.json line 1 column 45: invalid JSON: Duplicate field 'threshold'"),
        Arguments.of(
            "calibrated dimension without calibration",
            "{\"dimensions\": {\"median\": {}}, \"strategy\": null}",
            "cfg.json $.dimensions.median: dimension 'median' is population-relative and needs calibration: call"
                + " EngineBuilder.calibrate(customers) and build with the returned model, or load a calibrated"
                + " model (clientele calibrate writes one)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigurations")
  void invalidConfigurationFailsWithAMessageNamingFilePathAndFix(String name, String json, String message) {
    assertThatThrownBy(() -> configured(json).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(message);
  }

  @Test
  void classifierReportingAnotherDimensionIdIsRejected() {
    var wrongId =
        new Fixtures.NamedProvider("wrong") {
          @Override
          public org.clientele.api.Classifier create(org.clientele.api.spi.PluginConfig config) {
            return super.create(org.clientele.api.spi.PluginConfig.empty("other"));
          }
        };
    assertThatThrownBy(() -> configured("{\"dimensions\": {\"wrong\": {}}, \"strategy\": null}").register(wrongId).build())
        .hasMessageStartingWith("cfg.json $.dimensions.wrong: provider 'wrong' (")
        .hasMessageEndingWith(
            ") returned a classifier for dimension 'other'; it must use the configured id 'wrong' (PluginConfig.id())");
  }

  @Test
  void createThatThrowsBecomesAConfigurationErrorNamingTheProvider() {
    var broken =
        new Fixtures.NamedProvider("broken") {
          @Override
          public org.clientele.api.Classifier create(org.clientele.api.spi.PluginConfig config) {
            throw new IllegalStateException("no database");
          }
        };
    assertThatThrownBy(() -> configured("{\"dimensions\": {\"broken\": {}}, \"strategy\": null}").register(broken).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cfg.json $.dimensions.broken: provider 'broken' (")
        .hasMessageEndingWith(") failed to create its classifier: java.lang.IllegalStateException: no database");
  }

  @Test
  void twoDiscoveredProvidersWithOneNameFailWhereTheNameIsUsedNamingBothClasses(@TempDir Path dir) throws IOException {
    ClassLoader loader =
        servicesLoader(dir, "org.clientele.core.Fixtures$DuplicateA", "org.clientele.core.Fixtures$DuplicateB");

    assertThatThrownBy(() -> Engine.builder().classLoader(loader)
            .configuration("{\"dimensions\": {\"dup\": {}}, \"strategy\": null}", "cfg.json").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "cfg.json $.dimensions.dup: dimension 'dup' uses the provider of its own name (it names no other provider):"
                + " Two ClassifierProvider implementations are named 'dup' (both found on the class path):"
                + " org.clientele.core.Fixtures$DuplicateA and org.clientele.core.Fixtures$DuplicateB."
                + " Remove one of the jars from the class path (or from the clientele command's --plugins folder),"
                + " or in a host register the one you want with Engine.builder().register(...).");
    assertThatThrownBy(() -> Engine.builder().classLoader(loader).build())
        .as("the default configuration uses every provider found, so it uses the name")
        .hasMessageContaining("Two ClassifierProvider implementations are named 'dup'");
  }

  @Test
  void twoDiscoveredProvidersWithAnUnusedNameAreADiagnosticNotAFailure(@TempDir Path dir) throws IOException {
    ClassLoader loader =
        servicesLoader(dir, "org.clientele.core.Fixtures$DuplicateA", "org.clientele.core.Fixtures$DuplicateB");

    Engine engine = Engine.builder().classLoader(loader).register(new Fixtures.ThresholdProvider())
        .configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}", "cfg.json").build();

    assertThat(engine.dimensions()).extracting(Dimension::id).containsExactly("threshold");
    assertThat(engine.diagnostics()).anySatisfy(d -> {
      assertThat(d.provider()).isEqualTo("org.clientele.core.Fixtures$DuplicateA and org.clientele.core.Fixtures$DuplicateB");
      assertThat(d.problem()).contains("two providers are named 'dup'");
    });
  }

  @Test
  void aDuplicateNameIsSettledByRegisteringOneByHand(@TempDir Path dir) throws IOException {
    ClassLoader loader =
        servicesLoader(dir, "org.clientele.core.Fixtures$DuplicateA", "org.clientele.core.Fixtures$DuplicateB");

    Engine engine =
        Engine.builder()
            .classLoader(loader)
            .register(new Fixtures.DuplicateB())
            .configuration("{\"dimensions\": {\"dup\": {}}, \"strategy\": null}", "cfg.json")
            .build();

    assertThat(engine.classify(RICH).label("dup")).isEqualTo("ONLY");
  }

  @Test
  void providersThatFailToLoadAreDiagnosticsAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
    ClassLoader loader =
        servicesLoader(
            dir,
            "org.clientele.core.DoesNotExist",
            "org.clientele.core.Fixtures$ExplodingConstructorProvider",
            "org.clientele.core.Fixtures$ThresholdProvider");
    EngineBuilder builder =
        Engine.builder().classLoader(loader).configuration("{\"dimensions\": {\"threshold\": {}}, \"strategy\": null}", "cfg.json");

    assertThat(builder.diagnostics())
        .extracting(ProviderDiagnostic::provider, ProviderDiagnostic::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("org.clientele.core.DoesNotExist", "failed to load"),
            org.assertj.core.groups.Tuple.tuple("org.clientele.core.Fixtures$ExplodingConstructorProvider", "failed to load"));
    assertThat(builder.diagnostics().get(1).cause()).contains("constructor failed");
    Engine engine = builder.build();
    assertThat(engine.classify(RICH).label("threshold")).isEqualTo("HIGH");
    assertThat(engine.diagnostics()).hasSize(2);
  }

  @Test
  void anUnknownNameMentionsTheProvidersThatFailedToLoad(@TempDir Path dir) throws IOException {
    ClassLoader loader = servicesLoader(dir, "org.clientele.core.DoesNotExist");

    assertThatThrownBy(
            () -> Engine.builder().classLoader(loader)
                .configuration("{\"dimensions\": {\"gone\": {}}, \"strategy\": null}", "cfg.json").build())
        .hasMessageContaining("unknown ClassifierProvider 'gone'")
        .hasMessageContaining("Providers that failed to load: [ClassifierProvider org.clientele.core.DoesNotExist: failed to load");
  }

  @Test
  void configurationFileErrorsNameTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("clientele.json");
    Files.writeString(file, "{\"dimensions\": {\"threshold\": {\"threshold\": true}}}");

    assertThatThrownBy(() -> Engine.builder().configuration(file).build())
        .hasMessage(file + " $.dimensions.threshold.threshold: expected a number, found true");
    assertThatThrownBy(() -> Engine.builder().configuration(dir.resolve("missing.json")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(dir.resolve("missing.json") + ": cannot read the file");
  }

  /** A class loader whose only own resource is a services file listing the given classes. */
  private static ClassLoader servicesLoader(Path dir, String... classes) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve("org.clientele.api.spi.ClassifierProvider"), String.join("\n", classes) + "\n");
    // Parent: the platform loader would hide our fixtures, so delegate to this test's loader but
    // let our services file be the only ClassifierProvider list by filtering the parent's.
    ClassLoader parent = EngineBuilderTest.class.getClassLoader();
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent) {
      @Override
      public java.util.Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals("META-INF/services/org.clientele.api.spi.ClassifierProvider")) {
          return findResources(name);
        }
        return super.getResources(name);
      }
    };
  }
}
