package org.clientele.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport.Quality;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.clientele.core.report.SegmentationReport.SegmentQuality;
import org.jspecify.annotations.Nullable;

/**
 * The report's quality part, collected beside the segments in the same pass: per dimension and
 * label the customers having each of their classifier's inputs (measurable) and the contactable
 * ones (accessible), the population's sums of squares for the difference scores, and the counts
 * of the documented contradictions between dimensions. Mergeable like the rest of the accumulator.
 */
final class QualityTally {

  /**
   * The contradictions the report looks for, between dimensions of the usual ids: labels that
   * cannot both be true of one customer when the inputs are sound.
   */
  record Contradiction(String dimensionA, Set<String> labelsA, String dimensionB, Set<String> labelsB, String meaning) {}

  static final List<Contradiction> CONTRADICTIONS = List.of(
      new Contradiction("rfm", Set.of("CHAMPIONS", "LOYAL", "POTENTIAL_LOYALIST", "NEW_CUSTOMERS", "PROMISING"),
          "behaviour", Set.of("LOST"), "lapsed (behaviour LOST) yet recent by RFM"),
      new Contradiction("loyalty", Set.of("HIGH"), "behaviour", Set.of("LOST"), "lapsed (behaviour LOST) yet highly loyal"),
      new Contradiction("value", Set.of("CORE", "IMPORTANT"), "behaviour", Set.of("PROSPECT"),
          "never bought (behaviour PROSPECT) yet of high value"));

  private final List<Dimension> dimensions;
  private final Feature<?>[][] inputs;
  private final Feature<?>[] contact;
  private final Map<String, Map<String, Object>> calibrations;
  private final double minSegmentShare;
  // Resolved contradictions: positions and label masks; absent dimensions or labels are skipped.
  private final List<Contradiction> rules = new ArrayList<>();
  private final int[] ruleA;
  private final int[] ruleB;
  private final boolean[][] maskA;
  private final boolean[][] maskB;

  final long[][][] haveInput; // [d][slot][input]
  final long[][] contactable; // [d][slot]
  final long[] contradicting; // [rule]
  final ExactSum[] overallSquares; // [feature]

  QualityTally(List<Dimension> dimensions, List<Set<Feature<?>>> inputs, List<Feature<?>> contact,
      Map<String, Map<String, Object>> calibrations, double minSegmentShare, int features) {
    this.dimensions = dimensions;
    this.inputs = new Feature<?>[dimensions.size()][];
    for (int d = 0; d < dimensions.size(); d++) {
      this.inputs[d] = inputs.get(d).toArray(new Feature<?>[0]);
    }
    this.contact = contact.toArray(new Feature<?>[0]);
    this.calibrations = calibrations;
    this.minSegmentShare = minSegmentShare;
    haveInput = new long[dimensions.size()][][];
    contactable = new long[dimensions.size()][];
    for (int d = 0; d < dimensions.size(); d++) {
      haveInput[d] = new long[dimensions.get(d).size() + 1][this.inputs[d].length];
      contactable[d] = new long[dimensions.get(d).size() + 1];
    }
    List<int[]> positions = new ArrayList<>();
    List<boolean[][]> masks = new ArrayList<>();
    for (Contradiction c : CONTRADICTIONS) {
      int a = position(c.dimensionA());
      int b = position(c.dimensionB());
      if (a < 0 || b < 0) {
        continue;
      }
      boolean[] ma = mask(dimensions.get(a), c.labelsA());
      boolean[] mb = mask(dimensions.get(b), c.labelsB());
      if (ma == null || mb == null) {
        continue;
      }
      rules.add(c);
      positions.add(new int[] {a, b});
      masks.add(new boolean[][] {ma, mb});
    }
    ruleA = positions.stream().mapToInt(p -> p[0]).toArray();
    ruleB = positions.stream().mapToInt(p -> p[1]).toArray();
    maskA = masks.stream().map(m -> m[0]).toArray(boolean[][]::new);
    maskB = masks.stream().map(m -> m[1]).toArray(boolean[][]::new);
    contradicting = new long[rules.size()];
    overallSquares = new ExactSum[features];
    for (int f = 0; f < features; f++) {
      overallSquares[f] = new ExactSum();
    }
  }

  private int position(String id) {
    for (int d = 0; d < dimensions.size(); d++) {
      if (dimensions.get(d).id().equals(id)) {
        return d;
      }
    }
    return -1;
  }

  /** The labels as a mask over the dimension's slots, or null if none of them is a label of it. */
  private static boolean @Nullable [] mask(Dimension d, Set<String> labels) {
    boolean[] m = new boolean[d.size() + 1];
    boolean any = false;
    for (String l : labels) {
      int i = d.indexOf(l);
      if (i >= 0) {
        m[i] = true;
        any = true;
      }
    }
    return any ? m : null;
  }

