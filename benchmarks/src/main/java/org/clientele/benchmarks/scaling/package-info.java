/** The batch path's scaling with threads, measured in one JVM by interleaved time slices. */
@NullMarked
package org.clientele.benchmarks.scaling;

import org.jspecify.annotations.NullMarked;
