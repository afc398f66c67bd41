/**
 * The practice dimensions beyond the built-in five, and the input features they read. Each dimension
 * lives in its own sub-package with its provider.
 */
@NullMarked
package org.clientele.practice;

import org.jspecify.annotations.NullMarked;
