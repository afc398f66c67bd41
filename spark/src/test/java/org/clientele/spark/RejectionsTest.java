package org.clientele.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;

/** Rows the Spark job cannot use come back as rejections, with the single-JVM reasons; none is dropped. */
class RejectionsTest {

  static final StructType TEXT_LOG = DataTypes.createStructType(List.of(
      DataTypes.createStructField("customer_id", DataTypes.StringType, true),
      DataTypes.createStructField("date", DataTypes.StringType, true),
      DataTypes.createStructField("amount", DataTypes.StringType, true)));

  @Test
  void badTransactionRowsAreRejectedWithTheirReasonAndNeverBecomeFeatures() {
    SparkSession spark = SharedSpark.get();
    List<Row> rows = new java.util.ArrayList<>();
    for (int day = 1; day <= 28; day++) {
      rows.add(RowFactory.create("good" + (day % 3), "2024-02-" + (day < 10 ? "0" : "") + day, "10.5"));
    }
    rows.add(RowFactory.create(null, "2024-02-03", "5"));            // no customer id
    rows.add(RowFactory.create("bad", "03/02/2024", "5"));          // not an ISO date
    rows.add(RowFactory.create("bad", "2024-02-03", "five"));       // not a number
    rows.add(RowFactory.create("bad", "9999-12-31", "5"));          // placeholder date
    rows.add(RowFactory.create("good1", "2098-02-03", "5"));        // a mistyped year after a long gap
    Dataset<Row> log = spark.createDataFrame(rows, TEXT_LOG);

    Derived derived = SparkSegmentation.builder().build().derive(log);

    Map<String, Long> reasons = derived.rejections().collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getString(4), Collectors.counting()));
    assertThat(reasons).containsOnly(
        Map.entry("missing_value", 1L), Map.entry("unparseable_date", 1L),
        Map.entry("unparseable_number", 1L), Map.entry("implausible_date", 2L));
    assertThat(derived.referenceDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(derived.referenceBasis()).contains("1 row dated after a gap");
    List<String> ids = derived.features().select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(ids).containsExactlyInAnyOrder("good0", "good1", "good2");
    Row late = derived.rejections().filter("value = '2098-02-03'").first();
    assertThat(late.getString(5)).contains("lies far after the rest of the file");
    assertThat(late.getString(7)).isEqualTo("good1");
  }

  @Test
  void aCustomerWithANonFiniteNumberIsRejectedNotClassified() {
    SparkSession spark = SharedSpark.get();
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("revenue_12m", DataTypes.DoubleType, true)));
    Dataset<Row> customers = spark.createDataFrame(List.of(
        RowFactory.create("a", 100.0), RowFactory.create("b", Double.NaN), RowFactory.create(null, 5.0),
        RowFactory.create("c", null)), schema);
    Model model = valueByThreshold();
    SparkSegmentation job = SparkSegmentation.builder().model(model).build();

    Classified out = job.classify(customers, model);

    assertThat(out.results().select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("a", "c");
    List<Row> rejected = out.rejections().collectAsList();
    assertThat(rejected).extracting(r -> r.getString(4) + " " + r.getString(2) + " " + r.getString(7))
        .containsExactlyInAnyOrder("non_finite_number revenue_12m b", "missing_value id null");
    assertThat(job.report(customers, model).totals().rejectedRows()).isEqualTo(2);
  }

  @Test
  void aCustomerWithANumberOutOfItsRangeOrContradictoryFactsIsRejectedAsInAFile() {
    SparkSession spark = SharedSpark.get();
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("revenue_12m", DataTypes.DoubleType, true),
        DataTypes.createStructField("orders_12m", DataTypes.DoubleType, true),
        DataTypes.createStructField("days_since_last_purchase", DataTypes.DoubleType, true),
        DataTypes.createStructField("tenure_days", DataTypes.DoubleType, true)));
    Dataset<Row> customers = spark.createDataFrame(List.of(
        RowFactory.create("a", 100.0, 2.0, 10.0, 400.0), RowFactory.create("refunds", -40.0, 1.0, null, null),
        RowFactory.create("negative", 100.0, -2.0, null, null), RowFactory.create("silent", 100.0, 1.0, 400.0, 100.0)),
        schema);
    Model model = valueByThreshold();
    SparkSegmentation job = SparkSegmentation.builder().model(model).build();

    Classified out = job.classify(customers, model);

    assertThat(out.results().select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("a", "refunds");
    assertThat(out.rejections().collectAsList()).extracting(r -> r.getString(4) + " " + r.getString(2) + " " + r.getString(7))
        .containsExactlyInAnyOrder("out_of_range orders_12m negative", "contradictory_values days_since_last_purchase silent");
    assertThat(job.report(customers, model).totals().rejectedRows()).isEqualTo(2);
  }

  @Test
  void aMisspeltOrMistypedColumnFailsOnTheDriverNamingItAndTheFix() {
    SparkSession spark = SharedSpark.get();
    Model model = valueByThreshold();
    SparkSegmentation job = SparkSegmentation.builder().model(model).build();
    StructType misspelt = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("revenue_12", DataTypes.DoubleType, true)));
    assertThatThrownBy(() -> job.classify(spark.createDataFrame(List.of(), misspelt), model))
        .hasMessageContaining("'revenue_12' is not a declared feature").hasMessageContaining("Fix:");
    StructType mistyped = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField(StandardFeatures.REVENUE_12M.name(), DataTypes.StringType, true)));
    assertThatThrownBy(() -> job.classify(spark.createDataFrame(List.of(), mistyped), model))
        .hasMessageContaining("'revenue_12m' is of type string").hasMessageContaining("cast(\"double\")");
    assertThatThrownBy(() -> job.derive(spark.createDataFrame(List.of(), misspelt)))
        .hasMessageContaining("no column 'customer_id'");
  }

  @Test
  void attributesWithARepeatedIdStopTheJoinNamingTheId() {
    SparkSession spark = SharedSpark.get();
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("region", DataTypes.StringType, true)));
    Dataset<Row> attributes = spark.createDataFrame(List.of(
        RowFactory.create("a", "north"), RowFactory.create("a", "south"), RowFactory.create("b", "east")), schema);
    SparkSegmentation job = SparkSegmentation.builder().build();
    Dataset<Row> features = spark.createDataFrame(List.of(), CustomerRows.schema("id", SparkSegmentation.derivedFeatures(
        org.clientele.core.features.DerivationOptions.Mode.STANDARD)));
    assertThatThrownBy(() -> job.join(features, attributes))
        .hasMessageContaining("'a' 2 times").hasMessageContaining("dropDuplicates(\"id\")");
  }

  /** The value dimension by its fixed threshold, no strategy: nothing to calibrate. */
  private static Model valueByThreshold() {
    return Model.builder().dimension("value", Map.of("method", "threshold")).noStrategy().build();
  }
}
