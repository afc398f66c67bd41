package org.clientele.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clientele.core.Classification;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;

/**
 * The predictions on Spark: lifetimes-mode features derived per customer group, the BG/NBD fit
 * from the merged pattern counts, the churn labels; all as the single-JVM job gives them.
 */
class LifetimesOnSparkTest {

  private static final String CONFIG = "{\"dimensions\": {\"churn\": {\"provider\": \"churn\", \"model\": \"bgnbd\"}},"
      + " \"strategy\": null, \"input\": {\"derive\": {\"mode\": \"lifetimes\", \"unit\": \"weeks\"}},"
      + " \"output\": {\"report\": {\"revenueMetric\": \"lifetimes_monetary_value\", \"crossTabs\": [],"
      + " \"features\": [\"lifetimes_frequency\", \"lifetimes_recency\", \"lifetimes_t\"]}}}";

  @Test
  void theChurnFitAndLabelsOnSparkAreTheSingleJvmOnes() {
    Model config = Model.fromJson(CONFIG, "lifetimes.json");
    Map<String, Classification> single = new HashMap<>();
    SegmentationResult r = Segmentation.builder().model(config)
        .transactions(SparkSegmentationTest.transactions(), "transactions").build()
        .run(c -> single.put(c.customerId(), c), RejectionSink.discard());

    SparkSession spark = SharedSpark.get();
    spark.conf().set("spark.sql.shuffle.partitions", "3");
    SparkSegmentation job = SparkSegmentation.builder().model(config).build();
    Derived derived = job.derive(SparkSegmentationTest.transactionRows(spark, 3));
    Dataset<Row> customers = derived.features().cache();
    try {
      Model model = job.calibrate(customers);
      assertThat(model.toJson()).isEqualTo(r.engine().orElseThrow().model().toJson()).contains("\"parameters\"");
      List<Row> results = job.classify(customers, model).results().collectAsList();
      assertThat(results).hasSize(single.size());
      for (Row row : results) {
        Classification c = single.get(row.getString(0));
        assertThat(row.getString(1)).as(row.getString(0)).isEqualTo(c.dimensions().get(0).label(c.labelIndex(0)));
        assertThat(row.getDouble(2)).as(row.getString(0)).isEqualTo(c.score(0));
        assertThat(row.<String>getList(4)).as(row.getString(0)).isEqualTo(SparkSegmentationTest.lackOfData(c));
      }
      assertThat(job.report(customers, model, derived.rejections()).toJson())
          .isEqualTo(r.report().orElseThrow().toJson());
    } finally {
      customers.unpersist();
    }
  }
}
