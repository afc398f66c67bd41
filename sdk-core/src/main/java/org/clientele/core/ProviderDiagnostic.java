package org.clientele.core;

import java.util.Objects;

/**
 * A provider that could not be loaded or was set aside during discovery. The engine keeps going
 * without it; a configuration that names it then fails with a message pointing here.
 *
 * @param service the SPI, {@code ClassifierProvider} or {@code StrategyProvider}
 * @param provider the provider's class or name as far as it is known
 * @param problem what went wrong
 * @param cause the underlying failure's text ({@code Class: message}), or empty
 * @since 0.1.0
 */
public record ProviderDiagnostic(String service, String provider, String problem, String cause) {

  /**
   * Checks the parts.
   *
   * @param service the SPI, {@code ClassifierProvider} or {@code StrategyProvider}
   * @param provider the provider's class or name as far as it is known
   * @param problem what went wrong
   * @param cause the underlying failure's text ({@code Class: message}), or empty
   */
  public ProviderDiagnostic {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(cause, "cause");
  }

  @Override
  public String toString() {
    return service + " " + provider + ": " + problem + (cause.isEmpty() ? "" : " (" + cause + ")");
  }
}