  /** Adds one customer, its slots per dimension and its reported feature values. */
  void add(Customer customer, int[] slots, double[] values) {
    boolean reachable = false;
    for (Feature<?> f : contact) {
      if (customer.has(f)) {
        reachable = true;
        break;
      }
    }
    for (int d = 0; d < slots.length; d++) {
      Feature<?>[] in = inputs[d];
      long[] have = haveInput[d][slots[d]];
      for (int i = 0; i < in.length; i++) {
        if (customer.has(in[i])) {
          have[i]++;
        }
      }
      if (reachable) {
        contactable[d][slots[d]]++;
      }
    }
    for (int r = 0; r < contradicting.length; r++) {
      if (maskA[r][slots[ruleA[r]]] && maskB[r][slots[ruleB[r]]]) {
        contradicting[r]++;
      }
    }
    for (int f = 0; f < values.length; f++) {
      if (!Double.isNaN(values[f])) {
        overallSquares[f].add(values[f] * values[f]);
      }
    }
  }

  void merge(QualityTally other) {
    for (int d = 0; d < haveInput.length; d++) {
      for (int s = 0; s < haveInput[d].length; s++) {
        for (int i = 0; i < haveInput[d][s].length; i++) {
          haveInput[d][s][i] += other.haveInput[d][s][i];
        }
        contactable[d][s] += other.contactable[d][s];
      }
    }
    for (int r = 0; r < contradicting.length; r++) {
      contradicting[r] += other.contradicting[r];
    }
    for (int f = 0; f < overallSquares.length; f++) {
      overallSquares[f].merge(other.overallSquares[f]);
    }
  }

  /**
   * Builds the quality part from the accumulator's sums.
   *
   * @param slotCustomers customers per dimension and slot
   * @param slotHave customers with each feature, per dimension and slot
   * @param slotSum sums of each feature, per dimension and slot (feature 0 is revenue)
   * @param overallHave customers with each feature
   * @param overallSum sums of each feature
   * @param customers all customers
   */
  Quality build(long[][] slotCustomers, long[][][] slotHave, ExactSum[][][] slotSum, long[] overallHave,
      ExactSum[] overallSum, long customers) {
    List<SegmentQuality> segments = new ArrayList<>();
    List<QualityWarning> warnings = new ArrayList<>();
    double totalRevenue = overallSum[0].value();
    double revenuePerCustomer = customers > 0 ? totalRevenue / customers : Double.NaN;
    int features = overallSum.length;
    double[] mean = new double[features];
    double[] sd = new double[features];
    for (int f = 0; f < features; f++) {
      long n = overallHave[f];
      mean[f] = n > 0 ? overallSum[f].value() / n : Double.NaN;
      double variance = n > 0 ? overallSquares[f].value() / n - mean[f] * mean[f] : Double.NaN;
      sd[f] = variance > 0 ? Math.sqrt(variance) : Double.NaN;
    }
    for (int d = 0; d < dimensions.size(); d++) {
      Dimension dim = dimensions.get(d);
      List<String> empty = new ArrayList<>();
      List<String> small = new ArrayList<>();
      // Inputs the data has at all: one nobody has is a configuration matter, not a segment's.
      boolean[] inData = new boolean[inputs[d].length];
      for (long[] slot : haveInput[d]) {
        for (int i = 0; i < slot.length; i++) {
          inData[i] |= slot[i] > 0;
        }
      }
      long classified = 0;
      int used = 0;
      String only = "";
      for (int s = 0; s < dim.size(); s++) {
        classified += slotCustomers[d][s];
        if (slotCustomers[d][s] > 0) {
          used++;
          only = dim.label(s);
        }
      }
      for (int s = 0; s < slotCustomers[d].length; s++) {
        long n = slotCustomers[d][s];
        if (s == dim.size() && n == 0) {
          continue;
        }
        String label = dim.label(s == dim.size() ? -1 : s);
        double revenue = slotSum[d][s][0].value();
        double measurable = measurable(haveInput[d][s], inData, n);
        segments.add(new SegmentQuality(
            dim.id(), label, n, measurable,
            n > 0 ? (double) contactable[d][s] / n : Double.NaN,
            totalRevenue > 0 ? revenue / totalRevenue : 0,
            n > 0 && revenuePerCustomer > 0 ? (revenue / n) / revenuePerCustomer : Double.NaN,
            difference(slotHave[d][s], slotSum[d][s], overallHave, overallSum, sd)));
        if (s == dim.size()) {
          continue;
        }
        if (n == 0) {
          empty.add(label);
        } else if (customers > 0 && (double) n / customers < minSegmentShare) {
          small.add(label + " (" + Formats.count(n) + ")");
        }
      }
      if (customers > 0 && !empty.isEmpty()) {
        warnings.add(new QualityWarning("empty_segment", dim.id(), "",
            dim.id() + ": " + empty.size() + " of " + dim.size() + " segments are empty: " + String.join(", ", empty)));
      }
      if (!small.isEmpty()) {
        warnings.add(new QualityWarning("small_segment", dim.id(), "",
            dim.id() + ": segments below " + Formats.percent(minSegmentShare) + " of the customers, too small to act on: "
                + String.join(", ", small)));
      }
      if (used == 1 && classified > 1 && dim.size() > 1) {
        warnings.add(new QualityWarning("single_label", dim.id(), only,
            dim.id() + ": every classified customer is " + only + ": the dimension does not segment this population"
                + " (check its inputs and cut-offs)"));
      }
      tiedCutPoints(dim.id(), warnings);
    }
    for (int r = 0; r < rules.size(); r++) {
      if (contradicting[r] > 0) {
        Contradiction c = rules.get(r);
        warnings.add(new QualityWarning("contradiction", c.dimensionA(), "",
            Formats.count(contradicting[r]) + " customers are " + c.meaning() + " (" + c.dimensionA() + " "
                + String.join("/", new java.util.TreeSet<>(c.labelsA())) + " with " + c.dimensionB() + " "
                + String.join("/", new java.util.TreeSet<>(c.labelsB())) + "): check the inputs and the cut-offs"));
      }
    }
    return new Quality(segments, warnings);
  }

