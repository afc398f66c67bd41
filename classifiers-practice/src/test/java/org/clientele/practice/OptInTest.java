package org.clientele.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice dimensions are opt-in: a default run, even on a file with their columns, is unchanged. */
class OptInTest {

  @TempDir Path dir;

  @Test
  void aDefaultRunLeavesThePracticeDimensionsOutAndAConfigurationNamesThem() throws IOException {
    Path file = Files.writeString(dir.resolve("customers.csv"),
        "id,revenue_12m,service_ticket_share,product_lines,project_purchases,online_share,promotions_received,"
            + "promotions_redeemed\nA1,1000,0.4,2,0,0.5,4,1\nA2,200,0.1,1,0,0.9,0,0\n");
    SegmentationResult result = Segmentation.builder().customers(file).threads(1).build()
        .run(c -> { }, RejectionSink.discard());

    assertThat(result.dimensionIds()).contains("value", "risk").doesNotContain("needs", "channel", "promotion");
    assertThat(CrmFile.labels(dir, Files.readString(file), "promotion")).containsOnlyKeys("OCCASIONAL", "UNKNOWN");
  }
}
