package org.clientele.core.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Segments;
import org.clientele.core.Classification;
import org.clientele.core.ClassificationBuffer;
import org.clientele.core.Engine;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport.Cell;
import org.clientele.core.report.SegmentationReport.CrossTab;
import org.clientele.core.report.SegmentationReport.CrossTabRow;
import org.clientele.core.report.SegmentationReport.DimensionSummary;
import org.clientele.core.report.SegmentationReport.FeatureMean;
import org.clientele.core.report.SegmentationReport.ParetoCurve;
import org.clientele.core.report.SegmentationReport.ParetoPoint;
import org.clientele.core.report.SegmentationReport.PlanLine;
import org.clientele.core.report.SegmentationReport.PlanSummary;
import org.jspecify.annotations.Nullable;
import org.clientele.core.report.SegmentationReport.Segment;
import org.clientele.core.report.SegmentationReport.Totals;

/**
 * Collects a {@link SegmentationReport} in one streaming pass: {@link #add} each customer with its
 * classification, then {@link #build}. Not thread-safe: give each worker thread its own
 * accumulator and {@link #merge} them at the end; the result is the same, to the last bit, as one
 * accumulator fed everything in any order (sums are exact, see below).
 *
 * <p>Memory is constant in the number of customers (counters and sums per label, per cross-tab
 * cell and per feature), except for the Pareto curve: it needs the whole revenue distribution, so
 * the accumulator keeps every customer's revenue in a primitive {@code double} array, 8 bytes a
 * customer (8 MB per million customers). Turn it off with {@link
 * ReportOptions.Builder#paretoCurve(boolean)} for populations that do not fit.
 *
 * <p>Sums of revenue and of features are kept exactly (as non-overlapping partials, Shewchuk's
 * algorithm) and rounded once when the report is built, so the order of customers and of merges
 * does not change a single bit of the report.
 *
 * @since 0.1.0
 */
public final class ReportAccumulator {

  private static final double[] PARETO_TOPS = {0.01, 0.05, 0.10, 0.20, 0.50};
  private static final double PARETO_TARGET = 0.80;

  private final List<Dimension> dimensions;
  private final ReportOptions options;
  // The construction arguments, to make an empty twin that reads another JVM's state (mergeState).
  private final List<Set<Feature<?>>> inputs;
  private final List<Set<Feature<?>>> unplacedInputs;
  private final Map<String, Map<String, Object>> calibrations;
  private final List<Feature<Double>> features;
  private final List<String> skippedCrossTabs;
  // Cross-tab positions: rows[t], columns[t] index into dimensions.
  private final int[] tabRows;
  private final int[] tabColumns;

  private long customers;
  private long classified;
  private long revenueMissing;
  private final long[] overallHave;
  private final ExactSum[] overallSum;
  // Per dimension d and slot s (0..size-1 the labels, size for UNCLASSIFIED).
  private final long[][] slotCustomers;
  // Per dimension d and label: the customers whose label was decided for lack of data.
  private final long[][] fallbackCustomers;
  // Values present but not placed (an industry code "N/A", a region type no mapping knows).
  private final UnplacedTally unplaced;
  private final long[][][] slotHave; // [d][s][feature]
  private final ExactSum[][][] slotSum; // [d][s][feature]; feature 0 is the revenue metric
  // Per cross-tab t, cell r * (columns + 1) + c.
  private final long[][] cellCustomers;
  private final ExactSum[][] cellRevenue;
  private double[] revenues;
  private int revenueCount;
  // The plan summary: per action code, customers and revenue; a tally is made once per code.
  private final Map<String, ActionTally> actionTallies = new HashMap<>();
  private long customersWithActions;
  private final ExactSum revenueWithActions = new ExactSum();

  private final QualityTally quality;
  // The R x F grid of the rfm dimension (-1 without one): the built-in's score is the RFM code.
  private final int rfmPosition;
  private final long[] rfmCustomers = new long[25];
  private final ExactSum[] rfmRevenue = sums(25);
  private final int[] rfmSegment = new int[25];
  private final List<SegmentationReport.QualityWarning> runWarnings = new ArrayList<>();
  // The purchase pattern's axes and cut-offs, read from the engine's model (null without one).
  private final @Nullable PurchaseAxes purchaseAxes;

  // Per-customer scratch, so that add() allocates nothing.
  private final double[] values;
  private final int[] slots;