  /**
   * The share of a segment's customers having its classifier's scarcest input, among the inputs
   * the data has at all; NaN when the segment is empty or no input is in the data.
   */
  private static double measurable(long[] have, boolean[] inData, long n) {
    double least = Double.NaN;
    for (int i = 0; i < have.length; i++) {
      if (inData[i] && n > 0) {
        double share = (double) have[i] / n;
        least = Double.isNaN(least) ? share : Math.min(least, share);
      }
    }
    return least;
  }

  /** The mean, over features both sides have, of |mean(segment) - mean(rest)| in population SDs. */
  private static double difference(long[] have, ExactSum[] sum, long[] overallHave, ExactSum[] overallSum, double[] sd) {
    double total = 0;
    int n = 0;
    for (int f = 0; f < have.length; f++) {
      long restHave = overallHave[f] - have[f];
      if (have[f] == 0 || restHave == 0 || Double.isNaN(sd[f])) {
        continue;
      }
      double segmentMean = sum[f].value() / have[f];
      double restMean = (overallSum[f].value() - sum[f].value()) / restHave;
      total += Math.abs(segmentMean - restMean) / sd[f];
      n++;
    }
    return n == 0 ? Double.NaN : total / n;
  }

  /** Warns about calibrated cut points that tie, making scores or labels impossible. */
  private void tiedCutPoints(String dimension, List<QualityWarning> warnings) {
    Map<String, Object> calibration = calibrations.get(dimension);
    if (calibration == null) {
      return;
    }
    for (Map.Entry<String, Object> e : calibration.entrySet()) {
      if (e.getValue() instanceof List<?> list && list.size() > 1 && list.stream().allMatch(Number.class::isInstance)) {
        for (int i = 1; i < list.size(); i++) {
          if (((Number) list.get(i)).doubleValue() == ((Number) list.get(i - 1)).doubleValue()) {
            warnings.add(new QualityWarning("tied_cut_points", dimension, "",
                dimension + ": calibrated " + e.getKey() + " " + list + " has tied cut points, so some scores"
                    + " cannot occur (most customers share one value; see docs/classifiers.md)"));
            break;
          }
        }
      }
    }
    // A calibrator that found an axis it cannot split (everyone has the same value) says so in words.
    if (calibration.get("degenerate") instanceof List<?> degenerate) {
      for (Object problem : degenerate) {
        warnings.add(new QualityWarning("degenerate_cut_off", dimension, "", dimension + ": " + problem));
      }
    }
    if (calibration.get("core") instanceof Number core && calibration.get("important") instanceof Number important
        && core.doubleValue() == important.doubleValue()) {
      warnings.add(new QualityWarning("tied_cut_points", dimension, "",
          String.format(Locale.ROOT, "%s: the core and important cut-offs are equal (%s), so IMPORTANT cannot occur",
              dimension, Formats.plain(core.doubleValue()))));
    }
  }
}
