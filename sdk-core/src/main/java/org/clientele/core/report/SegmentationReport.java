package org.clientele.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clientele.api.ActionCategory;
import org.jspecify.annotations.Nullable;

/**
 * A segmentation report: for every dimension the size, revenue share and feature means of each
 * label; cross-tabs of pairs of dimensions; the Pareto curve of revenue; rejected rows by reason
 * and classifier errors. An immutable value made by {@link ReportAccumulator#build}; render it with
 * {@link #toJson()}, {@link #toTable()} and {@link #headline()}.
 *
 * <p>Shares are fractions from 0 to 1 (of all customers, or of total revenue). A share of an
 * empty or non-positive total is 0, never NaN. A mean is over the customers that have the feature:
 * missing is not zero.
 *
 * @param revenueMetric the name of the feature counted as revenue
 * @param meanFeatures the names of the features whose means are reported, in order
 * @param totals the population's totals
 * @param dimensions one summary per dimension, in engine order
 * @param crossTabs the cross-tabs that could be made, in configured order
 * @param pareto the Pareto curve of revenue, or null if turned off in {@link ReportOptions}
 * @param overall the feature means over the whole population, for comparison with each segment
 * @param rejectedByReason rejected input rows by reason, sorted by reason
 * @param errorCounts classifier and strategy failures by dimension id (then {@code strategy})
 * @param notes what the reader should know: skipped cross-tabs, features no customer had, ...
 * @param plan which actions the strategy gave to how many customers and how much revenue (empty
 *     when the results carried no plans)
 * @param quality the segmentation's quality: the four principles per segment as numbers, and the
 *     warnings (empty or tiny segments, tied cut points, contradictions between dimensions)
 * @param rfmGrid customers and revenue per R x F cell, when the engine has an {@code rfm}
 *     dimension scoring RFM codes (the built-in one); null otherwise
 * @param purchaseGrid the frequency x order value quadrants with their cut-offs, when the engine
 *     has a {@code purchase_pattern} dimension with the built-in's labels; null otherwise
 * @since 0.1.0
 */
