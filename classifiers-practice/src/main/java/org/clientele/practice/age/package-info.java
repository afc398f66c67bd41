/**
 * The {@code age} dimension (demographics, for consumer books): age bands, by default {@code
 * UNDER_20}, {@code AGE_20_29}, {@code AGE_30_39}, {@code AGE_40_49}, {@code AGE_50_PLUS}, or
 * {@code UNKNOWN} with a reason, from {@code age} or {@code birth_date}. See {@link
 * org.clientele.practice.age.AgeClassifierProvider}.
 */
@NullMarked
package org.clientele.practice.age;

import org.jspecify.annotations.NullMarked;
