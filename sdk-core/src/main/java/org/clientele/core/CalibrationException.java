package org.clientele.core;

import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * A configuration that cannot classify until it is calibrated, or whose calibration failed on the
 * population it was given. A batch job, a CLI or a host tells the two apart by {@link #kind()},
 * not by reading the message.
 *
 * @since 0.1.0
 */
public final class CalibrationException extends ConfigurationException {

  private static final long serialVersionUID = 1L;

  /** Why a dimension has no usable calibration. */
  public enum Kind {
    /** The dimension is population-relative and the configuration holds no calibration yet. */
    REQUIRED,
    /** Calibration ran, and the dimension's calibrator could not produce thresholds. */
    FAILED
  }

  /** The dimension whose calibration is missing or failed. */
  private final String dimensionId;

  /** Why: calibration is required, or it ran and failed. */
  private final Kind kind;

  /** The customers calibration saw, {@code -1} for {@link Kind#REQUIRED}. */
  private final long population;

  /**
   * Creates the exception.
   *
   * @param location the file and JSON path of the dimension
   * @param problem what is wrong and what to do
   * @param dimensionId the dimension
   * @param kind why
   * @param population the customers calibration saw ({@code -1} for {@link Kind#REQUIRED})
   * @param cause the calibrator's own error, or null
   */
  public CalibrationException(
      String location, String problem, String dimensionId, Kind kind, long population, @Nullable Throwable cause) {
    super(location, problem, cause);
    this.dimensionId = Objects.requireNonNull(dimensionId, "dimensionId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.population = population;
  }

  /**
   * Returns the dimension that has no usable calibration.
   *
   * @return its id
   */
  public String dimensionId() {
    return dimensionId;
  }

  /**
   * Returns why.
   *
   * @return required or failed
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns how many customers calibration saw.
   *
   * @return the count, or {@code -1} when calibration did not run
   */
  public long population() {
    return population;
  }
}
