package org.clientele.core.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport.QualityWarning;

/**
 * The values a dimension could not place: per dimension with an {@code UNKNOWN} label, the values
 * of the inputs its classifier declares in {@link org.clientele.api.Classifier#unplacedInputs()}
 * that its UNKNOWN customers carry (a region type no mapping knows, an implausible age). Each
 * customer's reasons already say why; this is the run's count of them, so a value that sends
 * hundreds of customers to UNKNOWN is a warning, not something a reader finds one explanation at a
 * time. Only UNKNOWN customers are looked at; distinct values are capped per input, the rest
 * counted.
 */
final class UnplacedValues {

  /** The label a dimension gives a customer it cannot place. */
  static final String UNKNOWN = "UNKNOWN";

  /** Distinct values kept per dimension and input; further values are only counted. */
  static final int KEPT = 1_000;

  /** Values named in a warning per input, most frequent first. */
  static final int NAMED = 5;

  private final List<Dimension> dimensions;
  private final int[] unknown;
  private final Feature<?>[][] inputs;
  private final List<List<Map<String, Long>>> values = new ArrayList<>();
  private final long[][] unkept;
  private final long[][] withValue;
  private final long[] unknownCustomers;
  private final long[] withAnyValue;

  UnplacedValues(Engine engine) {
    this.dimensions = engine.dimensions();
    int n = dimensions.size();
    unknown = new int[n];
    inputs = new Feature<?>[n][];
    unkept = new long[n][];
    withValue = new long[n][];
    unknownCustomers = new long[n];
    withAnyValue = new long[n];
    for (int d = 0; d < n; d++) {
      Dimension dim = dimensions.get(d);
      unknown[d] = dim.indexOf(UNKNOWN);
      Set<Feature<?>> in = unknown[d] < 0 ? Set.of() : engine.unplacedInputs(dim.id());
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

  /** Takes one classified customer into account; called on one thread. */
  void add(Customer customer, Classification result) {
    for (int d = 0; d < unknown.length; d++) {
      if (unknown[d] < 0 || result.labelIndex(d) != unknown[d]) {
        continue;
      }
      unknownCustomers[d]++;
      boolean any = false;
      for (int i = 0; i < inputs[d].length; i++) {
        Object v = customer.getOrNull(inputs[d][i]);
        if (v == null) {
          continue;
        }
        any = true;
        withValue[d][i]++;
        String text = v instanceof Double x ? Formats.plain(x) : v.toString();
        Map<String, Long> counts = values.get(d).get(i);
        if (counts.size() < KEPT || counts.containsKey(text)) {
          counts.merge(text, 1L, Long::sum);
        } else {
          unkept[d][i]++;
        }
      }
      if (any) {
        withAnyValue[d]++;
      }
    }
  }

  /** One warning per dimension whose UNKNOWN customers carry values, naming the most frequent. */
  List<QualityWarning> warnings() {
    List<QualityWarning> out = new ArrayList<>();
    for (int d = 0; d < unknown.length; d++) {
      if (withAnyValue[d] == 0) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < inputs[d].length; i++) {
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
      out.add(new QualityWarning("unplaced_values", id, UNKNOWN, id + ": " + Formats.count(withAnyValue[d]) + " of "
          + Formats.count(unknownCustomers[d]) + " UNKNOWN customers have a value it could not place: "
          + String.join("; ", parts) + ". Each one's reasons say why (not recognised, implausible): map the values"
          + " in the dimension's configuration, or correct the records"));
    }
    return out;
  }
}
