package org.clientele.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Model;

/**
 * What a {@link SegmentationReport} measures: the revenue metric, the cross-tabs, the extra
 * features whose means are shown per segment, and whether to keep the revenue distribution for the
 * Pareto curve.
 *
 * <p>In a configuration file the options live under {@code $.output.report} (every key optional):
 *
 * <pre>{@code
 * "output": {
 *   "report": {
 *     "revenueMetric": "revenue_12m",
 *     "crossTabs": [ {"rows": "value", "columns": "behaviour"}, {"rows": "value", "columns": "risk"} ],
 *     "features": ["satisfaction", "overdue_days"],
 *     "paretoCurve": true
 *   }
 * }
 * }</pre>
 *
 * @param revenueMetric the numeric feature that counts as a customer's revenue; a customer without
 *     it counts as 0 in totals and shares
 * @param crossTabs the pairs of dimensions to cross; a pair naming a dimension the engine does not
 *     have is skipped with a note in the report
 * @param extraFeatures numeric features whose segment means are shown after the standard ones
 * @param paretoCurve whether to keep every customer's revenue (8 bytes a customer) to compute the
 *     Pareto curve; false keeps the accumulator's memory constant and leaves the curve out
 * @param minSegmentShare quality: a segment holding a smaller share of the customers (but more
 *     than none) is warned about as too small to act on; default 0.01
 * @param contactFeatures quality: the features that make a customer reachable (accessible); a
 *     customer with at least one of them counts as contactable; default {@code channel}, {@code
 *     region}
 * @since 0.1.0
 */
