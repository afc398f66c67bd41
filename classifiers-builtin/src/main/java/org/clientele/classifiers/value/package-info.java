/**
 * The {@code value} dimension: CORE, IMPORTANT, POTENTIAL, LOW by contribution to the company,
 * with absolute thresholds, Pareto (ABC) shares or quantiles. See {@link
 * org.clientele.classifiers.value.ValueClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.value;

import org.jspecify.annotations.NullMarked;
