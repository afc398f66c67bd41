package org.clientele.predict.churn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.CalibratorCodec;
import org.clientele.api.spi.PluginConfig;

/**
 * The churn calibrator's state across JVMs: the sufficient statistics of the fit (the tables of
 * distinct histories and of (x, mean spend) with their counts), so the fit on the driver sees
 * exactly what a single JVM would.
 */
final class ChurnCalibratorCodec implements CalibratorCodec {

  private static final int FORMAT = 1;

  @Override
  public byte[] write(Calibrator calibrator) {
    if (!(calibrator instanceof ChurnCalibrator c)) {
      throw new IllegalArgumentException(
          "provider 'churn' cannot write a " + calibrator.getClass().getName() + " (not its calibrator)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      c.writeState(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  @Override
  public Calibrator read(PluginConfig config, byte[] state) {
    ChurnCalibrator c = new ChurnCalibrator(ChurnSettings.read(config));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("not a churn calibration state (format " + format + ")");
      }
      c.readState(in);
      if (in.available() > 0) {
        throw new IllegalArgumentException("churn calibration state has " + in.available() + " bytes left over");
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException("churn calibration state is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }
}
