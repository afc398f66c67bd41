package org.clientele.core.job;

import java.util.function.LongSupplier;

/**
 * Hears how far a {@link Segmentation} run has got, phase by phase (deriving features,
 * calibrating, classifying). A terminal draws a bar; a service logs or exports a gauge.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

  /** Hears nothing. */
  ProgressListener NONE = (phase, total, unit, done) -> Phase.NONE;

  /**
   * A phase starts.
   *
   * @param phase what is being done, for example {@code "Deriving features"}
   * @param total the amount to do in {@code unit}s, or {@code -1} if unknown
   * @param unit {@code "bytes"} for a file, {@code "customers"} otherwise
   * @param done reads the amount done so far; may be read from any thread until the phase ends
   * @return told of each record and of the end
   */
  Phase start(String phase, long total, String unit, LongSupplier done);

  /** One running phase. */
  interface Phase extends AutoCloseable {

    /** Ignores everything. */
    Phase NONE = new Phase() {
      @Override
      public void tick() {}

      @Override
      public void close() {}
    };

    /** One more record was handled; called on the reading thread, must be cheap. */
    void tick();

    /** The phase ended. */
    @Override
    void close();
  }
}
