/**
 * The {@code acme-geography} dimension: sorts customers into {@code CITY}, {@code RURAL} and {@code
 * REMOTE} areas (or {@code UNKNOWN}) from their {@code region} and {@code region_type}, with a
 * configurable mapping. See {@link com.example.clientele.geography.GeographyClassifierProvider}.
 */
@NullMarked
package com.example.clientele.geography;

import org.jspecify.annotations.NullMarked;
