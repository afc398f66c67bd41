/**
 * The {@code risk} dimension: LOW, NORMAL, HIGH credit risk, and UNRATED without credit data. See
 * {@link org.clientele.classifiers.risk.RiskClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.risk;

import org.jspecify.annotations.NullMarked;
