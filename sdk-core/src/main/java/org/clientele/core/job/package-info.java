/**
 * The batch job as a library call: {@link org.clientele.core.job.Segmentation} reads customers
 * and/or transactions (files or the host's objects), derives features, calibrates when needed,
 * classifies every customer, and returns the counts, the engine and the segmentation report; the
 * {@code clientele} command, host applications and later the Spark and Spring modules call it.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.core.job;

import org.jspecify.annotations.NullMarked;
