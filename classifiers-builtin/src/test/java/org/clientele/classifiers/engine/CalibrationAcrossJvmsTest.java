package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.PartialCalibration;
import org.clientele.core.demo.FeaturePopulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in calibrators across JVMs (what the Spark module does): each partition's state
 * written to bytes with the provider's codec, merged on a driver. Below {@code sketch.exactLimit}
 * the model is byte-identical to the one-JVM model; above it the sketches travel and the cut-offs
 * stay within the recorded error of the exact ones.
 */
class CalibrationAcrossJvmsTest {

  private static final String ALL = "{\"dimensions\": {"
      + "\"value\": {\"method\": \"pareto\"}, \"top\": {\"provider\": \"value\", \"method\": \"quantile\"},"
      + " \"rfm\": {}, \"behaviour\": {\"scheme\": \"activity\"}, \"loyalty\": {}, \"risk\": {}}, \"strategy\": null}";

  private static Model distributed(String config, List<Customer> population, int partitions) {
    EngineBuilder driver = Engine.builder().configuration(config, "across.json");
    PartialCalibration merged = driver.partialCalibration();
    int size = population.size();
    for (int p = partitions - 1; p >= 0; p--) { // merged in reverse: order must not matter
      PartialCalibration partition = Engine.builder().configuration(config, "across.json").partialCalibration();
      population.subList(p * size / partitions, (p + 1) * size / partitions).forEach(partition::observe);
      merged.merge(partition.toBytes());
    }
    return driver.calibrate(merged);
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 2, 8})
  void belowTheExactLimitTheModelIsByteIdentical(int partitions) {
    List<Customer> population = FeaturePopulation.of(5, 4_000);
    Model single = Engine.builder().configuration(ALL, "across.json").calibrate(population);
    assertThat(distributed(ALL, population, partitions).toJson()).isEqualTo(single.toJson());
  }

  @Test
  void aboveTheExactLimitTheSketchesTravelAndStayWithinTheirError() {
    String config = "{\"dimensions\": {"
        + "\"value\": {\"method\": \"pareto\", \"sketch\": {\"exactLimit\": 300}},"
        + " \"top\": {\"provider\": \"value\", \"method\": \"quantile\", \"sketch\": {\"exactLimit\": 300}}}, \"strategy\": null}";
    List<Customer> population = FeaturePopulation.of(9, 6_000);
    Model model = distributed(config, population, 8);
    double[] sorted = population.stream().mapToDouble(c -> c.number(StandardFeatures.REVENUE_12M, Double.NaN))
        .filter(v -> !Double.isNaN(v)).sorted().toArray();

    Map<String, Object> top = calibration(model, "top");
    assertThat(top.get("exact")).isEqualTo(false);
    double rankError = ((Number) top.get("rankError")).doubleValue();
    double core = ((Number) top.get("core")).doubleValue();
    // the customers at or above the core cut-off are the top 20%, within the KLL rank error
    assertThat(share(sorted, core)).isCloseTo(0.20, within(rankError + 1.0 / sorted.length));

    Map<String, Object> pareto = calibration(model, "value");
    assertThat(pareto.get("exact")).isEqualTo(false);
    double massError = ((Number) pareto.get("massError")).doubleValue();
    double exactCore = exactMassCutoff(sorted, 0.80);
    double sketched = ((Number) pareto.get("core")).doubleValue();
    assertThat(sketched).isBetween(exactCore / (1 + massError), exactCore);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> calibration(Model model, String id) {
    return (Map<String, Object>) model.dimensions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow()
        .settings().get("calibration");
  }

  private static double share(double[] sorted, double cutoff) {
    int below = Arrays.binarySearch(sorted, cutoff);
    while (below > 0 && sorted[below - 1] == cutoff) {
      below--;
    }
    return (sorted.length - (below < 0 ? -below - 1 : below)) / (double) sorted.length;
  }

  /** The largest value whose top values hold at least the share of the positive total. */
  private static double exactMassCutoff(double[] sorted, double share) {
    double total = 0;
    for (double v : sorted) {
      total += Math.max(v, 0);
    }
    double cumulative = 0;
    for (int i = sorted.length - 1; i >= 0; i--) {
      cumulative += sorted[i];
      if (cumulative >= share * total && (i == 0 || sorted[i - 1] != sorted[i])) {
        return sorted[i];
      }
    }
    return sorted[0];
  }
}
