package com.example.clientele.geography;

/** The labels of the geography dimension, in their natural order (most accessible first). */
public enum Area {
  /** A city or urban area: dense, reachable in person at low cost. */
  CITY,
  /** A rural area or small town: reachable, but visits take planning. */
  RURAL,
  /** A remote area (mountain, island, frontier): serve it at a distance. */
  REMOTE,
  /** No region data, or a value the mapping does not cover. */
  UNKNOWN
}
