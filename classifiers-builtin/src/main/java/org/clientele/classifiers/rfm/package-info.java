/**
 * The {@code rfm} dimension: recency, frequency and monetary scores 1-5 and a named segment from
 * the R x F grid. See {@link org.clientele.classifiers.rfm.RfmClassifierProvider}.
 */
@NullMarked
package org.clientele.classifiers.rfm;

import org.jspecify.annotations.NullMarked;
