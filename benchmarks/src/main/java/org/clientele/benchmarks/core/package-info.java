/** Benchmarks of the engine: single-customer and batch classification, calibration, building from configuration. */
@NullMarked
package org.clientele.benchmarks.core;

import org.jspecify.annotations.NullMarked;
