package org.clientele.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.Dimension;
import org.clientele.core.Engine;
import org.clientele.core.ProviderDiagnostic;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The actuator's {@code clientele} health: UP while a model is loaded (it always is once the
 * application started), with the model file's name, when it was loaded, the dimensions, the reload
 * count and the last reload error, provider diagnostics and error counts. Nothing about a customer:
 * no ids, no feature values.
 *
 * @since 0.1.0
 */
public final class ClienteleHealthIndicator implements HealthIndicator {

  private final ReloadingEngine engines;

  /**
   * Creates the indicator.
   *
   * @param engines the engine holder
   */
  public ClienteleHealthIndicator(ReloadingEngine engines) {
    this.engines = Objects.requireNonNull(engines, "engines");
  }

  @Override
  public Health health() {
    Engine engine = engines.current();
    Map<String, Long> errors = new LinkedHashMap<>();
    for (String key : engine.errorCounts().keySet()) {
      errors.put(key, engines.errors(key));
    }
    Health.Builder health = Health.up()
        .withDetail("model", String.valueOf(engines.file().getFileName()))
        .withDetail("loadedAt", engines.loadedAt().toString())
        .withDetail("dimensions", engine.dimensions().stream().map(Dimension::id).toList())
        .withDetail("reloads", engines.reloads())
        .withDetail("providerDiagnostics", engine.diagnostics().stream().map(ProviderDiagnostic::toString).toList())
        .withDetail("strategyDiagnostics", List.copyOf(engine.strategyDiagnostics()))
        // A coverage gap leaves customers without an action of some kind: the service still
        // answers (UP), and the finding is here for whoever watches it, not only in the start-up log.
        .withDetail("strategyWarnings", engine.strategyWarnings())
        .withDetail("errors", errors);
    String reloadError = engines.lastReloadError();
    if (reloadError != null) {
      health.withDetail("lastReloadError", reloadError);
    }
    return health.build();
  }
}
