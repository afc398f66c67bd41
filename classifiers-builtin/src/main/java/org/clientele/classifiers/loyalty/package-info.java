/**
 * The {@code loyalty} dimension: HIGH, MEDIUM, LOW from tenure, repeat purchases, satisfaction and
 * complaints. See {@link org.clientele.classifiers.loyalty.LoyaltyClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.loyalty;

import org.jspecify.annotations.NullMarked;
