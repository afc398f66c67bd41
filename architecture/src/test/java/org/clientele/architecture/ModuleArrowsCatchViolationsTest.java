package org.clientele.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.clientele.api.wrongfixture.ApiClassLeakingCoreAndJackson;
import org.clientele.classifiers.wrongfixture.ClassifierUsingCoreAndSlf4j;
import org.clientele.core.wrongfixture.CoreUsingCliAndClassifiers;
import org.clientele.core.wrongfixture.CoreUsingSpark;
import org.clientele.spark.wrongfixture.SparkUsingAClassifier;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ModuleArrows} can fail: each one, evaluated against deliberately wrong
 * fixture classes in this module's test sources ({@code *.wrongfixture}), reports the arrow they
 * break. ArchitectureTest never sees these fixtures: it imports main classes only.
 */
class ModuleArrowsCatchViolationsTest {

  private static final JavaClasses WRONG = new ClassFileImporter().importClasses(
      ApiClassLeakingCoreAndJackson.class, ClassifierUsingCoreAndSlf4j.class, CoreUsingCliAndClassifiers.class,
      CoreUsingSpark.class, SparkUsingAClassifier.class);

  @Test
  void anApiClassUsingCoreIsReported() {
    assertThat(report(ModuleArrows.API_DEPENDS_ON_ITSELF_ONLY))
        .contains(ApiClassLeakingCoreAndJackson.class.getName())
        .contains("org.clientele.core.Engine");
  }

  @Test
  void aJacksonTypeInAnApiSignatureIsReported() {
    assertThat(report(ModuleArrows.API_EXPOSES_NO_THIRD_PARTY_TYPE))
        .contains(ApiClassLeakingCoreAndJackson.class.getName() + " exposes com.fasterxml.jackson.databind.JsonNode");
  }

  @Test
  void aClassifierUsingCoreAndSlf4jIsReported() {
    assertThat(report(ModuleArrows.CLASSIFIERS_DEPEND_ON_API_ONLY))
        .contains("org.clientele.core.Engine")
        .contains("org.slf4j.Logger");
  }

  @Test
  void coreUsingTheCliOrAClassifierIsReported() {
    assertThat(report(ModuleArrows.CORE_DOES_NOT_DEPEND_ON_CLI_OR_CLASSIFIERS))
        .contains("org.clientele.cli.Main")
        .contains("org.clientele.classifiers.value.ValueClassifierProvider");
  }

  @Test
  void aDependencyOnTheCliIsReported() {
    assertThat(report(ModuleArrows.NOTHING_DEPENDS_ON_CLI)).contains("org.clientele.cli.Main");
  }

  @Test
  void sparkUsingABuiltInClassifierIsReported() {
    assertThat(report(ModuleArrows.SPARK_DEPENDS_ON_CORE_ONLY))
        .contains(SparkUsingAClassifier.class.getName())
        .contains("org.clientele.classifiers.value.ValueClassifierProvider");
  }

  @Test
  void coreUsingTheSparkModuleIsReported() {
    assertThat(report(ModuleArrows.NOTHING_DEPENDS_ON_SPARK))
        .contains(CoreUsingSpark.class.getName())
        .contains("org.clientele.spark.TransactionColumns");
  }

  @Test
  void aViolationFailsTheCheck() {
    assertThatThrownBy(() -> ModuleArrows.NOTHING_DEPENDS_ON_CLI.check(WRONG))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(CoreUsingCliAndClassifiers.class.getName());
  }

  private static String report(ArchRule rule) {
    EvaluationResult result = rule.evaluate(WRONG);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
