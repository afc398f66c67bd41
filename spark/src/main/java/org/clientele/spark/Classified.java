package org.clientele.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The classification of a customers Dataset.
 *
 * @param results one row per classified customer: the id column, then per dimension {@code
 *     <dimension>_label} (string) and {@code <dimension>_score} (double, null when the score is
 *     undefined), then {@code actions}: the plan's actions in plan order, each a struct of {@code
 *     code, category, priority, rule}, then {@code lack_of_data}: the ids of the dimensions whose
 *     label was decided for lack of data rather than measured, in the dimensions' order (empty when
 *     every label was measured; the CLI's {@code lack_of_data} column and JSON Lines {@code
 *     lackOfData} list), and with a control group {@code held_out}: the rules the customer is held
 *     out of, whose actions are not in {@code actions}
 * @param rejections the customer rows that could not be classified (no id, a non-finite number),
 *     with the columns of a rejections file ({@link SparkSegmentation#REJECTION_COLUMNS})
 * @since 0.1.0
 */
public record Classified(Dataset<Row> results, Dataset<Row> rejections) {

  /**
   * Checks the parts.
   *
   * @param results one row per classified customer
   * @param rejections the rows that could not be classified
   */
  public Classified {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(rejections, "rejections");
  }
}
