package com.example.clientele.needs;

/** The labels of the needs dimension: what the customer mainly buys from us. */
public enum Need {
  /** Buys products and needs little else: serve with range, price and delivery. */
  PRODUCT,
  /** Leans on our service (many tickets for what it buys): serve with timeliness and expertise. */
  SERVICE,
  /** Buys projects or bundles across several product lines: serve with a solution team. */
  SOLUTION,
  /** None of the inputs is known. */
  UNKNOWN
}
