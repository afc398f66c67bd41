package org.clientele.playbook.outcome;

/** What a customer did with an action. */
public enum Response {
  /** The customer took the offer or the action succeeded. */
  ACCEPTED,
  /** The customer refused. */
  DECLINED,
  /** Nothing happened within the evaluation window. */
  NO_RESPONSE
}
