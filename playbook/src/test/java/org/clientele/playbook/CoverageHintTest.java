package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.playbook.Fixtures.LIFECYCLE;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clientele.api.Dimension;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/**
 * An analyst's finding: a customers-only run (value left out, it had nothing to calibrate on)
 * logged dead zones of the default playbook with no word of why or what to do. The gaps are
 * right (the value rules were dropped); the warning now says whose they are and what to do.
 */
class CoverageHintTest {

  @Test
  void deadZonesLeftByADimensionNotInTheRunNameItAndWhatToDo() {
    Playbook withoutValue = Playbook.create(Fixtures.config(Map.of()), List.of(LOYALTY, LIFECYCLE, RISK));

    assertThat(withoutValue.coverage().isClean()).as("the default playbook has gaps without value").isFalse();
    assertThat(PlaybookLoader.coverageHint(withoutValue))
        .contains("the rules on dimension [value] were dropped: not in this run", "configure it and give the input it reads",
            "\"coverage\": \"off\"");
  }

  @Test
  void aPlaybookWithEveryDimensionHasNoSuchHintAndItsOwnGapsAskForARule() {
    Playbook full = Playbook.create(Fixtures.config(Map.of()), List.of(VALUE, LOYALTY, LIFECYCLE, RISK));

    assertThat(PlaybookLoader.coverageHint(full)).doesNotContain("were dropped").contains("add a rule that covers them");
  }

  /**
   * A run with one dimension (geography alone, age alone) drops the rules of four: the hint named
   * them in Set.copyOf's order, which changes from JVM to JVM, so two runs' logs differed.
   */
  @Test
  void droppedDimensionsAreNamedInAlphabeticalOrder() {
    Playbook riskOnly = Playbook.create(Fixtures.config(Map.of()), List.of(RISK));

    assertThat(riskOnly.absentDimensions).containsExactly("behaviour", "loyalty", "value");
    assertThat(PlaybookLoader.coverageHint(riskOnly)).contains("dimensions [behaviour, loyalty, value] were dropped");
  }

  /**
   * A batch run creates its playbook more than once (EngineBuilder.validate, then build): the
   * playbook logged its coverage warning each time. It now logs nothing and hands the warning to
   * the engine ({@code Strategy.warnings()}), which logs it once when it is built.
   */
  @Test
  void creatingAPlaybookLogsNothingAndItsWarningsCarryTheCoverageText() {
    Dimension lonely = Dimension.of("once", "A", "B");
    PluginConfig config = PluginConfig.of("playbook", "coverage-once.json", "$.strategy", Fixtures.json(
        "{\"rules\": [{\"id\": \"once-a\", \"priority\": 1, \"when\": {\"once\": \"A\"}, \"rationale\": \"r\","
            + " \"actions\": [{\"code\": \"once-call\", \"category\": \"follow-up\", \"description\": \"Call.\"}]}]}"));
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Playbook first;
    Playbook second;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      first = Playbook.create(config, List.of(lonely));
      second = Playbook.create(config, List.of(lonely));
    } finally {
      System.setErr(err);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(first.warnings()).singleElement().asString()
        .startsWith("Playbook coverage-once.json $.strategy: coverage over")
        .contains("dead zone FOLLOW_UP", "once=B", "add a rule that covers them");
    assertThat(first.diagnostics()).anyMatch(d -> d.startsWith("Coverage:"));
    assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(second.warnings()).isEqualTo(first.warnings());
  }

  @Test
  void withCoverageOffTheGapsAreNotWarnedAbout() {
    Dimension lonely = Dimension.of("once", "A", "B");
    String rules = "\"rules\": [{\"id\": \"once-a\", \"priority\": 1, \"when\": {\"once\": \"A\"}, \"rationale\": \"r\","
        + " \"actions\": [{\"code\": \"once-call\", \"category\": \"follow-up\", \"description\": \"Call.\"}]}]";
    PluginConfig off = PluginConfig.of("playbook", "off.json", "$.strategy", Fixtures.json("{\"coverage\": \"off\", " + rules + "}"));

    Playbook unchecked = Playbook.create(off, List.of(lonely));

    assertThat(unchecked.coverage().isClean()).as("the gap is there, only not checked at load").isFalse();
    assertThat(unchecked.warnings()).isEmpty();
  }
}
