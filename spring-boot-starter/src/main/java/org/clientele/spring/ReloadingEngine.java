package org.clientele.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.clientele.api.ConfigurationException;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one model file, swapped for a new one when the file changes. Requests in flight keep
 * the engine they started with; the next request gets the new one (an {@code AtomicReference} swap:
 * every result comes entirely from one model). A file that fails to load leaves the running engine
 * in place and is reported by {@link #lastReloadError()} and the health indicator.
 *
 * <p>The file is the only place a model comes from: nothing here accepts a model from a caller.
 *
 * @since 0.1.0
 */
public final class ReloadingEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadingEngine.class);

  private final Path file;
  private final Set<String> allowProviders;
  private final AtomicReference<Engine> engine = new AtomicReference<>();
  private final Map<String, LongAdder> retiredErrors = new LinkedHashMap<>();
  private final Object reloadLock = new Object();
  private volatile @Nullable Stamp loaded;
  private volatile Instant loadedAt;
  private volatile @Nullable String lastReloadError;
  private final LongAdder reloads = new LongAdder();

  private record Stamp(FileTime modified, long size) {}

  /**
   * Builds the first engine from a file.
   *
   * @param file a configuration or model file
   * @param allowProviders provider names allowed, empty for all
   * @throws ConfigurationException naming the file and JSON path if it does not load
   */
  public ReloadingEngine(Path file, Set<String> allowProviders) {
    this.file = Objects.requireNonNull(file, "file");
    this.allowProviders = Set.copyOf(allowProviders);
    Stamp stamp = stamp();
    this.engine.set(build());
    this.loaded = stamp;
    this.loadedAt = Instant.now();
  }

  private Engine build() {
    EngineBuilder builder = Engine.builder();
    if (!allowProviders.isEmpty()) {
      builder.allowProviders(allowProviders);
    }
    return builder.configuration(file).build();
  }

  private @Nullable Stamp stamp() {
    try {
      return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Returns the engine to use for one request or one batch.
   *
   * @return the current engine
   */
  public Engine current() {
    return Objects.requireNonNull(engine.get(), "set in the constructor, never cleared");
  }

  /**
   * Returns the model file.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  /**
   * Loads the file again if its modification time or size changed since the last load, and swaps
   * the engine if it builds. Called by the starter's watcher; safe to call from any thread.
   *
   * @return true if a new engine is now in use
   */
  public boolean reloadIfChanged() {
    synchronized (reloadLock) {
      Stamp now = stamp();
      if (now == null || now.equals(loaded)) {
        return false;
      }
      try {
        Engine next = build();
        Engine previous = Objects.requireNonNull(engine.getAndSet(next), "never null");
        previous.errorCounts().forEach((k, v) -> retiredErrors.computeIfAbsent(k, x -> new LongAdder()).add(v));
        loaded = now;
        loadedAt = Instant.now();
        lastReloadError = null;
        reloads.increment();
        LOG.info("Clientele model reloaded from {}", file.getFileName());
        return true;
      } catch (RuntimeException e) { // a ConfigurationException, or a provider's fault while building
        loaded = now; // do not retry the same broken file on every tick
        lastReloadError = e instanceof ConfigurationException ? e.getMessage() : e.getClass().getName();
        LOG.warn("Clientele model {} not reloaded, the running model stays: {}", file.getFileName(), lastReloadError);
        return false;
      }
    }
  }

  /**
   * Returns why the last reload failed.
   *
   * @return the error (it names the file, JSON path and fix), or null if the last reload worked
   */
  public @Nullable String lastReloadError() {
    return lastReloadError;
  }

  /**
   * Returns when the running engine was loaded.
   *
   * @return the instant
   */
  public Instant loadedAt() {
    return loadedAt;
  }

  /**
   * Returns how many times the engine was swapped since start-up.
   *
   * @return the count
   */
  public long reloads() {
    return reloads.sum();
  }

  /**
   * Returns the classifier and strategy failures since start-up, across reloads.
   *
   * @param key a dimension id or {@code strategy}
   * @return the count
   */
  public long errors(String key) {
    Long running = current().errorCounts().get(key);
    LongAdder retired;
    synchronized (reloadLock) {
      retired = retiredErrors.get(key);
    }
    return (running == null ? 0 : running) + (retired == null ? 0 : retired.sum());
  }
}
