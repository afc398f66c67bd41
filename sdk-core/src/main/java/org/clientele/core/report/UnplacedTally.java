package org.clientele.core.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Segments;
import org.clientele.core.internal.Formats;

/**
 * The one count of "a value was present but could not be placed": per dimension, the customers it
 * did not place (a label decided for lack of data, or UNKNOWN) that carry a value of an input its
 * classifier declares in {@link org.clientele.api.Classifier#unplacedInputs()}: an industry code
 * {@code N/A}, a region type no mapping knows, an implausible age. Each customer's reasons already
 * say why; this is the run's count, with the most frequent values, so a value that sends many
 * customers to UNKNOWN is seen in the report (warning {@code unplaced_values}), not found one
 * explanation at a time.
 *
 * <p>Only dimensions that declare inputs cost anything per customer, and only a customer with a
 * value of one of them is looked at further. Distinct values are capped per input, the rest
 * counted; the counts and shares merge exactly (a report of partitions has the whole's), but past
 * the cap which values are named can depend on the partitioning.
 */
final class UnplacedTally {

  /** The label a dimension gives a customer it cannot place, when it has one. */
  static final String UNKNOWN = "UNKNOWN";

  /** Distinct values kept per dimension and input; further values are only counted. */
  static final int KEPT = 1_000;

  /** Values named per input, most frequent first. */
  static final int NAMED = 5;

  /** From this share of the customers with a value of a dimension's declared inputs, a warning; below it, a note. */
  static final double WARNING_SHARE = 0.05;

  private final List<Dimension> dimensions;
  private final int[] unknown;
  private final Feature<?>[][] inputs;
  private final List<List<Map<String, Long>>> values = new ArrayList<>();
  private final long[][] unkept;
  private final long[][] withValue;
  // Per dimension: customers with a value of any declared input, and those of them not placed.
  private final long[] withAnyValue;
  private final long[] unplaced;

  UnplacedTally(List<Dimension> dimensions, List<Set<Feature<?>>> declared) {
    this.dimensions = dimensions;
    int n = dimensions.size();
    unknown = new int[n];
    inputs = new Feature<?>[n][];
    unkept = new long[n][];
    withValue = new long[n][];
    withAnyValue = new long[n];
    unplaced = new long[n];
    for (int d = 0; d < n; d++) {
      unknown[d] = dimensions.get(d).indexOf(UNKNOWN);
      Set<Feature<?>> in = d < declared.size() ? declared.get(d) : Set.of();
      inputs[d] = in.stream().sorted(Comparator.comparing(Feature::name)).toArray(Feature<?>[]::new);
      unkept[d] = new long[inputs[d].length];
      withValue[d] = new long[inputs[d].length];
      List<Map<String, Long>> perInput = new ArrayList<>();
      for (int i = 0; i < inputs[d].length; i++) {
        perInput.add(new HashMap<>());
      }
      values.add(perInput);
    }
  }

  /** Takes one classified customer into account. */
  void add(Customer customer, Segments segments) {
    for (int d = 0; d < inputs.length; d++) {
      Feature<?>[] in = inputs[d];
      if (in.length == 0) {
        continue;
      }
      boolean any = false;
      for (Feature<?> f : in) {
        if (customer.has(f)) {
          any = true;
          break;
        }
      }
      if (!any) {
        continue;
      }
      withAnyValue[d]++;
      int label = segments.labelIndex(d);
      if (!segments.isFallback(d) && (unknown[d] < 0 || label != unknown[d])) {
        continue; // placed
      }
      unplaced[d]++;
      for (int i = 0; i < in.length; i++) {
        Object v = customer.getOrNull(in[i]);
        if (v != null) {
          withValue[d][i]++;
          count(d, i, v instanceof Double x ? Formats.plain(x) : v.toString(), 1);
        }
      }
    }
  }

  private void count(int d, int i, String text, long n) {
    Map<String, Long> counts = values.get(d).get(i);
    if (counts.size() < KEPT || counts.containsKey(text)) {
      counts.merge(text, n, Long::sum);
    } else {
      unkept[d][i] += n;
    }
  }

