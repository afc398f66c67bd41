/**
 * The {@code purchase_pattern} dimension: purchase frequency crossed with average order value, the
 * four quadrants of the practice's e-commerce example. See {@link
 * org.clientele.classifiers.pattern.PurchasePatternClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.pattern;

import org.jspecify.annotations.NullMarked;
