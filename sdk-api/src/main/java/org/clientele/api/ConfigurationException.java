package org.clientele.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A configuration cannot be used. The message names where the problem is (the file and the JSON
 * path of the key), what is wrong, and what is expected, for example:
 *
 * <pre>
 * clientele.json $.dimensions.value.thresholds.core: expected a number >= 0, found "high"
 * </pre>
 *
 * @since 0.1.0
 */
public class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Where the problem is: the file and JSON path, possibly empty. */
  private final String location;

  /**
   * Creates the exception.
   *
   * @param location the file and JSON path, for example {@code clientele.json
   *     $.dimensions.value.method}
   * @param problem what is wrong and what is expected
   */
  public ConfigurationException(String location, String problem) {
    super(location.isEmpty() ? problem : location + ": " + problem);
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param location the file and JSON path
   * @param problem what is wrong and what is expected
   * @param cause the underlying failure, or null if there is none
   */
  public ConfigurationException(String location, String problem, @Nullable Throwable cause) {
    super(location.isEmpty() ? problem : location + ": " + problem, cause);
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * Returns where the problem is.
   *
   * @return the file and JSON path, possibly empty
   */
  public String location() {
    return location;
  }
}
