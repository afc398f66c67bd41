package org.clientele.cli;

import java.util.List;
import java.util.Locale;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.core.Classification;
import org.clientele.core.Engine;

/** Interim: label counts per dimension, until the segmentation report lands. */
final class ReportSupport {

  private ReportSupport() {}

  static Accumulator accumulator(Engine engine, org.clientele.core.@org.jspecify.annotations.Nullable Model model) {
    return new Accumulator(engine.dimensions());
  }

  static final class Accumulator {
    private final List<Dimension> dimensions;
    private final long[][] counts;

    Accumulator(List<Dimension> dimensions) {
      this.dimensions = dimensions;
      counts = new long[dimensions.size()][];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new long[dimensions.get(i).size() + 1];
      }
    }

    void add(Customer c, Classification r) {
      for (int i = 0; i < counts.length; i++) {
        int l = r.labelIndex(i);
        counts[i][l < 0 ? counts[i].length - 1 : l]++;
      }
    }

    Built build(RunSummary summary, Engine engine) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < counts.length; i++) {
        Dimension d = dimensions.get(i);
        b.append(d.id()).append('\n');
        for (int l = 0; l < counts[i].length; l++) {
          b.append(String.format(Locale.ROOT, "  %-20s %,10d%n", d.label(l == counts[i].length - 1 ? -1 : l), counts[i][l]));
        }
      }
      return new Built(b.toString(), "{}");
    }
  }

  record Built(String table, String json) {}

  static String json(@org.jspecify.annotations.Nullable Built report, RunSummary summary) {
    try {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("input", summary.toMap());
      return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
