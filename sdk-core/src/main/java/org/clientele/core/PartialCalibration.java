package org.clientele.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.PluginConfig;

/**
 * One partition's share of a distributed calibration: the calibrators of every dimension to
 * calibrate, fed the partition's customers, written to bytes for the driver, and merged there.
 * Made by {@link EngineBuilder#partialCalibration()}; finished by {@link
 * EngineBuilder#calibrate(PartialCalibration)}.
 *
 * <pre>{@code
 * // on each partition
 * PartialCalibration part = builder.partialCalibration();
 * customers.forEachRemaining(part::observe);
 * byte[] state = part.toBytes();
 * // on the driver
 * PartialCalibration all = builder.partialCalibration();
 * states.forEach(all::merge);
 * Model model = builder.calibrate(all);
 * }</pre>
 *
 * <p>Not thread-safe: one per partition (or thread). The bytes are a transfer format between
 * JVMs running the same Clientele and plugin versions with the same configuration, not a storage
 * format.
 *
 * @since 0.1.0
 */
public final class PartialCalibration {

  private static final int FORMAT = 1;

  private final String source;
  private final List<String> ids;
  private final List<PluginConfig> configs;
  private final List<CalibratorCodec> codecs;
  private final Calibrator[] calibrators;
  private long observed;

  PartialCalibration(
      String source, List<String> ids, List<PluginConfig> configs, List<CalibratorCodec> codecs, List<Calibrator> calibrators) {
    this.source = source;
    this.ids = List.copyOf(ids);
    this.configs = List.copyOf(configs);
    this.codecs = List.copyOf(codecs);
    this.calibrators = calibrators.toArray(new Calibrator[0]);
  }

  /**
   * Takes one customer into account on every dimension to calibrate.
   *
   * @param customer a member of the calibration population
   */
  public void observe(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    observed++;
    for (Calibrator c : calibrators) {
      c.observe(customer);
    }
  }

  /**
   * Returns how many customers were observed, merged states included.
   *
   * @return the count
   */
  public long observed() {
    return observed;
  }

  /**
   * Returns the dimensions this calibration calibrates, in configuration order.
   *
   * @return the dimension ids; empty when nothing needs calibrating
   */
  public List<String> dimensionIds() {
    return ids;
  }

  /**
   * Writes every calibrator's state (through its provider's {@link CalibratorCodec}) and the
   * number of customers observed.
   *
   * @return the state; this calibration is unchanged
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeLong(observed);
      out.writeInt(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        out.writeUTF(ids.get(i));
        byte[] state = codecs.get(i).write(calibrators[i]);
        out.writeInt(state.length);
        out.write(state);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Adds another partition's state, as {@link #toBytes()} wrote it from the same configuration.
   *
   * @param state the other partition's bytes
   * @throws IllegalArgumentException if the bytes are not a state of this configuration's dimensions
   */
  public void merge(byte[] state) {
    Objects.requireNonNull(state, "state");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("not a partial calibration state (format " + format + ")");
      }
      long theirs = in.readLong();
      int n = in.readInt();
      if (n != ids.size()) {
        throw new IllegalArgumentException(
            "the state calibrates " + n + " dimensions; " + source + " calibrates " + ids);
      }
      Calibrator[] restored = new Calibrator[n];
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        if (!id.equals(ids.get(i))) {
          throw new IllegalArgumentException(
              "the state's dimension " + (i + 1) + " is '" + id + "'; " + source + " calibrates " + ids);
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        restored[i] = Objects.requireNonNull(codecs.get(i).read(configs.get(i), bytes), "CalibratorCodec.read returned null");
      }
      for (int i = 0; i < n; i++) {
        calibrators[i].merge(restored[i]);
      }
      observed += theirs;
    } catch (EOFException e) {
      throw new IllegalArgumentException("the partial calibration state is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calibrators, for {@link EngineBuilder#calibrate(PartialCalibration)}. */
  Calibrator[] calibrators() {
    return calibrators;
  }
}
