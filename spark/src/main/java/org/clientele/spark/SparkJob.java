package org.clientele.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.clientele.api.Feature;
import org.clientele.core.Model;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.RejectionWriter;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport;
import org.jspecify.annotations.Nullable;

/**
 * The segmentation job on Spark from the command line, for {@code spark-submit} and for a plain
 * {@code java} run in {@code local[*]}: reads {@code transactions.csv} and {@code customers.csv}
 * (the layout {@code clientele generate} writes) from a directory, derives, calibrates, classifies
 * and reports, and writes {@code results/} (JSON Lines), {@code rejections/}, {@code model.json}
 * and {@code report.json} into the output directory. With {@code --compare} it then runs the
 * single-JVM job on the same files in the same JVM and prints both throughputs per core and
 * whether the models are identical.
 *
 * <pre>
 * SparkJob [--master URL] [--generate ACCOUNTS] [--config FILE] [--out DIR] [--compare] DIR
 * </pre>
 *
 * See docs/spark.md for the commands.
 *
 * @since 0.1.0
 */
public final class SparkJob {

  private SparkJob() {}

  /**
   * Runs the job in its own session: {@code --master} (default {@code local[*]} when no master is
   * set, as under a plain {@code java} command; spark-submit sets one).
   *
   * @param args the arguments, see the class comment
   */
  public static void main(String[] args) {
    Options options = Options.parse(args);
    SparkSession.Builder builder = SparkSession.builder().appName("clientele");
    if (options.master != null) {
      builder.master(options.master);
    } else if (!System.getProperties().containsKey("spark.master")) {
      builder.master("local[*]");
    }
    if (!System.getProperties().containsKey("spark.sql.shuffle.partitions")) {
      // Spark's default of 200 shuffle partitions costs more in task overhead than a small or local
      // run spends working; a few per core keeps every core busy. spark-submit --conf wins.
      builder.config("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
    }
    SparkSession spark = builder.getOrCreate();
    try {
      run(spark, options, System.out);
    } finally {
      spark.stop();
    }
  }

  /** The parsed command line. */
  record Options(@Nullable String master, int generate, @Nullable Path config, Path dir, Path out, boolean compare) {

    static Options parse(String[] args) {
      String master = null;
      int generate = 0;
      Path config = null;
      Path out = null;
      boolean compare = false;
      Path dir = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--master" -> master = value(args, ++i);
          case "--generate" -> generate = Integer.parseInt(value(args, ++i));
          case "--config" -> config = Path.of(value(args, ++i));
          case "--out" -> out = Path.of(value(args, ++i));
          case "--compare" -> compare = true;
          default -> {
            if (args[i].startsWith("--") || dir != null) {
              throw new IllegalArgumentException("unknown argument '" + args[i] + "'. " + USAGE);
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("no input directory. " + USAGE);
      }
      return new Options(master, generate, config, dir, out != null ? out : dir.resolve("spark-out"), compare);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value. " + USAGE);
      }
      return args[i];
    }
  }

  static final String USAGE =
      "Usage: SparkJob [--master URL] [--generate ACCOUNTS] [--config FILE] [--out DIR] [--compare] DIR";

  /** What a run measured. */
  record Outcome(long transactions, long customers, double sparkSeconds, int sparkCores, Model model,
      SegmentationReport report, @Nullable Double singleSeconds, @Nullable Boolean sameModel) {}

  static Outcome run(SparkSession spark, Options o, java.io.PrintStream print) {
    Path transactionsFile = o.dir.resolve(DemoFiles.TRANSACTIONS);
    Path customersFile = o.dir.resolve(DemoFiles.CUSTOMERS);
    if (o.generate > 0) {
      DemoFiles files = DemoFiles.write(TransactionPopulation.of(o.generate, TransactionPopulation.DEFAULT_SEED), o.dir, i -> {});
      print.printf(Locale.ROOT, "generated %d accounts, %d transactions in %s%n", files.accounts(), files.transactionRows(), o.dir);
    }
    SparkSegmentation.Builder b = SparkSegmentation.builder().inputNames(transactionsFile.toString(), customersFile.toString());
    Model configuration = o.config == null ? null : Model.read(o.config);
    if (configuration != null) {
      b.model(configuration);
    }
    SparkSegmentation job = b.build();
    int cores = spark.sparkContext().defaultParallelism();

    long start = System.nanoTime();
    Dataset<Row> transactions = readCsv(spark, transactionsFile);
    Dataset<Row> attributes = asFeatures(readCsv(spark, customersFile));
    Derived derived = job.derive(transactions);
    Dataset<Row> customers = job.join(derived.features(), attributes).cache();
    Model model = job.calibrate(customers);
    Classified classified = job.classify(customers, model);
    classified.results().write().mode(SaveMode.Overwrite).json(o.out.resolve("results").toString());
    derived.rejections().union(classified.rejections()).write().mode(SaveMode.Overwrite).json(o.out.resolve("rejections").toString());
    SegmentationReport report = job.report(customers, model, derived.rejections());
    double sparkSeconds = (System.nanoTime() - start) / 1e9;
    long rows = transactions.count();
    long customerCount = customers.count();
    customers.unpersist();
    write(o.out.resolve("model.json"), model.toJson());
    write(o.out.resolve("report.json"), report.toJson());
    print.println(report.headline());
    print.printf(Locale.ROOT, "spark (%d cores):       %,d transactions, %,d customers in %.1f s: %,.0f transactions/s, %,.0f per core%n",
        cores, rows, customerCount, sparkSeconds, rows / sparkSeconds, rows / sparkSeconds / cores);

    Double singleSeconds = null;
    Boolean same = null;
    if (o.compare) {
      int threads = Runtime.getRuntime().availableProcessors();
      Segmentation.Builder single = Segmentation.builder().transactions(transactionsFile).customers(customersFile).threads(threads);
      if (configuration != null) {
        single.model(configuration);
      }
      long t0 = System.nanoTime();
      SegmentationResult r;
      try (Writer w = Files.newBufferedWriter(o.out.resolve("single-results.jsonl"), StandardCharsets.UTF_8);
          ResultWriter results = new ResultWriter(w, ResultFormat.JSONL);
          RejectionWriter rejected = RejectionWriter.open(o.out.resolve("single-rejections.csv"))) {
        r = single.build().run(results, rejected);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      singleSeconds = (System.nanoTime() - t0) / 1e9;
      Model singleModel = r.engine().map(e -> e.model()).orElse(null);
      same = singleModel != null && singleModel.toJson().equals(model.toJson());
      if (singleModel != null) {
        write(o.out.resolve("single-model.json"), singleModel.toJson());
      }
      print.printf(Locale.ROOT, "single JVM (%d threads): %,d transactions, %,d customers in %.1f s: %,.0f transactions/s, %,.0f per core%n",
          threads, rows, r.counts().classified(), singleSeconds, rows / singleSeconds, rows / singleSeconds / threads);
      print.println("same model JSON: " + (same ? "yes" : "no"));
      if (!same && singleModel != null) {
        differences(singleModel, model).forEach(print::println);
      }
    }
    return new Outcome(rows, customerCount, sparkSeconds, cores, model, report, singleSeconds, same);
  }

  /**
   * The calibration values that differ between two models, with the error each calibration
   * records: above {@code sketch.exactLimit} the KLL sketches merge randomly, so cut-offs may
   * differ within that error (docs/spark.md).
   */
  static List<String> differences(Model single, Model spark) {
    List<String> out = new ArrayList<>();
    for (Model.Section s : single.dimensions()) {
      Object a = s.settings().get("calibration");
      Object b = spark.dimensions().stream().filter(d -> d.id().equals(s.id())).findFirst()
          .map(d -> d.settings().get("calibration")).orElse(null);
      if (!(a instanceof java.util.Map<?, ?> ma) || !(b instanceof java.util.Map<?, ?> mb) || ma.equals(mb)) {
        if (!java.util.Objects.equals(a, b)) {
          out.add("  " + s.id() + ": calibration differs");
        }
        continue;
      }
      StringBuilder line = new StringBuilder("  " + s.id() + " (exact " + ma.get("exact") + ", rankError "
          + ma.get("rankError") + (ma.containsKey("massError") ? ", massError " + ma.get("massError") : "") + "):");
      for (Object key : ma.keySet()) {
        if (!java.util.Objects.equals(ma.get(key), mb.get(key))) {
          line.append(' ').append(key).append(" single ").append(ma.get(key)).append(" spark ").append(mb.get(key)).append(';');
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  /** A CSV file with a header, every column read as text (the job parses and rejects per row). */
  static Dataset<Row> readCsv(SparkSession spark, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": file not found; check the path, or write the demo files with --generate N");
    }
    return spark.read().option("header", "true").option("inferSchema", "false").csv(file.toString());
  }

  /**
   * Casts each column of a text customers file to its feature's type (numbers to double, dates to
   * date). Spark 4 casts in ANSI mode: a value that is not a number fails the job, naming it.
   */
  static Dataset<Row> asFeatures(Dataset<Row> text) {
    List<Column> columns = new ArrayList<>();
    for (String c : text.columns()) {
      Feature.Kind kind = Feature.lookup(c).map(Feature::kind).orElse(Feature.Kind.TEXT);
      Column column = functions.col(c);
      columns.add(switch (kind) {
        case NUMBER -> column.cast(DataTypes.DoubleType).as(c);
        case DATE -> column.cast(DataTypes.DateType).as(c);
        case TEXT -> column;
      });
    }
    return text.select(columns.toArray(new Column[0]));
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
