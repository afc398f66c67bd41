package org.clientele.predict.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/** The fit's sufficient statistics cross JVMs: partitions written, read and merged fit as one JVM does. */
class ChurnCalibratorCodecTest {

  private static final ChurnClassifierProvider PROVIDER = new ChurnClassifierProvider();

  @Test
  void partitionsMergedFromBytesGiveTheSingleJvmFit() {
    PluginConfig config = PluginConfig.of("churn", Map.of("model", "bgnbd"));
    List<Customer> population = ChurnContractTest.simulated(2_000, 11);
    Calibrator single = PROVIDER.calibrator(config).orElseThrow();
    population.forEach(single::observe);

    CalibratorCodec codec = PROVIDER.calibratorCodec().orElseThrow();
    Calibrator driver = PROVIDER.calibrator(config).orElseThrow();
    for (List<Customer> part : List.of(population.subList(1_500, 2_000), population.subList(0, 700), population.subList(700, 1_500))) {
      Calibrator partition = PROVIDER.calibrator(config).orElseThrow();
      part.forEach(partition::observe);
      driver.merge(codec.read(config, codec.write(partition)));
    }

    assertThat(driver.result()).isEqualTo(single.result());
    assertThat(single.result()).containsKey("parameters");
  }

  @Test
  void foreignOrBrokenBytesAreRefused() {
    PluginConfig config = PluginConfig.of("churn", Map.of());
    CalibratorCodec codec = PROVIDER.calibratorCodec().orElseThrow();
    assertThatThrownBy(() -> codec.read(config, new byte[] {0, 0, 0, 9})).hasMessageContaining("not a churn calibration state");
    byte[] state = codec.write(PROVIDER.calibrator(config).orElseThrow());
    assertThatThrownBy(() -> codec.read(config, java.util.Arrays.copyOf(state, state.length - 1))).hasMessageContaining("truncated");
  }
}