  void merge(UnplacedTally other) {
    for (int d = 0; d < inputs.length; d++) {
      withAnyValue[d] += other.withAnyValue[d];
      unplaced[d] += other.unplaced[d];
      for (int i = 0; i < inputs[d].length; i++) {
        withValue[d][i] += other.withValue[d][i];
        unkept[d][i] += other.unkept[d][i];
        // In a fixed order, so that which values are kept past the cap does not depend on hashing.
        List<Map.Entry<String, Long>> theirs = new ArrayList<>(other.values.get(d).get(i).entrySet());
        theirs.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Long> e : theirs) {
          count(d, i, e.getKey(), e.getValue());
        }
      }
    }
  }

  void write(DataOutput out) throws IOException {
    for (int d = 0; d < inputs.length; d++) {
      out.writeLong(withAnyValue[d]);
      out.writeLong(unplaced[d]);
      for (int i = 0; i < inputs[d].length; i++) {
        out.writeLong(withValue[d][i]);
        out.writeLong(unkept[d][i]);
        Map<String, Long> counts = values.get(d).get(i);
        out.writeInt(counts.size());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          out.writeUTF(e.getKey().length() > 10_000 ? e.getKey().substring(0, 10_000) : e.getKey());
          out.writeLong(e.getValue());
        }
      }
    }
  }

  void read(DataInput in) throws IOException {
    for (int d = 0; d < inputs.length; d++) {
      withAnyValue[d] = in.readLong();
      unplaced[d] = in.readLong();
      for (int i = 0; i < inputs[d].length; i++) {
        withValue[d][i] = in.readLong();
        unkept[d][i] = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > KEPT) {
          throw new IllegalArgumentException("report state holds " + n + " unplaced values of one input; at most " + KEPT);
        }
        for (int k = 0; k < n; k++) {
          String text = in.readUTF();
          count(d, i, text, in.readLong());
        }
      }
    }
  }

  /** Whether the dimension's unplaced values are many enough for a warning rather than a note. */
  boolean isWarning(int d) {
    return unplaced[d] > 0 && (double) unplaced[d] / withAnyValue[d] >= WARNING_SHARE;
  }

  boolean any(int d) {
    return unplaced[d] > 0;
  }

  /** The sentence of a warning or note: the count, the share and the most frequent values per input. */
  String text(int d) {
    List<String> names = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < inputs[d].length; i++) {
      names.add(inputs[d][i].name());
      if (withValue[d][i] == 0) {
        continue;
      }
      List<Map.Entry<String, Long>> top = new ArrayList<>(values.get(d).get(i).entrySet());
      top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      List<String> named = new ArrayList<>();
      for (Map.Entry<String, Long> e : top.subList(0, Math.min(NAMED, top.size()))) {
        named.add("'" + e.getKey() + "' (" + Formats.count(e.getValue()) + ")");
      }
      int more = top.size() - named.size();
      parts.add(inputs[d][i].name() + " " + String.join(", ", named)
          + (more > 0 ? " and " + Formats.count(more) + " more values" : "")
          + (unkept[d][i] > 0 ? " (" + Formats.count(unkept[d][i]) + " customers with further values not listed)" : ""));
    }
    String id = dimensions.get(d).id();
    return id + ": " + Formats.count(unplaced[d]) + " of " + Formats.count(withAnyValue[d]) + " customers with "
        + String.join(" or ", names) + " (" + Formats.percent((double) unplaced[d] / withAnyValue[d])
        + ") have a value it could not place: " + String.join("; ", parts) + ". They are labelled for lack of data"
        + (unknown[d] >= 0 ? " or UNKNOWN" : "") + "; each one's reasons say why (not recognised, a placeholder,"
        + " implausible): map the values in the dimension's configuration, or correct them in the export"
        + " ('clientele explain <id>' shows one)";
  }
}
