/**
 * Helpers shared by the built-in classifiers: configuration reading, calibration accumulators and
 * reason formatting. Not API: this package is not exported and may change without notice.
 */
@NullMarked
package org.clientele.classifiers.internal;

import org.jspecify.annotations.NullMarked;
