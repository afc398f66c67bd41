/**
 * Customer-base models fitted by maximum likelihood. Placeholder.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.predict;

import org.jspecify.annotations.NullMarked;
