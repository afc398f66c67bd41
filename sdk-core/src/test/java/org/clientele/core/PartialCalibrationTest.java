package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/** Calibration across JVMs: partitions' states as bytes, merged on a driver, give the one-JVM model. */
class PartialCalibrationTest {

  private static final String CONFIG = "{\"dimensions\": {\"m\": {\"provider\": \"median\"},"
      + " \"t\": {\"provider\": \"threshold\"}}, \"strategy\": null}";

  /** The test's median provider, with a codec for its list of values. */
  static final class TransferableMedian implements org.clientele.api.spi.ClassifierProvider {
    private final Fixtures.MedianProvider median = new Fixtures.MedianProvider();

    @Override
    public String name() {
      return median.name();
    }

    @Override
    public org.clientele.api.Classifier create(PluginConfig config) {
      return median.create(config);
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      return median.calibrator(config);
    }

    @Override
    public Optional<CalibratorCodec> calibratorCodec() {
      return Optional.of(new CalibratorCodec() {
        @Override
        public byte[] write(Calibrator calibrator) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            List<Double> values = ((Fixtures.MedianCalibrator) calibrator).values;
            out.writeInt(values.size());
            for (double v : values) {
              out.writeDouble(v);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return bytes.toByteArray();
        }

        @Override
        public Calibrator read(PluginConfig config, byte[] state) {
          Fixtures.MedianCalibrator c = new Fixtures.MedianCalibrator();
          try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            for (int n = in.readInt(); n > 0; n--) {
              c.values.add(in.readDouble());
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return c;
        }
      });
    }
  }

  private static EngineBuilder builder(org.clientele.api.spi.ClassifierProvider median) {
    return Engine.builder().discover(false).register(median).register(new Fixtures.ThresholdProvider())
        .configuration(CONFIG, "partial.json");
  }

  @Test
  void partitionStatesMergedOnADriverGiveTheSingleJvmModel() {
    List<Customer> population = Fixtures.population(17, 3_000);
    Model single = builder(new TransferableMedian()).calibrate(population);

    EngineBuilder driver = builder(new TransferableMedian());
    PartialCalibration merged = driver.partialCalibration();
    for (List<Customer> part : List.of(population.subList(2_000, 3_000), population.subList(0, 1_234),
        population.subList(1_234, 2_000), List.<Customer>of())) {
      PartialCalibration partition = builder(new TransferableMedian()).partialCalibration();
      part.forEach(partition::observe);
      merged.merge(partition.toBytes());
    }

    assertThat(merged.observed()).isEqualTo(3_000);
    assertThat(merged.dimensionIds()).containsExactly("m");
    Model model = driver.calibrate(merged);
    assertThat(model.toJson()).isEqualTo(single.toJson());
    assertThat(driver.model(model).build().classify(population.get(0)).labelIndex(0)).isNotNegative();
  }

  @Test
  void aProviderThatCannotMoveItsStateIsNamedWithTheFix() {
    assertThatThrownBy(() -> builder(new Fixtures.MedianProvider()).partialCalibration())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("partial.json $.dimensions.m")
        .hasMessageContaining("provider 'median'")
        .hasMessageContaining("cannot move its calibrator state between JVMs")
        .hasMessageContaining("Calibrate in one JVM");
  }

  @Test
  void aStateOfAnotherConfigurationIsRefused() {
    byte[] state = builder(new TransferableMedian()).partialCalibration().toBytes();
    PartialCalibration other = Engine.builder().discover(false).register(new TransferableMedian())
        .configuration("{\"dimensions\": {\"x\": {\"provider\": \"median\"}}, \"strategy\": null}", "other.json")
        .partialCalibration();
    assertThatThrownBy(() -> other.merge(state)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 1 is 'm'").hasMessageContaining("other.json calibrates [x]");
    assertThatThrownBy(() -> other.merge(new byte[] {0, 0, 0, 1, 0})).hasMessageContaining("truncated");
  }
}
