package org.clientele.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.internal.Json;
import org.clientele.core.internal.JsonConfigReader;
import org.jspecify.annotations.Nullable;

/**
 * Everything an engine needs to classify, as one immutable value: which dimensions with which
 * providers and settings (calibrated thresholds included), which strategy, and the error policy.
 *
 * <p>A configuration file and a calibrated model have the same JSON form; calibration only fills
 * in each population-relative dimension's {@code calibration} key. The model round-trips through
 * {@link #toJson()} and {@link #fromJson(String, String)} exactly, so a host can calibrate once
 * (say monthly, on the whole population), save the model, and classify one customer at a time in
 * a live service with the same thresholds:
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "dimensions": {
 *     "value":    { "provider": "value", "method": "pareto" },
 *     "activity": { "provider": "behaviour", "scheme": "activity" },
 *     "risk":     {}
 *   },
 *   "strategy": { "provider": "playbook" },
 *   "errorPolicy": "fallback"
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code features}: optional; steps that add computed features (predictions) to every
 *       customer before the classifiers run ({@link org.clientele.api.spi.FeatureProvider}). The key
 *       is the step id, {@code provider} defaults to the key; steps run in the order given.
 *   <li>{@code dimensions}: optional; the key is the dimension id, {@code provider} defaults to the
 *       key, every other key belongs to the provider. Absent means the default dimensions (every
 *       provider found that is in the default configuration), as with no configuration at all.
 *   <li>{@code strategy}: optional; absent means the {@code playbook} provider with its defaults,
 *       {@code null} means no strategy (empty plans).
 *   <li>{@code errorPolicy}: {@code fallback} (the default) or {@code fail-fast}.
 *   <li>{@code input}, {@code output}: sections read by the batch job ({@link org.clientele.core.job.Segmentation}), kept as they are.
 * </ul>
 *
 * @since 0.1.0
 */
public final class Model {

  /** The JSON format version this library writes and reads. */
  public static final int FORMAT = 1;

  /** The strategy used when a configuration does not name one. */
  public static final String DEFAULT_STRATEGY = "playbook";

  private static final Set<String> TOP_LEVEL =
      Set.of("format", "features", "dimensions", "strategy", "errorPolicy", "input", "output");
  private static final Set<String> PASS_THROUGH = Set.of("input", "output");
  /** The form of a dimension id ({@link org.clientele.api.Dimension} requires it too). */
  private static final java.util.regex.Pattern DIMENSION_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*");

  /**
   * One configured plugin: a dimension's classifier, or the strategy.
   *
   * @param id the dimension id, or {@code strategy}
   * @param provider the provider's name
   * @param settings the provider's keys, JSON-compatible and normalised
   */
  public record Section(String id, String provider, Map<String, Object> settings) {

    /**
     * Checks and normalises the parts.
     *
     * @param id the dimension id, or {@code strategy}
     * @param provider the provider's name
     * @param settings the provider's keys, JSON-compatible and normalised
     */
    public Section {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(provider, "provider");
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = (Map<String, Object>) Json.normalize(settings);
      settings = Objects.requireNonNull(copy, "settings");
    }
  }

  private final List<Section> features;
  private final List<Section> dimensions;
  private final @Nullable Section strategy;
  private final ErrorPolicy errorPolicy;
  private final Map<String, Object> passThrough;
  private final String source;

  private Model(
      List<Section> features,
      List<Section> dimensions,
      @Nullable Section strategy,
      ErrorPolicy errorPolicy,
      Map<String, Object> passThrough,
      String source) {
    this.features = List.copyOf(features);
    this.dimensions = List.copyOf(dimensions);
    this.strategy = strategy;
    this.errorPolicy = errorPolicy;
    @SuppressWarnings("unchecked")
    Map<String, Object> extra = (Map<String, Object>) Json.normalize(passThrough);
    this.passThrough = Objects.requireNonNull(extra);
    this.source = source;
    var seen = new java.util.HashSet<String>();
    for (Section d : this.dimensions) {
      if (!DIMENSION_ID.matcher(d.id()).matches()) {
        // Checked here, not left to the provider: an id such as "" would load but not round-trip
        // (it is also the default provider name, and an empty provider name is refused on reading).
        throw new ConfigurationException(
            source + " $.dimensions." + d.id(),
            "invalid dimension id \"" + d.id() + "\": use lowercase letters, digits, '-' and '_', starting with a letter"
                + " (for example \"value\" or \"credit-risk\")");
      }
      if (!seen.add(d.id())) {
        throw new ConfigurationException(source + " $.dimensions." + d.id(), "dimension configured twice");
      }
    }
    var steps = new java.util.HashSet<String>();
    for (Section f : this.features) {
      if (!DIMENSION_ID.matcher(f.id()).matches()) {
        throw new ConfigurationException(
            source + " $.features." + f.id(),
            "invalid feature step id \"" + f.id() + "\": use lowercase letters, digits, '-' and '_', starting with a letter"
                + " (for example \"predictions\")");
      }
      if (!steps.add(f.id())) {
        throw new ConfigurationException(source + " $.features." + f.id(), "feature step configured twice");
      }
    }
  }

