package org.clientele.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;

/**
 * Runs a CRM-shaped customers file through the batch job, as {@code clientele classify -c} does,
 * with a configuration naming one dimension; counts the labels it gives.
 */
public final class CrmFile {

  private CrmFile() {}

  /**
   * Writes the file and runs the job on it.
   *
   * @param dir where to write {@code customers.csv}
   * @param csv the file's text, header first
   * @param dimension the dimension to configure (and count)
   * @return label to customers
   * @throws IOException if the file cannot be written
   */
  public static Map<String, Integer> labels(Path dir, String csv, String dimension) throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, csv);
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"format\": 1, \"dimensions\": {\"" + dimension + "\": {}}, \"strategy\": null}",
            "clientele.json"))
        .customers(file)
        .threads(1)
        .build();
    Map<String, Integer> counts = new HashMap<>();
    SegmentationResult result = job.run(c -> counts.merge(c.labels().get(dimension), 1, Integer::sum),
        RejectionSink.discard());
    if (result.counts().rejected() > 0) {
      throw new AssertionError("rows rejected: " + result.counts());
    }
    return counts;
  }
}
