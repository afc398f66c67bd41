/**
 * The {@code geography} dimension: {@code CITY}, {@code RURAL} or {@code MOUNTAIN} (the practice's
 * region types), or {@code UNKNOWN} with a reason naming the value it could not place, from a
 * customer's {@code region_type} and, where that is missing, its {@code region}. See {@link
 * org.clientele.practice.geography.GeographyClassifierProvider}.
 */
@NullMarked
package org.clientele.practice.geography;

import org.jspecify.annotations.NullMarked;