public record ReportOptions(
    Feature<Double> revenueMetric,
    List<CrossTabSpec> crossTabs,
    List<Feature<Double>> extraFeatures,
    boolean paretoCurve,
    double minSegmentShare,
    List<Feature<?>> contactFeatures) {

  /** The default of {@link #minSegmentShare()}. */
  public static final double DEFAULT_MIN_SEGMENT_SHARE = 0.01;

  /** The default of {@link #contactFeatures()}: how a customer buys and where it is. */
  public static final List<Feature<?>> DEFAULT_CONTACT_FEATURES = List.of(StandardFeatures.CHANNEL, StandardFeatures.REGION);

  /** The cross-tabs of a default report: value × behaviour and value × risk. */
  public static final List<CrossTabSpec> DEFAULT_CROSS_TABS =
      List.of(new CrossTabSpec("value", "behaviour"), new CrossTabSpec("value", "risk"));

  /**
   * The features whose means every report shows per segment, after the revenue metric: orders and
   * visits in the last 12 months, days since the last purchase, tenure.
   */
  public static final List<Feature<Double>> STANDARD_FEATURES =
      List.of(
          StandardFeatures.ORDERS_12M,
          StandardFeatures.VISITS_12M,
          StandardFeatures.DAYS_SINCE_LAST_PURCHASE,
          StandardFeatures.TENURE_DAYS);

  private static final Set<String> KEYS = Set.of("revenueMetric", "crossTabs", "features", "paretoCurve", "quality");

  /**
   * One cross-tab: the labels of {@code rows} down the side, those of {@code columns} across.
   *
   * @param rows a dimension id
   * @param columns another dimension id
   */
  public record CrossTabSpec(String rows, String columns) {

    /**
     * Checks that both ids are given and differ.
     *
     * @param rows a dimension id
     * @param columns another dimension id
     */
    public CrossTabSpec {
      Objects.requireNonNull(rows, "rows");
      Objects.requireNonNull(columns, "columns");
      if (rows.isBlank() || columns.isBlank()) {
        throw new IllegalArgumentException("CrossTabSpec needs two dimension ids, found '" + rows + "' and '" + columns + "'");
      }
      if (rows.equals(columns)) {
        throw new IllegalArgumentException(
            "CrossTabSpec crosses dimension '" + rows + "' with itself; name two different dimensions");
      }
    }
  }

  /**
   * Checks the parts and copies the lists.
   *
   * @param revenueMetric the numeric feature that counts as a customer's revenue; a customer without
   *     it counts as 0 in totals and shares
   * @param crossTabs the pairs of dimensions to cross; a pair naming a dimension the engine does not
   *     have is skipped with a note in the report
   * @param extraFeatures numeric features whose segment means are shown after the standard ones
   * @param paretoCurve whether to keep every customer's revenue (8 bytes a customer) to compute the
   *     Pareto curve; false keeps the accumulator's memory constant and leaves the curve out
   * @param minSegmentShare quality: the smallest share of customers a segment should hold
   * @param contactFeatures quality: the features that make a customer reachable
   */
  public ReportOptions {
    Objects.requireNonNull(revenueMetric, "revenueMetric");
    contactFeatures = List.copyOf(contactFeatures);
    if (!(minSegmentShare >= 0 && minSegmentShare < 1)) {
      throw new IllegalArgumentException("minSegmentShare must be at least 0 and below 1, was " + minSegmentShare);
    }
    crossTabs = List.copyOf(crossTabs);
    extraFeatures = List.copyOf(extraFeatures);
    if (new HashSet<>(crossTabs).size() != crossTabs.size()) {
      throw new IllegalArgumentException("ReportOptions.crossTabs lists a pair twice: " + crossTabs);
    }
    if (new HashSet<>(extraFeatures).size() != extraFeatures.size()) {
      throw new IllegalArgumentException("ReportOptions.extraFeatures lists a feature twice: " + extraFeatures);
    }
  }

  /**
   * Returns the default options: revenue is {@code revenue_12m}, cross-tabs value × behaviour and
   * value × risk, no extra features, Pareto curve on.
   *
   * @return the defaults
   */
  public static ReportOptions defaults() {
    return builder().build();
  }

  /**
   * Starts from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the features whose means the report shows per segment, in report order: the revenue
   * metric, then {@link #STANDARD_FEATURES}, then the extra features, each once.
   *
   * @return the features
   */
  public List<Feature<Double>> meanFeatures() {
    List<Feature<Double>> out = new ArrayList<>();
    out.add(revenueMetric);
    for (Feature<Double> f : STANDARD_FEATURES) {
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    for (Feature<Double> f : extraFeatures) {
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Reads the options from a model's {@code $.output.report} section (defaults if absent).
   *
   * @param model a configuration or model
   * @return the options
   * @throws ConfigurationException naming the file and key of any bad or unknown key
   */
  public static ReportOptions fromModel(Model model) {
    return fromConfig(model.section("output").section("report"));
  }

  /**
   * Reads the options from a report section: the object holding {@code revenueMetric}, {@code
   * crossTabs}, {@code features} and {@code paretoCurve}. Any other key is rejected as a typo.
   *
   * @param section the report section, for example {@code model.section("output").section("report")}
   * @return the options
   * @throws ConfigurationException naming the file and key of any bad or unknown key
   */
  public static ReportOptions fromConfig(PluginConfig section) {
    Objects.requireNonNull(section, "section");
    for (String key : section.keys()) {
      if (!KEYS.contains(key)) {
        throw section.error(key, "unknown report key; expected one of " + new java.util.TreeSet<>(KEYS));
      }
    }
    Builder b = builder();
    b.revenueMetric(numericFeature(section, "revenueMetric", section.string("revenueMetric", StandardFeatures.REVENUE_12M.name())));
    if (section.has("crossTabs")) {
      List<CrossTabSpec> pairs = new ArrayList<>();
      List<PluginConfig> items = section.sections("crossTabs");
      for (int i = 0; i < items.size(); i++) {
        PluginConfig item = items.get(i);
        for (String key : item.keys()) {
          if (!key.equals("rows") && !key.equals("columns")) {
            throw item.error(key, "unknown key; a cross-tab has \"rows\" and \"columns\" (dimension ids)");
          }
        }
        String rows = item.string("rows", "");
        String columns = item.string("columns", "");
        if (rows.isBlank() || columns.isBlank()) {
          throw section.error("crossTabs[" + i + "]",
              "expected {\"rows\": <dimension id>, \"columns\": <dimension id>}, for example {\"rows\": \"value\", \"columns\": \"risk\"}");
        }
        if (rows.equals(columns)) {
          throw section.error("crossTabs[" + i + "]", "crosses dimension '" + rows + "' with itself; name two different dimensions");
        }
        CrossTabSpec spec = new CrossTabSpec(rows, columns);
        if (pairs.contains(spec)) {
          throw section.error("crossTabs[" + i + "]", "the pair " + rows + " × " + columns + " is listed twice");
        }
        pairs.add(spec);
      }
      b.crossTabs(pairs);
    }
    List<Feature<Double>> extras = new ArrayList<>();
    List<String> names = section.strings("features", List.of());
    for (int i = 0; i < names.size(); i++) {
      Feature<Double> f = numericFeature(section, "features[" + i + "]", names.get(i));
      if (extras.contains(f)) {
        throw section.error("features[" + i + "]", "feature '" + f.name() + "' is listed twice");
      }
      extras.add(f);
    }
    b.extraFeatures(extras);
    b.paretoCurve(section.flag("paretoCurve", true));
    PluginConfig quality = section.section("quality");
    b.minSegmentShare(quality.number("minSegmentShare", DEFAULT_MIN_SEGMENT_SHARE, 0, 0.5));
    if (quality.has("contactFeatures")) {
      List<Feature<?>> contact = new ArrayList<>();
      List<String> names2 = quality.strings("contactFeatures", List.of());
      for (int i = 0; i < names2.size(); i++) {
        String name = names2.get(i);
        contact.add(Feature.lookup(name).orElseThrow(() -> quality.error("contactFeatures",
            "no feature named '" + name + "'; name standard features (docs/input.md) or a plugin's")));
      }
      b.contactFeatures(contact);
    }
    Set<String> unread = quality.unreadKeys();
    if (!unread.isEmpty()) {
      throw quality.error(unread.iterator().next(), "unknown key; quality has minSegmentShare and contactFeatures");
    }
    return b.build();
  }

  /**
   * Resolves a feature name to a numeric feature. An undeclared name is declared as a number, so
   * that custom input columns work; a name never present on a customer shows up in the report's
   * notes, which is where a typo is seen.
   */
  @SuppressWarnings("unchecked")
  private static Feature<Double> numericFeature(PluginConfig section, String key, String name) {
    var existing = Feature.lookup(name);
    if (existing.isPresent()) {
      if (existing.get().kind() != Feature.Kind.NUMBER) {
        throw section.error(key, "feature '" + name + "' holds " + existing.get().kind().name().toLowerCase(java.util.Locale.ROOT)
            + " values; the report needs a numeric feature such as revenue_12m");
      }
      return (Feature<Double>) existing.get();
    }
    try {
      return Feature.number(name, "Declared by the report configuration");
    } catch (IllegalArgumentException e) {
      throw section.error(key, "expected a feature name in lowercase snake case such as revenue_12m, found \"" + name + "\"");
    }
  }

  /** Builds {@link ReportOptions}; starts from the defaults. */
  public static final class Builder {
    private Feature<Double> revenueMetric = StandardFeatures.REVENUE_12M;
    private List<CrossTabSpec> crossTabs = DEFAULT_CROSS_TABS;
    private List<Feature<Double>> extraFeatures = List.of();
    private boolean paretoCurve = true;
    private double minSegmentShare = DEFAULT_MIN_SEGMENT_SHARE;
    private List<Feature<?>> contactFeatures = DEFAULT_CONTACT_FEATURES;

    private Builder() {}

    /**
     * Sets the smallest share of customers a segment should hold before the report warns.
     *
     * @param share from 0 (no warning) to below 1
     * @return this builder
     */
    public Builder minSegmentShare(double share) {
      this.minSegmentShare = share;
      return this;
    }

    /**
     * Sets the features that make a customer reachable, for the accessible share.
     *
     * @param features the features
     * @return this builder
     */
    public Builder contactFeatures(List<Feature<?>> features) {
      this.contactFeatures = List.copyOf(features);
      return this;
    }

    /**
     * Sets the feature counted as revenue.
     *
     * @param feature a numeric feature, for example {@link StandardFeatures#PROFIT_12M}
     * @return this builder
     */
    public Builder revenueMetric(Feature<Double> feature) {
      this.revenueMetric = Objects.requireNonNull(feature, "feature");
      return this;
    }

    /**
     * Replaces the cross-tabs.
     *
     * @param pairs the pairs, in report order; empty for none
     * @return this builder
     */
    public Builder crossTabs(List<CrossTabSpec> pairs) {
      this.crossTabs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
      return this;
    }

    /**
     * Adds a cross-tab after the ones already set.
     *
     * @param rows the dimension down the side
     * @param columns the dimension across
     * @return this builder
     */
    public Builder addCrossTab(String rows, String columns) {
      List<CrossTabSpec> out = new ArrayList<>(crossTabs);
      out.add(new CrossTabSpec(rows, columns));
      this.crossTabs = List.copyOf(out);
      return this;
    }

    /**
     * Sets the extra features whose segment means are shown.
     *
     * @param features numeric features, in report order
     * @return this builder
     */
    public Builder extraFeatures(List<Feature<Double>> features) {
      this.extraFeatures = List.copyOf(Objects.requireNonNull(features, "features"));
      return this;
    }

    /**
     * Turns the Pareto curve on (the default: 8 bytes a customer) or off (constant memory).
     *
     * @param on whether to compute the curve
     * @return this builder
     */
    public Builder paretoCurve(boolean on) {
      this.paretoCurve = on;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public ReportOptions build() {
      return new ReportOptions(revenueMetric, crossTabs, extraFeatures, paretoCurve, minSegmentShare, contactFeatures);
    }
  }
}