  /**
   * Starts a model in code.
   *
   * @return a builder with no dimensions, the default strategy and the fallback policy
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a configuration or model file.
   *
   * @param file a JSON file
   * @return the model
   * @throws ConfigurationException naming the file and the JSON path of any problem, or if the file
   *     cannot be read
   */
  public static Model read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(file.toString(), "cannot read the file: " + e, e);
    }
    return fromJson(json, file.toString());
  }

  /**
   * Parses a configuration or model.
   *
   * @param json the JSON text
   * @param source the file name or a description, used in error messages
   * @return the model
   * @throws ConfigurationException naming the source and the JSON path of any problem
   */
  public static Model fromJson(String json, String source) {
    Map<String, Object> root = Json.readObject(json, source);
    for (String key : root.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        throw new ConfigurationException(
            source + " $." + key, "unknown key; expected one of " + new java.util.TreeSet<>(TOP_LEVEL));
      }
    }
    Object format = root.get("format");
    if (format != null && !Long.valueOf(FORMAT).equals(format)) {
      throw new ConfigurationException(
          source + " $.format", "expected " + FORMAT + ", found " + format + "; this library reads format " + FORMAT);
    }
    // Absent: the default dimensions, resolved by the engine builder from the providers found.
    Object dims = root.containsKey("dimensions") ? root.get("dimensions") : Map.of();
    if (!(dims instanceof Map<?, ?> dimMap) || (dimMap.isEmpty() && root.containsKey("dimensions"))) {
      throw new ConfigurationException(
          source + " $.dimensions",
          "expected an object with at least one dimension, for example {\"value\": {}, \"risk\": {}}"
              + " (leave the key out for the default dimensions)");
    }
    List<Section> steps = new ArrayList<>();
    if (root.containsKey("features")) {
      if (!(root.get("features") instanceof Map<?, ?> stepMap)) {
        throw new ConfigurationException(
            source + " $.features",
            "expected an object of feature steps, for example {\"predictions\": {\"model\": \"paretonbd\"}}, found "
                + root.get("features"));
      }
      for (Map.Entry<?, ?> e : stepMap.entrySet()) {
        String id = (String) e.getKey();
        steps.add(section(id, id, e.getValue(), source, "$.features." + id));
      }
    }
    List<Section> sections = new ArrayList<>();
    for (Map.Entry<?, ?> e : dimMap.entrySet()) {
      String id = (String) e.getKey();
      sections.add(section(id, id, e.getValue(), source, "$.dimensions." + id));
    }
    Section strategy;
    if (!root.containsKey("strategy")) {
      strategy = new Section("strategy", DEFAULT_STRATEGY, Map.of());
    } else if (root.get("strategy") == null) {
      strategy = null;
    } else {
      strategy = section("strategy", DEFAULT_STRATEGY, root.get("strategy"), source, "$.strategy");
    }
    ErrorPolicy policy = ErrorPolicy.FALLBACK;
    Object p = root.get("errorPolicy");
    if (p != null) {
      policy = parsePolicy(p, source);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    for (String key : PASS_THROUGH) {
      if (root.containsKey(key)) {
        extra.put(key, root.get(key));
      }
    }
    return new Model(steps, sections, strategy, policy, extra, source);
  }

  private static Section section(String id, String defaultProvider, @Nullable Object value, String source, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigurationException(source + " " + path, "expected an object, found " + value);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    String provider = defaultProvider;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if ("provider".equals(e.getKey())) {
        if (!(e.getValue() instanceof String s) || s.isBlank()) {
          throw new ConfigurationException(
              source + " " + path + ".provider", "expected a provider name, found " + e.getValue());
        }
        provider = s;
      } else {
        settings.put((String) e.getKey(), e.getValue());
      }
    }
    return new Section(id, provider, settings);
  }

  private static ErrorPolicy parsePolicy(Object p, String source) {
    if (p instanceof String s) {
      String wanted = s.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (ErrorPolicy e : ErrorPolicy.values()) {
        if (e.name().equals(wanted)) {
          return e;
        }
      }
    }
    throw new ConfigurationException(
        source + " $.errorPolicy", "expected \"fallback\" or \"fail-fast\", found " + p);
  }

  /**
   * Writes the model as JSON; {@link #fromJson(String, String)} reads it back equal.
   *
   * @return indented JSON ending in a newline
   */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    if (!features.isEmpty()) {
      // Written only when configured: a model without steps reads and writes as before.
      Map<String, Object> steps = new LinkedHashMap<>();
      for (Section f : features) {
        steps.put(f.id(), withProvider(f));
      }
      root.put("features", steps);
    }
    Map<String, Object> dims = new LinkedHashMap<>();
    for (Section d : dimensions) {
      dims.put(d.id(), withProvider(d));
    }
    root.put("dimensions", dims);
    root.put("strategy", strategy == null ? null : withProvider(strategy));
    root.put("errorPolicy", errorPolicy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    root.putAll(passThrough);
    return Json.write(root);
  }

  /**
   * Writes the model to a file as JSON, {@linkplain #selfContained() self-contained}: a file named
   * by a section's {@code file} key (a playbook's rules file, read with {@code PluginConfig.file})
   * is embedded, so the model builds on any machine and from any folder without it.
   *
   * @param file the target; replaced if it exists
   * @throws IOException if the file cannot be written
   * @throws ConfigurationException if a named file cannot be read (the model would not build)
   */
  public void write(Path file) throws IOException {
    Files.writeString(file, selfContained().toJson(), StandardCharsets.UTF_8);
  }

  /**
   * Returns this model with the content of every file named by a section's {@code file} key
   * embedded in its place, as the JSON object the file holds. {@code PluginConfig.file} reads both
   * forms alike, so the copy builds exactly as this model does, wherever it is written. A relative
   * name is resolved as {@code PluginConfig.file} resolves it: beside {@link #source()} when that
   * is a file, else against the working directory.
   *
   * @return this model, or a copy with the files embedded
   * @throws ConfigurationException naming the section's {@code file} key if the file cannot be read
   *     or is not a JSON object
   * @since 0.1.0
   */
  public Model selfContained() {
    List<Section> dims = new ArrayList<>(dimensions.size());
    boolean changed = false;
    for (Section d : dimensions) {
      Section r = embedded(d, "$.dimensions.");
      changed |= r != d;
      dims.add(r);
    }
    List<Section> steps = new ArrayList<>(features.size());
    for (Section f : features) {
      Section r = embedded(f, "$.features.");
      changed |= r != f;
      steps.add(r);
    }
    Section strat = strategy == null ? null : embedded(strategy, "$.");
    changed |= strat != strategy;
    return changed ? new Model(steps, dims, strat, errorPolicy, passThrough, source) : this;
  }

  /** This model with other dimensions: the defaults filled in for a configuration that names none. */
  Model withDimensions(List<Section> dims) {
    return new Model(features, dims, strategy, errorPolicy, passThrough, source);
  }

  /** The folder of the file this model was read from, or null when it came from elsewhere. */
  private @Nullable Path sourceFolder() {
    try {
      Path p = Path.of(source);
      return Files.isRegularFile(p) ? p.toAbsolutePath().normalize().getParent() : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null; // "<default configuration>", a host's name for JSON text
    }
  }

  private Section embedded(Section s, String parentPath) {
    if (!(s.settings().get("file") instanceof String name)) {
      return s;
    }
    String at = source + " " + parentPath + s.id() + ".file";
    Path named;
    try {
      named = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigurationException(at, "not a file name: \"" + name + "\" (" + e.getReason() + ")");
    }
    Path folder = sourceFolder();
    Path file = named.isAbsolute() || folder == null ? named : folder.resolve(named);
    Map<String, Object> content;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      content = Json.readObject(in, file.toString());
    } catch (IOException | SecurityException e) {
      throw new ConfigurationException(
          at, "cannot read " + file + " to embed it in the model (a model without it would not build elsewhere): "
              + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
    Map<String, Object> settings = new LinkedHashMap<>(s.settings());
    settings.put("file", content);
    return new Section(s.id(), s.provider(), settings);
  }

  private static Map<String, Object> withProvider(Section s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("provider", s.provider());
    out.putAll(s.settings());
    return out;
  }

  /**
   * Returns the configured feature steps ({@code $.features}), in the order they run.
   *
   * @return the step sections; empty if none is configured
   * @since 0.1.0
   */
  public List<Section> featureSteps() {
    return features;
  }

  /**
   * Returns the typed configuration view handed to a feature step's provider.
   *
   * @param section one of {@link #featureSteps()}
   * @return the view, naming this model's source and the section's JSON path in errors
   * @since 0.1.0
   */
  public PluginConfig featureConfig(Section section) {
    return PluginConfig.of(section.id(), source, "$.features." + section.id(), section.settings())
        .withReader(JsonConfigReader.INSTANCE);
  }

  /**
   * Returns a copy with one feature step's calibration result set.
   *
   * @param stepId the feature step
   * @param calibration the calibrator's result
   * @return the new model
   * @throws IllegalArgumentException if there is no such step
   * @since 0.1.0
   */
  public Model withFeatureCalibration(String stepId, Map<String, Object> calibration) {
    return new Model(calibrated(features, stepId, calibration, "feature step"), dimensions, strategy, errorPolicy, passThrough, source);
  }

  private static List<Section> calibrated(List<Section> sections, String id, Map<String, Object> calibration, String what) {
    List<Section> out = new ArrayList<>(sections.size());
    boolean found = false;
    for (Section d : sections) {
      if (d.id().equals(id)) {
        Map<String, Object> settings = new LinkedHashMap<>(d.settings());
        settings.put(ClassifierProvider.CALIBRATION_KEY, calibration);
        out.add(new Section(d.id(), d.provider(), settings));
        found = true;
      } else {
        out.add(d);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("No " + what + " '" + id + "' in the model");
    }
    return out;
  }

  /**
   * Returns the configured dimensions, in engine order.
   *
   * @return the dimension sections
   */
  public List<Section> dimensions() {
    return dimensions;
  }

  /**
   * Returns the strategy section.
   *
   * @return the strategy, or empty if the model has none
   */
  public Optional<Section> strategy() {
    return Optional.ofNullable(strategy);
  }

  /**
   * Returns the error policy.
   *
   * @return the policy
   */
  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  /**
   * Returns where the model came from, for error messages.
   *
   * @return a file name or a description
   */
  public String source() {
    return source;
  }

  /**
   * Returns a top-level section the engine does not read itself ({@code input}, {@code output}: the
   * batch job reads them), as a typed view.
   *
   * @param name {@code input} or {@code output}
   * @return the section; empty if absent
   */
  public PluginConfig section(String name) {
    Object v = passThrough.get(name);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    return PluginConfig.of(name, source, "$." + name, map).withReader(JsonConfigReader.INSTANCE);
  }

  /**
   * Returns the typed configuration view handed to a dimension's provider.
   *
   * @param section one of {@link #dimensions()}
   * @return the view, naming this model's source and the section's JSON path in errors
   */
  public PluginConfig dimensionConfig(Section section) {
    return PluginConfig.of(section.id(), source, "$.dimensions." + section.id(), section.settings())
        .withReader(JsonConfigReader.INSTANCE);
  }

  /**
   * Returns the typed configuration view handed to the strategy's provider.
   *
   * @return the view, or empty if the model has no strategy
   */
  public Optional<PluginConfig> strategyConfig() {
    return strategy()
        .map(s -> PluginConfig.of("strategy", source, "$.strategy", s.settings()).withReader(JsonConfigReader.INSTANCE));
  }

  /**
   * Tells whether a dimension carries a calibration result.
   *
   * @param section one of {@link #dimensions()}
   * @return true if its settings hold the calibration key
   */
  public static boolean isCalibrated(Section section) {
    return section.settings().containsKey(ClassifierProvider.CALIBRATION_KEY);
  }

  /**
   * Returns a copy with one dimension's calibration result set.
   *
   * @param dimensionId the dimension
   * @param calibration the calibrator's result
   * @return the new model
   */
  public Model withCalibration(String dimensionId, Map<String, Object> calibration) {
    return new Model(features, calibrated(dimensions, dimensionId, calibration, "dimension"), strategy, errorPolicy, passThrough, source);
  }
  /**
   * Returns this model without one dimension: what a run does with a dimension it cannot
   * calibrate on the data it has (a customers-only export has nothing for RFM), so the others are
   * still classified. The run says so; nothing is dropped silently.
   *
   * @param dimensionId a dimension of this model
   * @return the model without it
   * @throws IllegalArgumentException if there is no such dimension, or it is the only one
   * @since 0.1.0
   */
  public Model withoutDimension(String dimensionId) {
    List<Section> out = new ArrayList<>(dimensions.size());
    for (Section d : dimensions) {
      if (!d.id().equals(dimensionId)) {
        out.add(d);
      }
    }
    if (out.size() == dimensions.size()) {
      throw new IllegalArgumentException("No dimension '" + dimensionId + "' in the model");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("'" + dimensionId + "' is the model's only dimension");
    }
    return new Model(features, out, strategy, errorPolicy, passThrough, source);
  }


  /** Two models are equal when they configure the same engine; the source is not compared. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Model m
        && features.equals(m.features)
        && dimensions.equals(m.dimensions)
        && Objects.equals(strategy, m.strategy)
        && errorPolicy == m.errorPolicy
        && passThrough.equals(m.passThrough);
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, dimensions, strategy, errorPolicy, passThrough);
  }

  @Override
  public String toString() {
    return "Model" + toJson();
  }

  /** Builds a model in code. */
  public static final class Builder {
    private final List<Section> features = new ArrayList<>();
    private final List<Section> dimensions = new ArrayList<>();
    private @Nullable Section strategy = new Section("strategy", DEFAULT_STRATEGY, Map.of());
    private ErrorPolicy errorPolicy = ErrorPolicy.FALLBACK;
    private final Map<String, Object> passThrough = new LinkedHashMap<>();
    private String source = "<model built in code>";

    private Builder() {}

    /**
     * Adds a dimension whose provider has the dimension's name.
     *
     * @param id the dimension id and provider name
     * @param settings the provider's keys
     * @return this builder
     */
    public Builder dimension(String id, Map<String, ?> settings) {
      return dimension(id, id, settings);
    }

    /**
     * Adds a dimension.
     *
     * @param id the dimension id
     * @param provider the provider's name
     * @param settings the provider's keys
     * @return this builder
     */
    public Builder dimension(String id, String provider, Map<String, ?> settings) {
      Objects.requireNonNull(settings, "settings");
      dimensions.add(new Section(id, provider, new LinkedHashMap<>(settings)));
      return this;
    }

    /**
     * Adds a feature step; steps run in the order added.
     *
     * @param id the step id
     * @param provider the {@link org.clientele.api.spi.FeatureProvider}'s name
     * @param settings the provider's keys
     * @return this builder
     * @since 0.1.0
     */
    public Builder feature(String id, String provider, Map<String, ?> settings) {
      Objects.requireNonNull(settings, "settings");
      features.add(new Section(id, provider, new LinkedHashMap<>(settings)));
      return this;
    }

    /**
     * Sets the strategy.
     *
     * @param provider the provider's name
     * @param settings its keys
     * @return this builder
     */
    public Builder strategy(String provider, Map<String, ?> settings) {
      strategy = new Section("strategy", provider, new LinkedHashMap<>(settings));
      return this;
    }

    /**
     * Removes the strategy: plans will be empty.
     *
     * @return this builder
     */
    public Builder noStrategy() {
      strategy = null;
      return this;
    }

    /**
     * Sets the error policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder errorPolicy(ErrorPolicy policy) {
      errorPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the name used for this model in error messages.
     *
     * @param source a description
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     */
    public Model build() {
      return new Model(features, dimensions, strategy, errorPolicy, passThrough, source);
    }
  }
}
