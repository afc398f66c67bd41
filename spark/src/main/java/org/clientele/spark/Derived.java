package org.clientele.spark;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Features derived from a transactions Dataset.
 *
 * @param features one row per customer with a transaction before the reference date: the id
 *     column, then one column per derived feature (the standard features, or in lifetimes mode the
 *     {@code lifetimes_*} summary)
 * @param rejections the transaction rows that could not be used, with the columns of a rejections
 *     file ({@link SparkSegmentation#REJECTION_COLUMNS}); never dropped silently
 * @param referenceDate the first day not observed (standard mode: the reference date; lifetimes
 *     mode: the observation end plus one day)
 * @param referenceBasis how the date was chosen, in words, as the single-JVM job says it
 * @since 0.1.0
 */
public record Derived(Dataset<Row> features, Dataset<Row> rejections, LocalDate referenceDate, String referenceBasis) {

  /**
   * Checks the parts.
   *
   * @param features one row per customer
   * @param rejections the rejected transaction rows
   * @param referenceDate the first day not observed
   * @param referenceBasis how the date was chosen
   */
  public Derived {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(rejections, "rejections");
    Objects.requireNonNull(referenceDate, "referenceDate");
    Objects.requireNonNull(referenceBasis, "referenceBasis");
  }
}
