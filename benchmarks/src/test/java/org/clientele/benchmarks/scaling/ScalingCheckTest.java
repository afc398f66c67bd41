package org.clientele.benchmarks.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check runs and reports every configuration; measures nothing (slices of 1 ms). */
class ScalingCheckTest {

  @Test
  void reportsEveryConfigurationAndEveryRatio() throws Exception {
    String json = ScalingCheck.measure(3, 1, 1_000_000L, 0);
    assertThat(json).contains("\"rounds\": 3", "\"classifyAll1\": ", "\"classifyAll2\": ", "\"handWritten1\": ",
        "\"handWritten2\": ", "\"engineScaling\": ", "\"handWrittenScaling\": ", "\"smallBatch\": 1024",
        "\"smallBatch1\": ", "\"smallBatch2\": ", "\"smallBatchScaling\": ", "\"classifyAll2Cores\": ",
        "\"handWritten2Cores\": ", "\"smallBatch2Cores\": ");
    assertThat(json).doesNotContain("NaN", "Infinity");
  }
}
