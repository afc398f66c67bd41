package org.clientele.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.clientele.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar records the control group the results were written with, so that outcomes can check it. */
class SnapshotInfoTest {

  @TempDir Path dir;

  @Test
  void theControlGroupIsRecordedBesideTheResultsAndReadBack() {
    Path results = dir.resolve("r.jsonl");
    SnapshotInfo info = new SnapshotInfo(LocalDate.of(2024, 7, 1), "sha256:ab", null, null, null, null)
        .withControlGroup(new ControlGroup(0.2, "2025-02"));
    info.writeBeside(results);
    SnapshotInfo read = SnapshotInfo.readBeside(results).orElseThrow();
    assertThat(read.controlGroup()).isEqualTo(new ControlGroup(0.2, "2025-02"));
    assertThat(read).isEqualTo(info);
    new SnapshotInfo(null, "sha256:ab", null, null, null, ControlGroup.NONE).writeBeside(results);
    assertThat(SnapshotInfo.readBeside(results).orElseThrow().controlGroup()).isEqualTo(ControlGroup.NONE);
  }

  @Test
  void aSidecarWrittenBeforeTheControlGroupWasRecordedSaysItIsUnknown() throws IOException {
    Path results = dir.resolve("old.csv");
    Files.writeString(SnapshotInfo.sidecar(results), "{\"format\":1,\"referenceDate\":null,\"modelFingerprint\":\"sha256:ab\"}");
    assertThat(SnapshotInfo.readBeside(results).orElseThrow().controlGroup()).isNull();
  }

  @Test
  void aBrokenControlGroupIsRefusedNamingTheKey() throws IOException {
    Path results = dir.resolve("bad.csv");
    Files.writeString(SnapshotInfo.sidecar(results),
        "{\"format\":1,\"modelFingerprint\":\"sha256:ab\",\"controlGroup\":{\"share\":1.5,\"salt\":\"\"}}");
    assertThatThrownBy(() -> SnapshotInfo.readBeside(results)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.controlGroup.share").hasMessageContaining("[0, 1)");
    Files.writeString(SnapshotInfo.sidecar(results), "{\"format\":1,\"modelFingerprint\":\"sha256:ab\",\"controlGroup\":0.2}");
    assertThatThrownBy(() -> SnapshotInfo.readBeside(results)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.controlGroup");
  }
}
