package org.clientele.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.clientele.core.Model;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clientele demo}'s files, classified with geography and age bands as the demo configuration
 * names them: every label of both dimensions occurs, UNKNOWN included (a region type no mapping
 * knows, an implausible or missing age), and the demo's reference date lets nothing be rejected.
 */
class DemoPopulationGeographyAndAgeTest {

  @TempDir Path dir;

  @Test
  void everyLabelOfGeographyAndAgeOccursInTheDemo() {
    DemoFiles files = DemoFiles.write(
        TransactionPopulation.of(TransactionPopulation.DEFAULT_SIZE, TransactionPopulation.DEFAULT_SEED), dir, i -> { });
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"dimensions\": {\"geography\": {}, \"age\": {}}, \"strategy\": null}", "demo.json"))
        .customers(files.customers())
        .transactions(files.transactions())
        .build();

    SegmentationResult result = job.run(c -> c.labels().forEach(
        (dimension, label) -> counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(label, 1, Integer::sum)),
        RejectionSink.discard());

    assertThat(counts.get("geography")).as("geography labels").containsOnlyKeys("CITY", "RURAL", "MOUNTAIN", "UNKNOWN");
    assertThat(counts.get("age")).as("age labels")
        .containsOnlyKeys("UNDER_20", "AGE_20_29", "AGE_30_39", "AGE_40_49", "AGE_50_PLUS", "UNKNOWN");
    assertThat(java.util.Objects.requireNonNull(result.counts().customersFile()).rejected())
        .as("no age is out of the reader's range").isZero();
  }
}
