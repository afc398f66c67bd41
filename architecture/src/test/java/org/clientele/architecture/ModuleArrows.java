package org.clientele.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The module arrows of the README's architecture section as ArchUnit rules: api &lt;- (core,
 * classifiers); cli and spark sit on core and nothing sits on them. {@link ArchitectureTest} checks them
 * against the published modules, {@link ModuleArrowsCatchViolationsTest} against deliberately
 * wrong fixture classes.
 */
final class ModuleArrows {

  private ModuleArrows() {}

  /** What sdk-api may see: itself, the JDK and JSpecify. */
  static final ArchRule API_DEPENDS_ON_ITSELF_ONLY = classes()
      .that().resideInAPackage("org.clientele.api..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("org.clientele.api..", "java..", "org.jspecify..")
      .because("plugin authors compile against sdk-api alone (JDK + JSpecify only)");

  /**
   * The built-in classifiers see sdk-api and their sketches, nothing else of Clientele and no
   * Jackson or SLF4J.
   */
  static final ArchRule CLASSIFIERS_DEPEND_ON_API_ONLY = classes()
      .that().resideInAPackage("org.clientele.classifiers..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "org.clientele.api..", "org.clientele.classifiers..", "java..", "org.jspecify..", "org.apache.datasketches..")
      .because("classifiers-builtin depends on sdk-api and the sketches only");

  /**
   * The practice dimensions are written as a third-party plugin would be: sdk-api alone (and the JDK
   * and JSpecify), not even the sketches of the built-ins.
   */
  static final ArchRule PRACTICE_DEPENDS_ON_API_ONLY = classes()
      .that().resideInAPackage("org.clientele.practice..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "org.clientele.api..", "org.clientele.practice..", "java..", "org.jspecify..")
      .because("classifiers-practice proves the public SPI is enough: it compiles against sdk-api alone");

  /** The playbook strategy sees sdk-api and SLF4J; its files come through PluginConfig, not Jackson. */
  static final ArchRule PLAYBOOK_DEPENDS_ON_API_ONLY = classes()
      .that().resideInAPackage("org.clientele.playbook..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "org.clientele.api..", "org.clientele.playbook..", "java..", "org.jspecify..", "org.slf4j..")
      .because("the playbook is a strategy plugin like any other: sdk-api (and its log) only");

  /** The engine does not know the command line or any particular classifier or strategy. */
  static final ArchRule CORE_DOES_NOT_DEPEND_ON_CLI_OR_CLASSIFIERS = noClasses()
      .that().resideInAPackage("org.clientele.core..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.clientele.cli..", "org.clientele.classifiers..", "org.clientele.playbook..")
      .because("core runs whatever providers it finds; the cli is a thin shell over core");

  /** The command line is the top of the graph. */
  static final ArchRule NOTHING_DEPENDS_ON_CLI = noClasses()
      .that().resideOutsideOfPackage("org.clientele.cli..")
      .should().dependOnClassesThat().resideInAPackage("org.clientele.cli..")
      .because("the cli is a thin shell: nothing is built on it");

  /**
   * The Spark module sits on core like the cli: it sees sdk-api, sdk-core, Spark and Scala, never a
   * particular classifier, strategy or the command line (providers are discovered on each executor).
   */
  static final ArchRule SPARK_DEPENDS_ON_CORE_ONLY = classes()
      .that().resideInAPackage("org.clientele.spark..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "org.clientele.api..", "org.clientele.core..", "org.clientele.spark..", "java..", "org.jspecify..",
          "org.apache.spark..", "scala..")
      .because("clientele-spark runs sdk-core's job on Dataset<Row>; providers are found on the executors");

  /** Nothing is built on the Spark module, and no Spark type leaks into another module. */
  static final ArchRule NOTHING_DEPENDS_ON_SPARK = noClasses()
      .that().resideOutsideOfPackage("org.clientele.spark..")
      .should().dependOnClassesThat().resideInAnyPackage("org.clientele.spark..", "org.apache.spark..", "scala..")
      .because("clientele-spark is an optional top module: no other module may need Spark on its class path");

  private static final List<String> API_SIGNATURE_PACKAGES = List.of("java.", "org.clientele.api.", "org.jspecify.");

  /** No Guava, Jackson, SLF4J or other third-party type in a public signature of sdk-api. */
  static final ArchRule API_EXPOSES_NO_THIRD_PARTY_TYPE = classes()
      .that().resideInAPackage("org.clientele.api..")
      .and().arePublic()
      .should(exposeOnlyApiAndJdkTypes())
      .because("a third-party type in sdk-api's signatures would become every plugin's dependency");

  private static ArchCondition<JavaClass> exposeOnlyApiAndJdkTypes() {
    return new ArchCondition<>("expose only JDK, JSpecify and sdk-api types in public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        type.getSuperclass().ifPresent(s -> collect(leaks, "superclass", s));
        type.getInterfaces().forEach(i -> collect(leaks, "interface", i));
        for (JavaField f : type.getFields()) {
          if (visible(f.getModifiers())) {
            collect(leaks, "field " + f.getName(), f.getType());
          }
        }
        for (JavaCodeUnit c : type.getCodeUnits()) {
          if (!visible(c.getModifiers())) {
            continue;
          }
          String where = c.getName() + "(...)";
          collect(leaks, where + " return", c.getReturnType());
          c.getParameterTypes().forEach(p -> collect(leaks, where + " parameter", p));
          c.getThrowsClause().getTypes().forEach(t -> collect(leaks, where + " throws", t));
        }
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes " + leak));
        }
        if (leaks.isEmpty()) {
          events.add(SimpleConditionEvent.satisfied(type, type.getName() + " exposes no third-party type"));
        }
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void collect(List<String> leaks, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw.getBaseComponentType();
      if (base.isPrimitive()) {
        continue;
      }
      String name = base.getName();
      if (API_SIGNATURE_PACKAGES.stream().noneMatch(name::startsWith)) {
        leaks.add(name + " (" + where + ")");
      }
    }
  }
}
