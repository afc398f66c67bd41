/** Benchmarks of reading a transaction log and deriving per-customer features. */
@NullMarked
package org.clientele.benchmarks.io;

import org.jspecify.annotations.NullMarked;
