package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Segments;

/**
 * Fuzzes the playbook loader: arbitrary bytes as a playbook file, loaded with {@link
 * Playbook#create} (which parses, validates, compiles and checks coverage). The only exception
 * allowed out is {@link ConfigurationException}, naming the file; a playbook that loads plans for
 * every label combination of the first labels, the last labels and UNCLASSIFIED.
 *
 * <p>The default build replays the corpus in {@code src/test/resources/.../PlaybookFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md in the repository for the command).
 */
class PlaybookFuzzTest {

  private static final List<Dimension> DIMS =
      List.of(Fixtures.VALUE, Fixtures.LOYALTY, Fixtures.LIFECYCLE, Fixtures.RISK);
  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("playbook-fuzz", ".json");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void playbookFile(FuzzedDataProvider data) throws IOException {
    Files.write(FILE, data.consumeRemainingAsBytes());
    Playbook playbook;
    try {
      playbook = Playbook.create(Fixtures.config(Map.of("file", FILE.toString())), DIMS);
    } catch (ConfigurationException expected) {
      assertThat(expected.getMessage()).contains(FILE.toString());
      return;
    }
    int[][] combos = {{0, 0, 0, 0}, {3, 2, 5, 3}, {-1, -1, -1, -1}, {0, -1, 4, 2}};
    for (int[] labels : combos) {
      var segments = Segments.of(DIMS, labels);
      assertThat(Fixtures.plan(playbook, Fixtures.NOBODY, segments)).isNotNull();
      assertThat(playbook.explain(Fixtures.NOBODY, segments)).isNotNull();
    }
    assertThat(playbook.coverage()).isNotNull();
  }
}
