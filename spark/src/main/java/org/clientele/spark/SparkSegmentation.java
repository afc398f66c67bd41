package org.clientele.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.ConfigurationException;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.PartialCalibration;
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.features.LifetimesSummary;
import org.clientele.core.features.PeriodUnit;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionReason;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.ApproximateCalibration;
import org.clientele.core.report.SegmentationReport;
import org.jspecify.annotations.Nullable;

/**
 * The segmentation job on Apache Spark: the steps of {@link Segmentation} on {@code
 * Dataset<Row>}s, with the same rules and the same answers.
 *
 * <pre>{@code
 * SparkSegmentation job = SparkSegmentation.builder().configuration(Path.of("clientele.json")).build();
 * Derived derived = job.derive(transactions);                 // features per customer, rejections
 * Dataset<Row> customers = job.join(derived.features(), accounts);  // optional attributes
 * Model model = job.calibrate(customers);                     // per-partition state, merged on the driver
 * Classified out = job.classify(customers, model);            // broadcast model, engine per partition
 * SegmentationReport report = job.report(customers, model, derived.rejections());
 * }</pre>
 *
 * <ul>
 *   <li><b>Derive</b>: the transactions are grouped by customer and each group goes through
 *       sdk-core's {@link FeatureDeriver} in the input's row order, so every feature (lifetimes
 *       mode included) is what the single-JVM derivation gives. An open reference date is chosen
 *       from the distributed histogram of days with the single-JVM rule.
 *   <li><b>Calibrate</b>: each partition fills a {@link PartialCalibration}; its bytes travel to the
 *       driver, which merges them into the model the single-JVM {@code calibrate} writes (exact
 *       below the sketches' {@code exactLimit}, within the recorded sketch error above it).
 *   <li><b>Classify</b>: the model JSON is broadcast; each executor JVM builds one engine from it
 *       (at the first partition) and shares it with its other partitions.
 *   <li><b>Report</b>: one report accumulator per partition, its state merged on the driver (sums
 *       are exact, so the report's counts and figures are the single-JVM ones to the last bit; past
 *       1,000 distinct unplaced values of one input, which values are named may differ).
 * </ul>
 *
 * <p>Rows that cannot be used are never dropped silently: they come back as a rejections Dataset
 * with the columns {@link #REJECTION_COLUMNS}. Providers are found with {@link
 * java.util.ServiceLoader} on every executor: ship the plugin jars with the job ({@code --jars}).
 * A provider whose calibrator state cannot leave the JVM fails {@link #calibrate} naming it (see
 * {@link org.clientele.api.spi.ClassifierProvider#calibratorCodec()}).
 *
 * @since 0.1.0
 */
public final class SparkSegmentation {

  /** The columns of a rejections Dataset: those of a rejections file, then the customer id when known. */
  public static final List<String> REJECTION_COLUMNS =
      List.of("file", "line", "column", "value", "reason", "message", "fix", "customer_id");

