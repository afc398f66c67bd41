package org.clientele.playbook.outcome;

/**
 * What a customer did with an action.
 *
 * @since 0.1.0
 */
public enum Response {
  /** The customer took the offer or the action succeeded. */
  ACCEPTED,
  /** The customer refused. */
  DECLINED,
  /** Nothing happened within the evaluation window. */
  NO_RESPONSE
}