public record SegmentationReport(
    String revenueMetric,
    List<String> meanFeatures,
    Totals totals,
    List<DimensionSummary> dimensions,
    List<CrossTab> crossTabs,
    @Nullable ParetoCurve pareto,
    List<FeatureMean> overall,
    Map<String, Long> rejectedByReason,
    Map<String, Long> errorCounts,
    List<String> notes,
    PlanSummary plan,
    Quality quality,
    @Nullable RfmGrid rfmGrid,
    @Nullable PurchaseGrid purchaseGrid) {

  /**
   * Checks the parts and copies the collections.
   *
   * @param revenueMetric the name of the feature counted as revenue
   * @param meanFeatures the names of the features whose means are reported, in order
   * @param totals the population's totals
   * @param dimensions one summary per dimension, in engine order
   * @param crossTabs the cross-tabs that could be made, in configured order
   * @param pareto the Pareto curve of revenue, or null if turned off in {@link ReportOptions}
   * @param overall the feature means over the whole population, for comparison with each segment
   * @param rejectedByReason rejected input rows by reason, sorted by reason
   * @param errorCounts classifier and strategy failures by dimension id (then {@code strategy})
   * @param notes what the reader should know: skipped cross-tabs, features no customer had, ...
   * @param plan which actions the strategy gave to how many customers and how much revenue
   * @param quality the four principles per segment, and the quality warnings
   * @param rfmGrid customers and revenue per R x F cell, or null without an RFM dimension
   * @param purchaseGrid the purchase pattern quadrants, or null without a purchase pattern dimension
   */
  public SegmentationReport {
    Objects.requireNonNull(revenueMetric, "revenueMetric");
    meanFeatures = List.copyOf(meanFeatures);
    Objects.requireNonNull(totals, "totals");
    dimensions = List.copyOf(dimensions);
    crossTabs = List.copyOf(crossTabs);
    overall = List.copyOf(overall);
    rejectedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
    errorCounts = Collections.unmodifiableMap(new LinkedHashMap<>(errorCounts));
    notes = List.copyOf(notes);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(quality, "quality");
  }

  /**
   * How good the segmentation is, by the four principles of a good segmentation (docs/report.md):
   * per segment the numbers, and the warnings. Warnings never change a label; {@code clientele
   * classify --strict-quality} turns them into a failed run.
   *
   * @param segments one entry per segment of every dimension, in report order
   * @param warnings what a reader must not miss, in a stable order
   * @since 0.1.0
   */
  public record Quality(List<SegmentQuality> segments, List<QualityWarning> warnings) {

    /**
     * Copies the lists.
     *
     * @param segments one entry per segment of every dimension
     * @param warnings the warnings
     */
    public Quality {
      segments = List.copyOf(segments);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * One segment measured by the four principles.
   *
   * @param dimension the dimension id
   * @param label the segment's label
   * @param customers its customers
   * @param measurable the share of its customers that have its classifier's scarcest input
   *     ({@code Classifier.features()}, among the inputs the data has at all): placed on data, not
   *     on missing values; NaN when the classifier declares none or the segment is empty
   * @param accessible the share of its customers with at least one contact feature ({@link
   *     ReportOptions#contactFeatures()}); NaN when the segment is empty
   * @param revenueShare its share of revenue (profitable)
   * @param revenueIndex its revenue per customer against the whole population's (1 = average;
   *     profitable); NaN when empty or without revenue
   * @param difference how far its profile stands from the rest (differentiable): the mean, over
   *     the reported features both sides have, of the difference of means in standard deviations
   *     of the population; NaN when it cannot be measured
   * @since 0.1.0
   */
  public record SegmentQuality(
      String dimension,
      String label,
      long customers,
      double measurable,
      double accessible,
      double revenueShare,
      double revenueIndex,
      double difference) {

    /**
     * Checks the names.
     *
     * @param dimension the dimension id
     * @param label the segment's label
     * @param customers its customers
     * @param measurable the share with the scarcest input present
     * @param accessible the share with a contact feature
     * @param revenueShare its share of revenue
     * @param revenueIndex its revenue per customer against the population's
     * @param difference how far its profile stands from the rest
     */
    public SegmentQuality {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * The R x F grid of an RFM dimension: customers and revenue in each of the 25 cells, the way
   * the segments are read off it (docs/classifiers.md). Index {@code [r - 1][f - 1]}.
   *
   * @param dimension the RFM dimension's id
   * @param customers customers per cell, [R 1..5][F 1..5]
   * @param revenue revenue per cell, [R 1..5][F 1..5]
   * @param segments the segment each cell maps to, read off the customers (empty when a cell has none)
   * @since 0.1.0
   */
  public record RfmGrid(String dimension, List<List<Long>> customers, List<List<Double>> revenue, List<List<String>> segments) {

    /**
     * Copies the grids.
     *
     * @param dimension the RFM dimension's id
     * @param customers customers per cell
     * @param revenue revenue per cell
     * @param segments the segment of each cell
     */
    public RfmGrid {
      Objects.requireNonNull(dimension, "dimension");
      customers = customers.stream().map(List::copyOf).toList();
      revenue = revenue.stream().map(List::copyOf).toList();
      segments = segments.stream().map(List::copyOf).toList();
    }
  }

  /**
   * Purchase frequency crossed with average order value: the four quadrants of the practice's
   * e-commerce example (docs/classifiers.md, {@code purchase_pattern}), with the cut-offs that made
   * them. A customer above both cut-offs is {@code FREQUENT_BIG_ORDERS}; equal to a cut-off counts
   * as the low side.
   *
   * @param dimension the purchase pattern dimension's id
   * @param frequencyFeature the feature on the frequency axis, for example {@code orders_12m}
   * @param orderValueFeature the feature on the order value axis, for example {@code
   *     average_order_value}
   * @param frequencyCutoff the frequency cut-off, or empty if it is not known (no customer had the
   *     feature, or the report was made without the engine)
   * @param orderValueCutoff the order value cut-off, or empty if it is not known
   * @param basis where the cut-offs came from, for example {@code median of 2,000 customers}
   * @param quadrants the four quadrants in {@link #QUADRANTS} order, each with its customers and
   *     revenue
   * @param unplaced customers without a quadrant ({@code UNKNOWN}: an input missing) or unclassified
   * @param notes what makes a cut-off meaningless (everyone has the same value), in words; empty
   *     when the split is sound
   * @since 0.1.0
   */
  public record PurchaseGrid(
      String dimension,
      String frequencyFeature,
      String orderValueFeature,
      OptionalDouble frequencyCutoff,
      OptionalDouble orderValueCutoff,
      String basis,
      List<Segment> quadrants,
      long unplaced,
      List<String> notes) {

    /** The quadrant labels, high frequency first, then big orders first. */
    public static final List<String> QUADRANTS =
        List.of("FREQUENT_BIG_ORDERS", "FREQUENT_SMALL_ORDERS", "OCCASIONAL_BIG_ORDERS", "OCCASIONAL_SMALL_ORDERS");

    /**
     * Checks the parts and copies the lists.
     *
     * @param dimension the purchase pattern dimension's id
     * @param frequencyFeature the feature on the frequency axis
     * @param orderValueFeature the feature on the order value axis
     * @param frequencyCutoff the frequency cut-off, or empty
     * @param orderValueCutoff the order value cut-off, or empty
     * @param basis where the cut-offs came from
     * @param quadrants the four quadrants in {@link #QUADRANTS} order
     * @param unplaced customers without a quadrant
     * @param notes what makes a cut-off meaningless; empty when the split is sound
     */
    public PurchaseGrid {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(frequencyFeature, "frequencyFeature");
      Objects.requireNonNull(orderValueFeature, "orderValueFeature");
      Objects.requireNonNull(frequencyCutoff, "frequencyCutoff");
      Objects.requireNonNull(orderValueCutoff, "orderValueCutoff");
      Objects.requireNonNull(basis, "basis");
      quadrants = List.copyOf(quadrants);
      if (quadrants.size() != QUADRANTS.size()) {
        throw new IllegalArgumentException("expected the " + QUADRANTS.size() + " quadrants " + QUADRANTS + ", got "
            + quadrants.size());
      }
      notes = List.copyOf(notes);
    }
  }

  /**
   * One thing a reader of the segmentation must not miss.
   *
   * @param code a stable name: {@code empty_segment}, {@code small_segment}, {@code
   *     tied_cut_points}, {@code degenerate_cut_off}, {@code single_label}, {@code contradiction}
   * @param dimension the dimension it is about
   * @param label the segment it is about, or empty for the whole dimension
   * @param message what is wrong and what it means, in words
   * @since 0.1.0
   */
  public record QualityWarning(String code, String dimension, String label, String message) {

    /**
     * Checks the parts.
     *
     * @param code a stable name
     * @param dimension the dimension it is about
     * @param label the segment, or empty
     * @param message what is wrong
     */
    public QualityWarning {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Finds a dimension's summary.
   *
   * @param dimensionId a dimension id
   * @return the summary, or empty if the report has no such dimension
   */
  public Optional<DimensionSummary> dimension(String dimensionId) {
    return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
  }

  /**
   * Finds a cross-tab.
   *
   * @param rows the dimension down the side
   * @param columns the dimension across
   * @return the cross-tab, or empty if it was not configured or was skipped
   */
  public Optional<CrossTab> crossTab(String rows, String columns) {
    return crossTabs.stream()
        .filter(t -> t.rowDimension().equals(rows) && t.columnDimension().equals(columns))
        .findFirst();
  }

  /**
   * Renders the report as indented JSON with a fixed key order; the same report always gives the
   * same bytes (LF line ends, no NaN: a mean of no customers is {@code null}).
   *
   * @return the JSON text, ending in a newline
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * Renders the report as {@link #toJson()} does, followed by extra top-level members: the batch
   * job adds its read counts under {@code input}.
   *
   * @param extra members to append, in order; values are maps, lists, strings, numbers (integers
   *     as they are, others at 4 decimals), booleans or null
   * @return the JSON text, ending in a newline
   * @since 0.1.0
   */
  public String toJson(Map<String, ?> extra) {
    return ReportJson.write(this, extra);
  }

  /**
   * Renders the report as fixed-width text tables for a terminal: shares as percentages with one
   * decimal, money with thousands separators.
   *
   * @return the text, ending in a newline
   */
  public String toTable() {
    return ReportTable.write(this);
  }

  /**
   * Summarises the report in a few sentences, for example "Core customers are 4.2% of customers and
   * hold 61.3% of revenue."
   *
   * @return one sentence a line, ending in a newline
   */
  public String headline() {
    return ReportTable.headline(this);
  }

  /**
   * The population's totals.
   *
   * @param customers customers added to the report
   * @param classified customers with a label on every dimension (none {@code UNCLASSIFIED})
   * @param rejectedRows input rows rejected by the readers (the sum of {@link #rejectedByReason()})
   * @param revenue total of the revenue metric (customers without it count as 0)
   * @param revenueMissing customers without the revenue metric
   */
  public record Totals(long customers, long classified, long rejectedRows, double revenue, long revenueMissing) {}

  /**
   * One dimension's segments.
   *
   * @param id the dimension id
   * @param segments one per label in the dimension's order, then {@code UNCLASSIFIED} if any
   *     customer had it
   */
  public record DimensionSummary(String id, List<Segment> segments) {

    /**
     * Copies the list.
     *
     * @param id the dimension id
     * @param segments one per label in the dimension's order, then {@code UNCLASSIFIED} if any
     *     customer had it
     */
    public DimensionSummary {
      Objects.requireNonNull(id, "id");
      segments = List.copyOf(segments);
    }

    /**
     * Finds a segment by label.
     *
     * @param label a label name, or {@code UNCLASSIFIED}
     * @return the segment, or empty if the dimension has no such label or nobody is unclassified
     */
    public Optional<Segment> segment(String label) {
      return segments.stream().filter(s -> s.label().equals(label)).findFirst();
    }
  }

  /**
   * One label of one dimension.
   *
   * @param label the label name
   * @param customers customers with this label
   * @param customerShare their share of all customers
   * @param revenue their total revenue
   * @param revenueShare their share of total revenue
   * @param means the feature means, in {@link SegmentationReport#meanFeatures()} order
   * @param lackOfData how many of the customers were given the label for lack of data rather than
   *     measured ({@link org.clientele.api.Segments#isFallback(int)}); 0 for UNCLASSIFIED
   */
  public record Segment(
      String label, long customers, double customerShare, double revenue, double revenueShare, List<FeatureMean> means,
      long lackOfData) {

    /**
     * Copies the list.
     *
     * @param label the label name
     * @param customers customers with this label
     * @param customerShare their share of all customers
     * @param revenue their total revenue
     * @param revenueShare their share of total revenue
     * @param means the feature means, in {@link SegmentationReport#meanFeatures()} order
     * @param lackOfData how many of the customers were given the label for lack of data
     */
    public Segment {
      Objects.requireNonNull(label, "label");
      means = List.copyOf(means);
    }

    /**
     * Finds a feature's mean.
     *
     * @param feature a feature name from {@link SegmentationReport#meanFeatures()}
     * @return the mean
     * @throws IllegalArgumentException if the report does not measure that feature
     */
    public FeatureMean mean(String feature) {
      return findMean(means, feature);
    }
  }

  /**
   * A feature's mean over the customers that have it.
   *
   * @param feature the feature's name
   * @param customers how many customers had the feature
   * @param mean the mean, or empty if no customer had it
   */
  public record FeatureMean(String feature, long customers, OptionalDouble mean) {

    /**
     * Checks the parts.
     *
     * @param feature the feature's name
     * @param customers how many customers had the feature
     * @param mean the mean, or empty if no customer had it
     */
    public FeatureMean {
      Objects.requireNonNull(feature, "feature");
      Objects.requireNonNull(mean, "mean");
    }
  }

  /**
   * Two dimensions crossed: customers and revenue for every pair of labels.
   *
   * @param rowDimension the dimension down the side
   * @param columnDimension the dimension across
   * @param columnLabels the column labels, in the dimension's order, then {@code UNCLASSIFIED} if
   *     any customer had it
   * @param rows one per row label (same rule), each with one cell per column label
   */
  public record CrossTab(String rowDimension, String columnDimension, List<String> columnLabels, List<CrossTabRow> rows) {

    /**
     * Copies the lists.
     *
     * @param rowDimension the dimension down the side
     * @param columnDimension the dimension across
     * @param columnLabels the column labels, in the dimension's order, then {@code UNCLASSIFIED} if
     *     any customer had it
     * @param rows one per row label (same rule), each with one cell per column label
     */
    public CrossTab {
      Objects.requireNonNull(rowDimension, "rowDimension");
      Objects.requireNonNull(columnDimension, "columnDimension");
      columnLabels = List.copyOf(columnLabels);
      rows = List.copyOf(rows);
    }

    /**
     * Returns one cell.
     *
     * @param rowLabel a label of the row dimension
     * @param columnLabel a label of the column dimension
     * @return the cell
     * @throws IllegalArgumentException if either label is not in the table
     */
    public Cell cell(String rowLabel, String columnLabel) {
      for (CrossTabRow r : rows) {
        if (r.label().equals(rowLabel)) {
          for (Cell c : r.cells()) {
            if (c.label().equals(columnLabel)) {
              return c;
            }
          }
        }
      }
      throw new IllegalArgumentException(
          "No cell " + rowLabel + " × " + columnLabel + " in cross-tab " + rowDimension + " × " + columnDimension);
    }
  }

  /**
   * One row of a cross-tab.
   *
   * @param label the row's label
   * @param cells one per column label
   */
  public record CrossTabRow(String label, List<Cell> cells) {

    /**
     * Copies the list.
     *
     * @param label the row's label
     * @param cells one per column label
     */
    public CrossTabRow {
      Objects.requireNonNull(label, "label");
      cells = List.copyOf(cells);
    }
  }

  /**
   * One cell of a cross-tab.
   *
   * @param label the column's label
   * @param customers customers with both labels
   * @param revenue their revenue
   * @param revenueShare their share of total revenue
   */
  public record Cell(String label, long customers, double revenue, double revenueShare) {}

  /**
   * How concentrated revenue is. Customers are sorted by revenue, largest first, and the curve
   * between whole customers is linear (a Lorenz curve), so "the top 1% of 12 customers" is 0.12 of
   * the largest one.
   *
   * @param points the revenue share of the top 1%, 5%, 10%, 20% and 50% of customers
   * @param customerShareFor80 the smallest share of customers holding 80% of revenue
   * @param customersFor80 the number of whole customers, largest first, needed to reach 80% of revenue
   * @param curve the whole curve: {@value #CURVE_STEPS} + 1 points, the revenue share of the top 0%,
   *     1%, 2%, ... 100% of customers (all zero when there is no positive revenue), for drawing it
   */
  public record ParetoCurve(
      List<ParetoPoint> points, double customerShareFor80, long customersFor80, List<ParetoPoint> curve) {

    /**
     * The number of steps of {@link #curve()}: one per percent of customers.
     *
     * @since 0.1.0
     */
    public static final int CURVE_STEPS = 100;

    /**
     * Copies the lists.
     *
     * @param points the revenue share of the top 1%, 5%, 10%, 20% and 50% of customers
     * @param customerShareFor80 the smallest share of customers holding 80% of revenue
     * @param customersFor80 the number of whole customers, largest first, needed to reach 80% of revenue
     * @param curve the whole curve, {@value #CURVE_STEPS} + 1 points
     */
    public ParetoCurve {
      points = List.copyOf(points);
      curve = List.copyOf(curve);
    }
  }

  /**
   * One point of the Pareto curve.
   *
   * @param customerShare the top share of customers, for example 0.2
   * @param revenueShare the share of revenue they hold
   */
  public record ParetoPoint(double customerShare, double revenueShare) {}

  /**
   * What the strategy decided over the whole population: for every action code, how many customers
   * got it and how much revenue they hold. A customer counts once per code even if its plan lists the
   * code twice; a customer with several actions counts under each.
   *
   * @param customersWithActions customers whose plan has at least one action
   * @param revenueWithActions their revenue
   * @param actions one line per action code, most customers first, then by code
   * @since 0.1.0
   */
  public record PlanSummary(long customersWithActions, double revenueWithActions, List<PlanLine> actions) {

    /** An empty summary: no customer had a plan. */
    public static final PlanSummary EMPTY = new PlanSummary(0, 0.0, List.of());

    /**
     * Copies the list.
     *
     * @param customersWithActions customers whose plan has at least one action
     * @param revenueWithActions their revenue
     * @param actions one line per action code, most customers first, then by code
     */
    public PlanSummary {
      actions = List.copyOf(actions);
    }

    /**
     * Finds an action's line.
     *
     * @param code an action code
     * @return the line, or empty if no customer got that action
     */
    public Optional<PlanLine> action(String code) {
      return actions.stream().filter(a -> a.code().equals(code)).findFirst();
    }
  }

  /**
   * One action of the {@link PlanSummary}.
   *
   * @param code the action code
   * @param category its category (when plans disagree for one code, the first in {@link
   *     ActionCategory} order)
   * @param customers customers whose plan has this action
   * @param customerShare their share of all customers
   * @param revenue their revenue
   * @param revenueShare their share of total revenue
   * @since 0.1.0
   */
  public record PlanLine(
      String code, ActionCategory category, long customers, double customerShare, double revenue, double revenueShare) {

    /**
     * Checks the parts.
     *
     * @param code the action code
     * @param category its category (when plans disagree for one code, the first in {@link ActionCategory} order)
     * @param customers customers whose plan has this action
     * @param customerShare their share of all customers
     * @param revenue their revenue
     * @param revenueShare their share of total revenue
     */
    public PlanLine {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(category, "category");
    }
  }

  static FeatureMean findMean(List<FeatureMean> means, String feature) {
    for (FeatureMean m : means) {
      if (m.feature().equals(feature)) {
        return m;
      }
    }
    throw new IllegalArgumentException("The report has no mean for feature '" + feature + "'");
  }
}
