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
import org.clientele.api.Strategy;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
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
  private boolean discover = true;
  private @Nullable ClassLoader classLoader;
  private @Nullable Model model;
  private @Nullable Set<String> allowedProviders;
  private int parallelism = Runtime.getRuntime().availableProcessors();
  private int chunkSize = 1024;

  EngineBuilder() {}

  /**
   * Sets the class loader used to discover providers (default: the thread's context class loader).
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
   * Sets how many customers a worker takes at a time in batch work (default 1024).
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
   * Calibrates every population-relative dimension in one pass over the population and returns
   * the resulting model. Dimensions already calibrated are calibrated afresh. Memory is bounded
   * by the calibrators (sketches), not by the population.
   *
   * @param population the customers, read once
   * @return the calibrated model; set it with {@link #model(Model)} to build with it
   * @throws ConfigurationException if the configuration is invalid
   */
  public Model calibrate(Iterable<? extends Customer> population) {
    return calibrate(population.iterator());
  }

  /**
   * Calibrates from an iterator; see {@link #calibrate(Iterable)}.
   *
   * @param population the customers, read once
   * @return the calibrated model
   */
  public Model calibrate(Iterator<? extends Customer> population) {
    Plan plan = calibrationPlan();
    Model m = plan.model();
    List<String> ids = plan.ids();
    List<ClassifierProvider> calibrated = plan.providers();
    List<PluginConfig> configs = plan.configs();
    if (ids.isEmpty()) {
      return m;
    }
    List<Calibrator[]> perWorker = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.LongAdder seen = new java.util.concurrent.atomic.LongAdder();
    ThreadLocal<Calibrator[]> local =
        ThreadLocal.withInitial(
            () -> {
              Calibrator[] set = new Calibrator[ids.size()];
              for (int i = 0; i < set.length; i++) {
                set[i] = guardedCalibrator(calibrated.get(i), configs.get(i), null).orElseThrow();
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
    long observed = seen.sum();
    if (perWorker.isEmpty()) {
      perWorker.add(local.get()); // empty population: calibrators still report (no data)
    }
    Calibrator[] totals = perWorker.get(0);
    for (int i = 0; i < ids.size(); i++) {
      for (int w = 1; w < perWorker.size(); w++) {
        totals[i].merge(perWorker.get(w)[i]);
      }
    }
    return finish(plan, totals, observed);
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
   * @throws ConfigurationException if the configuration is invalid, or a dimension to calibrate
   *     has a provider whose calibrator state cannot leave the JVM ({@link
   *     ClassifierProvider#calibratorCodec()} is empty), naming the provider and the fix
   * @since 0.1.0
   */
  public PartialCalibration partialCalibration() {
    Plan plan = calibrationPlan();
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
    Plan plan = calibrationPlan();
    if (!plan.ids().equals(merged.dimensionIds())) {
      throw new IllegalArgumentException(
          "the partial calibration is of dimensions " + merged.dimensionIds() + "; this configuration calibrates "
              + plan.ids());
    }
    if (plan.ids().isEmpty()) {
      return plan.model();
    }
    return finish(plan, merged.calibrators(), merged.observed());
  }

  /** The dimensions to calibrate: ids, providers and configurations without calibration. */
  private record Plan(Model model, List<String> ids, List<ClassifierProvider> providers, List<PluginConfig> configs) {}

  private Plan calibrationPlan() {
    Providers<ClassifierProvider> providers = classifiers();
    Model m = resolvedModel(providers);
    List<String> ids = new ArrayList<>();
    List<ClassifierProvider> calibrated = new ArrayList<>();
    List<PluginConfig> configs = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      ClassifierProvider p = providers.require(s.provider(), m.source() + " $.dimensions." + s.id() + ".provider");
      PluginConfig config = uncalibrated(m, s);
      Optional<Calibrator> probe = guardedCalibrator(p, config, s);
      if (probe.isPresent()) {
        ids.add(s.id());
        calibrated.add(p);
        configs.add(config);
      }
    }
    return new Plan(m, List.copyOf(ids), List.copyOf(calibrated), List.copyOf(configs));
  }

  /** Turns the merged calibrators into the model, each result checked by creating its classifier. */
  private static Model finish(Plan plan, Calibrator[] totals, long observed) {
    Model m = plan.model();
    List<String> ids = plan.ids();
    List<ClassifierProvider> calibrated = plan.providers();
    Model out = m;
    for (int i = 0; i < ids.size(); i++) {
      Calibrator total = totals[i];
      Map<String, Object> result;
      try {
        result = total.result();
      } catch (ConfigurationException e) {
        throw new CalibrationException(
            e.location(), problem(e) + " (calibrated on " + observed + " customers)", ids.get(i),
            CalibrationException.Kind.FAILED, observed, e);
      } catch (RuntimeException e) {
        throw new CalibrationException(
            m.source() + " $.dimensions." + ids.get(i), "calibration failed: " + e, ids.get(i),
            CalibrationException.Kind.FAILED, observed, e);
      }
      out = out.withCalibration(ids.get(i), result);
      // A calibration the classifier cannot use (no customer had the feature) fails here, typed,
      // rather than later as a plain configuration error of build().
      String id = ids.get(i);
      Model.Section section = out.dimensions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
      try {
        calibrated.get(i).create(out.dimensionConfig(section));
      } catch (ConfigurationException e) {
        throw new CalibrationException(
            e.location(), problem(e) + " (calibrated on " + observed + " customers)", id,
            CalibrationException.Kind.FAILED, observed, e);
      } catch (RuntimeException | LinkageError e) {
        // reported with the provider's name by build()
      }
    }
    return out;
  }

  /** A configuration error's message without its location. */
  private static String problem(ConfigurationException e) {
    String m = String.valueOf(e.getMessage());
    return !e.location().isEmpty() && m.startsWith(e.location() + ": ") ? m.substring(e.location().length() + 2) : m;
  }

  private static PluginConfig uncalibrated(Model m, Model.Section s) {
    Map<String, Object> settings = new LinkedHashMap<>(s.settings());
    settings.remove(ClassifierProvider.CALIBRATION_KEY);
    return m.dimensionConfig(new Model.Section(s.id(), s.provider(), settings));
  }

  private static Optional<Calibrator> guardedCalibrator(
      ClassifierProvider p, PluginConfig config, Model.@Nullable Section s) {
    try {
      return Objects.requireNonNull(p.calibrator(config), "calibrator() returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(
          config.source() + " " + config.path(),
          "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to create a calibrator: " + e,
          e);
    }
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
    List<Classifier> classifiers = new ArrayList<>();
    List<String> providerNames = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      String at = m.source() + " $.dimensions." + s.id();
      ClassifierProvider p = cps.require(s.provider(), at + ".provider");
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
    List<Dimension> dimensions = classifiers.stream().map(Classifier::dimension).toList();
    Strategy strategy = null;
    String strategyName = "";
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      strategy = createStrategy(p, m, dimensions);
      strategyName = p.name();
    }
    List<ProviderDiagnostic> diagnostics = new ArrayList<>(cps.diagnostics());
    diagnostics.addAll(sps.diagnostics());
    return new Engine(m, classifiers, providerNames, strategy, strategyName, parallelism, chunkSize, diagnostics);
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
    List<Dimension> dimensions = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    List<String> unknownLabels = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      String at = m.source() + " $.dimensions." + s.id();
      ClassifierProvider p = cps.require(s.provider(), at + ".provider");
      PluginConfig uncalibrated = uncalibrated(m, s);
      if (!Model.isCalibrated(s) && guardedCalibrator(p, uncalibrated, s).isPresent()) {
        deferred.add(s.id());
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
        dimensions.add(createClassifier(p, m.dimensionConfig(s), s, at).dimension());
      }
    }
    boolean strategyChecked = false;
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      if (unknownLabels.isEmpty()) {
        createStrategy(p, m, dimensions);
        strategyChecked = true;
      }
    }
    List<ProviderDiagnostic> diagnostics = new ArrayList<>(cps.diagnostics());
    diagnostics.addAll(sps.diagnostics());
    return new Validation(m, dimensions, deferred, unknownLabels, strategyChecked, diagnostics);
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

  private static Strategy createStrategy(StrategyProvider p, Model m, List<Dimension> dimensions) {
    PluginConfig config = m.strategyConfig().orElseThrow();
    Strategy strategy;
    try {
      strategy = Objects.requireNonNull(p.create(config, dimensions), "create() returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new ConfigurationException(
          m.source() + " $.strategy",
          "provider '" + p.name() + "' (" + p.getClass().getName() + ") failed to create its strategy: " + e,
          e);
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

  private Model resolvedModel(Providers<ClassifierProvider> providers) {
    if (model != null) {
      return model;
    }
    Model.Builder b = Model.builder().source("<default configuration>");
    providers.byName().forEach((name, provider) -> {
      if (inDefault(provider)) {
        b.dimension(name, Map.of());
      }
    });
    if (strategies().get(Model.DEFAULT_STRATEGY) == null) {
      b.noStrategy();
    }
    Model m = b.build();
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

  private void invalidate() {
    classifierCache = null;
    strategyCache = null;
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
