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
    Providers<ClassifierProvider> providers = classifiers();
    Model m = resolvedModel(providers);
    List<String> ids = new ArrayList<>();
    List<ClassifierProvider> calibrated = new ArrayList<>();
    List<PluginConfig> configs = new ArrayList<>();
    for (Model.Section s : m.dimensions()) {
      ClassifierProvider p = requireClassifier(providers, m, s);
      PluginConfig config = uncalibrated(m, s);
      Optional<Calibrator> probe = guardedCalibrator(p, config, s);
      if (probe.isPresent()) {
        ids.add(s.id());
        calibrated.add(p);
        configs.add(config);
      }
    }
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
    Model out = m;
    for (int i = 0; i < ids.size(); i++) {
      Calibrator total = perWorker.get(0)[i];
      for (int w = 1; w < perWorker.size(); w++) {
        total.merge(perWorker.get(w)[i]);
      }
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
    List<Dimension> dimensions = classifiers.stream().map(Classifier::dimension).toList();
    Strategy strategy = null;
    String strategyName = "";
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      strategy = createStrategy(p, m, dimensions, classLoader);
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
    if (m.strategy().isPresent()) {
      StrategyProvider p = sps.require(m.strategy().get().provider(), m.source() + " $.strategy.provider");
      if (unknownLabels.isEmpty()) {
        createStrategy(p, m, dimensions, classLoader);
        strategyChecked = true;
      }
    }
    List<ProviderDiagnostic> diagnostics = new ArrayList<>(cps.diagnostics());
    diagnostics.addAll(sps.diagnostics());
    return new Validation(m, dimensions, deferred, unknownLabels, strategyChecked, diagnostics, features);
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
    if (model != null) {
      return model;
    }
    Model.Builder b = Model.builder().source("<default configuration>");
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
