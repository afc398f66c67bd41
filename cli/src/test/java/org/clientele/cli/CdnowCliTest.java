package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDNOW master file (69,659 transactions of 23,570 customers) through the command, read by
 * configuration alone ({@code examples/cdnow/clientele.json}): one result per customer, nothing
 * rejected. Reads {@code $clientele.sharedData/cdnow}; skipped where that folder is absent.
 */
class CdnowCliTest {

  @TempDir Path dir;

  @Test
  void theMasterFileGives23570ResultsAndNoRejections() throws IOException {
    Path master = Path.of(System.getProperty("clientele.sharedData", "../../shared/data"), "cdnow", "CDNOW_master.txt");
    assumeTrue(Files.isRegularFile(master),
        "CDNOW master file not found at " + master.toAbsolutePath() + " (set -Dclientele.sharedData); test skipped");
    Path config = Path.of(System.getProperty("user.dir")).resolve("../examples/cdnow/clientele.json").normalize();
    Path results = dir.resolve("cdnow.csv");
    Path rejections = dir.resolve("rejections.csv");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--transactions", master.toString(),
        "--out", results.toString(), "--rejections", rejections.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("CDNOW_master.txt: 69,659 rows read = 69,659 accepted + 0 rejected; 23,570 customers with purchases as of 1998-07-01")
        .contains("Classified 23,570 customers; no rows rejected.");
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(1 + 23_570);
    assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count()).isEqualTo(23_570);
    assertThat(Files.readAllLines(rejections)).hasSize(1); // the header alone
  }
}
