/**
 * Implementation of the predictions: the pattern table, the likelihoods with their gradients, the
 * special functions and the Hipparchus optimiser behind the fits. Public for the module's own
 * packages only; not exported, not API.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.predict.internal;

import org.jspecify.annotations.NullMarked;
