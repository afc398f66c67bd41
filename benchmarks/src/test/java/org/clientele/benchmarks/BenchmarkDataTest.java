package org.clientele.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientele.core.Model;
import org.junit.jupiter.api.Test;

class BenchmarkDataTest {

  @Test
  void theModelResourceIsTheCalibrationOfTheBenchmarkPopulation() {
    Model shipped = Model.fromJson(BenchmarkData.modelJson(), "model.json");
    assertThat(shipped)
        .as("%s is stale: run java -cp benchmarks/target/benchmarks.jar org.clientele.benchmarks.BenchmarkData", BenchmarkData.MODEL_RESOURCE)
        .isEqualTo(BenchmarkData.calibrate());
  }

  @Test
  void thePopulationIsTheSameOnEveryCall() {
    assertThat(BenchmarkData.population(50)).containsExactly(java.util.Arrays.copyOf(BenchmarkData.customers(), 50));
  }
}
