package org.clientele.core.internal;

/**
 * A plugin broke its contract, in the engine's own words (a label index outside the dimension, a
 * sink never called). The message is written by the engine and holds no customer data (names,
 * indexes, counts), so unlike a plugin's own exception it is shown at WARN and in {@code
 * ClassificationException} messages ({@link Redacted} keeps it).
 */
public final class ContractBreach extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Describes the breach.
   *
   * @param message the engine's sentence, without customer data
   */
  public ContractBreach(String message) {
    super(message);
  }
}
