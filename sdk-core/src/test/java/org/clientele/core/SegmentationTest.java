package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.Dimension;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job as a host calls it: on files, on its own objects, and with each calibration policy. */
class SegmentationTest {

  @TempDir Path dir;
  private Path transactions;
  private Path customers;

  /** Twelve customers with purchases in 2024, one row dated after the reference date, one bad row. */
  @BeforeEach
  void writeFiles() throws IOException {
    StringBuilder t = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 12; i++) {
      t.append("C").append(i).append(",2024-03-0").append(1 + i % 9).append(',').append(100 * (i + 1)).append('\n');
      t.append("C").append(i).append(",2024-05-1").append(i % 9).append(',').append(50 * i).append('\n');
    }
    t.append("C3,2024-07-15,999\n"); // on or after the reference date 2024-07-01: read, accepted, ignored
    t.append("C4,not-a-date,10\n");
    transactions = dir.resolve("orders.csv");
    Files.writeString(transactions, t);
    StringBuilder c = new StringBuilder("id,industry_code\n");
    for (int i = 0; i < 12; i++) {
      c.append("C").append(i).append(",C10\n");
    }
    c.append("C99,G46\n"); // no purchases: classified from the customers file alone
    customers = dir.resolve("accounts.csv");
    Files.writeString(customers, c);
  }

  private Segmentation.Builder files() {
    return Segmentation.builder()
        .transactions(transactions)
        .customers(customers)
        .referenceDate(LocalDate.of(2024, 7, 1))
        .threads(2);
  }

  private static String csv(Segmentation job, List<Rejection> rejected, SegmentationResult[] result) {
    StringWriter out = new StringWriter();
    try (ResultWriter writer = new ResultWriter(out, ResultFormat.CSV)) {
      result[0] = job.run(writer, rejected::add);
    }
    return out.toString();
  }

  @Test
  void aHostGetsTheSameResultsFromItsOwnObjectsAsFromTheFiles() {
    List<Rejection> fileRejections = new ArrayList<>();
    SegmentationResult[] fromFiles = new SegmentationResult[1];
    String fileCsv = csv(files().build(), fileRejections, fromFiles);

    List<Transaction> log = new ArrayList<>();
    try (TransactionReader r = TransactionReader.open(transactions, TransactionFormat.defaults(), RejectionSink.discard())) {
      r.forEachRemaining(log::add);
    }
    List<Customer> accounts = new ArrayList<>();
    try (CustomerReader r = CustomerReader.open(customers, CustomerFormat.defaults(), RejectionSink.discard())) {
      r.forEachRemaining(accounts::add);
    }
    SegmentationResult[] fromHost = new SegmentationResult[1];
    String hostCsv = csv(
        Segmentation.builder().transactions(log, "orders.csv").customers(accounts, "accounts.csv")
            .referenceDate(LocalDate.of(2024, 7, 1)).threads(1).build(),
        new ArrayList<>(), fromHost);

    assertThat(fileCsv).startsWith("id,threshold,threshold_score,median,median_score,actions,rules,lack_of_data\n");
    assertThat(fileCsv.lines()).hasSize(1 + 13);
    assertThat(hostCsv).isEqualTo(fileCsv);
    assertThat(fromHost[0].report().orElseThrow().dimensions()).isEqualTo(fromFiles[0].report().orElseThrow().dimensions());
    assertThat(fileRejections).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("orders.csv"));
    assertThat(fromHost[0].counts().transactionsFile().read()).isEqualTo(24 + 1); // the host's objects: the bad row was never one
  }

  @Test
  void aHostsCustomerWithANegativeCountIsRejectedAsTheSameFileRowIs() throws IOException {
    List<Customer> accounts = new ArrayList<>();
    try (CustomerReader r = CustomerReader.open(customers, CustomerFormat.defaults(), RejectionSink.discard())) {
      r.forEachRemaining(accounts::add);
    }
    accounts.add(Customer.builder("C77").set(org.clientele.api.StandardFeatures.ORDERS_12M, -2.0).build());
    // The same customers as a file, C77 with the same negative count.
    Path withOrders = dir.resolve("accounts-orders.csv");
    StringBuilder c = new StringBuilder("id,industry_code,orders_12m\n");
    for (Customer a : accounts) {
      String industry = a.getOrNull(org.clientele.api.StandardFeatures.INDUSTRY_CODE);
      c.append(a.id()).append(',').append(industry == null ? "" : industry)
          .append(',').append(a.id().equals("C77") ? "-2" : "").append('\n');
    }
    Files.writeString(withOrders, c);

    List<Rejection> fromHost = new ArrayList<>();
    SegmentationResult[] host = new SegmentationResult[1];
    String hostCsv = csv(Segmentation.builder().transactions(transactions).customers(accounts, "accounts (host)")
        .referenceDate(LocalDate.of(2024, 7, 1)).threads(1).build(), fromHost, host);
    List<Rejection> fromFile = new ArrayList<>();
    SegmentationResult[] file = new SegmentationResult[1];
    String fileCsv = csv(Segmentation.builder().transactions(transactions).customers(withOrders)
        .referenceDate(LocalDate.of(2024, 7, 1)).threads(1).build(), fromFile, file);

    assertThat(hostCsv).isEqualTo(fileCsv).doesNotContain("C77");
    assertThat(fromHost).filteredOn(r -> r.source().equals("accounts (host)")).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(org.clientele.core.io.RejectionReason.OUT_OF_RANGE);
      assertThat(r.line()).isEqualTo(accounts.size());
      assertThat(r.column()).isEqualTo("orders_12m");
      assertThat(r.message()).isEqualTo("customer C77: orders_12m must be at least 0");
    });
    assertThat(fromFile).filteredOn(r -> r.source().equals("accounts-orders.csv")).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(org.clientele.core.io.RejectionReason.OUT_OF_RANGE));
    ReadCounts counts = host[0].counts().customersFile();
    assertThat(counts.read()).isEqualTo(accounts.size());
    assertThat(counts.rejected()).isEqualTo(1);
    assertThat(counts.rejectedByReason()).containsEntry(org.clientele.core.io.RejectionReason.OUT_OF_RANGE, 1L);
  }

  @Test
  void calibrationAndClassificationReadTheCustomersOnceAndReportEachRejectionOnce() throws IOException {
    // The host's customers are iterated once: the calibration pass is kept and replayed.
    List<Customer> accounts = new ArrayList<>();
    try (CustomerReader r = CustomerReader.open(customers, CustomerFormat.defaults(), RejectionSink.discard())) {
      r.forEachRemaining(accounts::add);
    }
    int[] iterations = {0};
    Iterable<Customer> counted = () -> {
      iterations[0]++;
      return accounts.iterator();
    };
    SegmentationResult[] fromHost = new SegmentationResult[1];
    String hostCsv = csv(Segmentation.builder().transactions(transactions).customers(counted, "accounts.csv")
        .referenceDate(LocalDate.of(2024, 7, 1)).build(), new ArrayList<>(), fromHost);
    assertThat(iterations[0]).isEqualTo(1);
    assertThat(fromHost[0].engine()).isPresent(); // calibrated on them (the default configuration)

    // A customers file with a bad row: rejected once, counted once, the same results as the host's.
    Files.writeString(customers, Files.readString(customers) + ",G46\n");
    List<Rejection> rejected = new ArrayList<>();
    SegmentationResult[] fromFiles = new SegmentationResult[1];
    String fileCsv = csv(files().build(), rejected, fromFiles);
    assertThat(rejected).filteredOn(r -> r.source().equals("accounts.csv")).singleElement()
        .satisfies(r -> assertThat(r.line()).isEqualTo(15));
    ReadCounts c = fromFiles[0].counts().customersFile();
    assertThat(c.read()).isEqualTo(14);
    assertThat(c.rejected()).isEqualTo(1);
    assertThat(fileCsv.lines().toList()).containsAll(hostCsv.lines().toList());
  }

  @Test
  void everyRowIsCountedAndRowsAfterTheReferenceDateAreReportedAsIgnored() {
    SegmentationResult[] result = new SegmentationResult[1];
    csv(files().build(), new ArrayList<>(), result);

    ReadCounts t = result[0].counts().transactionsFile();
    assertThat(t.read()).isEqualTo(26);
    assertThat(t.accepted() + t.rejected()).isEqualTo(t.read());
    assertThat(t.rejected()).isEqualTo(1);
    assertThat(result[0].counts().ignoredTransactions()).isEqualTo(1);
    assertThat(result[0].counts().classified()).isEqualTo(13);
    assertThat(result[0].counts().lines(null))
        .anySatisfy(line -> assertThat(line).contains("1 accepted rows are dated on or after the reference date 2024-07-01 and are ignored"));
    assertThat(result[0].reportJson()).contains("\"ignored\" : 1", "\"referenceDate\" : \"2024-07-01\"", "\"classified\" : 13");
  }

  @Test
  void theReportJsonIsWrittenOnceWithTheCountsUnderInput() {
    SegmentationResult[] result = new SegmentationResult[1];
    csv(files().build(), new ArrayList<>(), result);
    String json = result[0].reportJson();
    String report = result[0].report().orElseThrow().toJson();

    // The report's own bytes, then the input section: nothing re-parsed or re-formatted.
    assertThat(json).startsWith(report.substring(0, report.lastIndexOf('}')).stripTrailing());
    assertThat(json).contains("\"input\" : {").endsWith("}\n");
  }

  @Test
  void neverCalibratingAnUncalibratedConfigurationIsATypedError() {
    Segmentation job = files().calibration(Segmentation.Calibration.NEVER).build();

    assertThatThrownBy(() -> job.run(r -> {}, RejectionSink.discard()))
        .isInstanceOfSatisfying(CalibrationException.class, e -> {
          assertThat(e.kind()).isEqualTo(CalibrationException.Kind.REQUIRED);
          assertThat(e.dimensionId()).isEqualTo("median");
          assertThat(e.population()).isEqualTo(-1);
        });
  }

  @Test
  void aCalibratedModelIsUsedAsItIsWhenCalibrationIsOnlyIfNeeded() {
    Model calibrated = files().build().calibrate(RejectionSink.discard()).model();
    assertThat(Model.isCalibrated(calibrated.dimensions().get(1))).isTrue();

    SegmentationResult result = files().model(calibrated).build().run(r -> {}, RejectionSink.discard());

    assertThat(result.engine().orElseThrow().model()).isEqualTo(calibrated);
  }

  @Test
  void calibrateCountsEveryRowAndReturnsAModelThatBuilds() {
    List<Rejection> rejected = new ArrayList<>();
    Segmentation.Calibrated c = files().build().calibrate(rejected::add);

    assertThat(c.counts().classified()).isEqualTo(13);
    assertThat(rejected).hasSize(1);
    assertThat(Engine.builder().model(c.model()).build().dimensions()).extracting(Dimension::id).containsExactly("threshold", "median");
  }

  @Test
  void withNoAcceptedCustomerToCalibrateOnTheRunStillCountsEveryRow() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,revenue_12m\nA,lots\nB,many\n");
    ClassifierProvider strict = strictMedian();
    Segmentation.Builder builder = Segmentation.builder().customers(bad).threads(1)
        .engine(b -> b.discover(false).register(strict).register(new Fixtures.ThresholdProvider()));
    // By default a file whose every row is rejected stops the run, naming the reason, and its
    // rejected rows still reach the rejections output.
    List<Rejection> stopped = new ArrayList<>();
    assertThatThrownBy(() -> builder.build().run(r -> {}, stopped::add))
        .isInstanceOf(org.clientele.core.io.InputException.class)
        .hasMessageContaining("Most are unparseable_number (2 rows), for example line 2, column revenue_12m \"lots\"");
    assertThat(stopped).extracting(Rejection::line).containsExactly(2L, 3L);
    Segmentation job = builder.maxRejectedShare(1).build();

    SegmentationResult result = job.run(r -> {}, RejectionSink.discard());

    assertThat(result.engine()).isEmpty();
    assertThat(result.report()).isEmpty();
    assertThat(result.counts().customersFile().read()).isEqualTo(2);
    assertThat(result.counts().rejected()).isEqualTo(2);
    assertThat(result.dimensionIds()).containsExactly("median", "threshold");
    assertThat(result.reportJson()).contains("\"input\"", "\"rejected\" : 2");
  }

  @Test
  void aDimensionWithNothingToCalibrateOnIsLeftOutAndNamedOrFailsTheRunWhenAsked() throws IOException {
    Path noRevenue = dir.resolve("no-revenue.csv");
    Files.writeString(noRevenue, "id,industry_code\nA,C10\nB,G46\n");
    ClassifierProvider strict = strictMedian();
    Segmentation.Builder job = Segmentation.builder().customers(noRevenue).threads(1)
        .engine(b -> b.discover(false).register(strict).register(new Fixtures.ThresholdProvider()));

    SegmentationResult result = job.build().run(r -> {}, RejectionSink.discard());
    assertThat(result.dimensionIds()).containsExactly("threshold");
    assertThat(result.counts().classified()).isEqualTo(2);
    assertThat(result.report().orElseThrow().quality().warnings()).first().satisfies(w -> {
      assertThat(w.code()).isEqualTo("dimension_left_out");
      assertThat(w.dimension()).isEqualTo("median");
      assertThat(w.message()).contains("could not be calibrated on the 2 customers given");
    });

    assertThatThrownBy(() -> job.leaveOutUncalibratable(false).build().run(r -> {}, RejectionSink.discard()))
        .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.dimensionId()).isEqualTo("median"));
  }

  /**
   * docs/input.md's rule: a dimension the configuration names and the input gives nothing to
   * calibrate on fails the run unless {@code input.dimensionWithoutInput} is "warn". A provider
   * that declares no features before calibration used to escape the check before the pass, and its
   * calibration failure left the named dimension out with only a warning and exit code 0.
   */
  @Test
  void aNamedDimensionWithNothingToCalibrateOnFailsTheRunUnlessTheConfigurationSaysWarn() throws IOException {
    Path noRevenue = dir.resolve("no-revenue.csv");
    Files.writeString(noRevenue, "id,industry_code\nA,C10\nB,G46\n");
    String dims = "\"strategy\": null, \"dimensions\": {\"median\": {}, \"threshold\": {}}";

    Segmentation named = job(Model.fromJson("{\"format\": 1, " + dims + "}", "strict.json"), noRevenue);
    assertThatThrownBy(() -> named.run(r -> {}, RejectionSink.discard()))
        .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.dimensionId()).isEqualTo("median"))
        .hasMessageContaining("none of them has the feature this dimension reads")
        .hasMessageContaining("set input.dimensionWithoutInput to \"warn\"");

    Segmentation warn = job(Model.fromJson(
        "{\"format\": 1, " + dims + ", \"input\": {\"dimensionWithoutInput\": \"warn\"}}", "lenient.json"), noRevenue);
    SegmentationResult result = warn.run(r -> {}, RejectionSink.discard());
    assertThat(result.dimensionIds()).containsExactly("threshold");
    assertThat(result.report().orElseThrow().quality().warnings())
        .anySatisfy(w -> assertThat(w.code() + " " + w.dimension()).isEqualTo("dimension_left_out median"));
  }

  private static Segmentation job(Model model, Path customers) {
    ClassifierProvider strict = strictMedian();
    return Segmentation.builder().model(model).customers(customers).threads(1)
        .engine(b -> b.discover(false).register(strict).register(new Fixtures.ThresholdProvider())).build();
  }

  @Test
  void aJobWithoutInputValidatesButDoesNotRun() {
    Segmentation job = Segmentation.builder().build();

    Validation v = job.validate();
    assertThat(v.needCalibration()).containsExactly("median");
    assertThat(v.labelsUnknown()).containsExactly("median"); // the fixture does not implement dimension(config)
    assertThatThrownBy(() -> job.run(r -> {}, RejectionSink.discard()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no input");
  }

  @Test
  void anUnknownKeyInTheInputSectionFailsWhenTheJobIsBuilt() {
    Model model = Model.fromJson("{\"dimensions\": {\"threshold\": {}}, \"input\": {\"transactoins\": {}}}", "typo.json");

    assertThatThrownBy(() -> Segmentation.builder().model(model).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("typo.json $.input.transactoins: unknown key");
  }

  /** "median", calibrated by {@link StrictMedian}. */
  private static ClassifierProvider strictMedian() {
    return new ClassifierProvider() {
      @Override
      public String name() {
        return "median";
      }

      @Override
      public org.clientele.api.Classifier create(PluginConfig config) {
        return new Fixtures.MedianProvider().create(config);
      }

      @Override
      public Optional<Calibrator> calibrator(PluginConfig config) {
        return Optional.of(new StrictMedian());
      }
    };
  }

  /** A median calibrator that, like the built-ins, cannot produce thresholds from no data. */
  private static final class StrictMedian implements Calibrator {
    private final Fixtures.MedianCalibrator median = new Fixtures.MedianCalibrator();

    @Override
    public void observe(Customer customer) {
      median.observe(customer);
    }

    @Override
    public void merge(Calibrator other) {
      median.merge(((StrictMedian) other).median);
    }

    @Override
    public Map<String, Object> result() {
      if (median.values.isEmpty()) {
        throw new ConfigurationException("median", "no customer had revenue_12m");
      }
      return median.result();
    }
  }
}
