/**
 * The Clientele segmentation job on Apache Spark: {@link org.clientele.spark.SparkSegmentation}
 * derives features from a transactions {@code Dataset<Row>}, calibrates from per-partition state
 * merged on the driver, classifies with a broadcast model and merges the report from partitions,
 * with the single-JVM job's answers. See docs/spark.md.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.spark;

import org.jspecify.annotations.NullMarked;
