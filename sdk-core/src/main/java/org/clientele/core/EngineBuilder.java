package org.clientele.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.FeatureStep;
import org.clientele.api.Strategy;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.FeatureProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.clientele.core.internal.Chunked;
import org.clientele.core.internal.Providers;
import org.jspecify.annotations.Nullable;

/**
 * Assembles an {@link Engine}: finds providers, applies a configuration or a calibrated {@link
 * Model}, validates everything up front, and optionally calibrates on a population.
 *
 * <pre>{@code
 * EngineBuilder builder = Engine.builder().configuration(Path.of("clientele.json"));
 * Model model = builder.calibrate(customers);   // only if a dimension is population-relative
 * model.write(Path.of("model.json"));
 * Engine engine = builder.model(model).build();
 * }</pre>
 *
 * <p>Without a configuration the engine uses every classifier provider under its own name with its
 * defaults, in the order they are found (registered by hand first, then each jar's {@code
 * META-INF/services} file in class-path order: the built-ins' file lists value, loyalty,
 * behaviour, rfm, risk, industry), and the {@code playbook} strategy if present.
 *
 * <p>{@link #validate()} checks a configuration completely without data; {@link #build()} needs
 * every population-relative dimension calibrated and throws a {@link CalibrationException} of kind
 * {@link CalibrationException.Kind#REQUIRED} otherwise.
 *
 * @since 0.1.0
 */
public final class EngineBuilder {

  private final List<ClassifierProvider> classifierProviders = new ArrayList<>();
  private final List<StrategyProvider> strategyProviders = new ArrayList<>();
  private final List<FeatureProvider> featureProviders = new ArrayList<>();
  private boolean discover = true;
  private @Nullable ClassLoader classLoader;
  private @Nullable Model model;
  private @Nullable Set<String> allowedProviders;
  private int parallelism = Runtime.getRuntime().availableProcessors();
  private int chunkSize = 128;

  EngineBuilder() {}

  /**
   * Sets the class loader used to discover providers (default: the thread's context class loader).
   * The strategy is created with it as the thread's context class loader, so that a strategy
   * finds resources the plugins ship (the playbook's plugin rules) where the providers were found.
   *
   * @param loader the loader, for example a plugin directory's {@code URLClassLoader}
   * @return this builder
   */
  public EngineBuilder classLoader(ClassLoader loader) {
    this.classLoader = Objects.requireNonNull(loader, "loader");
    invalidate();
    return this;
  }

  /**
   * Turns {@link java.util.ServiceLoader} discovery on or off (on by default). Off, only
   * providers registered by hand exist.
   *
   * @param discover whether to discover
   * @return this builder
   */
  public EngineBuilder discover(boolean discover) {
    this.discover = discover;
    invalidate();
    return this;
  }

  /**
   * Accepts only discovered providers with these names (classifiers and strategies alike), for
   * hosts that want to refuse plugin jars nobody vetted. A discovered provider with another name
   * becomes a {@link ProviderDiagnostic} ("refused") and is never used: its {@code create} is never
   * called. (ServiceLoader has to instantiate a provider to learn its name, so its constructor does
   * run.) Providers registered by hand are the host's own choice and are always accepted. By
   * default every discovered provider is accepted.
   *
   * @param names the provider names to accept, for example {@code Set.of("value", "risk", "playbook")}
   * @return this builder
   */
  public EngineBuilder allowProviders(Set<String> names) {
    Objects.requireNonNull(names, "names");
    for (String name : names) {
      Objects.requireNonNull(name, "names contains null");
    }
    this.allowedProviders = Set.copyOf(names);
    invalidate();
    return this;
  }

  /**
   * Registers a classifier provider by hand. It wins over a discovered provider of the same name.
   *
   * @param provider the provider
   * @return this builder
   */
  public EngineBuilder register(ClassifierProvider provider) {
    classifierProviders.add(Objects.requireNonNull(provider, "provider"));
    invalidate();
    return this;
  }

  /**
   * Registers a strategy provider by hand. It wins over a discovered provider of the same name.
   *
   * @param provider the provider
   * @return this builder
   */
  public EngineBuilder register(StrategyProvider provider) {
    strategyProviders.add(Objects.requireNonNull(provider, "provider"));
    invalidate();
    return this;
  }

  /**
   * Registers a feature provider by hand. It wins over a discovered provider of the same name.
   *
   * @param provider the provider
   * @return this builder
   * @since 0.1.0
   */
  public EngineBuilder register(FeatureProvider provider) {
    featureProviders.add(Objects.requireNonNull(provider, "provider"));
    invalidate();
    return this;
  }