  private ReportAccumulator(List<Dimension> dimensions, ReportOptions options, List<Set<Feature<?>>> inputs,
      List<Set<Feature<?>>> unplacedInputs, Map<String, Map<String, Object>> calibrations,
      @Nullable PurchaseAxes purchaseAxes) {
    this.purchaseAxes = purchaseAxes;
    this.dimensions = List.copyOf(dimensions);
    this.options = options;
    this.inputs = List.copyOf(inputs);
    this.unplacedInputs = List.copyOf(unplacedInputs);
    this.unplaced = new UnplacedTally(this.dimensions, this.unplacedInputs);
    this.calibrations = calibrations;
    this.features = options.meanFeatures();
    int f = features.size();
    int d = this.dimensions.size();
    overallHave = new long[f];
    overallSum = sums(f);
    slotCustomers = new long[d][];
    fallbackCustomers = new long[d][];
    slotHave = new long[d][][];
    slotSum = new ExactSum[d][][];
    for (int i = 0; i < d; i++) {
      int n = this.dimensions.get(i).size() + 1;
      slotCustomers[i] = new long[n];
      fallbackCustomers[i] = new long[n];
      slotHave[i] = new long[n][f];
      slotSum[i] = new ExactSum[n][];
      for (int s = 0; s < n; s++) {
        slotSum[i][s] = sums(f);
      }
    }
    List<int[]> tabs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ReportOptions.CrossTabSpec spec : options.crossTabs()) {
      int r = position(spec.rows());
      int c = position(spec.columns());
      if (r < 0 || c < 0) {
        String missing = r < 0 && c < 0 ? "dimensions '" + spec.rows() + "' and '" + spec.columns() + "' are"
            : "dimension '" + (r < 0 ? spec.rows() : spec.columns()) + "' is";
        skipped.add("Cross-tab " + spec.rows() + " × " + spec.columns() + " skipped: " + missing + " not configured.");
      } else {
        tabs.add(new int[] {r, c});
      }
    }
    skippedCrossTabs = List.copyOf(skipped);
    tabRows = tabs.stream().mapToInt(t -> t[0]).toArray();
    tabColumns = tabs.stream().mapToInt(t -> t[1]).toArray();
    cellCustomers = new long[tabs.size()][];
    cellRevenue = new ExactSum[tabs.size()][];
    for (int t = 0; t < tabs.size(); t++) {
      int n = (this.dimensions.get(tabRows[t]).size() + 1) * (this.dimensions.get(tabColumns[t]).size() + 1);
      cellCustomers[t] = new long[n];
      cellRevenue[t] = sums(n);
    }
    revenues = new double[options.paretoCurve() ? 1024 : 0];
    values = new double[f];
    slots = new int[d];
    quality = new QualityTally(this.dimensions, inputs, options.contactFeatures(), calibrations, options.minSegmentShare(), f);
    rfmPosition = position("rfm");
    java.util.Arrays.fill(rfmSegment, -1);
  }

  /**
   * Creates an empty accumulator.
   *
   * @param dimensions the engine's dimensions, in engine order ({@link Engine#dimensions()})
   * @param options what to measure
   * @return the accumulator
   */
  public static ReportAccumulator create(List<Dimension> dimensions, ReportOptions options) {
    Objects.requireNonNull(dimensions, "dimensions");
    Objects.requireNonNull(options, "options");
    List<Set<Feature<?>>> none = new ArrayList<>();
    dimensions.forEach(dim -> none.add(Set.of()));
    return new ReportAccumulator(dimensions, options, none, none, Map.of(), null);
  }

  /**
   * Creates an empty accumulator for an engine's dimensions.
   *
   * @param engine the engine whose results will be added
   * @param options what to measure
   * @return the accumulator
   */
  public static ReportAccumulator create(Engine engine, ReportOptions options) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(options, "options");
    // With an engine the quality part knows each classifier's inputs (measurable) and the
    // calibrated cut points (tied cut points).
    List<Set<Feature<?>>> inputs = new ArrayList<>();
    engine.dimensions().forEach(dim -> inputs.add(engine.inputs(dim.id())));
    // And the inputs whose present values a classifier may not place (Classifier.unplacedInputs()).
    List<Set<Feature<?>>> unplacedInputs = new ArrayList<>();
    engine.dimensions().forEach(dim -> unplacedInputs.add(engine.unplacedInputs(dim.id())));
    Map<String, Map<String, Object>> calibrations = new LinkedHashMap<>();
    PurchaseAxes axes = null;
    for (org.clientele.core.Model.Section section : engine.model().dimensions()) {
      if (section.settings().get(org.clientele.api.spi.ClassifierProvider.CALIBRATION_KEY) instanceof Map<?, ?> cal) {
        Map<String, Object> copy = new LinkedHashMap<>();
        cal.forEach((k, v) -> copy.put(String.valueOf(k), v));
        calibrations.put(section.id(), copy);
      }
      if (section.id().equals(PURCHASE_PATTERN)) {
        axes = PurchaseAxes.of(section.settings());
      }
    }
    return new ReportAccumulator(engine.dimensions(), options, inputs, unplacedInputs, calibrations, axes);
  }

  /**
   * Returns the options this accumulator measures with.
   *
   * @return the options
   */
  public ReportOptions options() {
    return options;
  }

  /**
   * Returns the number of customers added so far (merges included).
   *
   * @return the count
   */
  public long customers() {
    return customers;
  }

  /**
   * Adds one customer and its labels without allocating: a {@link Classification}, a reused {@link
   * ClassificationBuffer} right after {@link Engine#classify(Customer, ClassificationBuffer)}, or
   * any other {@link Segments}.
   *
   * @param customer the customer
   * @param segments its labels, with this accumulator's dimensions in the same order
   * @throws IllegalArgumentException if the labels have other dimensions, or the result is of
   *     another customer
   */
  public void add(Customer customer, Segments segments) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(segments, "segments");
    String owner = segments instanceof ClassificationBuffer b ? b.customerId()
        : segments instanceof Classification c ? c.customerId() : null;
    if (owner != null && !customer.id().equals(owner)) {
      throw new IllegalArgumentException(
          "The result is of customer '" + owner + "', not '" + customer.id() + "'");
    }
    if (segments.size() != slots.length) {
      throw otherDimensions(segmentDimensions(segments));
    }
    for (int d = 0; d < slots.length; d++) {
      Dimension theirs = segments.dimension(d);
      if (theirs != dimensions.get(d) && !theirs.equals(dimensions.get(d))) {
        throw otherDimensions(segmentDimensions(segments));
      }
      slots[d] = slot(d, segments.labelIndex(d));
      if (segments.isFallback(d)) {
        fallbackCustomers[d][slots[d]]++;
      }
    }
    unplaced.add(customer, segments);
    double revenue = accumulate(customer);
    quality.add(customer, slots, values);
    if (rfmPosition >= 0) {
      rfmCell(segments.score(rfmPosition), slots[rfmPosition], revenue);
    }
    // The plan summary; no lambdas or iterators, so that add() still allocates nothing.
    if (segments instanceof ClassificationBuffer b) {
      int n = b.actionCount();
      if (n > 0) {
        planned(revenue);
      }
      for (int i = 0; i < n; i++) {
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = b.action(j).code().equals(b.action(i).code());
        }
        if (!seen) {
          tally(b.action(i), revenue);
        }
      }
    } else if (segments instanceof Classification c) {
      List<Action> actions = c.plan().actions();
      if (!actions.isEmpty()) {
        planned(revenue);
      }
      for (int i = 0; i < actions.size(); i++) {
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = actions.get(j).code().equals(actions.get(i).code());
        }
        if (!seen) {
          tally(actions.get(i), revenue);
        }
      }
    }
  }

  /** Counts the customer in its R x F cell when the score is an RFM code (111 to 555). */
  private void rfmCell(double code, int slot, double revenue) {
    if (!(code >= 111 && code <= 555) || code != Math.rint(code)) {
      return;
    }
    int c = (int) code;
    int r = c / 100;
    int f = c / 10 % 10;
    if (r < 1 || r > 5 || f < 1 || f > 5) {
      return;
    }
    int cell = (r - 1) * 5 + (f - 1);
    rfmCustomers[cell]++;
    rfmRevenue[cell].add(revenue);
    rfmSegment[cell] = rfmSegment[cell] < 0 ? slot : Math.min(rfmSegment[cell], slot);
  }

  private void planned(double revenue) {
    customersWithActions++;
    revenueWithActions.add(revenue);
  }

  private void tally(Action action, double revenue) {
    ActionTally t = actionTallies.get(action.code());
    if (t == null) {
      t = new ActionTally(action.category());
      actionTallies.put(action.code(), t);
    }
    t.add(action.category(), 1, revenue);
  }

  /**
   * Adds a warning about the run itself to the report's quality part, such as a dimension the
   * batch job had to leave out. It comes before the warnings the accumulator finds.
   *
   * @param warning the warning
   * @since 0.1.0
   */
  public void addWarning(SegmentationReport.QualityWarning warning) {
    runWarnings.add(Objects.requireNonNull(warning, "warning"));
  }

  /**
   * Adds, as run warnings, what the engine found when it was built and a reader of the report must
   * not miss: each feature step's diagnostics ({@code feature_step}: a doubtful fit, a small book)
   * and the strategy's warnings ({@code strategy}: for the playbook, a coverage gap under {@code
   * "coverage": "warn"}, plugin rules a replacing playbook leaves out, two jars with rules for one
   * dimension). The engine logs them at WARN when it is built; a person reading the report or
   * running with {@code --strict-quality} sees them here. Call it once per report, on the
   * accumulator that builds it (like {@link #addWarning}).
   *
   * @param engine the engine the report's results came from
   * @since 0.1.0
   */
  public void addEngineWarnings(Engine engine) {
    for (String d : engine.featureDiagnostics()) {
      int colon = d.indexOf(':');
      addWarning(new SegmentationReport.QualityWarning("feature_step", colon > 0 ? d.substring(0, colon) : "", "", d));
    }
    for (String w : engine.strategyWarnings()) {
      addWarning(new SegmentationReport.QualityWarning("strategy", "", "", w));
    }
  }

  /**
   * Adds everything another accumulator collected; the other one is left unchanged.
   *
   * @param other an accumulator with the same dimensions and options
   * @throws IllegalArgumentException if the dimensions or options differ, or other is this
   */
  public void merge(ReportAccumulator other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("Cannot merge a report accumulator into itself");
    }
    if (!other.dimensions.equals(dimensions)) {
      throw otherDimensions(other.dimensions);
    }
    if (!other.options.equals(options)) {
      throw new IllegalArgumentException(
          "Cannot merge report accumulators with different options: " + options + " and " + other.options);
    }
    customers += other.customers;
    classified += other.classified;
    revenueMissing += other.revenueMissing;
    for (int f = 0; f < features.size(); f++) {
      overallHave[f] += other.overallHave[f];
      overallSum[f].merge(other.overallSum[f]);
    }
    for (int d = 0; d < slotCustomers.length; d++) {
      for (int s = 0; s < slotCustomers[d].length; s++) {
        slotCustomers[d][s] += other.slotCustomers[d][s];
        fallbackCustomers[d][s] += other.fallbackCustomers[d][s];
        for (int f = 0; f < features.size(); f++) {
          slotHave[d][s][f] += other.slotHave[d][s][f];
          slotSum[d][s][f].merge(other.slotSum[d][s][f]);
        }
      }
    }
    for (int t = 0; t < cellCustomers.length; t++) {
      for (int i = 0; i < cellCustomers[t].length; i++) {
        cellCustomers[t][i] += other.cellCustomers[t][i];
        cellRevenue[t][i].merge(other.cellRevenue[t][i]);
      }
    }
    quality.merge(other.quality);
    unplaced.merge(other.unplaced);
    for (int i = 0; i < 25; i++) {
      rfmCustomers[i] += other.rfmCustomers[i];
      rfmRevenue[i].merge(other.rfmRevenue[i]);
      if (other.rfmSegment[i] >= 0) {
        rfmSegment[i] = rfmSegment[i] < 0 ? other.rfmSegment[i] : Math.min(rfmSegment[i], other.rfmSegment[i]);
      }
    }
    runWarnings.addAll(other.runWarnings);
    customersWithActions += other.customersWithActions;
    revenueWithActions.merge(other.revenueWithActions);
    for (Map.Entry<String, ActionTally> e : other.actionTallies.entrySet()) {
      ActionTally theirs = e.getValue();
      ActionTally mine = actionTallies.computeIfAbsent(e.getKey(), k -> new ActionTally(theirs.category));
      mine.merge(theirs);
    }
    if (options.paretoCurve()) {
      ensureRevenueCapacity(revenueCount + other.revenueCount);
      System.arraycopy(other.revenues, 0, revenues, revenueCount, other.revenueCount);
      revenueCount += other.revenueCount;
    }
  }

  /**
   * Writes everything this accumulator collected, so that an accumulator in another JVM (a Spark
   * driver) can {@link #mergeState merge} it: counters, exact sums (their partials, so the merged
   * report is still exact to the last bit), the plan tallies and, with the Pareto curve on, the
   * revenues. The dimensions and options are not written: the reader must have the same ones.
   *
   * @return the state; this accumulator is unchanged
   * @throws IllegalStateException if a warning was added with {@link #addWarning}: add run
   *     warnings to the accumulator that builds the report, not to one whose state travels
   * @since 0.1.0
   */
  public byte[] state() {
    if (!runWarnings.isEmpty()) {
      throw new IllegalStateException(
          "run warnings are not part of an accumulator's state; add them to the accumulator that builds the report");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(STATE_FORMAT);
      out.writeInt(dimensions.size());
      out.writeInt(features.size());
      out.writeInt(cellCustomers.length);
      out.writeLong(customers);
      out.writeLong(classified);
      out.writeLong(revenueMissing);
      writeLongs(out, overallHave);
      writeSums(out, overallSum);
      for (int d = 0; d < slotCustomers.length; d++) {
        writeLongs(out, slotCustomers[d]);
        writeLongs(out, fallbackCustomers[d]);
        for (int sl = 0; sl < slotCustomers[d].length; sl++) {
          writeLongs(out, slotHave[d][sl]);
          writeSums(out, slotSum[d][sl]);
        }
      }
      for (int t = 0; t < cellCustomers.length; t++) {
        writeLongs(out, cellCustomers[t]);
        writeSums(out, cellRevenue[t]);
      }
      for (long[][] perSlot : quality.haveInput) {
        for (long[] have : perSlot) {
          writeLongs(out, have);
        }
      }
      for (long[] contact : quality.contactable) {
        writeLongs(out, contact);
      }
      writeLongs(out, quality.contradicting);
      unplaced.write(out);
      writeSums(out, quality.overallSquares);
      writeLongs(out, rfmCustomers);
      writeSums(out, rfmRevenue);
      for (int segment : rfmSegment) {
        out.writeInt(segment);
      }
      out.writeLong(customersWithActions);
      revenueWithActions.write(out);
      out.writeInt(actionTallies.size());
      for (Map.Entry<String, ActionTally> e : new TreeMap<>(actionTallies).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue().category.name());
        out.writeLong(e.getValue().customers);
        e.getValue().revenue.write(out);
      }
      out.writeInt(revenueCount);
      for (int i = 0; i < revenueCount; i++) {
        out.writeDouble(revenues[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Adds what another accumulator collected, from its {@link #state()}; the same as {@link
   * #merge(ReportAccumulator)} with that accumulator.
   *
   * @param state the bytes of an accumulator with the same dimensions and options
   * @throws IllegalArgumentException if the bytes are not a state of this accumulator's shape
   * @since 0.1.0
   */
  public void mergeState(byte[] state) {
    Objects.requireNonNull(state, "state");
    ReportAccumulator other = new ReportAccumulator(dimensions, options, inputs, unplacedInputs, calibrations, purchaseAxes);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int format = in.readInt();
      int dims = in.readInt();
      int feats = in.readInt();
      int tabs = in.readInt();
      if (format != STATE_FORMAT || dims != dimensions.size() || feats != features.size() || tabs != cellCustomers.length) {
        throw new IllegalArgumentException(
            "not a report state of these dimensions and options (format " + format + ", " + dims + " dimensions, "
                + feats + " features, " + tabs + " cross-tabs; expected " + dimensions.size() + ", " + features.size()
                + ", " + cellCustomers.length + ")");
      }
      other.customers = in.readLong();
      other.classified = in.readLong();
      other.revenueMissing = in.readLong();
      readLongs(in, other.overallHave);
      readSums(in, other.overallSum);
      for (int d = 0; d < other.slotCustomers.length; d++) {
        readLongs(in, other.slotCustomers[d]);
        readLongs(in, other.fallbackCustomers[d]);
        for (int sl = 0; sl < other.slotCustomers[d].length; sl++) {
          readLongs(in, other.slotHave[d][sl]);
          readSums(in, other.slotSum[d][sl]);
        }
      }
      for (int t = 0; t < other.cellCustomers.length; t++) {
        readLongs(in, other.cellCustomers[t]);
        readSums(in, other.cellRevenue[t]);
      }
      for (long[][] perSlot : other.quality.haveInput) {
        for (long[] have : perSlot) {
          readLongs(in, have);
        }
      }
      for (long[] contact : other.quality.contactable) {
        readLongs(in, contact);
      }
      readLongs(in, other.quality.contradicting);
      other.unplaced.read(in);
      readSums(in, other.quality.overallSquares);
      readLongs(in, other.rfmCustomers);
      readSums(in, other.rfmRevenue);
      for (int i = 0; i < other.rfmSegment.length; i++) {
        other.rfmSegment[i] = in.readInt();
      }
      other.customersWithActions = in.readLong();
      other.revenueWithActions.read(in);
      int tallies = in.readInt();
      for (int i = 0; i < tallies; i++) {
        String code = in.readUTF();
        ActionTally t = new ActionTally(ActionCategory.valueOf(in.readUTF()));
        t.customers = in.readLong();
        t.revenue.read(in);
        other.actionTallies.put(code, t);
      }
      int n = in.readInt();
      if (n < 0 || (n > 0 && !options.paretoCurve())) {
        throw new IllegalArgumentException("report state holds " + n + " revenues; these options keep " + (options.paretoCurve() ? "any" : "none"));
      }
      other.ensureRevenueCapacity(n);
      for (int i = 0; i < n; i++) {
        other.revenues[i] = in.readDouble();
      }
      other.revenueCount = n;
      if (in.available() > 0) {
        throw new IllegalArgumentException("report state has " + in.available() + " bytes left over (another shape?)");
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException("report state is truncated (or of another shape)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    merge(other);
  }

  private static final int STATE_FORMAT = 3; // 3: unplaced values replace the unreadable-input counts

  private static void writeLongs(DataOutput out, long[] values) throws IOException {
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static void readLongs(DataInput in, long[] into) throws IOException {
    for (int i = 0; i < into.length; i++) {
      into[i] = in.readLong();
    }
  }

  private static void writeSums(DataOutput out, ExactSum[] sums) throws IOException {
    for (ExactSum sum : sums) {
      sum.write(out);
    }
  }

  private static void readSums(DataInput in, ExactSum[] into) throws IOException {
    for (ExactSum sum : into) {
      sum.read(in);
    }
  }

  /**
   * Builds the report with no rejected rows and no classifier errors.
   *
   * @return the report
   */
  public SegmentationReport build() {
    return build(Map.of(), Map.of());
  }

  /**
   * Builds the report. The accumulator stays usable: more customers may be added and the report
   * built again.
   *
   * @param rejectedByReason rejected input rows by reason, as the readers counted them
   * @param errorCounts classifier failures by dimension id, from {@link Engine#errorCounts()}
   * @return the report
   * @throws IllegalArgumentException if a count is negative
   */
  public SegmentationReport build(Map<String, Long> rejectedByReason, Map<String, Long> errorCounts) {
    Objects.requireNonNull(rejectedByReason, "rejectedByReason");
    Objects.requireNonNull(errorCounts, "errorCounts");
    Map<String, Long> rejected = new TreeMap<>();
    long rejectedRows = 0;
    for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
      long n = checkCount(e.getValue(), "rejectedByReason", e.getKey());
      rejected.put(Objects.requireNonNull(e.getKey(), "reason"), n);
      rejectedRows += n;
    }
    double totalRevenue = overallSum[0].value();
    List<String> notes = new ArrayList<>(skippedCrossTabs);

    List<DimensionSummary> dims = new ArrayList<>(dimensions.size());
    for (int d = 0; d < dimensions.size(); d++) {
      Dimension dim = dimensions.get(d);
      List<Segment> segments = new ArrayList<>();
      for (int s = 0; s < slotCustomers[d].length; s++) {
        if (s == dim.size() && slotCustomers[d][s] == 0) {
          continue; // UNCLASSIFIED only when it happened
        }
        double revenue = slotSum[d][s][0].value();
        segments.add(new Segment(
            dim.label(s == dim.size() ? -1 : s),
            slotCustomers[d][s],
            share(slotCustomers[d][s], customers),
            revenue,
            share(revenue, totalRevenue),
            means(slotHave[d][s], slotSum[d][s]),
            fallbackCustomers[d][s]));
      }
      dims.add(new DimensionSummary(dim.id(), segments));
    }

    List<CrossTab> tabs = new ArrayList<>(tabRows.length);
    for (int t = 0; t < tabRows.length; t++) {
      tabs.add(crossTab(t, totalRevenue));
    }

    ParetoCurve pareto = options.paretoCurve() ? pareto(totalRevenue) : null;
    if (customers > 0 && !(totalRevenue > 0)) {
      notes.add("Total " + options.revenueMetric().name() + " is not positive: revenue shares are reported as 0.");
    }
    if (revenueMissing > 0) {
      notes.add(revenueMissing + " of " + customers + " customers have no " + options.revenueMetric().name()
          + " and count as 0 revenue.");
    }
    for (int d = 0; d < dimensions.size(); d++) {
      if (unplaced.any(d) && !unplaced.isWarning(d)) {
        notes.add(unplaced.text(d)); // a few: a note; from 5% of the customers with a value, a warning
      }
    }
    for (int f = 0; f < features.size(); f++) {
      if (customers > 0 && overallHave[f] == 0) {
        notes.add("No customer has feature '" + features.get(f).name() + "': its means are empty.");
      }
    }

    Map<String, Long> errors = new LinkedHashMap<>();
    for (Dimension dim : dimensions) {
      if (errorCounts.containsKey(dim.id())) {
        errors.put(dim.id(), checkCount(errorCounts.get(dim.id()), "errorCounts", dim.id()));
      }
    }
    for (Map.Entry<String, Long> e : new TreeMap<>(errorCounts).entrySet()) {
      if (!errors.containsKey(e.getKey())) {
        errors.put(e.getKey(), checkCount(e.getValue(), "errorCounts", e.getKey()));
      }
    }

    return new SegmentationReport(
        options.revenueMetric().name(),
        features.stream().map(Feature::name).toList(),
        new Totals(customers, classified, rejectedRows, totalRevenue, revenueMissing),
        dims,
        tabs,
        pareto,
        means(overallHave, overallSum),
        rejected,
        errors,
        notes,
        planSummary(totalRevenue),
        withLackOfData(withRunWarnings(quality.build(slotCustomers, slotHave, slotSum, overallHave, overallSum, customers))),
        rfmGrid(),
        purchaseGrid(dims));
  }

  /** The id of the built-in purchase pattern dimension, whose quadrants the report draws as a grid. */
  static final String PURCHASE_PATTERN = "purchase_pattern";

  /**
   * The purchase pattern's axes and cut-offs as its model section holds them: the calibration's
   * (quantile method) or the configured ones (threshold method), under the built-in's keys.
   */
  private record PurchaseAxes(String frequency, String orderValue, double frequencyCutoff, double orderValueCutoff,
      String basis, List<String> notes) {

    static PurchaseAxes of(Map<String, Object> settings) {
      Object c = settings.get(org.clientele.api.spi.ClassifierProvider.CALIBRATION_KEY);
      Map<?, ?> cal = c instanceof Map<?, ?> m ? m : Map.of();
      String frequency = text(cal.get("frequencyFeature"), text(settings.get("frequencyFeature"),
          org.clientele.api.StandardFeatures.ORDERS_12M.name()));
      String orderValue = text(cal.get("orderValueFeature"), text(settings.get("orderValueFeature"),
          org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE.name()));
      String basis;
      if (cal.isEmpty()) {
        basis = "configured cut-offs (method threshold)";
      } else {
        basis = quantile(settings.get("frequencyQuantile")) + " of " + count(cal.get("frequencyPopulation")) + " customers with "
            + frequency + ", " + quantile(settings.get("orderValueQuantile")) + " of " + count(cal.get("orderValuePopulation"))
            + " with " + orderValue;
      }
      List<String> notes = new ArrayList<>();
      if (cal.get("degenerate") instanceof List<?> list) {
        list.forEach(n -> notes.add(String.valueOf(n)));
      }
      Map<?, ?> source = cal.isEmpty() ? settings : cal;
      return new PurchaseAxes(frequency, orderValue, number(source.get("frequencyCutoff")),
          number(source.get("orderValueCutoff")), basis, notes);
    }

    private static String text(@Nullable Object v, String otherwise) {
      return v instanceof String s ? s : otherwise;
    }

    private static double number(@Nullable Object v) {
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String count(@Nullable Object v) {
      return v instanceof Number n ? org.clientele.core.internal.Formats.count(n.longValue()) : "?";
    }

    private static String quantile(@Nullable Object v) {
      double q = v instanceof Number n ? n.doubleValue() : 0.5;
      return q == 0.5 ? "median" : org.clientele.core.internal.Formats.plain(q * 100) + "% quantile";
    }
  }

  /** The quadrants of a purchase pattern dimension with the built-in's labels; null without one. */
  private SegmentationReport.@Nullable PurchaseGrid purchaseGrid(List<DimensionSummary> dims) {
    int position = position(PURCHASE_PATTERN);
    if (position < 0) {
      return null;
    }
    DimensionSummary summary = dims.get(position);
    List<Segment> quadrants = new ArrayList<>();
    for (String label : SegmentationReport.PurchaseGrid.QUADRANTS) {
      Optional<Segment> segment = summary.segment(label);
      if (segment.isEmpty()) {
        return null; // a dimension of that id with other labels: not the built-in's quadrants
      }
      quadrants.add(segment.get());
    }
    long placed = quadrants.stream().mapToLong(Segment::customers).sum();
    PurchaseAxes a = purchaseAxes;
    java.util.OptionalDouble none = java.util.OptionalDouble.empty();
    if (a == null) {
      return new SegmentationReport.PurchaseGrid(summary.id(), org.clientele.api.StandardFeatures.ORDERS_12M.name(),
          org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE.name(), none, none, "cut-offs not known (report made"
              + " without the engine)", quadrants, customers - placed, List.of());
    }
    return new SegmentationReport.PurchaseGrid(summary.id(), a.frequency(), a.orderValue(),
        Double.isNaN(a.frequencyCutoff()) ? none : java.util.OptionalDouble.of(a.frequencyCutoff()),
        Double.isNaN(a.orderValueCutoff()) ? none : java.util.OptionalDouble.of(a.orderValueCutoff()),
        a.basis(), quadrants, customers - placed, a.notes());
  }

  private SegmentationReport.@Nullable RfmGrid rfmGrid() {
    if (rfmPosition < 0) {
      return null;
    }
    Dimension rfm = dimensions.get(rfmPosition);
    List<List<Long>> customersGrid = new ArrayList<>();
    List<List<Double>> revenueGrid = new ArrayList<>();
    List<List<String>> segmentGrid = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      List<Long> c = new ArrayList<>();
      List<Double> v = new ArrayList<>();
      List<String> g = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        int cell = r * 5 + f;
        c.add(rfmCustomers[cell]);
        v.add(rfmRevenue[cell].value());
        int slot = rfmSegment[cell];
        g.add(slot < 0 ? "" : rfm.label(slot == rfm.size() ? -1 : slot));
      }
      customersGrid.add(c);
      revenueGrid.add(v);
      segmentGrid.add(g);
    }
    return new SegmentationReport.RfmGrid(rfm.id(), customersGrid, revenueGrid, segmentGrid);
  }

  /**
   * One warning per dimension and label with customers labelled for lack of data: the label reads
   * like a measured one in the segment counts, so the report says how many were not measured.
   */
  private SegmentationReport.Quality withLackOfData(SegmentationReport.Quality q) {
    List<SegmentationReport.QualityWarning> lack = new ArrayList<>();
    for (int d = 0; d < dimensions.size(); d++) {
      Dimension dim = dimensions.get(d);
      if (unplaced.isWarning(d)) {
        lack.add(new SegmentationReport.QualityWarning(UNPLACED_VALUES, dim.id(), "", unplaced.text(d)));
      }
      for (int s = 0; s < dim.size(); s++) {
        long n = fallbackCustomers[d][s];
        if (n > 0) {
          lack.add(new SegmentationReport.QualityWarning("lack_of_data", dim.id(), dim.label(s),
              dim.id() + ": " + n + " of " + slotCustomers[d][s] + " customers labelled " + dim.label(s)
                  + " for lack of data, not measured (" + Formats.percent(share(n, customers))
                  + " of all customers). They are listed in the results' lack_of_data column;"
                  + " 'clientele explain' names the missing inputs."));
        }
      }
    }
    if (lack.isEmpty()) {
      return q;
    }
    List<SegmentationReport.QualityWarning> all = new ArrayList<>(q.warnings());
    all.addAll(lack);
    return new SegmentationReport.Quality(q.segments(), all);
  }

  /** The warning code of values present but not placed (see {@link UnplacedTally}). */
  static final String UNPLACED_VALUES = "unplaced_values";

  private SegmentationReport.Quality withRunWarnings(SegmentationReport.Quality q) {
    if (runWarnings.isEmpty()) {
      return q;
    }
    List<SegmentationReport.QualityWarning> all = new ArrayList<>(runWarnings);
    all.addAll(q.warnings());
    return new SegmentationReport.Quality(q.segments(), all);
  }

  private PlanSummary planSummary(double totalRevenue) {
    List<PlanLine> lines = new ArrayList<>(actionTallies.size());
    for (Map.Entry<String, ActionTally> e : actionTallies.entrySet()) {
      ActionTally t = e.getValue();
      double revenue = t.revenue.value();
      lines.add(new PlanLine(e.getKey(), t.category, t.customers, share(t.customers, customers), revenue,
          share(revenue, totalRevenue)));
    }
    lines.sort(Comparator.comparingLong(PlanLine::customers).reversed().thenComparing(PlanLine::code));
    return new PlanSummary(customersWithActions, revenueWithActions.value(), lines);
  }

  /** Customers and exact revenue of one action code. */
  private static final class ActionTally {
    private ActionCategory category;
    private long customers;
    private final ExactSum revenue = new ExactSum();

    ActionTally(ActionCategory category) {
      this.category = category;
    }

    void add(ActionCategory seen, long n, double amount) {
      if (seen.ordinal() < category.ordinal()) {
        category = seen; // the same for any order of customers and merges
      }
      customers += n;
      revenue.add(amount);
    }

    void merge(ActionTally other) {
      if (other.category.ordinal() < category.ordinal()) {
        category = other.category;
      }
      customers += other.customers;
      revenue.merge(other.revenue);
    }
  }

  /** Adds the customer's features and labels; returns its revenue (0 when it has none). */
  private double accumulate(Customer customer) {
    for (int f = 0; f < values.length; f++) {
      values[f] = customer.number(features.get(f), Double.NaN);
    }
    boolean allClassified = true;
    for (int d = 0; d < slots.length; d++) {
      allClassified &= slots[d] < dimensions.get(d).size();
    }
    customers++;
    if (allClassified) {
      classified++;
    }
    double revenue = values[0];
    if (Double.isNaN(revenue)) {
      revenueMissing++;
      revenue = 0.0;
    }
    for (int f = 0; f < values.length; f++) {
      double v = values[f];
      if (!Double.isNaN(v)) {
        overallHave[f]++;
        overallSum[f].add(v);
      }
    }
    for (int d = 0; d < slots.length; d++) {
      int s = slots[d];
      slotCustomers[d][s]++;
      long[] have = slotHave[d][s];
      ExactSum[] sum = slotSum[d][s];
      for (int f = 0; f < values.length; f++) {
        double v = values[f];
        if (!Double.isNaN(v)) {
          have[f]++;
          sum[f].add(v);
        }
      }
    }
    for (int t = 0; t < tabRows.length; t++) {
      int cell = slots[tabRows[t]] * (dimensions.get(tabColumns[t]).size() + 1) + slots[tabColumns[t]];
      cellCustomers[t][cell]++;
      cellRevenue[t][cell].add(revenue);
    }
    if (options.paretoCurve()) {
      ensureRevenueCapacity(revenueCount + 1);
      revenues[revenueCount++] = revenue;
    }
    return revenue;
  }

  private CrossTab crossTab(int t, double totalRevenue) {
    Dimension rows = dimensions.get(tabRows[t]);
    Dimension columns = dimensions.get(tabColumns[t]);
    int width = columns.size() + 1;
    boolean rowsUnclassified = slotCustomers[tabRows[t]][rows.size()] > 0;
    boolean columnsUnclassified = slotCustomers[tabColumns[t]][columns.size()] > 0;
    int rowSlots = rows.size() + (rowsUnclassified ? 1 : 0);
    int columnSlots = columns.size() + (columnsUnclassified ? 1 : 0);
    List<String> columnLabels = new ArrayList<>(columnSlots);
    for (int c = 0; c < columnSlots; c++) {
      columnLabels.add(columns.label(c == columns.size() ? -1 : c));
    }
    List<CrossTabRow> out = new ArrayList<>(rowSlots);
    for (int r = 0; r < rowSlots; r++) {
      List<Cell> cells = new ArrayList<>(columnSlots);
      for (int c = 0; c < columnSlots; c++) {
        int i = r * width + c;
        double revenue = cellRevenue[t][i].value();
        cells.add(new Cell(columnLabels.get(c), cellCustomers[t][i], revenue, share(revenue, totalRevenue)));
      }
      out.add(new CrossTabRow(rows.label(r == rows.size() ? -1 : r), cells));
    }
    return new CrossTab(rows.id(), columns.id(), columnLabels, out);
  }

  /**
   * The Lorenz curve of revenue, largest customers first, linear between whole customers. Sorts the
   * kept revenues in place (their order never matters) and walks them once with an exact running
   * sum, so building needs no memory beyond the array and the result does not depend on the order
   * customers were added. The named tops and the {@value ParetoCurve#CURVE_STEPS}-step curve are read
   * off the same walk.
   */
  private ParetoCurve pareto(double totalRevenue) {
    int n = revenueCount;
    int steps = ParetoCurve.CURVE_STEPS;
    double[] tops = new double[PARETO_TOPS.length + steps + 1];
    System.arraycopy(PARETO_TOPS, 0, tops, 0, PARETO_TOPS.length);
    for (int k = 0; k <= steps; k++) {
      tops[PARETO_TOPS.length + k] = (double) k / steps;
    }
    double[] shares = new double[tops.length];
    if (n == 0 || !(totalRevenue > 0)) {
      return paretoCurve(tops, shares, 0.0, 0);
    }
    Arrays.sort(revenues, 0, n); // ascending: the i-th largest (from 1) is revenues[n - i]
    int[] wholes = new int[tops.length];
    Integer[] order = new Integer[tops.length];
    for (int t = 0; t < tops.length; t++) {
      wholes[t] = (int) Math.min(n, Math.floor(tops[t] * n));
      order[t] = t;
    }
    Arrays.sort(order, Comparator.comparingInt(t -> wholes[t]));
    double[] heldByWhole = new double[tops.length];
    int lastWhole = wholes[order[order.length - 1]];
    double target = PARETO_TARGET * totalRevenue;
    ExactSum running = new ExactSum();
    int reach = -1;
    double beforeReach = 0.0;
    double previous = 0.0;
    int next = 0; // the next entry of order to fill
    for (int i = 0; i <= n && (reach < 0 || i <= lastWhole); i++) {
      if (i > 0) {
        running.add(revenues[n - i]);
      }
      double held = running.value(); // revenue of the i largest customers
      while (next < order.length && wholes[order[next]] == i) {
        heldByWhole[order[next++]] = held;
      }
      if (reach < 0 && i > 0 && held >= target) {
        reach = i;
        beforeReach = previous;
      }
      previous = held;
    }
    for (int t = 0; t < tops.length; t++) {
      double fraction = tops[t] * n - wholes[t];
      double held = wholes[t] >= n ? heldByWhole[t] : heldByWhole[t] + fraction * revenues[n - 1 - wholes[t]];
      shares[t] = Math.min(1.0, held / totalRevenue) + 0.0;
    }
    // The curve crosses 80% on the reach-th largest customer: interpolate inside it.
    double last = revenues[n - reach];
    double inside = last > 0 ? Math.min(1.0, Math.max(0.0, (target - beforeReach) / last)) : 1.0;
    return paretoCurve(tops, shares, (reach - 1 + inside) / n, reach);
  }

  private static ParetoCurve paretoCurve(double[] tops, double[] shares, double shareFor80, long customersFor80) {
    List<ParetoPoint> points = new ArrayList<>(PARETO_TOPS.length);
    List<ParetoPoint> curve = new ArrayList<>(tops.length - PARETO_TOPS.length);
    for (int t = 0; t < tops.length; t++) {
      (t < PARETO_TOPS.length ? points : curve).add(new ParetoPoint(tops[t], shares[t]));
    }
    return new ParetoCurve(points, shareFor80, customersFor80, curve);
  }

  private List<FeatureMean> means(long[] have, ExactSum[] sum) {
    List<FeatureMean> out = new ArrayList<>(features.size());
    for (int f = 0; f < features.size(); f++) {
      OptionalDouble mean = have[f] == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum[f].value() / have[f]);
      out.add(new FeatureMean(features.get(f).name(), have[f], mean));
    }
    return out;
  }

  private int slot(int d, int labelIndex) {
    int size = dimensions.get(d).size();
    if (labelIndex == -1) {
      return size;
    }
    if (labelIndex < 0 || labelIndex >= size) {
      throw new IllegalArgumentException(
          "Label index " + labelIndex + " is outside dimension '" + dimensions.get(d).id() + "' (0 to " + (size - 1) + ", or -1)");
    }
    return labelIndex;
  }

  private int position(String dimensionId) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(dimensionId)) {
        return i;
      }
    }
    return -1;
  }

  private void ensureRevenueCapacity(int needed) {
    if (needed > revenues.length) {
      // Grow by half, as ArrayList does; the array is the one part that grows with customers.
      long grown = Math.max(needed, revenues.length + (long) (revenues.length >> 1));
      revenues = Arrays.copyOf(revenues, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
  }

  private IllegalArgumentException otherDimensions(List<Dimension> theirs) {
    return new IllegalArgumentException(
        "The report accumulator was made for dimensions " + ids(dimensions) + ", not " + ids(theirs)
            + "; create it with the dimensions of the engine that classified the customers");
  }

  private static List<Dimension> segmentDimensions(Segments segments) {
    List<Dimension> out = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      out.add(segments.dimension(i));
    }
    return out;
  }

  private static List<String> ids(List<Dimension> dims) {
    return dims.stream().map(Dimension::id).toList();
  }

  private static ExactSum[] sums(int n) {
    ExactSum[] out = new ExactSum[n];
    for (int i = 0; i < n; i++) {
      out[i] = new ExactSum();
    }
    return out;
  }

  private static long checkCount(Long value, String map, String key) {
    if (value == null || value < 0) {
      throw new IllegalArgumentException(map + "['" + key + "'] must be a count >= 0, found " + value);
    }
    return value;
  }

  private static double share(double part, double whole) {
    return whole > 0 ? part / whole : 0.0;
  }
}
