package org.clientele.practice.geography;

/**
 * The labels of the geography dimension, in their natural order (cheapest to reach in person
 * first).
 *
 * @since 0.1.0
 */
public enum GeographyLabel {
  /** A city or urban area (城市): dense, reached in person at low cost. */
  CITY,
  /** A rural area, village or small town (农村): reachable, but a visit takes a planned trip. */
  RURAL,
  /** A mountain area (山区): far and slow to reach; served by phone, video and regional partners. */
  MOUNTAIN,
  /** No region type or mapped region, or a value no mapping covers (the reason names it). */
  UNKNOWN
}
