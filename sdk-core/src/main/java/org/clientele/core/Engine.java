package org.clientele.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.FeatureStep;
import org.clientele.api.Plan;
import org.clientele.api.PlanExplanation;
import org.clientele.api.Segments;
import org.clientele.api.Strategy;
import org.clientele.core.internal.Chunked;
import org.clientele.core.internal.Redacted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies customers on every configured dimension and asks the strategy for a plan. Immutable
 * and thread-safe: build one, share it across threads, replace it (for example behind an {@code
 * AtomicReference}) when a new model arrives.
 *
 * <ul>
 *   <li>{@link #classify(Customer)}: an immutable {@link Classification}.
 *   <li>{@link #classify(Customer, ClassificationBuffer)}: fills a caller-owned buffer and
 *       allocates nothing: the path for hot request handlers and tight loops.
 *   <li>{@link #explain(Customer)}: labels with reasons, for people.
 *   <li>{@link #classifyAll(Iterator, Consumer)}: any number of customers, in input order, on
 *       several threads, in constant memory.
 * </ul>
 *
 * <p>With a {@code parallelism} above 1, the batch paths share the engine's worker threads
 * (daemons, {@code clientele-worker-N}), started on first use and ended after 30 seconds without
 * work: an engine needs no closing, and a host classifying batch after batch does not start
 * threads for each.
 *
 * <p>Configured feature steps ({@link FeatureStep}, {@code $.features} of the model) run once per
 * customer before the classifiers, so every classifier and the strategy see their features. Without
 * feature steps the classification path is the same as before they existed.
 *
 * <p>A feature step, classifier or strategy that throws a {@link RuntimeException} or breaks its contract is
 * handled by the model's {@link ErrorPolicy}; an {@link Error} always propagates.
 *
 * @since 0.1.0
 */
public final class Engine {

  /**
   * The logger, created on first use: the engine logs only when a plugin fails, so building and
   * running a healthy engine never initialises the logging backend (part of a cold build's time).
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  }

  private static final String STRATEGY = "strategy";

  private final Model model;
  // Empty unless the model configures feature steps; tested once per customer, never per classifier.
  private final FeatureStep[] steps;
  private final List<String> stepIds;
  private final List<String> stepProviders;
  private final LongAdder[] stepErrors;
  private final AtomicBoolean[] stepLogged;
  private final List<Dimension> dimensions;
  private final Classifier[] classifiers;
  private final int[] labelCounts;
  private final List<String> providerNames;
  private final @Nullable Strategy strategy;
  private final String strategyName;
  private final List<String> strategyWarnings;
  private final ErrorPolicy policy;
  private final int parallelism;
  private final int chunkSize;
  private final List<ProviderDiagnostic> diagnostics;
  // One counter and one "already logged" flag per dimension, plus one for the strategy at the end.
  private final LongAdder[] errors;
  private final AtomicBoolean[] logged;
  private final ThreadLocal<ClassificationBuffer> buffers;
  private final PlanCache plans = new PlanCache();
  /** The batch paths' workers, kept between calls (their threads end when idle); null on one thread. */
  private final @Nullable ExecutorService workers;
  /** Plans by labels, for a strategy that reads only labels; null otherwise. */
  private final @Nullable LabelPlans labelPlans;

  Engine(
      Model model,
      List<FeatureStep> steps,
      List<String> stepProviders,
      List<Classifier> classifiers,
      List<String> providerNames,
      @Nullable Strategy strategy,
      String strategyName,
      int parallelism,
      int chunkSize,
      List<ProviderDiagnostic> diagnostics) {
    this.model = model;
    this.steps = steps.toArray(new FeatureStep[0]);
    // Loops, not streams, here and below: this constructor is part of every cold build, where the
    // first stream pipeline loads some thirty JDK classes (docs/benchmarks.md).
    List<String> ids = new ArrayList<>();
    for (Model.Section s : model.featureSteps()) {
      ids.add(s.id());
    }
    this.stepIds = List.copyOf(ids);
    this.stepProviders = List.copyOf(stepProviders);
    this.stepErrors = new LongAdder[this.steps.length];
    this.stepLogged = new AtomicBoolean[this.steps.length];
    for (int i = 0; i < this.steps.length; i++) {
      stepErrors[i] = new LongAdder();
      stepLogged[i] = new AtomicBoolean();
    }
    this.classifiers = classifiers.toArray(new Classifier[0]);
    List<Dimension> dims = new ArrayList<>(classifiers.size());
    for (Classifier c : classifiers) {
      dims.add(c.dimension());
    }
    this.dimensions = List.copyOf(dims);
    this.labelCounts = new int[dimensions.size()];
    for (int i = 0; i < labelCounts.length; i++) {
      labelCounts[i] = dimensions.get(i).size();
    }
    this.providerNames = List.copyOf(providerNames);
    this.strategy = strategy;
    this.strategyName = strategyName;
    this.strategyWarnings = warningsOf(strategy, strategyName);
    this.labelPlans = readsLabelsOnly(strategy, strategyName) ? LabelPlans.of(labelCounts) : null;
    this.policy = model.errorPolicy();
    this.parallelism = parallelism;
    this.chunkSize = chunkSize;
    this.workers = parallelism > 1 ? Chunked.workers(parallelism) : null;
    this.diagnostics = List.copyOf(diagnostics);
    this.errors = new LongAdder[dimensions.size() + 1];
    this.logged = new AtomicBoolean[dimensions.size() + 1];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = new LongAdder();
      logged[i] = new AtomicBoolean();
    }
    this.buffers = ThreadLocal.withInitial(this::newBuffer);
  }

  /**
   * Starts building an engine.
   *
   * @return a new builder
   */
  public static EngineBuilder builder() {
    return new EngineBuilder();
  }

  /**
   * Returns the model this engine runs: save it to reproduce the engine elsewhere.
   *
   * @return the model, calibration included
   */
  public Model model() {
    return model;
  }

  /**
   * Returns the dimensions, in the order results report them.
   *
   * @return the dimensions
   */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /**
   * Returns the features the classifiers read: what the labels are computed from ({@link
   * #inputs(String)} of every dimension).
   *
   * @return each feature once, in dimension order (by name within one dimension)
   * @since 0.1.0
   */
  public List<Feature<?>> features() {
    java.util.Set<Feature<?>> out = new java.util.LinkedHashSet<>();
    for (Dimension d : dimensions) {
      List<Feature<?>> own = new ArrayList<>(inputs(d.id()));
      own.sort(java.util.Comparator.comparing(Feature::name));
      out.addAll(own);
    }
    return List.copyOf(out);
  }

  /**
   * Returns the features a dimension's classifier reads, as it declares them ({@link
   * Classifier#features()}): for checking that the input has them, and for the report's measurable
   * share.
   *
   * @param dimensionId a dimension of this engine
   * @return the features; empty if the classifier declares none or its {@code features()} fails
   * @throws IllegalArgumentException if the engine has no such dimension
   * @since 0.1.0
   */
  public Set<Feature<?>> inputs(String dimensionId) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(dimensionId)) {
        try {
          return Set.copyOf(classifiers[i].features());
        } catch (RuntimeException e) {
          return Set.of(); // a plugin's broken declaration must not break the report
        }
      }
    }
    throw new IllegalArgumentException("no dimension '" + dimensionId + "'; the engine has "
        + dimensions.stream().map(Dimension::id).toList());
  }

  /**
   * Returns the inputs whose value on a customer the dimension did not place (UNKNOWN, or a label
   * for lack of data) is one its classifier could not place ({@link Classifier#unplacedInputs()}):
   * the report counts them ({@code unplaced_values}).
   *
   * @param dimensionId a dimension of this engine
   * @return the features; empty if the classifier declares none or its {@code unplacedInputs()} fails
   * @throws IllegalArgumentException if the engine has no such dimension
   * @since 0.1.0
   */
  public Set<Feature<?>> unplacedInputs(String dimensionId) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(dimensionId)) {
        try {
          return Set.copyOf(classifiers[i].unplacedInputs());
        } catch (RuntimeException e) {
          return Set.of(); // a plugin's broken declaration must not break the run
        }
      }
    }
    throw new IllegalArgumentException("no dimension '" + dimensionId + "'; the engine has "
        + dimensions.stream().map(Dimension::id).toList());
  }

  /**
   * Returns the features the configured feature steps add to every customer before the
   * classifiers run ({@link FeatureStep#features()}), such as {@code p_alive} and {@code
   * predicted_clv}.
   *
   * @return each feature once, in step order (by name within one step); empty without steps
   * @since 0.1.0
   */
  public List<Feature<?>> addedFeatures() {
    java.util.Set<Feature<?>> out = new java.util.LinkedHashSet<>();
    for (FeatureStep step : steps) {
      List<Feature<?>> own;
      try {
        own = new ArrayList<>(step.features());
      } catch (RuntimeException e) {
        continue; // a plugin's broken declaration must not break the report
      }
      own.sort(java.util.Comparator.comparing(Feature::name));
      out.addAll(own);
    }
    return List.copyOf(out);
  }

  /**
   * Returns what the feature steps found when they were created ({@link
   * FeatureStep#diagnostics()}): a fit that did not converge, a small book.
   *
   * @return one sentence per finding, each starting with the step id; empty if none
   * @since 0.1.0
   */
  public List<String> featureDiagnostics() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      try {
        for (String d : steps[i].diagnostics()) {
          out.add(stepIds.get(i) + ": " + d);
        }
      } catch (RuntimeException e) {
        Log.LOG.warn("Feature step '{}' (provider '{}') failed to list its diagnostics: {}", stepIds.get(i), stepProviders.get(i), Redacted.of(e));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the customer as the classifiers see it: with the features of every configured feature
   * step added ({@link FeatureStep#apply}). Without feature steps, the customer itself.
   *
   * @param customer the customer
   * @return the customer with the steps' features
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a step fails
   * @since 0.1.0
   */
  public Customer withFeatures(Customer customer) {
    return steps.length == 0 ? customer : applySteps(customer);
  }

  private Customer applySteps(Customer customer) {
    Customer c = customer;
    for (int i = 0; i < steps.length; i++) {
      try {
        Customer next = steps[i].apply(c);
        if (next == null || !next.id().equals(c.id())) {
          throw new IllegalStateException("apply() returned " + (next == null ? "null" : "another customer"));
        }
        c = next;
      } catch (RuntimeException e) {
        failStep(i, customer, e);
      }
    }
    return c;
  }

  /**
   * Returns the providers that failed to load when this engine was built.
   *
   * @return the diagnostics, empty if all loaded
   */
  public List<ProviderDiagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Creates a reusable result for {@link #classify(Customer, ClassificationBuffer)}.
   *
   * @return a new buffer, for one thread
   */
  public ClassificationBuffer newBuffer() {
    return new ClassificationBuffer(dimensions, plans);
  }

  /**
   * Classifies a customer into a caller-owned buffer, allocating nothing once the buffer is warm.
   *
   * @param customer the customer
   * @param out a buffer from {@link #newBuffer()} of an engine with the same dimensions
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a plugin fails
   */
  public void classify(Customer customer, ClassificationBuffer out) {
    if (out.dimensionList() != dimensions && !out.dimensionList().equals(dimensions)) {
      throw new IllegalArgumentException("The buffer was made by an engine with other dimensions");
    }
    classifyPrepared(withFeatures(customer), out);
  }

  /** The per-classifier loop, on a customer that already has the feature steps' features. */
  private void classifyPrepared(Customer customer, ClassificationBuffer out) {
    out.reset(customer.id());
    for (int i = 0; i < classifiers.length; i++) {
      out.cursor = i;
      out.written = false;
      try {
        classifiers[i].classify(customer, out.labelSink);
      } catch (RuntimeException e) {
        fail(i, customer, e, out);
        continue;
      }
      int label = out.labelIndex(i);
      if (!out.written || label < 0 || label >= labelCounts[i]) {
        fail(i, customer, contractBroken(i, out.written, label), out);
      }
    }
    plan(customer, out);
  }

  /**
   * Asks the strategy for the plan of the labels already in the buffer, or takes the plan it gave
   * for the same labels before when it reads labels only.
   */
  private void plan(Customer customer, ClassificationBuffer out) {
    if (strategy == null) {
      return;
    }
    LabelPlans byLabels = labelPlans;
    long key = byLabels == null ? -1 : byLabels.key(out);
    if (byLabels != null && key >= 0) {
      LabelPlans.Known known = byLabels.get(key);
      if (known != null) {
        out.use(known);
        return;
      }
    }
    try {
      strategy.plan(customer, out, out.planSink);
    } catch (RuntimeException e) {
      out.clearPlan();
      fail(classifiers.length, customer, e, out);
      return;
    }
    if (byLabels != null && key >= 0) {
      int slot = byLabels.room(key);
      if (slot >= 0) {
        out.share(byLabels, slot, key);
      }
    }
  }

  /**
   * Classifies a customer.
   *
   * @param customer the customer
   * @return an immutable result with every label, score and the plan
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a plugin fails
   */
  public Classification classify(Customer customer) {
    ClassificationBuffer buffer = buffers.get();
    classify(customer, buffer);
    return buffer.toClassification();
  }

  /**
   * Classifies a customer and explains every label. Slower than {@link #classify(Customer)}: use
   * it for the customers a person will look at.
   *
   * @param original the customer (the feature steps' features are added first)
   * @return the assignments with reasons, and the plan
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a plugin fails
   */
  public Explanation explain(Customer original) {
    Customer customer = withFeatures(original);
    List<Assignment> assignments = new ArrayList<>(classifiers.length);
    for (int i = 0; i < classifiers.length; i++) {
      Dimension d = dimensions.get(i);
      Assignment a;
      try {
        a = classifiers[i].explain(customer);
        if (a == null || !a.dimension().equals(d) || !d.contains(a.labelIndex())) {
          throw new org.clientele.core.internal.ContractBreach(
              "explain() returned " + (a == null ? "null" : "label " + a.labelIndex() + " of '" + a.dimension().id() + "' "
                  + a.dimension().labels()) + ", not a label of dimension '" + d.id() + "' " + d.labels()
                  + " (explain must return the classifier's own dimension() and a label classify gives)");
        }
      } catch (RuntimeException e) {
        fail(i, customer, e, null);
        a = Assignment.unclassified(d, "The " + providerNames.get(i) + " classifier failed ("
            + (e instanceof org.clientele.core.internal.ContractBreach ? e.getMessage() : e.getClass().getSimpleName()) + "); see the logs");
      }
      assignments.add(a);
    }
    // The plan comes from the labels just explained: the classifiers run once, and the plan shown
    // beside the explanation is the plan of exactly those labels.
    ClassificationBuffer buffer = buffers.get();
    buffer.reset(customer.id());
    for (int i = 0; i < assignments.size(); i++) {
      buffer.set(i, assignments.get(i).labelIndex(), assignments.get(i).score(), assignments.get(i).fallback());
    }
    plan(customer, buffer);
    Plan plan = buffer.toClassification().plan();
    return new Explanation(customer.id(), assignments, plan, explainPlan(customer, buffer));
  }

  /** Asks the strategy why the plan is what it is; a failure leaves the plan unexplained. */
  private PlanExplanation explainPlan(Customer customer, Segments labels) {
    if (strategy == null) {
      return PlanExplanation.notExplained();
    }
    try {
      PlanExplanation e = strategy.explainPlan(customer, labels);
      if (e == null) {
        throw new org.clientele.core.internal.ContractBreach("explainPlan() returned null");
      }
      return e;
    } catch (RuntimeException e) {
      fail(classifiers.length, customer, e, null);
      return PlanExplanation.notExplained();
    }
  }

  /** Asks the strategy whether its plans depend on labels alone; a failure to answer means no. */
  private static boolean readsLabelsOnly(@Nullable Strategy strategy, String name) {
    try {
      return strategy != null && strategy.planReadsLabelsOnly();
    } catch (RuntimeException e) {
      Log.LOG.warn("Strategy (provider '{}') failed to say whether it reads labels only, so every customer is"
          + " planned: {}", name, Redacted.of(e));
      return false;
    }
  }

  /**
   * Asks the strategy for its {@link Strategy#warnings()} and logs each at WARN: the one place
   * they are logged, so a run that validates (creating the strategy) and then builds warns once.
   */
  private static List<String> warningsOf(@Nullable Strategy strategy, String name) {
    if (strategy == null) {
      return List.of();
    }
    List<String> warnings;
    try {
      warnings = List.copyOf(strategy.warnings());
    } catch (RuntimeException e) {
      warnings = List.of("Strategy (provider '" + name + "') failed to list its warnings: " + Redacted.of(e));
    }
    for (String w : warnings) {
      Log.LOG.warn("{}", w);
    }
    return warnings;
  }

  /**
   * Returns the strategy's findings that a person must act on ({@link Strategy#warnings()}), such
   * as label combinations that get no action. They were logged at WARN when the engine was built.
   *
   * @return one text per finding; empty if none or if there is no strategy
   * @since 0.1.0
   */
  public List<String> strategyWarnings() {
    return strategyWarnings;
  }

  /**
   * Returns what the strategy found when it was created, such as rules it dropped or label
   * combinations no rule serves ({@link Strategy#diagnostics()}).
   *
   * @return one sentence per finding; empty if none, if there is no strategy or if it failed to
   *     answer
   * @since 0.1.0
   */
  public List<String> strategyDiagnostics() {
    if (strategy == null) {
      return List.of();
    }
    try {
      return List.copyOf(strategy.diagnostics());
    } catch (RuntimeException e) {
      Log.LOG.warn("Strategy (provider '{}') failed to list its diagnostics: {}", strategyName, Redacted.of(e));
      return List.of();
    }
  }

  /**
   * Classifies every customer of a source of any length, on {@code parallelism} threads in chunks,
   * holding only a few chunks in memory. Results reach the sink in input order, on the calling
   * thread, so the sink needs no synchronisation and the output is the same for any number of
   * threads.
   *
   * @param customers the customers, read on the calling thread
   * @param sink receives each result
   * @return the number of customers classified
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a plugin fails
   */
  public long classifyAll(Iterator<? extends Customer> customers, Consumer<? super Classification> sink) {
    Objects.requireNonNull(sink, "sink");
    return classifyEach(customers, (customer, result) -> sink.accept(result));
  }

  /**
   * Classifies every customer like {@link #classifyAll(Iterator, Consumer)}, handing the sink each
   * customer with its result (for example to feed a {@code ReportAccumulator}, which needs the
   * customer's features). The sink gets the customer as the classifiers saw it, with the feature
   * steps' features ({@link #withFeatures}).
   *
   * @param customers the customers, read on the calling thread
   * @param sink receives each customer and its result, in input order, on the calling thread
   * @return the number of customers classified
   * @throws ClassificationException under {@link ErrorPolicy#FAIL_FAST} if a plugin fails
   */
  public long classifyEach(
      Iterator<? extends Customer> customers, BiConsumer<? super Customer, ? super Classification> sink) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(sink, "sink");
    if (parallelism <= 1) {
      return classifyOnCaller(customers, sink);
    }
    long[] count = {0};
    Chunked.<Customer, Done>run(
        customers,
        workers,
        parallelism,
        chunkSize,
        chunk -> {
          ClassificationBuffer buffer = buffers.get();
          Classification[] out = new Classification[chunk.size()];
          // Without feature steps the sink gets the chunk's own customers: nothing is copied.
          Customer[] seen = steps.length == 0 ? null : new Customer[out.length];
          for (int i = 0; i < out.length; i++) {
            Customer prepared = seen == null ? chunk.get(i) : applySteps(chunk.get(i));
            if (seen != null) {
              seen[i] = prepared;
            }
            classifyPrepared(prepared, buffer);
            out[i] = buffer.toClassification();
          }
          return new Done(seen, out);
        },
        (chunk, done) -> {
          Classification[] results = done.results();
          Customer[] seen = done.customers();
          for (int i = 0; i < results.length; i++) {
            sink.accept(seen == null ? chunk.get(i) : seen[i], results[i]);
          }
          count[0] += results.length;
        });
    return count[0];
  }

  /**
   * {@link #classifyEach} on one thread. Under {@link ErrorPolicy#FALLBACK} no plugin failure can
   * stop the run, so each result goes to the sink as soon as it is made: per customer this is
   * {@link #classify(Customer)} and the sink's call, nothing more. Under {@link
   * ErrorPolicy#FAIL_FAST} the chunks and order of delivery of {@link Chunked} are kept (a chunk
   * reaches the sink only once all of it is classified, so a failure leaves the sink with the same
   * whole chunks for any number of threads), in two arrays reused from chunk to chunk.
   */
  private long classifyOnCaller(
      Iterator<? extends Customer> customers, BiConsumer<? super Customer, ? super Classification> sink) {
    ClassificationBuffer buffer = buffers.get();
    if (policy != ErrorPolicy.FAIL_FAST) {
      long count = 0;
      while (customers.hasNext()) {
        Customer customer = customers.next();
        Customer prepared = withFeatures(customer);
        classifyPrepared(prepared, buffer);
        sink.accept(prepared, buffer.toClassification());
        count++;
      }
      return count;
    }
    Customer[] seen = new Customer[chunkSize];
    Classification[] results = new Classification[chunkSize];
    long count = 0;
    while (customers.hasNext()) {
      int n = 0;
      while (n < chunkSize && customers.hasNext()) {
        Customer customer = customers.next();
        Customer prepared = withFeatures(customer);
        classifyPrepared(prepared, buffer);
        seen[n] = prepared;
        results[n++] = buffer.toClassification();
      }
      for (int i = 0; i < n; i++) {
        sink.accept(seen[i], results[i]);
      }
      count += n;
    }
    return count;
  }

  /**
   * One chunk's results and, when feature steps ran, its customers as classified (with the steps'
   * features); null customers means the chunk's own.
   */
  @SuppressWarnings("ArrayRecordComponent") // private, never compared or hashed
  private record Done(Customer @Nullable [] customers, Classification[] results) {}

  /**
   * Returns how many times each dimension's classifier (and the strategy, under {@code
   * strategy}, and each feature step, under {@code features.<id>}) failed since the engine was
   * built.
   *
   * @return counts by dimension id, in engine order, then {@code strategy}, then the feature steps
   *     (only when the model configures some)
   */
  public Map<String, Long> errorCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      out.put(dimensions.get(i).id(), errors[i].sum());
    }
    out.put(STRATEGY, errors[dimensions.size()].sum());
    for (int i = 0; i < steps.length; i++) {
      out.put("features." + stepIds.get(i), stepErrors[i].sum());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private RuntimeException contractBroken(int i, boolean written, int label) {
    return new org.clientele.core.internal.ContractBreach(
        written
            ? "classify() gave label index " + label + ", outside dimension '" + dimensions.get(i).id()
                + "' (0 to " + (labelCounts[i] - 1) + ")"
            : "classify() did not call the LabelSink");
  }

  /**
   * A failed feature step: its features stay missing for this customer (classifiers and rules
   * treat them as unknown), counted and logged once like a classifier's failure.
   */
  private void failStep(int i, Customer customer, RuntimeException e) {
    String describe = "Feature step '" + stepIds.get(i) + "' (provider '" + stepProviders.get(i) + "', "
        + steps[i].getClass().getName() + ") failed";
    if (policy == ErrorPolicy.FAIL_FAST) {
      throw new ClassificationException("features." + stepIds.get(i), customer.id(), describe + ": " + Redacted.of(e), e);
    }
    stepErrors[i].increment();
    if (stepLogged[i].compareAndSet(false, true)) {
      Log.LOG.warn(
          "{}: {}. Its features are left missing for that customer; further failures are counted in"
              + " Engine.errorCounts() and not logged.",
          describe,
          Redacted.of(e));
      Log.LOG.debug("{}: the original exception, which may hold customer data", describe, e);
    }
  }

  private void fail(int i, Customer customer, RuntimeException e, @Nullable ClassificationBuffer out) {
    boolean isStrategy = i == classifiers.length;
    String what = isStrategy ? STRATEGY : dimensions.get(i).id();
    String provider = isStrategy ? strategyName : providerNames.get(i);
    Object impl = isStrategy ? strategy : classifiers[i];
    String describe =
        (isStrategy ? "Strategy" : "Classifier for dimension '" + what + "'")
            + " (provider '" + provider + "', " + (impl == null ? "?" : impl.getClass().getName()) + ") failed";
    // The plugin's message may hold customer data (its id, a feature value): it stays out of the
    // exception message and out of the WARN log; the exception itself is the cause, and the full
    // text is logged at DEBUG.
    if (policy == ErrorPolicy.FAIL_FAST) {
      throw new ClassificationException(what, customer.id(), describe + ": " + Redacted.of(e), e);
    }
    if (out != null && !isStrategy) {
      out.fail(i);
    }
    errors[i].increment();
    if (logged[i].compareAndSet(false, true)) {
      Redacted redacted = Redacted.of(e);
      Log.LOG.warn(
          "{}: {}. {} Further failures are counted in Engine.errorCounts() and not logged.",
          describe,
          redacted,
          isStrategy ? "The plan is left empty." : "The dimension is reported as UNCLASSIFIED.",
          redacted);
      Log.LOG.debug("{}: the original exception, which may hold customer data", describe, e);
    }
  }
}
