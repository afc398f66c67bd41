package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.playbook.Fixtures.LIFECYCLE;
import static org.clientele.playbook.Fixtures.LOYALTY;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import java.util.Map;
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
}
