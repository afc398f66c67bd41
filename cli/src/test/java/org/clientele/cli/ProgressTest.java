package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void disabledWritesNothingAtAll() {
    StringWriter err = new StringWriter();
    try (Progress bar = Progress.start(new PrintWriter(err), false, "Reading", 100, () -> 50, "rows")) {
      for (int i = 0; i < 100_000; i++) {
        bar.tick();
      }
      bar.drawNow();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void enabledDrawsOneLineInPlaceAndErasesIt() {
    StringWriter err = new StringWriter();
    Progress bar = Progress.start(new PrintWriter(err), true, "Reading", 200, () -> 50, "rows");
    bar.drawNow();
    assertThat(err.toString()).startsWith("\rReading [#######                     ]  25% 50 rows").doesNotContain("\n");
    bar.close();
    assertThat(err.toString()).endsWith("\r").doesNotContain("\n");
  }

  @Test
  void bytesAreShownInMegabytesAndUnknownTotalsWithoutABar() {
    StringWriter err = new StringWriter();
    Progress bar = Progress.start(new PrintWriter(err), true, "Deriving", 0, () -> 12_345_678, "bytes");
    bar.drawNow();
    assertThat(err.toString()).startsWith("\rDeriving 12.3 MB").doesNotContain("[");
  }

  @Test
  void notATerminalUnderTest() {
    // Surefire pipes the forked JVM's streams: exactly the "piped" case, so no bar is drawn.
    assertThat(Progress.terminal()).isFalse();
  }
}
