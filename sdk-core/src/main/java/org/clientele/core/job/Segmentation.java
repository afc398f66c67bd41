package org.clientele.core.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Locale;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.CalibrationException;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Explanation;
import org.clientele.core.Model;
import org.clientele.core.Validation;
import org.clientele.core.features.CustomerJoin;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.features.LifetimesSummary;
import org.clientele.core.internal.CountingInputStream;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.FeatureWriter;
import org.clientele.core.io.HostCustomers;
import org.clientele.core.io.InputConfig;
import org.clientele.core.io.InputException;
import org.clientele.core.io.InputPreset;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.Records;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionReason;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultSink;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionReader;
import org.clientele.core.report.ApproximateCalibration;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.jspecify.annotations.Nullable;

/**
 * The whole batch job as one library call: read customers and/or transactions (files or the
 * host's objects), derive features from the transactions, join them with the customers, calibrate
 * when the configuration needs it, classify every customer in input order on several threads, and
 * accumulate the segmentation report, counting every row read, accepted, rejected and ignored.
 * The {@code clientele} command is a thin shell over it; hosts call the same thing.
 *
 * <pre>{@code
 * Segmentation job = Segmentation.builder()
 *     .configuration(Path.of("clientele.json"))
 *     .transactions(Path.of("orders.csv"))
 *     .customers(Path.of("accounts.csv"))
 *     .build();                                          // the configuration is checked here
 * try (ResultWriter out = new ResultWriter(Files.newBufferedWriter(results), ResultFormat.CSV, ...);
 *      RejectionWriter rejected = RejectionWriter.open(Path.of("rejected.csv"))) {
 *   SegmentationResult r = job.run(out::write, rejected);
 *   r.report().ifPresent(report -> System.out.println(report.toTable()));
 * }
 * }</pre>
 *
 * <p>A job is immutable and can run any number of times; each run reads its inputs afresh. The
 * customers input is read once by {@link #run}: the calibration pass keeps the joined customers
 * and its rejections (up to an eighth of the heap, at most a quarter of what is free; none
 * when the input is known to be larger) and classification replays them; past that budget, or when a plugin's feature declared during calibration maps a column the pass ignored
 * (or a customers file has no header to check that on), classification reads the input again
 * (files are reopened, host inputs are {@link Iterable}s iterated again). A transaction input is read once,
 * also when no reference date is set (it is settled after the pass); only a log whose last rows
 * lie after a gap in the dates is read a second time (see {@link FeatureDeriver#derive(
 * java.util.function.Function, DerivationOptions, RejectionSink)}).
 *
 * <p>The configuration's {@code input} section (file layouts, derivation) and {@code output}
 * section ({@code format}, {@code report}) are read and checked here; see docs/input.md.
 *
 * @since 0.1.0
 */
public final class Segmentation {

  /** When a run calibrates the population-relative dimensions on its own input. */
  public enum Calibration {
    /** Calibrate when a dimension is not calibrated yet; use a calibrated model as it is. */
    IF_NEEDED,
    /** Always calibrate on this input, replacing any calibration in the configuration. */
    ALWAYS,
    /** Never: the configuration must be a calibrated model ({@link CalibrationException} if not). */
    NEVER
  }

  /**
   * What a run does with a configured dimension the input gives nothing to read: none of the
   * features its classifier declares ({@code Classifier.features()}, or before calibration {@code
   * ClassifierProvider.features(config)}) is a column of the customers file or derived from the
   * transaction log. A population-relative dimension would be calibrated on nothing, and every
   * dimension would label every customer from missing data.
   *
   * <p>Unset (the default), only the silent case is caught: a dimension that would be calibrated
   * on nothing fails the run with a configuration file, and is left out with a {@code
   * dimension_left_out} warning without one (the default configuration uses every classifier
   * found, whether the data suits it or not). A dimension with fixed rules and no input is left to
   * the report, whose {@code single_label} warning and measurable share show it.
   *
   * @since 0.1.0
   */
  public enum WithoutInput {
    /**
     * Every dimension the input gives nothing to read fails the run before the pass, with a {@link
     * ConfigurationException} naming the dimension, its features, the input file and the fixes.
     */
    FAIL,
    /**
     * Go on and say so: a {@code dimension_without_input} quality warning in the report; a
     * dimension that would be calibrated on this input is left out with a {@code
     * dimension_left_out} warning instead (no cut-off comes from no data).
     */
    WARN
  }

  private final @Nullable Model model;
  private final @Nullable WithoutInput withoutInput;
  private final InputConfig input;
  private final DerivationOptions derive;
  private final ReportOptions reportOptions;
  private final ResultFormat resultFormat;
  /** Rejections kept by {@link #explain} to say why a customer's row is missing; the rest only counted. */
  private static final int KEPT_REJECTIONS = 10_000;

  private final @Nullable Input<Customer> customers;
  private final @Nullable Path customersPath;
  private final @Nullable Input<Transaction> transactions;
  private final @Nullable Path transactionsPath;
  private final Calibration calibration;
  private final boolean leaveOutUncalibratable;
  private final double maxRejectedShare;
  private final boolean strict;
  private final @Nullable Integer threads;
  private final ProgressListener progress;
  private final Consumer<EngineBuilder> engineSetup;