  static final StructType REJECTION_SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line", DataTypes.LongType, true),
      DataTypes.createStructField("column", DataTypes.StringType, false),
      DataTypes.createStructField("value", DataTypes.StringType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, false),
      DataTypes.createStructField("message", DataTypes.StringType, false),
      DataTypes.createStructField("fix", DataTypes.StringType, false),
      DataTypes.createStructField("customer_id", DataTypes.StringType, true)));

  private static final StructType ACTION_SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("code", DataTypes.StringType, false),
      DataTypes.createStructField("category", DataTypes.StringType, false),
      DataTypes.createStructField("priority", DataTypes.IntegerType, false),
      DataTypes.createStructField("rule", DataTypes.StringType, false)));

  private final @Nullable Model model;
  private final String source;
  private final DerivationOptions derive;
  private final TransactionColumns columns;
  private final String idColumn;
  private final String transactionsName;
  private final String customersName;
  /** The models this job calibrated (by identity): their report says when a cut-off came from the sketch. */
  private final Set<Model> calibratedHere = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  private SparkSegmentation(Builder b) {
    this.model = b.model;
    this.source = b.model == null ? "<default configuration>" : b.model.source();
    // Column names default to the configuration's input section, as the single-JVM readers use them.
    org.clientele.core.io.InputConfig input =
        org.clientele.core.io.InputConfig.fromConfig(b.model == null ? null : b.model.section("input"));
    org.clientele.core.io.TransactionFormat t = input.transactions();
    this.columns = b.columns != null ? b.columns
        : new TransactionColumns(t.customerIdColumn(), t.dateColumn(), t.amountColumn(),
            Objects.requireNonNullElse(t.orderIdColumn(), org.clientele.core.io.TransactionFormat.ORDER_ID),
            Objects.requireNonNullElse(t.channelColumn(), org.clientele.core.io.TransactionFormat.CHANNEL));
    this.idColumn = b.idColumn != null ? b.idColumn : input.customers().idColumn();
    this.transactionsName = b.transactionsName;
    this.customersName = b.customersName;
    // The single-JVM job reads and checks the input and output sections: one home for those rules.
    if (b.model != null) {
      Segmentation.builder().model(b.model).build();
    }
    DerivationOptions options = b.model == null
        ? DerivationOptions.defaults()
        : DerivationOptions.fromConfig(b.model.section("input").section("derive"));
    if (b.referenceDate != null) {
      if (options.mode() == DerivationOptions.Mode.LIFETIMES) {
        throw new ConfigurationException(source + " $.input.derive",
            "a reference date applies to the standard derivation; this configuration uses the lifetimes mode:"
                + " set input.derive.observationEnd instead");
      }
      options = DerivationOptions.asOf(b.referenceDate);
    }
    this.derive = options;
    engineBuilder(b.model).validate();
  }

  /**
   * Starts a job.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how features are derived (the configuration's {@code input.derive}, or the reference
   * date given to the builder).
   *
   * @return the options
   */
  public DerivationOptions derivation() {
    return derive;
  }

  // ---------------------------------------------------------------------------------------------
  // Derive

  /**
   * Derives per-customer features from a transactions Dataset. Lazy apart from one small action
   * when the reference date is open (the number of rows per day, collected to the driver to choose
   * it, as the single-JVM job does in its first pass).
   *
   * <p>Order matters for one rule only (rows with the same order id that follow each other for a
   * customer are one order): the rows are numbered with {@code monotonically_increasing_id()} in
   * the Dataset's order and each customer's rows are taken in that order. A Dataset read from a
   * file keeps the file's order; give a Dataset whose partitioning is deterministic.
   *
   * @param transactions the transaction rows, laid out as {@link TransactionColumns} says
   * @return the features, the rejected rows and the reference date
   * @throws IllegalArgumentException if a required column is missing or of an unusable type
   */
  public Derived derive(Dataset<Row> transactions) {
    Objects.requireNonNull(transactions, "transactions");
    boolean java8 = java8Dates(transactions.sparkSession());
    Dataset<Row> numbered = transactions.withColumn(SEQ, monotonically_increasing_id());
    ParseTransactions parse = ParseTransactions.of(numbered.schema(), columns, transactionsName);
    Dataset<Row> staged = numbered.mapPartitions(parse, Encoders.row(STAGED));
    Dataset<Row> accepted = staged.filter(col("reason").isNull());
    Dataset<Row> rejected = staged.filter(col("reason").isNotNull()).map(new StagedRejection(), Encoders.row(REJECTION_SCHEMA));

    LocalDate given = derive.mode() == DerivationOptions.Mode.STANDARD ? derive.referenceDate() : derive.observationEnd();
    LocalDate last = given;
    String basis;
    if (given == null) {
      NavigableMap<Long, Long> days = new TreeMap<>();
      for (Row r : accepted.groupBy("day").count().collectAsList()) {
        days.put((long) r.getInt(0), r.getLong(1));
      }
      Optional<LocalDate> latest = FeatureDeriver.lastPlausibleDay(days, derive);
      last = latest.orElse(days.isEmpty() ? null : LocalDate.ofEpochDay(days.lastKey()));
      basis = last == null ? "no transaction" : derive.mode() == DerivationOptions.Mode.STANDARD
          ? "the day after the last transaction (" + last + ")" : "the last transaction's day (" + last + ")";
      if (latest.isPresent()) {
        long end = latest.get().toEpochDay();
        long after = days.tailMap(end, false).values().stream().mapToLong(Long::longValue).sum();
        basis += "; " + after + " row" + (after == 1 ? "" : "s") + " dated after a gap of more than "
            + derive.implausibleGapDays() + " days rejected as implausible_date";
        Column late = col("day").gt(end);
        rejected = rejected.union(accepted.filter(late).map(new LateRejection(end, transactionsName), Encoders.row(REJECTION_SCHEMA)));
        accepted = accepted.filter(functions.not(late));
      }
    } else {
      basis = "given (input.derive." + (derive.mode() == DerivationOptions.Mode.STANDARD ? "referenceDate" : "observationEnd")
          + " or --reference-date)";
    }
    FeatureDeriver probe = FeatureDeriver.create(derive, last != null ? last : LocalDate.EPOCH);
    List<Feature<?>> features = derivedFeatures(derive.mode());
    DeriveGroup group = new DeriveGroup(derive.mode(), probe.referenceDate().toEpochDay(), derive.unit(), features, java8);
    Dataset<Row> derived = accepted
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(group, Encoders.row(CustomerRows.schema(idColumn, features)));
    return new Derived(derived, rejected, probe.referenceDate(), basis);
  }

  /** The features a derivation sets, in the order of the derived columns. */
  static List<Feature<?>> derivedFeatures(DerivationOptions.Mode mode) {
    return mode == DerivationOptions.Mode.STANDARD
        ? DemoFiles.DERIVED
        : List.of(LifetimesSummary.FREQUENCY, LifetimesSummary.RECENCY, LifetimesSummary.T, LifetimesSummary.MONETARY_VALUE);
  }

  /**
   * Joins derived features with customer attributes (a customers Dataset: the id column and
   * feature columns), by id, as the single-JVM job joins a customers file with a transaction log:
   * every customer of either side is kept (a prospect has no purchase features, a customer only in
   * the log no attributes), and where both sides have a feature the derived value wins. Unlike a
   * customers file, whose repeated ids are rejected row by row, attributes with a repeated id stop
   * the job (an {@link IllegalArgumentException} naming a few of them and the fix).
   *
   * @param features derived features ({@link Derived#features()})
   * @param attributes customer attributes, one row per id
   * @return one row per customer id
   * @throws IllegalArgumentException if the attributes repeat an id
   */
  public Dataset<Row> join(Dataset<Row> features, Dataset<Row> attributes) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(attributes, "attributes");
    // The single-JVM reader rejects a repeated id and keeps the first row; a Dataset has no first
    // row, so a repeated id stops the job here (one small action) rather than counting a customer twice.
    List<Row> repeated = attributes.groupBy(idColumn).count().filter(col("count").gt(1)).limit(5).collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException("the customer attributes repeat ids (for example " + repeated.stream()
          .map(r -> "'" + r.get(0) + "' " + r.getLong(1) + " times").toList() + "); each customer must have one row."
          + " Fix: deduplicate them first, for example attributes.dropDuplicates(\"" + idColumn + "\")");
    }
    Dataset<Row> f = features.alias("f");
    Dataset<Row> a = attributes.alias("a");
    Dataset<Row> joined = f.join(a, f.col(idColumn).equalTo(a.col(idColumn)), "full_outer");
    List<Column> out = new ArrayList<>();
    out.add(functions.coalesce(f.col(idColumn), a.col(idColumn)).as(idColumn));
    List<String> featureColumns = List.of(features.columns());
    for (String c : features.columns()) {
      if (c.equals(idColumn)) {
        continue;
      }
      out.add(List.of(attributes.columns()).contains(c) ? functions.coalesce(f.col(c), a.col(c)).as(c) : f.col(c).as(c));
    }
    for (String c : attributes.columns()) {
      if (!c.equals(idColumn) && !featureColumns.contains(c)) {
        out.add(a.col(c).as(c));
      }
    }
    return joined.select(out.toArray(new Column[0]));
  }

  // ---------------------------------------------------------------------------------------------
  // Calibrate

  /**
   * Calibrates every population-relative dimension on a customers Dataset: one {@link
   * PartialCalibration} per partition, its bytes merged on the driver into the model. Rows that
   * cannot be converted (see {@link #classify}) are left out, as the single-JVM job leaves rejected
   * rows out.
   *
   * @param customers the id column and one column per feature
   * @return the calibrated model, the same JSON the single-JVM {@code calibrate} writes
   * @throws IllegalArgumentException if a column is not a declared feature or has the wrong type
   * @throws ConfigurationException if a provider's calibrator state cannot leave the JVM (naming
   *     it), or the calibration failed (a {@link org.clientele.core.CalibrationException})
   */
  public Model calibrate(Dataset<Row> customers) {
    Objects.requireNonNull(customers, "customers");
    EngineBuilder driver = engineBuilder(model);
    Model resolved = driver.validate().model();
    PartialCalibration all = driver.partialCalibration(); // fails here, naming a provider without a codec
    CustomerRows rows = CustomerRows.of(customers.schema(), idColumn, java8Dates(customers.sparkSession()));
    List<byte[]> states = customers.toJavaRDD()
        .mapPartitions(new CalibratePartition(resolved.toJson(), resolved.source(), rows))
        .collect();
    for (byte[] state : states) {
      all.merge(state);
    }
    Model calibrated = driver.calibrate(all);
    engineBuilder(calibrated).model(calibrated).build(); // the model must build, as in the single JVM
    calibratedHere.add(calibrated);
    return calibrated;
  }

  // ---------------------------------------------------------------------------------------------
  // Classify

  /**
   * Classifies a customers Dataset with a calibrated model, broadcast to the executors; each
   * partition builds one engine from the model JSON. Lazy: nothing runs until the results are used.
   *
   * <p>A row is rejected (never dropped silently) when it has no id or a numeric feature that is
   * not finite; a null value, or blank text, is a missing feature.
   *
   * @param customers the id column and one column per feature
   * @param model a calibrated model (from {@link #calibrate}, or a model file)
   * @return the results and the rejected rows
   * @throws org.clientele.core.CalibrationException if the model is not calibrated
   * @throws IllegalArgumentException if a column is not a declared feature or has the wrong type
   */
  public Classified classify(Dataset<Row> customers, Model model) {
    return classify(customers, model, ControlGroup.NONE);
  }

  /**
   * Classifies a customers Dataset as {@link #classify(Dataset, Model)} does, holding a control
   * group out of the playbook's rules, as {@code clientele classify --control-share} does: a
   * customer held out of a rule gets none of its actions, and the results get a last column {@code
   * held_out}, the rules the customer is held out of (the CLI's {@code held_out} / {@code
   * heldOut}). Membership depends only on the customer id, the rule and the salt, so it is the
   * single JVM's on any partitioning.
   *
   * @param customers the id column and one column per feature
   * @param model a calibrated model
   * @param controlGroup the control group; {@link ControlGroup#NONE} for none (no {@code held_out}
   *     column)
   * @return the results and the rejected rows
   * @throws org.clientele.core.CalibrationException if the model is not calibrated
   * @throws IllegalArgumentException if a column is not a declared feature or has the wrong type
   * @since 0.1.0
   */
  public Classified classify(Dataset<Row> customers, Model model, ControlGroup controlGroup) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(controlGroup, "controlGroup");
    Engine engine = engineBuilder(model).build(); // fails on the driver, before any task
    CustomerRows rows = CustomerRows.of(customers.schema(), idColumn, java8Dates(customers.sparkSession()));
    Broadcast<String> json = JavaSparkContext.fromSparkContext(customers.sparkSession().sparkContext()).broadcast(model.toJson());
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(idColumn, DataTypes.StringType, false));
    engine.dimensions().forEach(d -> {
      fields.add(DataTypes.createStructField(d.id() + "_label", DataTypes.StringType, false));
      fields.add(DataTypes.createStructField(d.id() + "_score", DataTypes.DoubleType, true));
    });
    fields.add(DataTypes.createStructField("actions", DataTypes.createArrayType(ACTION_SCHEMA, false), false));
    // The dimensions whose label was decided for lack of data: the CLI's lack_of_data column, as a list.
    fields.add(DataTypes.createStructField(ResultWriter.LACK_OF_DATA, DataTypes.createArrayType(DataTypes.StringType, false), false));
    if (controlGroup.share() > 0) {
      fields.add(DataTypes.createStructField(ResultWriter.HELD_OUT, DataTypes.createArrayType(DataTypes.StringType, false), false));
    }
    Dataset<Row> results = customers.mapPartitions(
        new ClassifyPartition(json, model.source(), rows, controlGroup.share(), controlGroup.salt()),
        Encoders.row(DataTypes.createStructType(fields)));
    Dataset<Row> rejections = customers.mapPartitions(new RejectPartition(rows, customersName), Encoders.row(REJECTION_SCHEMA));
    return new Classified(results, rejections);
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  /**
   * Builds the segmentation report: each partition classifies its customers into its own report
   * accumulator, whose state is merged on the driver. The report is the single-JVM report of the
   * same customers to the last bit (its sums are exact, whatever the partitioning; only the values
   * an {@code unplaced_values} warning names may differ past 1,000 distinct values of one input). For a model
   * this job's {@link #calibrate} made, the report also carries an {@code approximate_calibration}
   * warning per dimension whose cut-offs came from the quantile sketch (above {@code
   * sketch.exactLimit}), as the single-JVM run does; a model read from a file gives none.
   *
   * @param customers the id column and one column per feature
   * @param model a calibrated model
   * @param rejections rejection Datasets to count in the report (for example {@link
   *     Derived#rejections()}); the customer rows this report cannot convert are counted here
   *     already, so do not pass {@link Classified#rejections()}
   * @return the report
   */
  @SafeVarargs
  public final SegmentationReport report(Dataset<Row> customers, Model model, Dataset<Row>... rejections) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(model, "model");
    Engine engine = engineBuilder(model).build();
    CustomerRows rows = CustomerRows.of(customers.schema(), idColumn, java8Dates(customers.sparkSession()));
    List<PartitionReport> parts = customers.toJavaRDD()
        .mapPartitions(new ReportPartition(model.toJson(), model.source(), rows))
        .collect();
    ReportAccumulator total = ReportAccumulator.create(engine, ReportOptions.fromModel(model));
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> errors = new LinkedHashMap<>();
    for (PartitionReport p : parts) {
      total.mergeState(p.state());
      p.rejected().forEach((k, v) -> rejected.merge(k, v, Long::sum));
      p.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
    }
    total.addEngineWarnings(engine);
    if (calibratedHere.contains(model)) {
      // Calibrated by this job: a sketch-summarised cut-off would not come out the same again
      // (a model read from a file is reproducible and says nothing).
      ApproximateCalibration.warnings(model).forEach(total::addWarning);
    }
    for (Dataset<Row> r : rejections) {
      for (Row count : r.groupBy("reason").count().collectAsList()) {
        rejected.merge(count.getString(0), count.getLong(1), Long::sum);
      }
    }
    return total.build(rejected, errors);
  }

  // ---------------------------------------------------------------------------------------------
  // Shared

  private static EngineBuilder engineBuilder(@Nullable Model model) {
    EngineBuilder b = Engine.builder().parallelism(1);
    return model == null ? b : b.model(model);
  }

  private static boolean java8Dates(SparkSession spark) {
    return Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
  }

  private static Row rejectionRow(Rejection r, @Nullable Long line, @Nullable String customerId) {
    return RowFactory.create(r.source(), line, r.column(), r.value(), r.reason().code(), r.message(), r.fix(), customerId);
  }

  private static final String SEQ = "__clientele_row";

  /** A parsed transaction, or a rejected row (reason not null). */
  private static final StructType STAGED = DataTypes.createStructType(List.of(
      DataTypes.createStructField("customer_id", DataTypes.StringType, true),
      DataTypes.createStructField("day", DataTypes.IntegerType, true),
      DataTypes.createStructField("amount", DataTypes.DoubleType, true),
      DataTypes.createStructField("order_id", DataTypes.StringType, true),
      DataTypes.createStructField("channel", DataTypes.StringType, true),
      DataTypes.createStructField("seq", DataTypes.LongType, false),
      DataTypes.createStructField("file", DataTypes.StringType, true),
      DataTypes.createStructField("column", DataTypes.StringType, true),
      DataTypes.createStructField("value", DataTypes.StringType, true),
      DataTypes.createStructField("reason", DataTypes.StringType, true),
      DataTypes.createStructField("message", DataTypes.StringType, true),
      DataTypes.createStructField("fix", DataTypes.StringType, true)));

  /** Reads the transaction columns of each row into a staged row: a transaction or a rejection. */
  private static final class ParseTransactions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int id;
    private final int date;
    private final boolean dateIsText;
    private final int amount;
    private final boolean amountIsText;
    private final int order;
    private final int channel;
    private final int seq;
    private final String idName;
    private final String dateName;
    private final String amountName;
    private final String source;

    private ParseTransactions(int id, int date, boolean dateIsText, int amount, boolean amountIsText, int order, int channel,
        int seq, TransactionColumns names, String source) {
      this.id = id;
      this.date = date;
      this.dateIsText = dateIsText;
      this.amount = amount;
      this.amountIsText = amountIsText;
      this.order = order;
      this.channel = channel;
      this.seq = seq;
      this.idName = names.customerId();
      this.dateName = names.date();
      this.amountName = names.amount();
      this.source = source;
    }

    static ParseTransactions of(StructType schema, TransactionColumns names, String source) {
      int id = required(schema, names.customerId(), "the customer id");
      if (!schema.fields()[id].dataType().equals(DataTypes.StringType)) {
        throw typeError(schema, id, "string", "string");
      }
      int date = required(schema, names.date(), "the transaction date");
      DataType dt = schema.fields()[date].dataType();
      if (!dt.equals(DataTypes.DateType) && !dt.equals(DataTypes.StringType)) {
        throw typeError(schema, date, "date, or text holding an ISO date", "date");
      }
      int amount = required(schema, names.amount(), "the amount");
      DataType at = schema.fields()[amount].dataType();
      if (!(at instanceof NumericType) && !at.equals(DataTypes.StringType)) {
        throw typeError(schema, amount, "a number, or text holding one", "double");
      }
      int order = optional(schema, names.orderId());
      int channel = optional(schema, names.channel());
      return new ParseTransactions(id, date, dt.equals(DataTypes.StringType), amount, at.equals(DataTypes.StringType),
          order, channel, schema.fieldIndex(SEQ), names, source);
    }

    private static int required(StructType schema, String name, String what) {
      if (!List.of(schema.fieldNames()).contains(name)) {
        throw new IllegalArgumentException("the transactions have no column '" + name + "' (" + what + "); columns: "
            + List.of(schema.fieldNames()).subList(0, schema.fieldNames().length - 1)
            + ". Fix: rename the column, or name it in SparkSegmentation.builder().transactionColumns(...)");
      }
      return schema.fieldIndex(name);
    }

    private static int optional(StructType schema, @Nullable String name) {
      if (name == null || !List.of(schema.fieldNames()).contains(name)) {
        return -1;
      }
      int i = schema.fieldIndex(name);
      if (!schema.fields()[i].dataType().equals(DataTypes.StringType)) {
        throw typeError(schema, i, "string", "string");
      }
      return i;
    }

    private static IllegalArgumentException typeError(StructType schema, int i, String expected, String cast) {
      StructField f = schema.fields()[i];
      return new IllegalArgumentException("transactions column '" + f.name() + "' is of type " + f.dataType().simpleString()
          + "; expected " + expected + ". Fix: .withColumn(\"" + f.name() + "\", col(\"" + f.name() + "\").cast(\"" + cast + "\"))");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          return parse(input.next());
        }
      };
    }

    private Row parse(Row r) {
      long line = r.getLong(seq);
      String customer = r.isNullAt(id) ? null : r.getString(id);
      if (customer == null || customer.isBlank()) {
        return reject(line, null, idName, "", RejectionReason.MISSING_VALUE,
            "the customer id is empty or absent", "give every transaction its customer's id, or filter the rows without one");
      }
      if (r.isNullAt(date)) {
        return reject(line, customer, dateName, "", RejectionReason.MISSING_VALUE,
            "the date is empty or absent", "give every transaction its date");
      }
      LocalDate day;
      if (dateIsText) {
        String text = r.getString(date).trim();
        try {
          day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          return reject(line, customer, dateName, text, RejectionReason.UNPARSEABLE_DATE,
              "the date is not an ISO date (yyyy-MM-dd)", "write the date as 2024-03-31, or cast the column to a date");
        }
      } else {
        Object v = r.get(date);
        day = v instanceof LocalDate ld ? ld : ((java.sql.Date) v).toLocalDate();
      }
      if (r.isNullAt(amount)) {
        return reject(line, customer, amountName, "", RejectionReason.MISSING_VALUE,
            "the amount is empty or absent", "give every transaction its amount");
      }
      double value;
      if (amountIsText) {
        String text = r.getString(amount).trim();
        try {
          value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return reject(line, customer, amountName, text, RejectionReason.UNPARSEABLE_NUMBER,
              "the amount is not a number", "write a plain number such as 1234.50");
        }
      } else {
        value = ((Number) r.get(amount)).doubleValue();
      }
      if (!Double.isFinite(value)) {
        return reject(line, customer, amountName, String.valueOf(value), RejectionReason.NON_FINITE_NUMBER,
            "the amount is not a finite number", "write a finite amount");
      }
      String orderId = order < 0 || r.isNullAt(order) ? null : r.getString(order);
      String channelName = channel < 0 || r.isNullAt(channel) ? null : r.getString(channel);
      org.clientele.core.io.Transaction t = new org.clientele.core.io.Transaction(customer, day, value, null, orderId, channelName);
      Optional<Rejection> implausible = FeatureDeriver.implausibleDate(t, null, source, line);
      if (implausible.isPresent()) {
        Rejection x = implausible.get();
        return reject(line, customer, x.column(), x.value(), x.reason(), x.message(), x.fix());
      }
      return RowFactory.create(customer, (int) day.toEpochDay(), value, t.orderId(), t.channel(), line,
          null, null, null, null, null, null);
    }

    private Row reject(long line, @Nullable String customer, String column, String value, RejectionReason reason,
        String message, String fix) {
      return RowFactory.create(customer, null, null, null, null, line, source, column, value, reason.code(), message, fix);
    }
  }

  /** A staged rejection as a rejections row. */
  private static final class StagedRejection implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row r) {
      return RowFactory.create(r.getString(6), r.getLong(5), r.getString(7), r.getString(8), r.getString(9),
          r.getString(10), r.getString(11), r.isNullAt(0) ? null : r.getString(0));
    }
  }

  /** A transaction dated after the last plausible day, rejected with the single-JVM message. */
  private static final class LateRejection implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final long lastPlausibleDay;
    private final String source;

    LateRejection(long lastPlausibleDay, String source) {
      this.lastPlausibleDay = lastPlausibleDay;
      this.source = source;
    }

    @Override
    public Row call(Row r) {
      org.clientele.core.io.Transaction t = transaction(r);
      Rejection x = FeatureDeriver.implausibleDate(t, LocalDate.ofEpochDay(lastPlausibleDay), source, r.getLong(5))
          .orElseThrow(() -> new IllegalStateException("a late row passed the date check"));
      return rejectionRow(x, r.getLong(5), t.customerId());
    }
  }

  private static org.clientele.core.io.Transaction transaction(Row r) {
    return new org.clientele.core.io.Transaction(r.getString(0), LocalDate.ofEpochDay(r.getInt(1)), r.getDouble(2), null,
        r.isNullAt(3) ? null : r.getString(3), r.isNullAt(4) ? null : r.getString(4));
  }

  /** One customer's transactions, in input order, through sdk-core's deriver. */
  private static final class DeriveGroup implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final DerivationOptions.Mode mode;
    private final long reference;
    private final PeriodUnit unit;
    private final String[] features;
    private final boolean java8Dates;

    DeriveGroup(DerivationOptions.Mode mode, long reference, PeriodUnit unit, List<Feature<?>> features, boolean java8Dates) {
      this.mode = mode;
      this.reference = reference;
      this.unit = unit;
      this.features = features.stream().map(Feature::name).toArray(String[]::new);
      this.java8Dates = java8Dates;
    }

    @Override
    public Iterator<Row> call(String customer, Iterator<Row> rows) {
      List<Row> mine = new ArrayList<>();
      rows.forEachRemaining(mine::add);
      mine.sort(Comparator.comparingLong(r -> r.getLong(5)));
      LocalDate r = LocalDate.ofEpochDay(reference);
      FeatureDeriver deriver = mode == DerivationOptions.Mode.STANDARD
          ? FeatureDeriver.asOf(r) : FeatureDeriver.lifetimes(r.minusDays(1), unit);
      for (Row row : mine) {
        deriver.add(transaction(row));
      }
      Optional<Customer> c = deriver.customer(customer);
      if (c.isEmpty()) {
        return java.util.Collections.emptyIterator(); // every transaction on or after the reference date
      }
      List<Feature<?>> list = new ArrayList<>();
      for (String f : features) {
        list.add(Feature.lookup(f).orElseThrow());
      }
      return List.of(CustomerRows.toRow(c.get(), list, java8Dates)).iterator();
    }
  }

  /** One partition's calibrators, as bytes. */
  private static final class CalibratePartition implements FlatMapFunction<Iterator<Row>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final String json;
    private final String source;
    private final CustomerRows rows;

    CalibratePartition(String json, String source, CustomerRows rows) {
      this.json = json;
      this.source = source;
      this.rows = rows;
    }

    @Override
    public Iterator<byte[]> call(Iterator<Row> input) {
      PartialCalibration part = Engines.partialCalibration(json, source);
      CustomerRows.Problem[] problem = new CustomerRows.Problem[1];
      while (input.hasNext()) {
        Customer c = rows.toCustomer(input.next(), problem);
        if (c != null) {
          part.observe(c);
        }
      }
      return List.of(part.toBytes()).iterator();
    }
  }

  /** One engine per partition, built from the broadcast model JSON. */
  private static final class ClassifyPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<String> json;
    private final String source;
    private final CustomerRows rows;
    private final double controlShare;
    private final String controlSalt;

    ClassifyPartition(Broadcast<String> json, String source, CustomerRows rows, double controlShare, String controlSalt) {
      this.json = json;
      this.source = source;
      this.rows = rows;
      this.controlShare = controlShare;
      this.controlSalt = controlSalt;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Engine engine = Engines.engine(json.value(), source);
      ControlGroup control = new ControlGroup(controlShare, controlSalt);
      CustomerRows.Problem[] problem = new CustomerRows.Problem[1];
      List<Row> out = new ArrayList<>();
      while (input.hasNext()) {
        Customer c = rows.toCustomer(input.next(), problem);
        if (c != null) {
          out.add(resultRow(engine.classify(c), control));
        }
      }
      return out.iterator();
    }
  }

  private static Row resultRow(Classification c, ControlGroup control) {
    int n = c.dimensions().size();
    boolean withControl = control.share() > 0;
    Object[] values = new Object[(withControl ? 4 : 3) + 2 * n];
    values[0] = c.customerId();
    for (int i = 0; i < n; i++) {
      values[1 + 2 * i] = c.dimensions().get(i).label(c.labelIndex(i));
      double s = c.score(i);
      values[2 + 2 * i] = Double.isNaN(s) ? null : s;
    }
    List<Row> actions = new ArrayList<>();
    ControlGroup.Split split = control.split(c.customerId(), c.plan().actions());
    for (Action a : split.kept()) {
      actions.add(RowFactory.create(a.code(), a.category().name(), a.priority(), a.rule()));
    }
    values[1 + 2 * n] = scala.jdk.javaapi.CollectionConverters.asScala(actions).toSeq();
    List<String> lackOfData = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (c.isFallback(i)) {
        lackOfData.add(c.dimensions().get(i).id());
      }
    }
    values[2 + 2 * n] = scala.jdk.javaapi.CollectionConverters.asScala(lackOfData).toSeq();
    if (withControl) {
      values[3 + 2 * n] = scala.jdk.javaapi.CollectionConverters.asScala(split.heldOutRules()).toSeq();
    }
    return RowFactory.create(values);
  }

  /** The rows a conversion rejects, with what is wrong. */
  private static final class RejectPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final CustomerRows rows;
    private final String source;

    RejectPartition(CustomerRows rows, String source) {
      this.rows = rows;
      this.source = source;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      CustomerRows.Problem[] problem = new CustomerRows.Problem[1];
      List<Row> out = new ArrayList<>();
      while (input.hasNext()) {
        Row r = input.next();
        problem[0] = null;
        if (rows.toCustomer(r, problem) == null) {
          CustomerRows.Problem p = Objects.requireNonNull(problem[0]);
          out.add(RowFactory.create(source, null, p.column(), p.value(), p.reason().code(), p.message(), p.fix(), rows.id(r)));
        }
      }
      return out.iterator();
    }
  }

  /** One partition's report state, classifier errors and rejected rows. */
  record PartitionReport(byte[] state, HashMap<String, Long> errors, HashMap<String, Long> rejected) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One report accumulator per partition. */
  private static final class ReportPartition implements FlatMapFunction<Iterator<Row>, PartitionReport> {
    private static final long serialVersionUID = 1L;
    private final String json;
    private final String source;
    private final CustomerRows rows;

    ReportPartition(String json, String source, CustomerRows rows) {
      this.json = json;
      this.source = source;
      this.rows = rows;
    }

    @Override
    public Iterator<PartitionReport> call(Iterator<Row> input) {
      Model model = Engines.model(json, source);
      Engine engine = Engines.freshEngine(json, source); // its error counts are this partition's
      ReportAccumulator report = ReportAccumulator.create(engine, ReportOptions.fromModel(model));
      CustomerRows.Problem[] problem = new CustomerRows.Problem[1];
      HashMap<String, Long> rejected = new HashMap<>();
      while (input.hasNext()) {
        problem[0] = null;
        Customer c = rows.toCustomer(input.next(), problem);
        if (c == null) {
          rejected.merge(Objects.requireNonNull(problem[0]).reason().code(), 1L, Long::sum);
        } else {
          report.add(c, engine.classify(c));
        }
      }
      return List.of(new PartitionReport(report.state(), new HashMap<>(engine.errorCounts()), rejected)).iterator();
    }
  }

  /** Collects the job's configuration. */
  public static final class Builder {
    private @Nullable Model model;
    private @Nullable LocalDate referenceDate;
    private @Nullable TransactionColumns columns;
    private @Nullable String idColumn;
    private String transactionsName = "transactions";
    private String customersName = "customers";

    private Builder() {}

    /**
     * Uses a configuration or model file (read on the driver; its JSON travels to the executors).
     *
     * @param file a JSON file
     * @return this builder
     * @throws ConfigurationException if the file is missing or invalid
     */
    public Builder configuration(Path file) {
      Objects.requireNonNull(file, "file");
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new ConfigurationException(file.toString(), "configuration file not found; check the path");
      }
      return model(Model.read(file));
    }

    /**
     * Uses a configuration or a calibrated model. Without one, the job uses every discovered
     * classifier with its defaults, as the single-JVM job does.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(Model model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the "as of" day of the derived features, overriding {@code input.derive.referenceDate}.
     *
     * @param date the first day not observed; null for the configuration's (default: the day
     *     after the last plausible transaction)
     * @return this builder
     */
    public Builder referenceDate(@Nullable LocalDate date) {
      this.referenceDate = date;
      return this;
    }

    /**
     * Names the transaction columns (default: the configuration's {@code input.transactions}
     * column names, as the single-JVM reader uses them; {@link TransactionColumns#defaults()}
     * without a configuration).
     *
     * @param columns the columns
     * @return this builder
     */
    public Builder transactionColumns(TransactionColumns columns) {
      this.columns = Objects.requireNonNull(columns, "columns");
      return this;
    }

    /**
     * Names the customer id column of customers Datasets and of the results (default: the
     * configuration's {@code input.customers} id column, {@code id} without one).
     *
     * @param column the column name
     * @return this builder
     */
    public Builder idColumn(String column) {
      this.idColumn = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Names the inputs in rejections (the {@code file} column; defaults {@code transactions} and
     * {@code customers}).
     *
     * @param transactions the transactions' name, for example the log's path
     * @param customers the customers' name
     * @return this builder
     */
    public Builder inputNames(String transactions, String customers) {
      this.transactionsName = Objects.requireNonNull(transactions, "transactions");
      this.customersName = Objects.requireNonNull(customers, "customers");
      return this;
    }

    /**
     * Checks the configuration completely (providers, keys, the {@code input} and {@code output}
     * sections) and makes the job.
     *
     * @return the job
     * @throws ConfigurationException naming the file, JSON path and fix of the first problem
     */
    public SparkSegmentation build() {
      return new SparkSegmentation(this);
    }
  }
}
