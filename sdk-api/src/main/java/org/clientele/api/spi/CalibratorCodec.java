package org.clientele.api.spi;

/**
 * Moves a {@link Calibrator}'s state out of one JVM and into another, for calibration on a cluster
 * (Apache Spark): each partition observes its customers, its calibrator's state travels to the
 * driver as bytes, and the driver merges the states into one calibrator whose {@link
 * Calibrator#result() result} goes into the model.
 *
 * <p>Optional: a provider offers one through {@link ClassifierProvider#calibratorCodec()}. The
 * bytes are read only by the same provider version with the same configuration; they are a transfer
 * format, not a storage format. A restored calibrator must merge and report exactly like the one
 * that was written (same observations, same sketch), so that a distributed calibration gives the
 * model a single JVM gives, within the sketch's documented error.
 *
 * @since 0.1.0
 */
public interface CalibratorCodec {

  /**
   * Writes a calibrator's state.
   *
   * @param calibrator a calibrator this provider created (directly or by {@link #read})
   * @return its state; the calibrator is unchanged
   * @throws IllegalArgumentException if the calibrator was not created by this provider
   * @since 0.1.0
   */
  byte[] write(Calibrator calibrator);

  /**
   * Restores a calibrator from its state.
   *
   * @param config the dimension's configuration, the same the written calibrator was created with
   * @param state bytes from {@link #write}
   * @return a calibrator holding the written observations, ready to observe and merge more
   * @throws IllegalArgumentException if the bytes are not a state this codec wrote
   * @throws org.clientele.api.ConfigurationException naming the key if the configuration is invalid
   * @since 0.1.0
   */
  Calibrator read(PluginConfig config, byte[] state);
}
