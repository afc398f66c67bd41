/**
 * End-to-end figures on one transaction log: Clientele's read + derive and its whole {@code
 * classify} job, beside DuckDB's per-customer aggregation of the same file, in the same run.
 */
@NullMarked
package org.clientele.benchmarks.endtoend;

import org.jspecify.annotations.NullMarked;