  /**
   * Uses a configuration (or model) file.
   *
   * @param file a JSON file
   * @return this builder
   * @throws ConfigurationException naming the file and JSON path of a problem
   */
  public EngineBuilder configuration(Path file) {
    return model(Model.read(file));
  }

  /**
   * Uses a configuration (or model) given as JSON text.
   *
   * @param json the JSON
   * @param source a name for it in error messages
   * @return this builder
   * @throws ConfigurationException naming the source and JSON path of a problem
   */
  public EngineBuilder configuration(String json, String source) {
    return model(Model.fromJson(json, source));
  }

  /**
   * Uses a model, typically one saved after calibration.
   *
   * @param model the model
   * @return this builder
   */
  public EngineBuilder model(Model model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Sets the number of threads for {@link #calibrate} and {@link Engine#classifyAll} (default:
   * the available processors).
   *
   * @param threads at least 1
   * @return this builder
   */
  public EngineBuilder parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
    }
    this.parallelism = threads;
    return this;
  }

  /**
   * Sets how many customers a worker takes at a time in batch work (default 128). Small chunks let
   * a batch of a few hundred customers use every thread and leave little work to one thread at the
   * end of a batch; larger ones were no faster on large batches either (docs/engine.md,
   * "Classifying"). Under {@link ErrorPolicy#FAIL_FAST} a failure leaves the sink with the whole
   * chunks before the failing one.
   *
   * @param size at least 1
   * @return this builder
   */
  public EngineBuilder chunkSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + size);
    }
    this.chunkSize = size;
    return this;
  }

  /**
   * Returns the providers that failed to load during discovery; the others are usable.
   *
   * @return the diagnostics, empty if all loaded
   */
  public List<ProviderDiagnostic> diagnostics() {
    List<ProviderDiagnostic> out = new ArrayList<>(classifiers().diagnostics());
    out.addAll(strategies().diagnostics());
    out.addAll(featureProviders().diagnostics());
    return out;
  }

  /**
   * Returns the names of the classifier providers available to this builder.
   *
   * @return names, hand-registered first
   */
  public Set<String> classifierProviderNames() {
    return classifiers().byName().keySet();
  }

  /**
   * Calibrates every population-relative dimension and feature step and returns the resulting
   * model. Dimensions and steps already calibrated are calibrated afresh. Memory is bounded by the
   * calibrators (sketches, pattern tables), not by the population.
   *
   * <p>One pass over the population, or two when a feature step and a dimension both need
   * calibration: the steps are fitted first, and the dimensions are calibrated on the customers
   * with the steps' features (a value cut-off on {@code predicted_clv} needs the fitted model).
   *
   * @param population the customers, read once per pass
   * @return the calibrated model; set it with {@link #model(Model)} to build with it
   * @throws ConfigurationException if the configuration is invalid
   */
  public Model calibrate(Iterable<? extends Customer> population) {
    Objects.requireNonNull(population, "population");
    Providers<ClassifierProvider> providers = classifiers();
    Model m = resolvedModel(providers);
    if (stepsToCalibrate(m).isEmpty()) {
      return calibrate(population.iterator());
    }
    Model fitted = calibrateSteps(m, population.iterator());
    if (dimensionsToCalibrate(m, providers).isEmpty()) {
      return fitted;
    }
    return calibrateDimensions(fitted, providers, population.iterator());
  }

  /**
   * Calibrates from an iterator, in one pass; see {@link #calibrate(Iterable)}.
   *
   * @param population the customers, read once
   * @return the calibrated model
   * @throws IllegalArgumentException if a feature step and a dimension both need calibration,
   *     which takes two passes: give {@link #calibrate(Iterable)} a population it can read twice
   */
  public Model calibrate(Iterator<? extends Customer> population) {
    Providers<ClassifierProvider> providers = classifiers();
    Model m = resolvedModel(providers);
    List<String> steps = stepsToCalibrate(m);
    if (!steps.isEmpty()) {
      List<String> dims = dimensionsToCalibrate(m, providers);
      if (dims.isEmpty()) {
        return calibrateSteps(m, population);
      }
      throw new IllegalArgumentException(
          "feature step" + (steps.size() == 1 ? " " : "s ") + steps + " and dimension" + (dims.size() == 1 ? " " : "s ")
              + dims + " both need calibration: the steps are fitted first and the dimensions calibrated on the"
              + " customers with their features, which takes two passes over the population. Call"
              + " calibrate(Iterable) with a population that can be read twice.");
    }
    return calibrateDimensions(m, providers, population);
  }

  /** The feature steps of the model that have a calibrator. */
  private List<String> stepsToCalibrate(Model m) {
    Providers<FeatureProvider> fps = featureProviders();
    List<String> out = new ArrayList<>();
    for (Model.Section s : m.featureSteps()) {
      FeatureProvider p = fps.require(s.provider(), m.source() + " $.features." + s.id() + ".provider");
      if (guardedCalibrator(p, uncalibratedStep(m, s)).isPresent()) {
        out.add(s.id());
      }
    }
    return out;
  }

  private List<String> dimensionsToCalibrate(Model m, Providers<ClassifierProvider> providers) {
    List<String> out = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      ClassifierProvider p = requireClassifier(providers, m, s);
      if (guardedCalibrator(p, uncalibrated(m, s), s).isPresent()) {
        out.add(s.id());
      }
    }
    return out;
  }

  /** Fits every feature step that has a calibrator, in one pass, and returns the model with the fits. */
  private Model calibrateSteps(Model m, Iterator<? extends Customer> population) {
    Providers<FeatureProvider> fps = featureProviders();
    List<String> ids = new ArrayList<>();
    List<FeatureProvider> providers = new ArrayList<>();
    List<PluginConfig> configs = new ArrayList<>();
    for (Model.Section s : m.featureSteps()) {
      FeatureProvider p = fps.require(s.provider(), m.source() + " $.features." + s.id() + ".provider");
      PluginConfig config = uncalibratedStep(m, s);
      if (guardedCalibrator(p, config).isPresent()) {
        ids.add(s.id());
        providers.add(p);
        configs.add(config);
      }
    }
    List<Calibrator> totals = new ArrayList<>();
    long observed = observe(population, configs.size(), i -> guardedCalibrator(providers.get(i), configs.get(i)).orElseThrow(), totals);
    Model out = m;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String at = m.source() + " $.features." + id;
      out = out.withFeatureCalibration(id, result(totals.get(i), at, id, observed));
      Model.Section section = out.featureSteps().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      FeatureProvider provider = providers.get(i);
      PluginConfig calibrated = out.featureConfig(section);
      checkCalibrated(() -> provider.create(calibrated), id, observed);
    }
    return out;
  }

  /**
   * Feeds the population to one set of calibrators per worker and merges them.
   *
   * @param totals receives the merged calibrator of each index
   * @return the number of customers observed
   */
  private long observe(
      Iterator<? extends Customer> population,
      int size,
      java.util.function.IntFunction<Calibrator> fresh,
      List<Calibrator> totals) {
    List<Calibrator[]> perWorker = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.LongAdder seen = new java.util.concurrent.atomic.LongAdder();
    ThreadLocal<Calibrator[]> local =
        ThreadLocal.withInitial(
            () -> {
              Calibrator[] set = new Calibrator[size];
              for (int i = 0; i < set.length; i++) {
                set[i] = fresh.apply(i);
              }
              perWorker.add(set);
              return set;
            });
    Chunked.run(
        population,
        parallelism,
        chunkSize,
        chunk -> {
          Calibrator[] set = local.get();
          seen.add(chunk.size());
          for (Customer c : chunk) {
            for (Calibrator cal : set) {
              cal.observe(c);
            }
          }
          return chunk.size();
        },
        (chunk, count) -> {});
    if (perWorker.isEmpty()) {
      perWorker.add(local.get()); // empty population: calibrators still report (no data)
    }
    for (int i = 0; i < size; i++) {
      Calibrator total = perWorker.get(0)[i];
      for (int w = 1; w < perWorker.size(); w++) {
        total.merge(perWorker.get(w)[i]);
      }
      totals.add(total);
    }
    return seen.sum();
  }

  private static Map<String, Object> result(Calibrator total, String at, String id, long observed) {
    try {
      return total.result();
    } catch (ConfigurationException e) {
      throw new CalibrationException(
          e.location(), problem(e) + " (calibrated on " + observed + " customers)", id,
          CalibrationException.Kind.FAILED, observed, e);
    } catch (RuntimeException e) {
      throw new CalibrationException(
          at, "calibration failed: " + e, id, CalibrationException.Kind.FAILED, observed, e);
    }
  }

  /**
   * Calibrates the dimensions in one pass; with feature steps (already calibrated), on the
   * customers with the steps' features.
   */
  private Model calibrateDimensions(Model m, Providers<ClassifierProvider> providers, Iterator<? extends Customer> population) {
    List<FeatureStep> steps = createSteps(m, featureProviders(), false).steps();
    if (!steps.isEmpty()) {
      population = withSteps(population, steps);
    }
    Plan plan = dimensionPlan(m, providers);
    if (plan.ids().isEmpty()) {
      return m;
    }
    List<Calibrator> totals = new ArrayList<>();
    long observed = observe(population, plan.ids().size(),
        i -> guardedCalibrator(plan.providers().get(i), plan.configs().get(i), null).orElseThrow(), totals);
    return finish(plan, totals, observed);
  }

  /** The dimensions to calibrate: ids, providers and configurations without calibration. */
  private record Plan(Model model, List<String> ids, List<ClassifierProvider> providers, List<PluginConfig> configs) {}

  private Plan dimensionPlan(Model m, Providers<ClassifierProvider> providers) {
    List<String> ids = new ArrayList<>();
    List<ClassifierProvider> calibrated = new ArrayList<>();
    List<PluginConfig> configs = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      ClassifierProvider p = requireClassifier(providers, m, s);
      PluginConfig config = uncalibrated(m, s);
      if (guardedCalibrator(p, config, s).isPresent()) {
        ids.add(s.id());
        calibrated.add(p);
        configs.add(config);
      }
    }
    return new Plan(m, List.copyOf(ids), List.copyOf(calibrated), List.copyOf(configs));
  }

  /** Turns the merged calibrators into the model, each result checked by creating its classifier. */
  private static Model finish(Plan plan, List<Calibrator> totals, long observed) {
    Model m = plan.model();
    Model out = m;
    for (int i = 0; i < plan.ids().size(); i++) {
      String id = plan.ids().get(i);
      out = out.withCalibration(id, result(totals.get(i), m.source() + " $.dimensions." + id, id, observed));
      Model.Section section = out.dimensions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      ClassifierProvider provider = plan.providers().get(i);
      PluginConfig calibrated = out.dimensionConfig(section);
      checkCalibrated(() -> provider.create(calibrated), id, observed);
    }
    return out;
  }

  /**
   * Starts one partition's share of a distributed calibration (Apache Spark, any cluster): each
   * partition observes its customers with its own {@link PartialCalibration} and sends {@link
   * PartialCalibration#toBytes()} to the driver, which {@link PartialCalibration#merge merges}
   * them into one and calls {@link #calibrate(PartialCalibration)}. The model is the one {@link
   * #calibrate(Iterable)} gives on the whole population, within each calibrator's documented
   * sketch error (exact below the built-ins' {@code sketch.exactLimit}).
   *
   * @return an empty partial calibration of this builder's configuration
   * @throws ConfigurationException if the configuration is invalid, if it has feature steps (they
   *     are not calibrated across JVMs yet), or a dimension to calibrate has a provider whose
   *     calibrator state cannot leave the JVM ({@link ClassifierProvider#calibratorCodec()} is
   *     empty), naming the provider and the fix
   * @since 0.1.0
   */
  public PartialCalibration partialCalibration() {
    Plan plan = distributedPlan();
    List<org.clientele.api.spi.CalibratorCodec> codecs = new ArrayList<>();
    List<Calibrator> calibrators = new ArrayList<>();
    for (int i = 0; i < plan.ids().size(); i++) {
      ClassifierProvider p = plan.providers().get(i);
      Optional<org.clientele.api.spi.CalibratorCodec> codec;
      try {
        codec = Objects.requireNonNull(p.calibratorCodec(), "calibratorCodec() returned null");
      } catch (RuntimeException | LinkageError e) {
        throw new ConfigurationException(
            plan.model().source() + " $.dimensions." + plan.ids().get(i),
            "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to give its calibrator codec: " + e, e);
      }
      if (codec.isEmpty()) {
        throw new ConfigurationException(
            plan.model().source() + " $.dimensions." + plan.ids().get(i),
            "provider '" + p.name() + "' (" + p.getClass().getName() + ") cannot move its calibrator state"
                + " between JVMs (ClassifierProvider.calibratorCodec() is empty), so dimension '"
                + plan.ids().get(i) + "' cannot be calibrated on a cluster. Calibrate in one JVM"
                + " (EngineBuilder.calibrate or clientele calibrate) and give the job the calibrated model,"
                + " or implement calibratorCodec() in the provider");
      }
      codecs.add(codec.get());
      calibrators.add(guardedCalibrator(p, plan.configs().get(i), null).orElseThrow());
    }
    return new PartialCalibration(plan.model().source(), plan.ids(), plan.configs(), codecs, calibrators);
  }

  /**
   * Finishes a distributed calibration: the merged partitions' results become the model, checked
   * as {@link #calibrate(Iterable)} checks it.
   *
   * @param merged every partition's state merged into one (from this builder's configuration)
   * @return the calibrated model
   * @throws CalibrationException if a calibration failed or gives thresholds the classifier cannot
   *     use
   * @throws IllegalArgumentException if the partial calibration is of another configuration
   * @since 0.1.0
   */
  public Model calibrate(PartialCalibration merged) {
    Objects.requireNonNull(merged, "merged");
    Plan plan = distributedPlan();
    if (!plan.ids().equals(merged.dimensionIds())) {
      throw new IllegalArgumentException(
          "the partial calibration is of dimensions " + merged.dimensionIds() + "; this configuration calibrates "
              + plan.ids());
    }
    if (plan.ids().isEmpty()) {
      return plan.model();
    }
    return finish(plan, java.util.Arrays.asList(merged.calibrators()), merged.observed());
  }

  /** The dimensions a cluster calibrates; feature steps are refused, loudly, until they move between JVMs. */
  private Plan distributedPlan() {
    Providers<ClassifierProvider> providers = classifiers();
    Model m = resolvedModel(providers);
    if (!m.featureSteps().isEmpty()) {
      throw new ConfigurationException(m.source() + " $.features",
          "feature steps " + m.featureSteps().stream().map(Model.Section::id).toList() + " are not calibrated or"
              + " applied across JVMs yet, and the dimensions would be calibrated without their features: calibrate"
              + " in one JVM (EngineBuilder.calibrate or clientele calibrate) and give the cluster job the model");
    }
    return dimensionPlan(m, providers);
  }

  /**
   * Creates a freshly calibrated plugin once, so that a calibration it cannot use (no customer had
   * the feature) fails here as a typed {@link CalibrationException} rather than later as a plain
   * configuration error of {@code build()}; any other failure is reported with the provider's name
   * by {@code build()}.
   */
  private static void checkCalibrated(Runnable create, String id, long observed) {
    try {
      create.run();
    } catch (ConfigurationException e) {
      throw new CalibrationException(
          e.location(), problem(e) + " (calibrated on " + observed + " customers)", id,
          CalibrationException.Kind.FAILED, observed, e);
    } catch (RuntimeException | LinkageError e) {
      // reported with the provider's name by build()
    }
  }

  /** A configuration error's message without its location. */
  private static String problem(ConfigurationException e) {
    String m = String.valueOf(e.getMessage());
    return !e.location().isEmpty() && m.startsWith(e.location() + ": ") ? m.substring(e.location().length() + 2) : m;
  }

  /** The customers with the steps' features, computed as the calibration pass reads them. */
  private static Iterator<Customer> withSteps(Iterator<? extends Customer> population, List<FeatureStep> steps) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return population.hasNext();
      }

      @Override
      public Customer next() {
        Customer c = population.next();
        for (FeatureStep step : steps) {
          try {
            c = Objects.requireNonNull(step.apply(c), "apply() returned null");
          } catch (RuntimeException e) {
            // Calibration sees the customer without this step's features, as classification
            // would under the fallback policy; build() reports a step that cannot be created.
          }
        }
        return c;
      }
    };
  }

  private static PluginConfig uncalibratedStep(Model m, Model.Section s) {
    Map<String, Object> settings = new LinkedHashMap<>(s.settings());
    settings.remove(ClassifierProvider.CALIBRATION_KEY);
    return m.featureConfig(new Model.Section(s.id(), s.provider(), settings));
  }

  private static Optional<Calibrator> guardedCalibrator(FeatureProvider p, PluginConfig config) {
    return guarded(() -> p.calibrator(config), config, "feature provider '" + p.name() + "' (" + p.getClass().getName() + ")");
  }

  /** A plugin's calibrator, with a failure of the plugin's own code turned into a configuration error naming it. */
  private static Optional<Calibrator> guarded(
      java.util.function.Supplier<Optional<Calibrator>> calibrator, PluginConfig config, String who) {
    try {
      return Objects.requireNonNull(calibrator.get(), "calibrator() returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(
          config.source() + " " + config.path(), who + " failed to create a calibrator: " + e, e);
    }
  }


  /** The created steps and their providers' names, or (when {@code checkOnly}) the declared features. */
  private record Steps(List<FeatureStep> steps, List<String> providers, List<Feature<?>> declared, List<String> deferred) {}

  /**
   * Creates the model's feature steps. With {@code validateOnly}, a step that needs calibration
   * and has none is checked through its calibrator and {@link FeatureProvider#features} instead.
   *
   * @throws CalibrationException if a step needs calibration and has none (unless validating)
   */
  private static Steps createSteps(Model m, Providers<FeatureProvider> fps, boolean validateOnly) {
    List<FeatureStep> steps = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Feature<?>> declared = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    for (Model.Section s : m.featureSteps()) {
      String at = m.source() + " $.features." + s.id();
      FeatureProvider p = fps.require(s.provider(), at + ".provider");
      PluginConfig uncalibrated = uncalibratedStep(m, s);
      if (!Model.isCalibrated(s) && guardedCalibrator(p, uncalibrated).isPresent()) {
        if (!validateOnly) {
          throw new CalibrationException(
              at,
              "feature step '" + s.id() + "' is fitted on the population and needs calibration: call"
                  + " EngineBuilder.calibrate(customers) and build with the returned model, or load a calibrated"
                  + " model (clientele calibrate writes one)",
              s.id(), CalibrationException.Kind.REQUIRED, -1, null);
        }
        deferred.add(s.id());
        try {
          declared.addAll(Objects.requireNonNull(p.features(uncalibrated), "features(config) returned null"));
        } catch (ConfigurationException e) {
          throw e;
        } catch (RuntimeException | LinkageError e) {
          throw new ConfigurationException(
              at, "feature provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to declare its features: " + e, e);
        }
        rejectUnread(uncalibrated, "feature provider '" + p.name() + "'");
        continue;
      }
      PluginConfig config = m.featureConfig(s);
      FeatureStep step;
      try {
        step = Objects.requireNonNull(p.create(config), "create() returned null");
        declared.addAll(Objects.requireNonNull(step.features(), "features() returned null"));
      } catch (ConfigurationException e) {
        throw e;
      } catch (RuntimeException | LinkageError e) {
        throw new ConfigurationException(
            at, "feature provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to create its step: " + e, e);
      }
      rejectUnread(config, "feature provider '" + p.name() + "'");
      steps.add(step);
      names.add(p.name());
    }
    return new Steps(steps, names, declared, deferred);
  }

  private static PluginConfig uncalibrated(Model m, Model.Section s) {
    Map<String, Object> settings = new LinkedHashMap<>(s.settings());
    settings.remove(ClassifierProvider.CALIBRATION_KEY);
    return m.dimensionConfig(new Model.Section(s.id(), s.provider(), settings));
  }

  private static Optional<Calibrator> guardedCalibrator(
      ClassifierProvider p, PluginConfig config, Model.@Nullable Section s) {
    return guarded(() -> p.calibrator(config), config, "provider '" + p.name() + "' (" + p.getClass().getName() + ")");
  }

  /**
   * Builds the engine, validating the whole configuration.
   *
   * @return the engine
   * @throws CalibrationException if a population-relative dimension is not calibrated yet
   * @throws ConfigurationException naming the file, JSON path and fix of the first problem: an
   *     unknown provider, an invalid or unknown key, two providers with one name
   */
  public Engine build() {
    Providers<ClassifierProvider> cps = classifiers();
    Providers<StrategyProvider> sps = strategies();
    Model m = resolvedModel(cps);
    Steps steps = createSteps(m, featureProviders(), false);
    List<Classifier> classifiers = new ArrayList<>();
    List<String> providerNames = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      String at = m.source() + " $.dimensions." + s.id();
      ClassifierProvider p = requireClassifier(cps, m, s);
      if (!Model.isCalibrated(s) && guardedCalibrator(p, uncalibrated(m, s), s).isPresent()) {
        throw new CalibrationException(
            at,
            "dimension '"
                + s.id()
                + "' is population-relative and needs calibration: call EngineBuilder.calibrate(customers)"
                + " and build with the returned model, or load a calibrated model"
                + " (clientele calibrate writes one)",
            s.id(), CalibrationException.Kind.REQUIRED, -1, null);
      }
      classifiers.add(createClassifier(p, m.dimensionConfig(s), s, at));
      providerNames.add(p.name());
    }
    List<Dimension> dimensions = new ArrayList<>(classifiers.size());
    for (Classifier c : classifiers) {
      dimensions.add(c.dimension());
    }
    dimensions = List.copyOf(dimensions);
    Strategy strategy = null;
    String strategyName = "";
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      strategy = createStrategy(p, m, dimensions, classLoader);
      strategyName = p.name();
    }
    List<ProviderDiagnostic> diagnostics = new ArrayList<>(cps.diagnostics());
    diagnostics.addAll(sps.diagnostics());
    diagnostics.addAll(featureProviders().diagnostics());
    return new Engine(m, steps.steps(), steps.providers(), classifiers, providerNames, strategy, strategyName, parallelism, chunkSize, diagnostics);
  }

  /**
   * Checks the whole configuration without data and without calibrating: every provider exists,
   * every key of every dimension and of the strategy is known and valid, and the strategy accepts
   * the dimensions. A population-relative dimension that is not calibrated yet is checked through
   * its calibrator (which reads its keys) and {@link ClassifierProvider#dimension(PluginConfig)};
   * it is listed in {@link Validation#needCalibration()}. Nothing is read or calibrated.
   *
   * @return what was checked and what waits for calibration
   * @throws ConfigurationException naming the file, JSON path and fix of the first problem
   * @since 0.1.0
   */
  public Validation validate() {
    Providers<ClassifierProvider> cps = classifiers();
    Providers<StrategyProvider> sps = strategies();
    Model m = resolvedModel(cps);
    Steps steps = createSteps(m, featureProviders(), true);
    List<Dimension> dimensions = new ArrayList<>();
    List<String> deferred = new ArrayList<>(steps.deferred());
    List<String> unknownLabels = new ArrayList<>();
    Map<String, Set<Feature<?>>> features = new LinkedHashMap<>();
    for (Model.Section s : m.dimensions()) {
      String at = m.source() + " $.dimensions." + s.id();
      ClassifierProvider p = requireClassifier(cps, m, s);
      PluginConfig uncalibrated = uncalibrated(m, s);
      if (!Model.isCalibrated(s) && guardedCalibrator(p, uncalibrated, s).isPresent()) {
        deferred.add(s.id());
        features.put(s.id(), declaredFeatures(() -> p.features(uncalibrated)));
        Optional<Dimension> d;
        try {
          d = Objects.requireNonNull(p.dimension(uncalibrated), "dimension(config) returned null");
        } catch (ConfigurationException e) {
          throw e;
        } catch (RuntimeException | LinkageError e) {
          throw new ConfigurationException(
              at, "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to report its dimension: " + e, e);
        }
        rejectUnread(uncalibrated, "provider '" + p.name() + "'");
        if (d.isPresent()) {
          checkId(p, d.get(), s, at);
          dimensions.add(d.get());
        } else {
          unknownLabels.add(s.id());
        }
      } else {
        Classifier c = createClassifier(p, m.dimensionConfig(s), s, at);
        dimensions.add(c.dimension());
        features.put(s.id(), declaredFeatures(c::features));
      }
    }
    boolean strategyChecked = false;
    List<String> strategyDiagnostics = List.of();
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      if (unknownLabels.isEmpty()) {
        Strategy strategy = createStrategy(p, m, dimensions, classLoader);
        try {
          strategyDiagnostics = strategy.diagnostics();
        } catch (RuntimeException e) {
          strategyDiagnostics = List.of("strategy provider '" + p.name() + "' failed to list its diagnostics: " + org.clientele.core.internal.Redacted.of(e));
        }
        strategyChecked = true;
      }
    }
    List<ProviderDiagnostic> diagnostics = new ArrayList<>(cps.diagnostics());
    diagnostics.addAll(sps.diagnostics());
    diagnostics.addAll(featureProviders().diagnostics());
    return new Validation(m, dimensions, deferred, unknownLabels, strategyChecked, diagnostics, features, strategyDiagnostics);
  }

  /**
   * A provider's or classifier's declared features. A declaration that fails counts as none (the
   * features are then unknown, as for a classifier that declares nothing): as in {@link
   * Engine#inputs(String)}, a broken declaration must not stop a run that does not need it.
   */
  private static Set<Feature<?>> declaredFeatures(java.util.function.Supplier<? extends @Nullable Set<Feature<?>>> declared) {
    try {
      Set<Feature<?>> f = declared.get();
      return f == null ? Set.of() : Set.copyOf(f);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      return Set.of();
    }
  }

  private static Classifier createClassifier(ClassifierProvider p, PluginConfig config, Model.Section s, String at) {
    Classifier c;
    try {
      c = Objects.requireNonNull(p.create(config), "create() returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      // A LinkageError here is a plugin jar without its dependencies: a deployment problem to
      // report with the provider's name, not a reason to take the host down.
      throw new ConfigurationException(
          at, "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to create its classifier: " + e, e);
    }
    Dimension d;
    try {
      d = c.dimension();
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(
          at, "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to report its dimension: " + e, e);
    }
    checkId(p, d, s, at);
    rejectUnread(config, "provider '" + p.name() + "'");
    return c;
  }

  private static void checkId(ClassifierProvider p, @Nullable Dimension d, Model.Section s, String at) {
    if (d == null || !d.id().equals(s.id())) {
      throw new ConfigurationException(
          at,
          "provider '" + p.name() + "' (" + p.getClass().getName() + ") returned a classifier for dimension '"
              + (d == null ? null : d.id()) + "'; it must use the configured id '" + s.id() + "' (PluginConfig.id())");
    }
  }

  private static Strategy createStrategy(
      StrategyProvider p, Model m, List<Dimension> dimensions, @Nullable ClassLoader loader) {
    PluginConfig config = m.strategyConfig().orElseThrow();
    Strategy strategy;
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    try {
      if (loader != null) {
        thread.setContextClassLoader(loader);
      }
      strategy = Objects.requireNonNull(p.create(config, dimensions), "create() returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(
          m.source() + " $.strategy",
          "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to create its strategy: " + e,
          e);
    } finally {
      thread.setContextClassLoader(context);
    }
    rejectUnread(config, "provider '" + p.name() + "'");
    return strategy;
  }

  private static void rejectUnread(PluginConfig config, String who) {
    Set<String> unread = config.unreadKeys();
    if (!unread.isEmpty()) {
      String first = unread.iterator().next();
      throw new ConfigurationException(
          config.source() + " " + first,
          "unknown key: "
              + who
              + " does not read it"
              + (unread.size() > 1 ? " (nor " + new ArrayList<>(unread).subList(1, unread.size()) + ")" : "")
              + ". Check the spelling against the provider's documentation, or remove it.");
    }
  }

  /**
   * The provider of a dimension. A dimension without a {@code provider} key uses the provider of
   * its own name: a typo in the key is then reported at the key, not at a {@code provider} key the
   * file does not have.
   */
  private static ClassifierProvider requireClassifier(Providers<ClassifierProvider> providers, Model m, Model.Section s) {
    String at = m.source() + " $.dimensions." + s.id();
    if (s.provider().equals(s.id())) {
      return providers.require(s.provider(), at,
          "dimension '" + s.id() + "' uses the provider of its own name (it names no other provider): ");
    }
    return providers.require(s.provider(), at + ".provider");
  }

  private Model resolvedModel(Providers<ClassifierProvider> providers) {
    if (model != null && !model.dimensions().isEmpty()) {
      return model;
    }
    // No model, or one that names no dimensions (a configuration with only an input section):
    // the default dimensions, with the model's strategy, steps and sections kept.
    Model.Builder b = Model.builder().source(model == null ? "<default configuration>" : model.source());
    providers.byName().forEach((name, provider) -> {
      if (inDefault(provider)) {
        b.dimension(name, Map.of());
      }
    });
    // The default configuration uses every provider found: a name two jars share fails it (require).
    providers.clashes().keySet().forEach(name -> b.dimension(name, Map.of()));
    if (strategies().get(Model.DEFAULT_STRATEGY) == null) {
      b.noStrategy();
    }
    Model m = model == null ? b.build() : model.withDimensions(b.build().dimensions());
    if (m.dimensions().isEmpty()) {
      throw new ConfigurationException(
          "<default configuration>",
          "no classifier providers found: add org.clientele:clientele-classifiers-builtin or a plugin jar"
              + " to the class path, or register providers with Engine.builder().register(...)");
    }
    return m;
  }

  /** A provider whose {@code inDefaultConfiguration()} fails is left out of the default configuration. */
  private static boolean inDefault(ClassifierProvider provider) {
    try {
      return provider.inDefaultConfiguration();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private @Nullable Providers<ClassifierProvider> classifierCache;
  private @Nullable Providers<StrategyProvider> strategyCache;
  private @Nullable Providers<FeatureProvider> featureCache;

  private void invalidate() {
    classifierCache = null;
    strategyCache = null;
    featureCache = null;
  }

  private Providers<FeatureProvider> featureProviders() {
    if (featureCache == null) {
      featureCache =
          Providers.collect(
              FeatureProvider.class, featureProviders, discover, classLoader, FeatureProvider::name, allowedProviders);
    }
    return featureCache;
  }

  private Providers<ClassifierProvider> classifiers() {
    if (classifierCache == null) {
      classifierCache =
          Providers.collect(
              ClassifierProvider.class, classifierProviders, discover, classLoader, ClassifierProvider::name, allowedProviders);
    }
    return classifierCache;
  }

  private Providers<StrategyProvider> strategies() {
    if (strategyCache == null) {
      strategyCache =
          Providers.collect(
              StrategyProvider.class, strategyProviders, discover, classLoader, StrategyProvider::name, allowedProviders);
    }
    return strategyCache;
  }
}
