package org.clientele.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published modules keep the arrows the README draws (rules in {@link ModuleArrows}). */
class ArchitectureTest {

  private static JavaClasses published;

  @BeforeAll
  static void importPublishedModules() {
    published = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.clientele");
  }

  @Test
  void everyPublishedModuleIsOnTheClassPath() {
    // Otherwise a rule could pass because the classes it is about were never imported.
    for (String pkg : new String[] {"org.clientele.api", "org.clientele.api.spi", "org.clientele.core",
        "org.clientele.classifiers.value", "org.clientele.playbook", "org.clientele.testkit", "org.clientele.cli",
        "org.clientele.spark", "org.clientele.practice"}) {
      assertThat(published.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  @Test
  void apiDependsOnNothingButItselfTheJdkAndJspecify() {
    ModuleArrows.API_DEPENDS_ON_ITSELF_ONLY.check(published);
  }

  @Test
  void apiExposesNoThirdPartyTypeInAPublicSignature() {
    ModuleArrows.API_EXPOSES_NO_THIRD_PARTY_TYPE.check(published);
  }

  @Test
  void practiceDimensionsDependOnTheApiOnly() {
    ModuleArrows.PRACTICE_DEPENDS_ON_API_ONLY.check(published);
  }

  @Test
  void builtInClassifiersDependOnTheApiAndSketchesOnly() {
    ModuleArrows.CLASSIFIERS_DEPEND_ON_API_ONLY.check(published);
  }

  @Test
  void playbookDependsOnTheApiAndItsLogOnly() {
    ModuleArrows.PLAYBOOK_DEPENDS_ON_API_ONLY.check(published);
  }

  @Test
  void coreDependsNeitherOnTheCliNorOnTheClassifiers() {
    ModuleArrows.CORE_DOES_NOT_DEPEND_ON_CLI_OR_CLASSIFIERS.check(published);
  }

  @Test
  void nothingDependsOnTheCli() {
    ModuleArrows.NOTHING_DEPENDS_ON_CLI.check(published);
  }

  @Test
  void sparkSitsOnCoreAlone() {
    ModuleArrows.SPARK_DEPENDS_ON_CORE_ONLY.check(published);
  }

  @Test
  void nothingDependsOnSparkOrItsTypes() {
    ModuleArrows.NOTHING_DEPENDS_ON_SPARK.check(published);
  }
}
