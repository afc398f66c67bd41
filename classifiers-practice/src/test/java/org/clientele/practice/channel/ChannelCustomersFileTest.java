package org.clientele.practice.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customers file with an online share column in percent on one row and a channel name no list
 * knows on another, through the batch job: the report's {@code unplaced_values} names exactly those
 * values, and not the good channel name of the customer whose bad share was set aside.
 */
class ChannelCustomersFileTest {

  private static final String CUSTOMERS = """
      id,online_share,channel
      A1,0.9,
      A2,40,
      A3,40,Store
      A4,,fax
      A5,,online
      A6,0.1,fax
      """;

  @TempDir Path dir;

  @Test
  void theReportNamesTheInvalidShareAndTheUnknownChannelOfTheUnknownCustomersOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("customers.csv"), CUSTOMERS);
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"format\": 1, \"dimensions\": {\"channel\": {}}, \"strategy\": null}", "clientele.json"))
        .customers(file)
        .threads(1)
        .build();
    Map<String, String> labels = new LinkedHashMap<>();
    SegmentationResult result = job.run(c -> labels.put(c.customerId(), c.labels().get("channel")), RejectionSink.discard());

    assertThat(labels).containsExactly(Map.entry("A1", "ONLINE"), Map.entry("A2", "UNKNOWN"), Map.entry("A3", "OFFLINE"),
        Map.entry("A4", "UNKNOWN"), Map.entry("A5", "ONLINE"), Map.entry("A6", "OFFLINE"));
    assertThat(result.report().orElseThrow().quality().warnings())
        .filteredOn(w -> w.code().equals("unplaced_values")).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("channel: 2 of 6 customers with channel or online_share"
            + " (33.3%) have a value it could not place: channel 'fax' (1); online_share '40' (1)."));
  }
}
