package org.clientele.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the model file on one daemon thread and reloads it when it changed. */
final class ModelWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

  private final ScheduledExecutorService timer;

  ModelWatcher(ReloadingEngine engines, Duration interval) {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "clientele-model-watcher");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        engines.reloadIfChanged();
      } catch (RuntimeException e) {
        LOG.warn("Clientele model check failed: {}", e.getClass().getName());
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
