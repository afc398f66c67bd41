package org.clientele.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code clientele.*} properties.
 *
 * <pre>
 * clientele.model=/etc/clientele/model.json   # a configuration or calibrated model file (required)
 * clientele.reload.enabled=true               # watch the file and swap the engine when it changes
 * clientele.reload.interval=10s
 * clientele.allow-providers=value,loyalty     # refuse discovered providers with other names
 * clientele.batch.chunk-size=1000             # customers per task on the host's executor
 * clientele.batch.max-in-flight=4             # tasks queued at once per batch call
 * </pre>
 *
 * <p>The model is read only from {@code clientele.model}: nothing in the starter accepts a model or
 * configuration from a request.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("clientele")
public class ClienteleProperties {

  private @Nullable Path model;
  private Set<String> allowProviders = new LinkedHashSet<>();
  private final Reload reload = new Reload();
  private final Batch batch = new Batch();

  /** Creates the properties with their defaults. */
  public ClienteleProperties() {}

  /**
   * Returns the configuration or model file the engine is built from.
   *
   * @return the file, or null if not set (the auto-configuration then fails with a message)
   */
  public @Nullable Path getModel() {
    return model;
  }

  /**
   * Sets the configuration or model file.
   *
   * @param model the file
   */
  public void setModel(@Nullable Path model) {
    this.model = model;
  }

  /**
   * Returns the provider names allowed; empty allows every discovered provider.
   *
   * @return the names
   */
  public Set<String> getAllowProviders() {
    return allowProviders;
  }

  /**
   * Sets the provider names allowed ({@code EngineBuilder.allowProviders}).
   *
   * @param allowProviders the names; empty allows all
   */
  public void setAllowProviders(Set<String> allowProviders) {
    this.allowProviders = new LinkedHashSet<>(Objects.requireNonNull(allowProviders, "allowProviders"));
  }

  /**
   * Returns the hot-reload settings.
   *
   * @return the settings
   */
  public Reload getReload() {
    return reload;
  }

  /**
   * Returns the batch settings.
   *
   * @return the settings
   */
  public Batch getBatch() {
    return batch;
  }

  /**
   * {@code clientele.reload.*}: watching the model file.
   *
   * @since 0.1.0
   */
  public static class Reload {
    private boolean enabled = true;
    private Duration interval = Duration.ofSeconds(10);

    /** Creates the settings with their defaults. */
    public Reload() {}

    /**
     * Returns whether the model file is watched.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the model file is watched.
     *
     * @param enabled whether to watch
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns how often the file is checked.
     *
     * @return 10 seconds by default
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets how often the file is checked.
     *
     * @param interval positive
     */
    public void setInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("clientele.reload.interval must be positive, not " + interval);
      }
      this.interval = interval;
    }
  }

  /**
   * {@code clientele.batch.*}: batch classification on the host's executor.
   *
   * @since 0.1.0
   */
  public static class Batch {
    private int chunkSize = 1000;
    private int maxInFlight = 4;

    /** Creates the settings with their defaults. */
    public Batch() {}

    /**
     * Returns the number of customers per task.
     *
     * @return 1000 by default
     */
    public int getChunkSize() {
      return chunkSize;
    }

    /**
     * Sets the number of customers per task.
     *
     * @param chunkSize at least 1
     */
    public void setChunkSize(int chunkSize) {
      if (chunkSize < 1) {
        throw new IllegalArgumentException("clientele.batch.chunk-size must be at least 1, not " + chunkSize);
      }
      this.chunkSize = chunkSize;
    }

    /**
     * Returns the number of tasks a batch call keeps queued at once (its memory bound).
     *
     * @return 4 by default
     */
    public int getMaxInFlight() {
      return maxInFlight;
    }

    /**
     * Sets the number of tasks a batch call keeps queued at once.
     *
     * @param maxInFlight at least 1
     */
    public void setMaxInFlight(int maxInFlight) {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("clientele.batch.max-in-flight must be at least 1, not " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
    }
  }
}
