package org.clientele.classifiers.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.PluginConfig;

/**
 * The built-ins' {@link CalibratorCodec}: a header naming the provider, then the calibrator's own
 * {@link CalibratorState}. One implementation for every built-in calibrator.
 *
 * @param <C> the calibrator class
 */
public final class StateCodec<C extends Calibrator & CalibratorState> implements CalibratorCodec {

  private static final int FORMAT = 1;

  private final String provider;
  private final Class<C> type;
  private final Function<PluginConfig, C> factory;

  /**
   * Creates the codec.
   *
   * @param provider the provider's name, written in the header and named in errors
   * @param type the calibrator class
   * @param factory makes a fresh calibrator for a configuration
   */
  public StateCodec(String provider, Class<C> type, Function<PluginConfig, C> factory) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.type = Objects.requireNonNull(type, "type");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public byte[] write(Calibrator calibrator) {
    if (!type.isInstance(calibrator)) {
      throw new IllegalArgumentException(
          "provider '" + provider + "' cannot write a " + calibrator.getClass().getName() + " (not its calibrator)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeUTF(provider);
      type.cast(calibrator).writeState(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  @Override
  public Calibrator read(PluginConfig config, byte[] state) {
    Objects.requireNonNull(state, "state");
    C calibrator = factory.apply(config);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int format = in.readInt();
      String writer = in.readUTF();
      if (format != FORMAT || !writer.equals(provider)) {
        throw new IllegalArgumentException(
            "not a calibration state of provider '" + provider + "' (format " + format + ", written by '" + writer + "')");
      }
      calibrator.readState(in);
      if (in.available() > 0) {
        throw new IllegalArgumentException(
            "calibration state of provider '" + provider + "' has " + in.available() + " bytes left over");
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException("calibration state of provider '" + provider + "' is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return calibrator;
  }
}
