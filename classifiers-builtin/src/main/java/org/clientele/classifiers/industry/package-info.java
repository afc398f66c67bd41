/**
 * The {@code industry} dimension: a sector from an ISIC Rev.4, NAICS 2022 or GB/T 4754-2017 code.
 * See {@link org.clientele.classifiers.industry.IndustryClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.industry;

import org.jspecify.annotations.NullMarked;
