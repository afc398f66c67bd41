/** The same rules written by hand in plain Java and for Easy Rules, measured on the same customers as the engine so that every figure is a ratio. */
@NullMarked
package org.clientele.benchmarks.compare;

import org.jspecify.annotations.NullMarked;
