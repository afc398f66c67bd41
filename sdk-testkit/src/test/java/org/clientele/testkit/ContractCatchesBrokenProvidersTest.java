package org.clientele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit's checks can fail: each broken sample provider fails the check aimed at its defect, with
 * a message that says what to fix. Where the defect is isolated, no other check fails.
 */
class ContractCatchesBrokenProvidersTest {

  static Stream<Arguments> brokenProviders() {
    return Stream.of(
        Arguments.of(BrokenContracts.Unregistered.class, Set.of("theClassPathFindsTheProvider"), true,
            "List the class name in src/main/resources/META-INF/services/org.clientele.api.spi.ClassifierProvider"),
        Arguments.of(BrokenContracts.OneLabel.class, Set.of("thePopulationGetsMoreThanOneLabel"), true,
            "got the same label [LOW]"),
        Arguments.of(BrokenContracts.OwnFeatureNeverSeen.class, Set.of("thePopulationExercisesEveryDeclaredFeature", "thePopulationGetsMoreThanOneLabel"), true, "Population.builder().feature("),
        Arguments.of(BrokenContracts.UpperCaseName.class, Set.of("nameIsNonBlankLowercaseAndStable"), false, "lowercase"),
        Arguments.of(BrokenContracts.CreateThrowsOnEmpty.class,
            Set.of("createWithAnEmptyConfigurationWorksOrThrowsConfigurationException"), true, "threshold missing"),
        Arguments.of(BrokenContracts.IgnoresId.class, Set.of("dimensionIdIsTheConfiguredId"), true, "PluginConfig.id()"),
        Arguments.of(BrokenContracts.ReadsAllKeys.class, Set.of("createLeavesUnknownKeysUnread"), true, "kitUnknownKey"),
        Arguments.of(BrokenContracts.LeavesKeyUnread.class,
            Set.of("createReadsEveryKeyOfItsConfiguration", "theEngineBuildsItFromAJsonConfigurationAndClassifies"), true,
            "note"),
        Arguments.of(BrokenContracts.DoubleSink.class, Set.of("classifyCallsTheSinkOnceWithALabelOfItsDimension"), false,
            "called the LabelSink 2 times"),
        Arguments.of(BrokenContracts.ExplainDisagrees.class, Set.of("explainAgreesWithClassify"), false, "explain()"),
        Arguments.of(BrokenContracts.NpeOnMissing.class, Set.of("edge-no-features"), false, "NullPointerException"),
        Arguments.of(BrokenContracts.RandomWhenMissing.class, Set.of("classificationIsDeterministic"), false,
            "pure function"),
        Arguments.of(BrokenContracts.NotThreadSafe.class, Set.of("classificationIsTheSameUnderConcurrentCalls"), true,
            "shared classifier"),
        Arguments.of(BrokenContracts.MutableFeatures.class, Set.of("resultsAreImmutable"), true, "unmodifiable"),
        Arguments.of(BrokenContracts.LeakyCalibration.class, Set.of("calibrationRoundTripsThroughTheModelJson"), true,
            "before the JSON round trip"),
        Arguments.of(BrokenContracts.NewActionEveryCall.class, Set.of("planningIsDeterministicAndReusesActions"), true,
            "new instance"),
        Arguments.of(BrokenContracts.ClaimsLabelsOnlyButReadsFeatures.class,
            Set.of("aStrategyThatReadsLabelsOnlyIgnoresTheCustomerAndTheScores"), true, "return false if it reads features"),
        Arguments.of(BrokenContracts.ClaimsLabelsOnlyButReadsFallbackScores.class,
            Set.of("aStrategyThatReadsLabelsOnlyIgnoresTheCustomerAndTheScores"), true, "features or scores"),
        Arguments.of(BrokenContracts.FailsOnUnclassified.class, Set.of("planningWorksForEveryLabelAndNeverAddsNull"), false,
            "UNCLASSIFIED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenProviders")
  void theContractFailsTheCheckAimedAtTheDefect(
      Class<?> contract, Set<String> expectedFailures, boolean only, String messageFragment) {
    var failures = new TreeMap<String, Throwable>();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents()
        .failed()
        .stream()
        .forEach(e -> failures.put(name(e), e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()));

    assertThat(failures.keySet()).containsAll(expectedFailures);
    if (only) {
      assertThat(failures.keySet()).as("only the check aimed at the defect fails").isEqualTo(new java.util.TreeSet<>(expectedFailures));
    }
    String first = expectedFailures.stream().sorted().findFirst().orElseThrow();
    assertThat(messages(failures.get(first))).contains(messageFragment);
  }

  @org.junit.jupiter.api.Test
  void addingTheFeatureToThePopulationInOneCallMakesTheSameProviderPass() {
    var failed = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenContracts.OwnFeatureAdded.class))
        .execute()
        .testEvents()
        .failed()
        .stream()
        .map(ContractCatchesBrokenProvidersTest::name)
        .toList();
    assertThat(failed).isEmpty();
  }

  /** A check's method name, or a dynamic test's display name (the edge case's customer id). */
  private static String name(Event e) {
    String display = e.getTestDescriptor().getDisplayName();
    return display.endsWith(")") ? display.substring(0, display.indexOf('(')) : display;
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }
}
