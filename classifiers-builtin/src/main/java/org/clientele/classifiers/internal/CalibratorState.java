package org.clientele.classifiers.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A built-in calibrator whose state can be written and restored ({@link StateCodec}). */
public interface CalibratorState {

  /**
   * Writes the state.
   *
   * @param out where to write
   * @throws IOException if the output fails
   */
  void writeState(DataOutput out) throws IOException;

  /**
   * Restores a written state into this fresh calibrator.
   *
   * @param in where to read
   * @throws IOException if the input fails
   */
  void readState(DataInput in) throws IOException;
}