  private Segmentation(Builder b) {
    this.model = b.model;
    this.customers = b.customers;
    this.customersPath = b.customersPath;
    this.transactions = b.transactions;
    this.transactionsPath = b.transactionsPath;
    this.calibration = b.calibration;
    this.leaveOutUncalibratable = b.leaveOutUncalibratable;
    this.strict = b.strict;
    this.threads = b.threads;
    this.progress = b.progress;
    this.engineSetup = b.engineSetup;
    if (model == null) {
      withoutInput = b.withoutInput;
      maxRejectedShare = b.maxRejectedShare != null ? b.maxRejectedShare : DEFAULT_MAX_REJECTED_SHARE;
      input = InputConfig.fromConfig(null, b.preset);
      derive = referenceDate(DerivationOptions.defaults(), b.referenceDate, "<default configuration>");
      reportOptions = ReportOptions.defaults();
      resultFormat = ResultFormat.JSONL;
    } else {
      PluginConfig in = model.section("input");
      WithoutInput configured = in.has("dimensionWithoutInput")
          ? in.choice("dimensionWithoutInput", WithoutInput.class, WithoutInput.FAIL) : null;
      withoutInput = b.withoutInput != null ? b.withoutInput : configured;
      double share = in.number("maxRejectedShare", DEFAULT_MAX_REJECTED_SHARE, 0, 1);
      maxRejectedShare = b.maxRejectedShare != null ? b.maxRejectedShare : share;
      input = InputConfig.fromConfig(in, b.preset);
      derive = referenceDate(DerivationOptions.fromConfig(in.section("derive")), b.referenceDate, model.source());
      rejectUnread(in);
      PluginConfig out = model.section("output");
      resultFormat = out.choice("format", ResultFormat.class, ResultFormat.JSONL);
      reportOptions = ReportOptions.fromConfig(out.section("report"));
      rejectUnread(out);
    }
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
   * Returns the configuration.
   *
   * @return the configuration or model, or empty for the default one (every discovered
   *     classifier with its defaults)
   */
  public Optional<Model> model() {
    return Optional.ofNullable(model);
  }

  /**
   * Returns the results format the configuration asks for ({@code output.format}).
   *
   * @return JSON Lines unless the configuration says CSV
   */
  public ResultFormat resultFormat() {
    return resultFormat;
  }

  /**
   * Returns the report's options ({@code output.report}).
   *
   * @return the options
   */
  public ReportOptions reportOptions() {
    return reportOptions;
  }

  /**
   * Checks the configuration completely without reading data ({@link EngineBuilder#validate()}).
   *
   * @return what was checked and what waits for calibration
   * @throws ConfigurationException naming the file, JSON path and fix of the first problem
   */
  public org.clientele.core.Validation validate() {
    return engineBuilder().validate();
  }

  /**
   * Runs the whole job.
   *
   * @param results receives one result per classified customer, in input order
   * @param rejections receives every rejected row (each exactly once)
   * @return the counts, the engine and the report
   * @throws ConfigurationException if the configuration is invalid, or calibration failed on a
   *     non-empty population (a {@link CalibrationException} naming the dimension)
   * @throws InputException if an input cannot be read at all (a missing file, a header without a
   *     required column)
   * @throws org.clientele.core.io.RowRejectedException in strict mode, at the first bad row
   */
  public SegmentationResult run(ResultSink results, RejectionSink rejections) {
    return run(results, rejections, null);
  }

  /**
   * Runs the whole job as {@link #run(ResultSink, RejectionSink)} does, and writes each classified
   * customer's features, in input order: the features the classifiers declare they read ({@link
   * Engine#features()}; every standard feature if none declares any), or in lifetimes mode the
   * lifetimes summary's columns ({@code frequency, recency, T, monetary_value}); then the features the
   * feature steps add ({@link Engine#addedFeatures()}: {@code p_alive}, {@code predicted_clv}, ...).
   *
   * @param results receives one result per classified customer, in input order
   * @param rejections receives every rejected row (each exactly once)
   * @param features receives the same customers' features; null for none
   * @return the counts, the engine and the report
   * @throws ConfigurationException as {@link #run(ResultSink, RejectionSink)}
   * @since 0.1.0
   */
  public SegmentationResult run(ResultSink results, RejectionSink rejections, @Nullable FeatureWriter features) {
    Objects.requireNonNull(results, "results");
    FirstRejections sink = new FirstRejections(sink(rejections));
    Derived derived = derive(sink);
    checkRejectedShare(derived.counts, sink);
    List<QualityWarning> leftOut = new ArrayList<>();
    // The calibration pass keeps its customers and rejections (within a memory budget), so that
    // classification need not read the customers input again.
    Kept kept = new Kept(keptBudget(derived));
    Engine engine;
    try {
      engine = engine(derived, new FirstRejections(strict ? sink : kept.recorder()), "Calibrating", leftOut, kept);
    } catch (RuntimeException e) {
      // The run stops (too many rows rejected, a calibration that failed): the rejections the
      // calibration pass kept for the classification pass still reach the rejections output.
      kept.rejections.forEach(sink::reject);
      throw e;
    }
    List<String> ids = engine != null
        ? engine.dimensions().stream().map(Dimension::id).toList()
        : engineBuilder().validate().model().dimensions().stream().map(Model.Section::id).toList();
    results.begin(ids);
    CustomerStream pass = kept.pass;
    boolean replay = engine != null && pass != null && kept.usable() && sameColumns(pass);
    if (!replay) {
      kept.reset(); // the calibration pass's reader and join (their id sets) go before the input is read again
    }
    try (CustomerStream stream = replay
        ? Objects.requireNonNull(pass).replay(kept, sink, "Classifying")
        : new CustomerStream(derived, sink, "Classifying")) {
      if (engine == null) {
        // Nothing was accepted: read once more only to count the rejected rows.
        while (stream.hasNext()) {
          stream.next();
        }
        RunCounts none = stream.counts(derived, 0);
        checkRejectedShare(none.customersFile(), sink);
        return new SegmentationResult(none, null, null, ids);
      }
      ReportAccumulator report = ReportAccumulator.create(engine, reportOptions);
      leftOut.forEach(report::addWarning);
      // A doubtful fit (small book, no convergence, weak parameters) or a playbook's coverage gap is never silent.
      report.addEngineWarnings(engine);
      if (features != null) {
        features.begin(featureColumns(engine));
      }
      long classified = engine.classifyEach(stream, (customer, result) -> {
        report.add(customer, result);
        results.accept(result);
        if (features != null) {
          features.accept(customer);
        }
      });
      RunCounts counts = stream.counts(derived, classified);
      checkRejectedShare(counts.customersFile(), sink);
      stream.inputWarnings(counts).forEach(report::addWarning);
      Map<String, Long> errors = engine.errorCounts();
      errors.forEach((id, n) -> {
        if (n > 0) {
          // Counted in the report's engine errors too; a warning is what -q and --strict-quality see.
          boolean isStrategy = !ids.contains(id);
          report.addWarning(new QualityWarning("classifier_errors", id, "",
              (isStrategy ? "the strategy" : id) + ": failed for " + n + " of " + classified + " customers, whose "
                  + (isStrategy ? "plans are empty" : "label is UNCLASSIFIED")
                  + "; the first failure is logged at WARN with its cause"));
        }
      });
      SegmentationReport built = report.build(counts.rejectedByReason(), errors);
      return new SegmentationResult(counts, engine, built, ids);
    }
  }

  /** The columns of the features file: the lifetimes summary's, or what the classifiers read. */
  private Map<String, Feature<?>> featureColumns(Engine engine) {
    if (transactions != null && derive.mode() == DerivationOptions.Mode.LIFETIMES) {
      Map<String, Feature<?>> columns = new LinkedHashMap<>();
      columns.put("frequency", LifetimesSummary.FREQUENCY);
      columns.put("recency", LifetimesSummary.RECENCY);
      columns.put("T", LifetimesSummary.T);
      columns.put("monetary_value", LifetimesSummary.MONETARY_VALUE);
      engine.addedFeatures().forEach(f -> columns.put(f.name(), f));
      return columns;
    }
    List<Feature<?>> read = new ArrayList<>(engine.features());
    for (Feature<?> added : engine.addedFeatures()) {
      if (!read.contains(added)) {
        read.add(added); // the predictions a feature step added, beside what the classifiers read
      }
    }
    // A plugin that does not declare its features (Classifier.features() is optional): show every
    // standard feature rather than an id column alone.
    return FeatureWriter.byName(read.isEmpty() ? StandardFeatures.all() : read);
  }

  /**
   * Calibrates on the whole input and returns the model, after checking that it builds. Every
   * row is read (so the counts and rejections are complete) even when nothing needs calibrating.
   *
   * @param rejections receives every rejected row
   * @return the calibrated model and the counts
   * @throws ConfigurationException if the configuration is invalid or calibration failed
   */
  public Calibrated calibrate(RejectionSink rejections) {
    FirstRejections sink = new FirstRejections(sink(rejections));
    // Every key checked, and the plugins' features declared, before the (long) pass.
    Validation validation = engineBuilder().validate();
    Derived derived = derive(sink);
    checkRejectedShare(derived.counts, sink);
    Set<String> calibrating = Set.copyOf(validation.needCalibration());
    Set<String> checked = new HashSet<>();
    List<QualityWarning> warnings = new ArrayList<>();
    Model current = checkInputs(validation.features(), headerFeatures(derived), validation.model(), calibrating, checked, warnings);
    boolean recalibrated = false;
    while (true) {
      EngineBuilder builder = engineBuilder().model(current);
      Model calibrated;
      RunCounts counts;
      try (Passes passes = new Passes(derived, sink, "Calibrating")) {
        try {
          calibrated = builder.calibrate(passes);
        } catch (CalibrationException e) {
          throw withHint(e, false);
        }
        CustomerStream stream = passes.last();
        while (stream.hasNext()) {
          stream.next();
        }
        counts = stream.counts(derived, stream.count());
        checkRejectedShare(counts.customersFile(), sink);
        // The model must build: unknown keys, bad values fail here.
        Engine engine = builder.model(calibrated).build();
        if (!recalibrated && stream.missedFeaturesOf(engine, calibrating)) {
          recalibrated = true; // see engine(...): a plugin's features declared during the pass
          continue;
        }
        Model reduced = checkInputs(inputsOf(engine), stream.inputFeatures(), current, calibrating, checked, warnings);
        if (reduced != current) {
          current = reduced;
          continue;
        }
      }
      // Calibrated here and now: a sketch-summarised cut-off would not come out the same again.
      warnings.addAll(ApproximateCalibration.warnings(calibrated));
      return new Calibrated(calibrated, counts, warnings);
    }
  }

  /**
   * Finds one customer in the input and explains it, calibrating first when the configuration
   * needs it.
   *
   * @param customerId the id, matched exactly
   * @param rejections receives the rows rejected while reading
   * @return the explanation, or empty if no customer of the input has this id
   * @throws ConfigurationException as {@link #run}
   * @throws CustomerRejectedException if the customers input has the id but its row was rejected
   */
  public Optional<Explanation> explain(String customerId, RejectionSink rejections) {
    Objects.requireNonNull(customerId, "customerId");
    // The rejections by line, so that a customer whose row was rejected is told apart from a typo.
    Map<String, List<Rejection>> byLine = new HashMap<>();
    FirstRejections sink = new FirstRejections(sink(rejections.andThen(r -> {
      if (byLine.size() < KEPT_REJECTIONS) {
        List<Rejection> row = byLine.computeIfAbsent(r.source() + "\n" + r.line(), k -> new ArrayList<>());
        if (!row.contains(r)) { // the file is read once per pass (calibration, then the lookup)
          row.add(r);
        }
      }
    })));
    Derived derived = derive(sink);
    checkRejectedShare(derived.counts, sink);
    // The explanation uses the cut-offs of a full run: stop where the run would.
    Engine engine = engine(derived, sink, "Calibrating");
    if (engine == null) {
      return Optional.empty();
    }
    Optional<Customer> found = Optional.empty();
    if (customers == null && derived.deriver != null) {
      found = derived.deriver.customer(customerId);
    } else {
      try (CustomerStream stream = new CustomerStream(derived, sink, "Looking up " + customerId)) {
        while (stream.hasNext() && found.isEmpty()) {
          Customer c = stream.next();
          if (c.id().equals(customerId)) {
            found = Optional.of(c);
          }
        }
        Records<Customer> reader = stream.reader;
        OptionalLong line = found.isEmpty() && reader != null ? reader.rejectedLine(customerId) : OptionalLong.empty();
        if (reader != null && line.isPresent()) {
          String source = reader.counts().source();
          throw new CustomerRejectedException(customerId, source, line.getAsLong(),
              byLine.getOrDefault(source + "\n" + line.getAsLong(), List.of()));
        }
      }
    }
    return found.map(engine::explain);
  }

  /**
   * Reads the input and hands every customer, with its derived features, to an action, without
   * calibrating or classifying: what a comparison of snapshots uses to explain why customers moved.
   *
   * @param action receives each customer, in input order
   * @param rejections receives every rejected row
   * @return the counts ({@code classified} is the customers handed over)
   * @throws InputException if an input cannot be read at all
   * @since 0.1.0
   */
  public RunCounts forEachCustomer(java.util.function.Consumer<? super Customer> action, RejectionSink rejections) {
    Objects.requireNonNull(action, "action");
    RejectionSink sink = sink(rejections);
    Derived derived = derive(sink);
    try (CustomerStream stream = new CustomerStream(derived, sink, "Reading customers")) {
      while (stream.hasNext()) {
        action.accept(stream.next());
      }
      return stream.counts(derived, stream.count());
    }
  }

  /**
   * A calibrated model and the counts of the input it was calibrated on.
   *
   * @param model the model, every population-relative dimension calibrated
   * @param counts what was read; {@code classified} is the customers calibrated on
   * @param warnings what the input check found under {@link WithoutInput#WARN}, and every
   *     {@code approximate_calibration} (a dimension calibrated with the quantile sketch)
   */
  public record Calibrated(Model model, RunCounts counts, List<QualityWarning> warnings) {
    /**
     * Checks the parts.
     *
     * @param model the model, every population-relative dimension calibrated
     * @param counts what was read; {@code classified} is the customers calibrated on
     * @param warnings what the input check found under {@link WithoutInput#WARN}: dimensions left
     *     out of the model, or given nothing to read; and every {@code approximate_calibration}
     */
    public Calibrated {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(counts, "counts");
      warnings = List.copyOf(warnings);
    }

    /**
     * A model and its counts, without warnings.
     *
     * @param model the model, every population-relative dimension calibrated
     * @param counts what was read; {@code classified} is the customers calibrated on
     */
    public Calibrated(Model model, RunCounts counts) {
      this(model, counts, List.of());
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The default of {@link Builder#maxRejectedShare}: more than half of an input's rows rejected stops the run. */
  public static final double DEFAULT_MAX_REJECTED_SHARE = 0.5;

  /**
   * Stops the run when more than {@link Builder#maxRejectedShare} of an input's rows were rejected,
   * naming the most common reason, its first row and its fix.
   */
  private void checkRejectedShare(@Nullable ReadCounts counts, FirstRejections samples) {
    if (counts == null || counts.read() == 0 || counts.rejected() <= maxRejectedShare * counts.read()) {
      return;
    }
    Map.Entry<RejectionReason, Long> top = counts.rejectedByReason().entrySet().stream()
        .max(Map.Entry.<RejectionReason, Long>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
        .orElseThrow();
    Rejection sample = samples.first(counts.source(), top.getKey());
    String share = org.clientele.core.internal.Formats.percent((double) counts.rejected() / counts.read());
    StringBuilder m = new StringBuilder()
        .append(counts.rejected()).append(" of ").append(counts.read()).append(" rows rejected (").append(share)
        .append(", more than the ").append(org.clientele.core.internal.Formats.wholePercent(maxRejectedShare))
        .append(" allowed): the run stops rather than calibrate and classify from the ").append(counts.accepted())
        .append(" left. Most are ").append(top.getKey().code()).append(" (").append(top.getValue()).append(" rows)");
    if (sample != null) {
      m.append(", for example line ").append(sample.line()).append(", column ").append(sample.column())
          .append(" \"").append(sample.value()).append("\": ").append(sample.message()).append(". Fix: ").append(sample.fix());
    }
    m.append(". If the rejected rows really are to be left out, raise input.maxRejectedShare (--max-rejected-share; 1 never stops).");
    throw new InputException(counts.source(), 0, m.toString(), null);
  }

  /** Passes rejections on and keeps the first of each reason, for the message of {@link #checkRejectedShare}. */
  private static final class FirstRejections implements RejectionSink {
    private final RejectionSink next;
    private final Map<String, Map<RejectionReason, Rejection>> first = new HashMap<>();

    FirstRejections(RejectionSink next) {
      this.next = next;
    }

    @Override
    public void reject(Rejection rejection) {
      Map<RejectionReason, Rejection> bySource = first.get(rejection.source());
      if (bySource == null) {
        bySource = new java.util.EnumMap<>(RejectionReason.class);
        first.put(rejection.source(), bySource);
      }
      bySource.putIfAbsent(rejection.reason(), rejection);
      next.reject(rejection);
    }

    @Override
    public boolean isStrict() {
      return next.isStrict();
    }

    @Nullable Rejection first(String source, RejectionReason reason) {
      Map<RejectionReason, Rejection> bySource = first.get(source);
      return bySource == null ? null : bySource.get(reason);
    }
  }

  private RejectionSink sink(RejectionSink rejections) {
    Objects.requireNonNull(rejections, "rejections");
    return strict ? rejections.andThen(RejectionSink.strict()) : rejections;
  }

  private EngineBuilder engineBuilder() {
    EngineBuilder b = Engine.builder();
    engineSetup.accept(b);
    if (model != null) {
      b.model(model);
    }
    if (threads != null) {
      b.parallelism(threads);
    }
    return b;
  }

  /**
   * Builds the engine, calibrating on one pass over the customers when the policy says so.
   *
   * @return the engine, or null when calibration was needed and not one customer was accepted
   */
  private @Nullable Engine engine(Derived derived, RejectionSink calibrationSink, String phase) {
    return engine(derived, calibrationSink, phase, new ArrayList<>(), null);
  }

  /**
   * Builds the engine, calibrating on one pass over the customers when the policy says so. A
   * dimension that cannot be calibrated on this input (no customer has what it reads: a
   * customers-only export and RFM) is left out and named in {@code leftOut}, and the others are
   * calibrated on another pass, unless the job was told to fail instead.
   *
   * @return the engine, or null when calibration was needed and not one customer was accepted
   */
  private @Nullable Engine engine(Derived derived, RejectionSink calibrationSink, String phase, List<QualityWarning> leftOut,
      @Nullable Kept kept) {
    EngineBuilder builder = engineBuilder();
    // Validating asks every classifier (or its provider) for its features: a plugin's own features
    // are declared here, before any reader maps a header to them.
    Validation validation = builder.validate();
    boolean calibrate = switch (calibration) {
      case ALWAYS -> true;
      case NEVER -> false;
      case IF_NEEDED -> !validation.needCalibration().isEmpty();
    };
    Set<String> calibrating = calibrate ? Set.copyOf(validation.needCalibration()) : Set.of();
    Set<String> checked = new HashSet<>();
    Model current = checkInputs(validation.features(), headerFeatures(derived), validation.model(), calibrating, checked, leftOut);
    if (!calibrate) {
      Engine engine = current == validation.model() ? builder.build() : engineBuilder().model(current).build();
      checkInputs(inputsOf(engine), headerFeatures(derived), current, Set.of(), checked, leftOut);
      return engine;
    }
    boolean recalibrated = false;
    while (true) {
      if (kept != null) {
        kept.reset(); // a pass of an earlier round (recalibrated, or a dimension left out) is not the last
      }
      try (Passes population = new Passes(derived, calibrationSink, phase, kept)) {
        // Lazy: a configuration without population-relative dimensions reads nothing here. Two
        // passes when a feature step (a model fit) and a dimension both calibrate.
        EngineBuilder b = engineBuilder().model(current);
        try {
          Model fitted = b.calibrate(population);
          if (calibrationSink instanceof FirstRejections first) {
            // Before any result is written: never classify with cut-offs fitted on what was left.
            checkRejectedShare(population.last().fileCounts(), first);
          }
          b.model(fitted);
          Engine engine = b.build();
          if (!recalibrated && population.last().missedFeaturesOf(engine, calibrating)) {
            // A plugin declared its features only when its classifier's classes loaded, after the
            // pass had mapped the columns: calibrate again, now that the columns map to them.
            recalibrated = true;
            continue;
          }
          Model reduced = checkInputs(inputsOf(engine), population.last().inputFeatures(), current, calibrating, checked, leftOut);
          if (reduced != current) {
            current = reduced;
            continue;
          }
          if (kept != null) {
            population.finishKept(); // read to the end, if calibration stopped early
          }
          // Calibrated in this run (a --model run is reproducible and says nothing).
          leftOut.addAll(ApproximateCalibration.warnings(fitted));
          return engine;
        } catch (CalibrationException e) {
          if (e.population() == 0) {
            return null;
          }
          // The rule of checkInputs, for a dimension whose features were not known before the pass:
          // one the configuration names fails the run unless input.dimensionWithoutInput says "warn".
          boolean named = withoutInput == WithoutInput.FAIL || withoutInput == null && namesDimensions();
          if (!leaveOutUncalibratable || named || e.kind() != CalibrationException.Kind.FAILED
              || current.dimensions().size() == 1) {
            throw withHint(e, named && withoutInput == null);
          }
          leftOut.add(new QualityWarning("dimension_left_out", e.dimensionId(), "",
              e.dimensionId() + ": left out of this run, it could not be calibrated on the " + e.population()
                  + " customers given (none has what it reads; give a transaction log or the column, or remove the"
                  + " dimension from the configuration): " + problem(e)));
          current = current.withoutDimension(e.dimensionId());
        }
      }
    }
  }

  /** The features each dimension of an engine reads, as its classifier declares them. */
  private static Map<String, Set<Feature<?>>> inputsOf(Engine engine) {
    Map<String, Set<Feature<?>>> out = new LinkedHashMap<>();
    for (Dimension d : engine.dimensions()) {
      out.put(d.id(), engine.inputs(d.id()));
    }
    return out;
  }

  /**
   * What the input offers: the features its columns map to and those derived from the
   * transactions, with a description for messages.
   */
  private record Present(Set<Feature<?>> features, String description, boolean transactions) {}

  /**
   * Checks every dimension not checked yet that declares its features against what the input
   * offers ({@code present}; null when unknown, as for the host's own objects or JSON Lines before a
   * pass). A dimension given none of its features fails the run, or under {@link WithoutInput#WARN}
   * is named in a warning; one still to be calibrated is then left out.
   *
   * @return the model, without the dimensions left out
   */
  private Model checkInputs(Map<String, Set<Feature<?>>> declared, @Nullable Present present, Model model,
      Set<String> calibrating, Set<String> checked, List<QualityWarning> warnings) {
    if (present == null) {
      return model;
    }
    Model out = model;
    for (Map.Entry<String, Set<Feature<?>>> e : declared.entrySet()) {
      String id = e.getKey();
      Set<Feature<?>> reads = e.getValue();
      if (reads.isEmpty() || checked.contains(id)) {
        continue; // not declared (yet): checked once the classifier is built
      }
      checked.add(id);
      boolean calibrates = calibrating.contains(id);
      WithoutInput policy = withoutInput != null ? withoutInput
          : !calibrates ? null : namesDimensions() ? WithoutInput.FAIL : WithoutInput.WARN;
      if (policy == null || reads.stream().anyMatch(present.features()::contains)) {
        continue;
      }
      List<String> names = reads.stream().map(Feature::name).sorted().toList();
      String problem = "dimension '" + id + "' reads " + names + ", and the input has none of them: " + present.description();
      if (policy == WithoutInput.FAIL) {
        boolean derivable = !present.transactions() && reads.stream().anyMatch(STANDARD_DERIVED::contains);
        throw new ConfigurationException(model.source() + " $.dimensions." + id,
            problem + ". Add a column named " + (names.size() == 1 ? names.get(0) : "after one of them")
                + " to the customers input (or map yours to it with input.customers.rename)"
                + (derivable ? ", give the transaction log it is derived from" : "")
                + ", remove the dimension from the configuration, or set input.dimensionWithoutInput to \"warn\""
                + " to go on with a warning");
      }
      if (calibrates && out.dimensions().size() > 1) {
        warnings.add(new QualityWarning("dimension_left_out", id, "",
            id + ": left out of this run, it would be calibrated on nothing (" + problem + ")"));
        out = out.withoutDimension(id);
      } else {
        warnings.add(new QualityWarning("dimension_without_input", id, "",
            id + ": every customer is labelled from missing data (" + problem + ")"));
      }
    }
    return out;
  }

  /**
   * True if a configuration names the dimensions: a dimension it names without input is an error;
   * one of the default dimensions (no configuration, or one without a dimensions section) is left
   * out with a warning, as a run without a configuration does.
   */
  private boolean namesDimensions() {
    return model != null && !model.dimensions().isEmpty();
  }

  /** The standard features a transaction log gives (standard derivation). */
  private static final Set<Feature<?>> STANDARD_DERIVED = FeatureDeriver.asOf(LocalDate.EPOCH).derivedFeatures();

  /**
   * What the input offers, known before any row is read: the customers file's header (CSV or a
   * table) and the features derived from the transactions; null when that is not known before a
   * pass (JSON Lines, headerless CSV, the host's objects).
   */
  private @Nullable Present headerFeatures(Derived derived) {
    FeatureDeriver d = derived.deriver;
    Set<Feature<?>> features = new LinkedHashSet<>();
    List<String> parts = new ArrayList<>();
    if (customersPath != null) {
      Opened f = open(customersPath);
      try (CustomerReader reader = CustomerReader.open(f.in(), f.name(), input.customers(), RejectionSink.discard())) {
        if (!reader.hasHeader()) {
          return null;
        }
        features.addAll(reader.mappedFeatures());
        parts.add(describe(reader));
      }
    } else if (customers != null) {
      return null;
    }
    return present(features, parts, d);
  }

  private static Present present(Set<Feature<?>> features, List<String> parts, @Nullable FeatureDeriver d) {
    if (d != null) {
      features.addAll(d.derivedFeatures());
      parts.add("the transaction log gives " + d.derivedFeatures().stream().map(Feature::name).sorted().toList());
    } else {
      parts.add("no transaction log was given");
    }
    return new Present(features, String.join("; ", parts), d != null);
  }

  private static String describe(CustomerReader reader) {
    List<String> mapped = reader.mappedFeatures().stream().map(Feature::name).sorted().toList();
    List<String> unmapped = reader.unmappedColumns();
    return reader.counts().source() + " has the features " + mapped
        + (unmapped.isEmpty() ? "" : " and the unmapped columns " + unmapped);
  }

  private static String problem(CalibrationException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith(e.location() + ": ") ? message.substring(e.location().length() + 2) : message;
  }

  private static CalibrationException withHint(CalibrationException e, boolean mayWarn) {
    if (e.kind() != CalibrationException.Kind.FAILED || e.population() == 0) {
      return e;
    }
    return new CalibrationException(
        e.location(),
        problem(e) + "; none of them has the feature this dimension reads: give a transaction log,"
            + " add the column to the customers input, " + (mayWarn ? "" : "or ") + "leave the dimension out of the configuration"
            + (mayWarn ? ", or set input.dimensionWithoutInput to \"warn\" to go on without it" : ""),
        e.dimensionId(), e.kind(), e.population(), e);
  }

  private Derived derive(RejectionSink sink) {
    if (customers == null && transactions == null) {
      throw new IllegalStateException("no input: give the job customers, transactions, or both");
    }
    if (transactions == null) {
      return new Derived(null, null, null);
    }
    Input<Transaction> in = transactions;
    Path file = transactionsPath;
    // One pass (two only after a gap in the dates): the fast scan for a CSV file, the reader otherwise.
    FeatureDeriver.Result r = file != null
        ? FeatureDeriver.derive(file, () -> tracked(open(file), "Deriving features"), input.transactions(), derive, sink,
            threads != null ? threads : Runtime.getRuntime().availableProcessors())
        : FeatureDeriver.derive(s -> in.open(s, "Deriving features"), derive, sink);
    return new Derived(r.features(), r.counts(), r.referenceBasis());
  }

  /** The derived features, the transaction input's counts and how the date was chosen; null without transactions. */
  private record Derived(@Nullable FeatureDeriver deriver, @Nullable ReadCounts counts, @Nullable String basis) {}

  /**
   * One pass over the customers: the customers input joined with the derived features, or the
   * derived customers alone. Opened lazily: nothing is read unless someone asks for a customer.
   */
  /** The input as often as calibration reads it: each iterator a fresh stream, all closed together. */
  private final class Passes implements Iterable<Customer>, AutoCloseable {
    private final Derived derived;
    private final RejectionSink sink;
    private final String phase;
    private final List<CustomerStream> opened = new ArrayList<>();
    private final @Nullable Kept kept;

    Passes(Derived derived, RejectionSink sink, String phase, @Nullable Kept kept) {
      this.derived = derived;
      this.sink = sink;
      this.phase = phase;
      this.kept = kept;
    }

    Passes(Derived derived, RejectionSink sink, String phase) {
      this(derived, sink, phase, null);
    }

    @Override
    public Iterator<Customer> iterator() {
      boolean first = opened.isEmpty();
      CustomerStream s = new CustomerStream(derived, first ? sink : RejectionSink.discard(), phase);
      if (first && kept != null) {
        s.keep(kept);
      }
      opened.add(s);
      return s;
    }

    /** Reads the kept pass to its end, so that it holds every customer and rejection. */
    void finishKept() {
      if (!opened.isEmpty() && kept != null && kept.pass == opened.get(0)) {
        CustomerStream s = opened.get(0);
        while (kept.usable() && s.hasNext()) {
          s.next();
        }
      }
    }

    /** The last pass (opened now if none was): its rejections are the ones reported. */
    CustomerStream last() {
      return opened.isEmpty() ? (CustomerStream) iterator() : opened.get(opened.size() - 1);
    }

    @Override
    public void close() {
      opened.forEach(CustomerStream::close);
    }
  }

  private final class CustomerStream implements Iterator<Customer>, AutoCloseable {
    private final Derived derived;
    private final RejectionSink sink;
    private final String phase;
    private @Nullable Iterator<Customer> it;
    private @Nullable Records<Customer> reader;
    private @Nullable CustomerJoin join;
    private ProgressListener.Phase bar = ProgressListener.Phase.NONE;
    private long count;
    private boolean exhausted;
    private @Nullable Kept kept;
    /** A replay of a kept pass: the reader is that pass's, closed by it. */
    private boolean replayed;

    /** The customers input's counts so far, or null without one (or before it was opened). */
    @Nullable ReadCounts fileCounts() {
      return reader == null ? null : reader.counts();
    }

    CustomerStream(Derived derived, RejectionSink sink, String phase) {
      this.derived = derived;
      this.sink = sink;
      this.phase = phase;
    }

    /** Keeps every customer this pass gives (its rejections go to {@code kept}'s recorder). */
    void keep(Kept k) {
      kept = k;
      k.pass = this;
    }

    /**
     * A pass over the customers this (exhausted) pass kept, its rejections handed to the sink
     * first: what reading the input again gives, counts and join included (this pass's).
     */
    CustomerStream replay(Kept k, RejectionSink to, String phase) {
      CustomerStream r = new CustomerStream(derived, to, phase);
      r.reader = reader;
      r.join = join;
      r.replayed = true;
      k.rejections.forEach(to::reject);
      List<Customer> all = k.customers;
      r.bar = progress.start(phase, all.size(), "customers", () -> r.count);
      r.it = all.iterator();
      return r;
    }

    private Iterator<Customer> it() {
      if (it == null) {
        FeatureDeriver d = derived.deriver;
        if (customers != null) {
          reader = customers.open(sink, phase);
          if (d != null) {
            CustomerReader file = customerReader();
            if (file != null) {
              file.rememberKnownIdsByNumber(d::customerNumber, d.customerCount()); // the log's ids, stored once
            }
            join = CustomerJoin.of(reader, d, reader::wasRejected);
            it = join;
          } else {
            it = reader;
          }
        } else {
          bar = progress.start(phase, Objects.requireNonNull(d).customerCount(), "customers", () -> count);
          it = d.customers();
        }
      }
      return it;
    }

    @Override
    public boolean hasNext() {
      boolean more = it().hasNext();
      exhausted |= !more;
      return more;
    }

    @Override
    public Customer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Customer c = it().next();
      count++;
      bar.tick();
      Kept k = kept;
      if (k != null) {
        k.add(c);
      }
      return c;
    }

    long count() {
      return count;
    }

    /**
     * What the counts alone do not say about the inputs, once the stream is exhausted: ids of the
     * two files that do not meet, a feature taken from two sources, a reference date in the future.
     */
    List<QualityWarning> inputWarnings(RunCounts counts) {
      List<QualityWarning> out = new ArrayList<>();
      FeatureDeriver d = derived.deriver;
      boolean dateFromData = (derive.mode() == DerivationOptions.Mode.STANDARD ? derive.referenceDate() : derive.observationEnd()) == null;
      LocalDate reference = counts.referenceDate();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      if (d != null && dateFromData && reference != null) {
        LocalDate last = derive.mode() == DerivationOptions.Mode.STANDARD ? reference.minusDays(1) : reference;
        if (last.isAfter(today)) {
          out.add(new QualityWarning("future_dates", "", "", String.format(Locale.ROOT,
              "the log's last transaction is dated %s, after today (%s), and the reference date %s was taken from it:"
                  + " every recency, tenure and 12-month window is measured from a day that has not come."
                  + " Correct the future-dated rows (a typo, a scheduled order, a day/month swap?) or give --reference-date"
                  + " (input.derive.referenceDate)", last, today, reference)));
        }
      }
      ReadCounts customersRead = counts.customersFile();
      ReadCounts transactionsRead = counts.transactionsFile();
      if (d != null && derive.mode() == DerivationOptions.Mode.STANDARD) {
        unrecognisedChannels(d, transactionsRead).ifPresent(out::add);
      }
      if (join == null || customersRead == null || transactionsRead == null) {
        return out;
      }
      long attributesRows = join.matched() + join.attributesOnly();
      long buyers = join.matched() + join.derivedOnly();
      String cfile = customersRead.source();
      String tfile = transactionsRead.source();
      if (attributesRows > 0 && buyers > 0 && join.matched() == 0) {
        out.add(new QualityWarning("ids_do_not_match", "", "", String.format(Locale.ROOT,
            "not one of the %,d customers of %s has a transaction in %s, and none of the log's %,d customers is in %s"
                + " (%s has e.g. '%s', %s e.g. '%s'): the two files' ids do not match, so every customer is labelled from"
                + " half of its data. Check the id columns (leading zeros dropped by Excel? a prefix? another key?)",
            attributesRows, cfile, tfile, buyers, cfile, cfile, join.firstAttributesOnly().orElse("?"), tfile,
            join.firstDerivedOnly().orElse("?"))));
      } else if (join.matched() > 0 && join.matched() * 2 < Math.min(attributesRows, buyers)) {
        out.add(new QualityWarning("few_ids_match", "", "", String.format(Locale.ROOT,
            "only %,d customers are in both %s (%,d customers) and %s (%,d customers), less than half of the smaller"
                + " file: check that both use the same ids (%s has e.g. '%s' without transactions, %s e.g. '%s' without"
                + " a customers row)", join.matched(), cfile, attributesRows, tfile, buyers, cfile,
            join.firstAttributesOnly().orElse("?"), tfile, join.firstDerivedOnly().orElse("?"))));
      }
      if (join.leftOut() > 0) {
        out.add(new QualityWarning("customer_row_rejected", "", "", String.format(Locale.ROOT,
            "%,d customers of %s were left out (e.g. '%s'): their row in %s was rejected, so only half of their data"
                + " is known; they are not classified. Correct the rows (see the rejections) and run again",
            join.leftOut(), tfile, join.firstLeftOut().orElse("?"), cfile)));
      }
      join.featureSources().forEach((feature, n) -> {
        if (n[0] > 0 && n[1] > 0) {
          out.add(new QualityWarning("feature_from_two_sources", "", "", String.format(Locale.ROOT,
              "%s comes from two sources: the log's value replaced %s's for %,d customers, and %,d customers without"
                  + " transactions kept %s's; cut-offs and labels on it mix the two. Drop the column from %s to use the"
                  + " log alone, or give no log for it", feature, cfile, n[0], n[1], cfile, cfile)));
        }
      });
      return out;
    }

    /** Channel values that are neither online nor offline: left out of online_share, and said so. */
    private static java.util.Optional<QualityWarning> unrecognisedChannels(FeatureDeriver d, @Nullable ReadCounts log) {
      Map<String, Long> unknown = d.unrecognisedChannels();
      if (unknown.isEmpty()) {
        return java.util.Optional.empty();
      }
      long rows = unknown.values().stream().mapToLong(Long::longValue).sum();
      String named = unknown.entrySet().stream().limit(10)
          .map(e -> String.format(Locale.ROOT, "'%s' (%,d row%s)", e.getKey(), e.getValue(), e.getValue() == 1 ? "" : "s"))
          .collect(java.util.stream.Collectors.joining(", "));
      return java.util.Optional.of(new QualityWarning("channel_not_recognised", "", "", String.format(Locale.ROOT,
          "%,d purchase rows of %s have a channel that is neither an online nor an offline name: %s%s. They are left"
              + " out of online_share (a customer with only such rows has none); rename them in the log to a known name"
              + " such as online or store (org.clientele.api.ChannelNames)",
          rows, log == null ? "the transaction log" : log.source(), named,
          unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "")));
    }

    private @Nullable CustomerReader customerReader() {
      return reader instanceof Tracked<?> t && t.records instanceof CustomerReader r ? r : null;
    }

    /**
     * What this pass's input offered: complete once the header was read (CSV, tables) or the pass
     * read every row (JSON Lines); null otherwise, or for the host's own objects.
     */
    @Nullable Present inputFeatures() {
      FeatureDeriver d = derived.deriver;
      if (customers == null) {
        return present(new LinkedHashSet<>(), new ArrayList<>(), d);
      }
      CustomerReader r = customerReader();
      if (r == null || !(r.hasHeader() || exhausted)) {
        return null;
      }
      return present(new LinkedHashSet<>(r.mappedFeatures()), new ArrayList<>(List.of(describe(r))), d);
    }

    /**
     * Tells whether a column this pass left unmapped names a feature that one of the calibrated
     * dimensions reads: the feature was declared after the header was mapped.
     */
    boolean missedFeaturesOf(Engine engine, Set<String> calibrated) {
      CustomerReader r = customerReader();
      if (r == null) {
        return false;
      }
      Set<Feature<?>> read = new HashSet<>();
      for (Dimension dim : engine.dimensions()) {
        if (calibrated.contains(dim.id())) {
          read.addAll(engine.inputs(dim.id()));
        }
      }
      for (String column : r.unmappedColumns()) {
        Optional<Feature<?>> now = Feature.lookup(column.trim().toLowerCase(java.util.Locale.ROOT));
        if (now.isPresent() && read.contains(now.get())) {
          return true;
        }
      }
      return false;
    }

    /** The run's counts, once the stream is exhausted. */
    RunCounts counts(Derived derived, long classified) {
      it();
      FeatureDeriver d = derived.deriver;
      long fromCustomers = join != null ? join.matched() + join.attributesOnly() : (d == null ? classified : 0);
      return new RunCounts(
          reader == null ? null : reader.counts(),
          derived.counts,
          d == null ? 0 : d.ignoredAfterReference(),
          d == null ? 0 : d.customerCount(),
          classified,
          fromCustomers,
          join != null ? join.derivedOnly() : 0,
          d == null ? null : d.referenceDate(),
          derived.basis);
    }

    @Override
    public void close() {
      bar.close();
      if (reader != null && !replayed) {
        reader.close();
      }
    }
  }

  /**
   * The memory the calibration pass may keep: none when the input is known to be larger (the log's
   * customers, or a customers file of more than a quarter of the budget), so that a large run never
   * holds a partial copy at the moment its memory is tightest.
   */
  private long keptBudget(Derived derived) {
    long budget = Kept.defaultBudget();
    long expected = derived.deriver == null ? 0 : (long) derived.deriver.customerCount() * Kept.CUSTOMER_BYTES;
    Path file = customersPath;
    if (file != null) {
      try {
        expected += 4 * Files.size(file);
      } catch (IOException e) {
        return 0; // the pass reports what is wrong with the file
      }
    }
    return expected > budget ? 0 : budget;
  }

  /**
   * Tells whether reading the customers input again would map its columns as the kept pass did:
   * a plugin's feature declared after that pass (when its classifier was built) maps a column the
   * pass ignored. Known before any row for a file with a header; a file without one is read again.
   */
  private boolean sameColumns(CustomerStream pass) {
    Path file = customersPath;
    CustomerReader before = pass.customerReader();
    if (file == null || customers == null) {
      return customers == null || before == null; // the log's customers, or the host's objects
    }
    if (before == null || !before.hasHeader()) {
      return false;
    }
    Opened f = open(file);
    try (CustomerReader now = CustomerReader.open(f.in(), f.name(), input.customers(), RejectionSink.discard())) {
      return now.hasHeader() && now.mappedFeatures().equals(before.mappedFeatures())
          && now.unmappedColumns().equals(before.unmappedColumns());
    }
  }

  /**
   * The customers and rejections of the first calibration pass, kept (within a memory budget) so
   * that classification replays them instead of reading the customers input again. Past the
   * budget nothing is kept and the input is read again, as when nothing was calibrated.
   */
  private static final class Kept {
    /**
     * A customer's size in memory, on the safe side: the object and a value array of 64 slots
     * (indexed by feature, so longer than the features present), and a boxed value per feature.
     */
    static final int CUSTOMER_BYTES = 96 + 8 * 64;
    private static final int FEATURE_BYTES = 24;
    private static final int REJECTION_BYTES = 512;

    final ArrayList<Customer> customers = new ArrayList<>();
    final List<org.clientele.core.io.Rejection> rejections = new ArrayList<>();
    @Nullable CustomerStream pass;
    private final long budget;
    private long bytes;
    private boolean overflowed;

    Kept(long budget) {
      this.budget = budget;
    }

    /**
     * An eighth of the heap, at most a quarter of what is free now (the derived features of a
     * large log already hold much of it; the customers reader's duplicate check grows during the
     * pass).
     */
    static long defaultBudget() {
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      return Math.min(rt.maxMemory() / 8, free / 4);
    }

    void reset() {
      customers.clear();
      rejections.clear();
      pass = null;
      bytes = 0;
      overflowed = false;
    }

    boolean usable() {
      return !overflowed && pass != null && pass.exhausted;
    }

    void add(Customer c) {
      if (!overflowed) {
        customers.add(c);
        grow(CUSTOMER_BYTES + FEATURE_BYTES * (long) c.featureCount() + 2L * c.id().length());
      }
    }

    private void grow(long more) {
      bytes += more;
      if (bytes > budget) {
        overflowed = true;
        customers.clear();
        customers.trimToSize();
        rejections.clear();
      }
    }

    /** The first calibration pass's sink: its rejections, reported when the pass is replayed. */
    RejectionSink recorder() {
      return r -> {
        if (!overflowed) {
          rejections.add(r);
          grow(REJECTION_BYTES);
        }
      };
    }
  }

  private static DerivationOptions referenceDate(DerivationOptions options, @Nullable LocalDate date, String source) {
    if (date == null) {
      return options;
    }
    if (options.mode() == DerivationOptions.Mode.LIFETIMES) {
      throw new ConfigurationException(
          source + " $.input.derive",
          "a reference date applies to the standard derivation; this configuration uses the lifetimes mode:"
              + " set input.derive.observationEnd instead");
    }
    return DerivationOptions.asOf(date);
  }

  private static void rejectUnread(PluginConfig section) {
    Set<String> unread = section.unreadKeys();
    if (!unread.isEmpty()) {
      throw new ConfigurationException(
          section.source() + " " + unread.iterator().next(),
          "unknown key" + (unread.size() > 1 ? " (also " + new ArrayList<>(unread).subList(1, unread.size()) + ")" : "")
              + "; check the spelling against docs/input.md and docs/cli.md, or remove it");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs: a file (reopened per pass, its bytes counted for progress) or the host's objects.

  /** An input that can be read more than once. */
  @FunctionalInterface
  private interface Input<T> {
    Records<T> open(RejectionSink sink, String phase);
  }

  private Input<Customer> customersFile(Path file) {
    return (sink, phase) -> {
      Opened f = open(file);
      return tracked(f, phase, CustomerReader.open(f.in(), f.name(), input.customers(), sink));
    };
  }

  private Input<Transaction> transactionsFile(Path file) {
    return (sink, phase) -> {
      Opened f = open(file);
      return tracked(f, phase, TransactionReader.open(f.in(), f.name(), input.transactions(), sink));
    };
  }

  /**
   * The host's own objects, opened by {@code open} with the run's rejection sink (the customers
   * through {@link HostCustomers}, which checks each as a file's row is; the transactions as they
   * are). The progress counts every object read: the accepted as they are returned, the rejected
   * as they reach the sink.
   */
  private <T> Input<T> host(Iterable<? extends T> objects, String unit,
      BiFunction<Iterator<? extends T>, RejectionSink, Records<T>> open) {
    return (sink, phase) -> {
      long size = objects instanceof Collection<?> c ? c.size() : -1;
      long[] done = {0};
      RejectionSink counted = new RejectionSink() {
        @Override
        public void reject(Rejection rejection) {
          done[0]++;
          sink.reject(rejection);
        }

        @Override
        public boolean isStrict() {
          return sink.isStrict();
        }
      };
      return tracked(open.apply(objects.iterator(), counted), progress.start(phase, size, unit, () -> done[0]), done);
    };
  }

  /** The file's bytes, counted for a progress phase that ends when the stream is closed. */
  private InputStream tracked(Opened f, String phase) {
    ProgressListener.Phase bar = progress.start(phase, f.size(), "bytes", f.in()::count);
    return new java.io.FilterInputStream(f.in()) {
      @Override
      public void close() throws IOException {
        bar.close();
        super.close();
      }
    };
  }

  private <T> Records<T> tracked(Opened f, String phase, Records<T> reader) {
    ProgressListener.Phase bar = progress.start(phase, f.size(), "bytes", f.in()::count);
    return tracked(reader, bar, null);
  }

  /** Ticks the progress phase per record and ends it (and the file) on close. */
  private static <T> Records<T> tracked(Records<T> records, ProgressListener.Phase bar, long @Nullable [] done) {
    return new Tracked<>(records, bar, done);
  }

  /** A record stream that ticks a progress phase; keeps the reader so the job can ask it what it mapped. */
  private static final class Tracked<T> implements Records<T> {
    final Records<T> records;
    private final ProgressListener.Phase bar;
    private final long @Nullable [] done;

    Tracked(Records<T> records, ProgressListener.Phase bar, long @Nullable [] done) {
      this.records = records;
      this.bar = bar;
      this.done = done;
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public T next() {
      T t = records.next();
      if (done != null) {
        done[0]++;
      }
      bar.tick();
      return t;
    }

    @Override
    public ReadCounts counts() {
      return records.counts();
    }

    @Override
    public boolean wasRejected(String id) {
      return records.wasRejected(id);
    }

    @Override
    public java.util.OptionalLong rejectedLine(String id) {
      return records.rejectedLine(id);
    }

    @Override
    public long line() {
      return records.line();
    }

    @Override
    public String column(String field) {
      return records.column(field);
    }

    @Override
    public @Nullable String rawText(String field) {
      return records.rawText(field);
    }

    @Override
    public void close() {
      bar.close();
      records.close();
    }
  }

  /** An input file opened for reading, counting its bytes for the progress listener. */
  private record Opened(String name, CountingInputStream in, long size) {}

  private static Opened open(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // A pipe gives its bytes once: the second pass would read an empty file and say nothing.
      throw new InputException(file.toString(), 0,
          "not a regular file (a pipe, a device or a directory): the job reads each input more than"
              + " once (dates, features, calibration, classification); copy it to a file first, or"
              + " give the records as an Iterable (the clientele command copies pipes for you)", null);
    }
    InputStream raw;
    long size;
    try {
      raw = Files.newInputStream(file);
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open the file: " + e.getMessage(), e);
    }
    // Decoded by the reader in the configured encoding (bad bytes become U+FFFD, so the row is
    // rejected as invalid_encoding instead of the file failing).
    Path name = file.getFileName();
    return new Opened(name == null ? file.toString() : name.toString(), new CountingInputStream(raw), size);
  }

  /** Collects the job's inputs and options. */
  public static final class Builder {
    private @Nullable Model model;
    private @Nullable Path customersPath;
    private @Nullable Path transactionsPath;
    private @Nullable Input<Customer> customers;
    private @Nullable Input<Transaction> transactions;
    private @Nullable Iterable<? extends Customer> hostCustomers;
    private @Nullable String hostCustomersName;
    private @Nullable Iterable<Transaction> hostTransactions;
    private @Nullable String hostTransactionsName;
    private @Nullable LocalDate referenceDate;
    private @Nullable InputPreset preset;
    private Calibration calibration = Calibration.IF_NEEDED;
    private boolean leaveOutUncalibratable = true;
    private @Nullable Double maxRejectedShare;
    private @Nullable WithoutInput withoutInput;
    private boolean strict;
    private @Nullable Integer threads;
    private ProgressListener progress = ProgressListener.NONE;
    private Consumer<EngineBuilder> engineSetup = b -> {};

    private Builder() {}

    /**
     * Uses a configuration or model file.
     *
     * @param file a JSON file
     * @return this builder
     * @throws ConfigurationException if the file is missing or invalid
     */
    public Builder configuration(Path file) {
      Objects.requireNonNull(file, "file");
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException(file.toString(), "configuration file not found; check the path");
      }
      return model(Model.read(file));
    }

    /**
     * Uses a configuration or a calibrated model.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(Model model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Reads customers from a file (CSV or JSON Lines, laid out by {@code input.customers}). The
     * file is read once per pass, so it must be a regular file: a pipe is refused with an {@link
     * InputException} when the job runs.
     *
     * @param file the customers file
     * @return this builder
     */
    public Builder customers(Path file) {
      this.customersPath = Objects.requireNonNull(file, "file");
      this.hostCustomers = null;
      return this;
    }

    /**
     * Takes the host's customers. Iterated once per pass (by a run, once unless the calibration pass
     * could not be kept in memory; see the class comment). Each is checked as a customers file's
     * row is ({@link HostCustomers}): one with a standard number out of its range (a negative
     * count) or two facts that cannot both be true is rejected, named by its 1-based position, and
     * counted, not classified.
     *
     * @param customers the customers
     * @param name a name for counts and messages
     * @return this builder
     */
    public Builder customers(Iterable<? extends Customer> customers, String name) {
      this.hostCustomers = Objects.requireNonNull(customers, "customers");
      this.hostCustomersName = Objects.requireNonNull(name, "name");
      this.customersPath = null;
      return this;
    }

    /**
     * Reads a transaction log from a file (laid out by {@code input.transactions}). The file is
     * read once per pass, so it must be a regular file: a pipe is refused with an {@link
     * InputException} when the job runs.
     *
     * @param file the transaction log
     * @return this builder
     */
    public Builder transactions(Path file) {
      this.transactionsPath = Objects.requireNonNull(file, "file");
      this.hostTransactions = null;
      return this;
    }

    /**
     * Takes the host's transactions. Iterated once (twice only after a gap in the dates).
     *
     * @param transactions the transactions
     * @param name a name for counts and messages
     * @return this builder
     */
    public Builder transactions(Iterable<Transaction> transactions, String name) {
      this.hostTransactions = Objects.requireNonNull(transactions, "transactions");
      this.hostTransactionsName = Objects.requireNonNull(name, "name");
      this.transactionsPath = null;
      return this;
    }

    /**
     * Sets the "as of" day of the derived features, overriding {@code input.derive.referenceDate}.
     *
     * @param date the first day not observed; null for the configuration's (default: the day
     *     after the last transaction)
     * @return this builder
     */
    public Builder referenceDate(@Nullable LocalDate date) {
      this.referenceDate = date;
      return this;
    }

    /**
     * Reads the input files with a CRM export preset, overriding {@code input.preset}; the
     * configuration's explicit column settings still win over it.
     *
     * @param preset the preset, or null for the configuration's own (the default)
     * @return this builder
     * @since 0.1.0
     */
    public Builder preset(@Nullable InputPreset preset) {
      this.preset = preset;
      return this;
    }

    /**
     * Sets when to calibrate (default {@link Calibration#IF_NEEDED}).
     *
     * @param calibration the policy
     * @return this builder
     */
    public Builder calibration(Calibration calibration) {
      this.calibration = Objects.requireNonNull(calibration, "calibration");
      return this;
    }

    /**
     * Decides what happens to a dimension that cannot be calibrated on this input because no
     * customer has what it reads (a customers-only CRM export has nothing for RFM): left out of
     * the run with a {@code dimension_left_out} quality warning, so every other dimension is still
     * classified (the default), or the run fails with a {@link CalibrationException}.
     *
     * @param leaveOut true to leave such a dimension out and say so; false to fail
     * @return this builder
     */
    public Builder leaveOutUncalibratable(boolean leaveOut) {
      this.leaveOutUncalibratable = leaveOut;
      return this;
    }

    /**
     * Sets the share of an input's rows that may be rejected before the run stops: above it, the
     * rows left are not the export the user meant (a currency symbol in every amount, a date
     * pattern that does not fit), and cut-offs calibrated on them would be wrong without a word.
     * The {@link InputException} names the input, the most common rejection with a sample row,
     * and its fix. Overrides the configuration's {@code input.maxRejectedShare}.
     *
     * @param share from 0 to 1; {@value #DEFAULT_MAX_REJECTED_SHARE} by default, 1 to never stop
     * @return this builder
     * @throws IllegalArgumentException if the share is outside 0 to 1
     * @since 0.1.0
     */
    public Builder maxRejectedShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("maxRejectedShare must be from 0 to 1 (1 never stops), found " + share);
      }
      this.maxRejectedShare = share;
      return this;
    }

    /**
     * Decides what happens to a configured dimension the input gives nothing to read, overriding
     * the configuration's {@code input.dimensionWithoutInput}.
     *
     * @param policy fail, or warn and go on; null for the configuration's (unset there: only a
     *     dimension that would be calibrated on nothing is caught, see {@link WithoutInput})
     * @return this builder
     * @since 0.1.0
     */
    public Builder dimensionWithoutInput(@Nullable WithoutInput policy) {
      this.withoutInput = policy;
      return this;
    }

    /**
     * Stops at the first bad row ({@link org.clientele.core.io.RowRejectedException}) instead of
     * rejecting it and going on.
     *
     * @param strict whether to stop
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets the worker threads for calibration and classification (default: the engine's), and
     * for parsing a CSV transaction log in chunks (default: the available processors; 1 reads it
     * line by line on the job's thread). The derivation itself stays on the job's thread, so the
     * features, rejections and counts do not depend on it.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Hears the progress of each phase.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Adjusts every engine builder the job makes, for example to register providers by hand,
     * set a plugin class loader or an allow-list.
     *
     * @param setup called on each new builder before the configuration is applied
     * @return this builder
     */
    public Builder engine(Consumer<EngineBuilder> setup) {
      this.engineSetup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /**
     * Checks the configuration's {@code input} and {@code output} sections and makes the job. A
     * job without inputs can {@link Segmentation#validate()}; running it is an {@link
     * IllegalStateException}.
     *
     * @return the job
     * @throws ConfigurationException if a section holds an unknown key or a bad value
     */
    public Segmentation build() {
      Segmentation[] self = new Segmentation[1];
      // Inputs read their layout from the job's configuration, known once it is made.
      Path c = customersPath;
      Path t = transactionsPath;
      Iterable<? extends Customer> hc = hostCustomers;
      Iterable<Transaction> ht = hostTransactions;
      customers = c != null ? (s, p) -> self[0].customersFile(c).open(s, p)
          : hc != null ? (s, p) -> self[0].<Customer>host(hc, "customers",
              (it, sink) -> HostCustomers.of(it, Objects.requireNonNull(hostCustomersName), sink)).open(s, p) : null;
      transactions = t != null ? (s, p) -> self[0].transactionsFile(t).open(s, p)
          : ht != null ? (s, p) -> self[0].<Transaction>host(ht, "transactions",
              (it, sink) -> Records.of(it, Objects.requireNonNull(hostTransactionsName))).open(s, p) : null;
      self[0] = new Segmentation(this);
      return self[0];
    }
  }
}
