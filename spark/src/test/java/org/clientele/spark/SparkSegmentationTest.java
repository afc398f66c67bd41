package org.clientele.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Model;
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.io.Transaction;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark job against the single-JVM job on the demo population (2,000 accounts, about 60,000
 * transactions with attributes): features, model JSON, labels, scores, plans and report must be
 * identical for 1, 2 and 8 partitions. The population is below the sketches' exactLimit, so the
 * calibration is exact and the model byte-identical.
 */
class SparkSegmentationTest {

  static final StructType TRANSACTIONS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("customer_id", DataTypes.StringType, true),
      DataTypes.createStructField("date", DataTypes.DateType, true),
      DataTypes.createStructField("amount", DataTypes.DoubleType, true),
      DataTypes.createStructField("order_id", DataTypes.StringType, true),
      DataTypes.createStructField("channel", DataTypes.StringType, true)));

  static List<Transaction> transactions;
  static List<Customer> attributes;
  static Map<String, Customer> singleFeatures;
  static Map<String, Classification> singleResults;
  static String singleModel;
  static SegmentationReport singleReport;

  @BeforeAll
  static void singleJvm() {
    transactions();
    FeatureDeriver deriver = FeatureDeriver.asOf(TransactionPopulation.REFERENCE_DATE);
    transactions.forEach(deriver::add);
    singleFeatures = new HashMap<>();
    deriver.customers().forEachRemaining(c -> singleFeatures.put(c.id(), c));

    singleResults = new HashMap<>();
    SegmentationResult r = Segmentation.builder()
        .customers(attributes, "customers")
        .transactions(transactions, "transactions")
        .build()
        .run(c -> singleResults.put(c.customerId(), c), RejectionSink.discard());
    singleModel = r.engine().orElseThrow().model().toJson();
    singleReport = r.report().orElseThrow();
  }

  /** The demo population's log (2,000 accounts), in account order, as the demo file holds it. */
  static synchronized List<Transaction> transactions() {
    if (transactions == null) {
      TransactionPopulation population =
          TransactionPopulation.of(TransactionPopulation.DEFAULT_SIZE, TransactionPopulation.DEFAULT_SEED);
      List<Transaction> log = new ArrayList<>();
      List<Customer> accounts = new ArrayList<>();
      for (int i = 0; i < population.size(); i++) {
        TransactionPopulation.Account a = population.account(i);
        log.addAll(a.transactions());
        accounts.add(a.attributes());
      }
      transactions = log;
      attributes = accounts;
    }
    return transactions;
  }

  static Dataset<Row> transactionRows(SparkSession spark, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (Transaction t : transactions()) {
      rows.add(RowFactory.create(t.customerId(), java.sql.Date.valueOf(t.date()), t.amount(), t.orderId(), t.channel()));
    }
    // parallelize slices the list in order: the log's order survives in any number of partitions
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), TRANSACTIONS);
  }

  static Dataset<Row> attributeRows(SparkSession spark, int partitions) {
    List<org.clientele.api.Feature<?>> features = DemoFiles.ATTRIBUTES;
    List<Row> rows = new ArrayList<>();
    for (Customer c : attributes) {
      rows.add(CustomerRows.toRow(c, features, false));
    }
    return spark.createDataFrame(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), CustomerRows.schema("id", features));
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 2, 8})
  void sparkGivesTheSingleJvmAnswersForAnyPartitioning(int partitions) {
    SparkSession spark = SharedSpark.get();
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
    SparkSegmentation job = SparkSegmentation.builder().build();

    Derived derived = job.derive(transactionRows(spark, partitions));
    assertThat(derived.referenceDate()).isEqualTo(TransactionPopulation.REFERENCE_DATE);
    assertThat(derived.rejections().count()).isZero();
    Map<String, Customer> features = customers(derived.features());
    assertThat(features).isEqualTo(singleFeatures);

    Dataset<Row> customers = job.join(derived.features(), attributeRows(spark, partitions)).repartition(partitions).cache();
    try {
      assertThat(customers.javaRDD().getNumPartitions()).isEqualTo(partitions);
      Model model = job.calibrate(customers);
      assertThat(model.toJson()).isEqualTo(singleModel);

      Classified classified = job.classify(customers, model);
      assertThat(classified.rejections().count()).isZero();
      List<Row> results = classified.results().collectAsList();
      assertThat(results).hasSize(singleResults.size());
      List<String> columns = List.of(classified.results().columns());
      for (Row row : results) {
        Classification single = singleResults.get(row.getString(0));
        assertThat(single).as("customer %s", row.getString(0)).isNotNull();
        for (int d = 0; d < single.dimensions().size(); d++) {
          String id = single.dimensions().get(d).id();
          assertThat(row.getString(columns.indexOf(id + "_label"))).as("%s %s", single.customerId(), id)
              .isEqualTo(single.dimensions().get(d).label(single.labelIndex(d)));
          double score = single.score(d);
          Object sparkScore = row.get(columns.indexOf(id + "_score"));
          assertThat(sparkScore).as("%s %s score", single.customerId(), id).isEqualTo(Double.isNaN(score) ? null : score);
        }
        List<String> actions = new ArrayList<>();
        Iterator<Row> it = row.<Row>getList(columns.indexOf("actions")).iterator();
        it.forEachRemaining(a -> actions.add(a.getString(0) + "/" + a.getString(1) + "/" + a.getInt(2) + "/" + a.getString(3)));
        assertThat(actions).as("%s plan", single.customerId()).isEqualTo(single.plan().actions().stream()
            .map(a -> a.code() + "/" + a.category().name() + "/" + a.priority() + "/" + a.rule()).toList());
        List<String> lackOfData = new ArrayList<>(row.<String>getList(columns.indexOf("lack_of_data")));
        assertThat(lackOfData).as("%s lack_of_data", single.customerId()).isEqualTo(lackOfData(single));
      }
      assertThat(columns.subList(columns.size() - 2, columns.size()))
          .as("after the labels and scores, the CLI results' order: actions (with their rules), then lack_of_data")
          .containsExactly("actions", ResultWriter.LACK_OF_DATA);

      SegmentationReport report = job.report(customers, model, derived.rejections());
      assertThat(report.toJson()).isEqualTo(singleReport.toJson());
    } finally {
      customers.unpersist();
    }
  }

  /**
   * Above {@code sketch.exactLimit} the KLL sketch's random compaction makes a calibration not
   * reproducible: the report of a model this job calibrated says so; a model read back does not.
   */
  @Test
  void aModelThisJobCalibratedWithTheSketchIsWarnedAboutAndTheSameModelReadBackIsNot() {
    SparkSession spark = SharedSpark.get();
    Model configuration = Model.fromJson(
        "{\"dimensions\": {\"value\": {}, \"rfm\": {\"sketch\": {\"exactLimit\": 50}}}}", "approximate.json");
    SparkSegmentation job = SparkSegmentation.builder().model(configuration).build();
    Derived derived = job.derive(transactionRows(spark, 2));
    Dataset<Row> customers = job.join(derived.features(), attributeRows(spark, 2)).cache();
    try {
      Model model = job.calibrate(customers);
      assertThat(job.report(customers, model).quality().warnings())
          .filteredOn(w -> w.code().equals("approximate_calibration")).singleElement()
          .satisfies(w -> {
            assertThat(w.dimension()).isEqualTo("rfm");
            assertThat(w.message()).contains("days_since_last_purchase: ", "over sketch.exactLimit 50", "k=200",
                "classify --model");
          });
      Model readBack = Model.fromJson(model.toJson(), "model.json");
      assertThat(job.report(customers, readBack).quality().warnings())
          .extracting(SegmentationReport.QualityWarning::code).doesNotContain("approximate_calibration");
    } finally {
      customers.unpersist();
    }
  }

  /**
   * With a control group, each customer's actions are those the single JVM keeps and the last
   * column, {@code held_out}, names the rules it is held out of (the CLI's {@code held_out}).
   */
  @Test
  void aControlGroupHoldsTheSingleJvmsCustomersOutOfTheirRules() {
    SparkSession spark = SharedSpark.get();
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    SparkSegmentation job = SparkSegmentation.builder().build();
    Dataset<Row> customers = job.join(job.derive(transactionRows(spark, 2)).features(), attributeRows(spark, 2)).cache();
    try {
      ControlGroup control = new ControlGroup(0.3, "spark");
      Classified classified = job.classify(customers, job.calibrate(customers), control);
      List<String> columns = List.of(classified.results().columns());
      assertThat(columns.subList(columns.size() - 3, columns.size()))
          .containsExactly("actions", ResultWriter.LACK_OF_DATA, ResultWriter.HELD_OUT);
      int heldOutCustomers = 0;
      for (Row row : classified.results().collectAsList()) {
        Classification single = singleResults.get(row.getString(0));
        ControlGroup.Split split = control.split(single.customerId(), single.plan().actions());
        List<String> actions = new ArrayList<>();
        row.<Row>getList(columns.indexOf("actions")).forEach(a -> actions.add(a.getString(0) + "/" + a.getString(3)));
        assertThat(actions).as(single.customerId()).isEqualTo(split.kept().stream().map(a -> a.code() + "/" + a.rule()).toList());
        List<String> held = new ArrayList<>(row.<String>getList(columns.indexOf(ResultWriter.HELD_OUT)));
        assertThat(held).as(single.customerId()).isEqualTo(split.heldOutRules());
        heldOutCustomers += held.isEmpty() ? 0 : 1;
      }
      assertThat(heldOutCustomers).as("customers held out of a rule").isPositive();
      assertThat(List.of(job.classify(customers, job.calibrate(customers)).results().columns()))
          .as("no control group, no held_out column").doesNotContain(ResultWriter.HELD_OUT);
    } finally {
      customers.unpersist();
    }
  }

  /** The dimensions the single-JVM results list as decided for lack of data, in their order. */
  static List<String> lackOfData(Classification c) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < c.dimensions().size(); d++) {
      if (c.isFallback(d)) {
        out.add(c.dimensions().get(d).id());
      }
    }
    return out;
  }

  @Test
  void someLabelsAreDecidedForLackOfDataSoTheComparisonMeansSomething() {
    assertThat(singleResults.values().stream().filter(c -> !lackOfData(c).isEmpty()).count()).isPositive();
    assertThat(singleResults.values().stream().filter(c -> lackOfData(c).isEmpty()).count()).isPositive();
  }

  @Test
  void plansAreNotAllEmptySoTheComparisonMeansSomething() {
    assertThat(singleResults.values().stream().filter(c -> !c.plan().actions().isEmpty()).count())
        .isGreaterThan(singleResults.size() / 2);
    assertThat(singleResults.values().stream().map(c -> c.plan().actions().stream().map(Action::code).toList()).distinct().count())
        .isGreaterThan(3);
  }

  static Map<String, Customer> customers(Dataset<Row> rows) {
    CustomerRows conversion = CustomerRows.of(rows.schema(), "id", false);
    Map<String, Customer> out = new HashMap<>();
    CustomerRows.Problem[] problem = new CustomerRows.Problem[1];
    for (Row r : rows.collectAsList()) {
      Customer c = conversion.toCustomer(r, problem);
      assertThat(c).as("row %s: %s", r, problem[0]).isNotNull();
      assertThat(out.put(c.id(), c)).as("duplicate %s", c.id()).isNull();
    }
    return out;
  }
}
