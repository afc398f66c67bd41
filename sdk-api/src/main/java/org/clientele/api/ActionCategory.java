package org.clientele.api;

/**
 * The kinds of action a plan can hold, one per lever of the marketing and service mix.
 *
 * @since 0.1.0
 */
public enum ActionCategory {
  /** What to offer: products, bundles, customisation. */
  PRODUCT,
  /** Prices, discounts and payment terms. */
  PRICING,
  /** How to reach the customer: account manager, visits, email, SMS, events. */
  CHANNEL,
  /** Campaigns and offers. */
  PROMOTION,
  /** Service level and care. */
  SERVICE,
  /** Visits, calls and check-ins after a purchase. */
  FOLLOW_UP,
  /** Credit limits, prepayment, reviews. */
  RISK_CONTROL
}
