/** JMH benchmarks of Clientele's hot path, and the inputs they share ({@link org.clientele.benchmarks.BenchmarkData}). Run them with {@code benchmarks/run.sh}. */
@NullMarked
package org.clientele.benchmarks;

import org.jspecify.annotations.NullMarked;
