package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one "did you mean" rule of the engine, the playbook and plugins. */
class DidYouMeanTest {

  private static final List<String> KNOWN = List.of(
      "value", "median", "threshold", "optional", "risk-high", "vip-service", "SWINGING", "ab", "rfm");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "vaule, value",             // swapped neighbours: one edit
      "medain, median",
      "tresholt, threshold",      // two edits in eight letters
      "optinal, optional",
      "risk-hihg, risk-high",
      "vip-servce, vip-service",
      "swinging, SWINGING",       // case is ignored, the known spelling is suggested
      "xy, none",                 // two letters: no edit is a typo
      "rmf, rfm",                 // one swap in three letters
      "loyalty, none",
      "geography, none",
  })
  void suggestsOnlyANameNearEnoughToBeATypo(String name, String expected) {
    assertThat(DidYouMean.nearest(name, KNOWN).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"vaule, '; did you mean ''value''?'", "zzzzz, ''"})
  void theSuffixReadsAsTheEndOfAMessage(String name, String expected) {
    assertThat(DidYouMean.suffix(name, KNOWN)).isEqualTo(expected);
  }
}
