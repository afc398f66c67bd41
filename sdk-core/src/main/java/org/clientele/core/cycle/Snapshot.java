package org.clientele.core.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clientele.core.Classification;
import org.clientele.core.internal.Json;
import org.clientele.core.io.InputException;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultSink;
import org.clientele.core.io.ResultWriter;
import org.jspecify.annotations.Nullable;

/**
 * A run's results as of its reference date: per customer the label and score on every dimension,
 * and the playbook rules whose actions it got or was held out of. Read from a results file as {@link ResultWriter} writes it (JSON Lines or CSV), with its
 * {@link SnapshotInfo} when the sidecar is there, or collected from a run ({@link #collector()}).
 * Immutable.
 *
 * @since 0.1.0
 */
public final class Snapshot {

  private final String name;
  private final List<String> dimensions;
  private final Map<String, Row> rows;
  private final @Nullable SnapshotInfo info;
  private final boolean hasRules;

  /** One customer's labels and scores, by dimension position, and its rules. */
  private record Row(String[] labels, double[] scores, List<String> rules, List<String> heldOut) {}

  private Snapshot(String name, List<String> dimensions, Map<String, Row> rows, @Nullable SnapshotInfo info,
      boolean hasRules) {
    this.name = name;
    this.dimensions = List.copyOf(dimensions);
    this.rows = Collections.unmodifiableMap(rows);
    this.info = info;
    this.hasRules = hasRules;
  }

  /**
   * Reads a results file (CSV for a {@code .csv} name, JSON Lines otherwise) and its sidecar.
   *
   * @param results the results file
   * @return the snapshot
   * @throws InputException if the file cannot be read, is not a results file, or repeats a customer id
   * @throws org.clientele.api.ConfigurationException if the sidecar is invalid
   */
  public static Snapshot read(Path results) {
    Objects.requireNonNull(results, "results");
    Collector c = new Collector();
    String source = results.toString();
    try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
      if (ResultFormat.of(results) == ResultFormat.CSV) {
        readCsv(in, source, c);
      } else {
        readJsonLines(in, source, c);
      }
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read the results: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException(source, 0, "cannot read the results: " + e.getMessage(), e);
    }
    return c.build(source, SnapshotInfo.readBeside(results).orElse(null));
  }

  private static void readCsv(Reader in, String source, Collector c) throws IOException {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(in)) {
      if (!it.hasNext()) {
        throw new InputException(source, 1, "empty: expected a header id,<dimension>,<dimension>_score,...,actions,rules", null);
      }
      String[] header = it.next();
      List<String> columns = List.of(header);
      // id, <dimension>,<dimension>_score per dimension, actions, then rules (written since 0.1.0) and held_out
      // (with a control group); files written before the rules column are read without rules.
      int held = columns.indexOf(ResultWriter.HELD_OUT);
      int rules = columns.indexOf(ResultWriter.RULES);
      int lack = columns.indexOf(ResultWriter.LACK_OF_DATA);
      int actions = columns.indexOf("actions");
      int n = (actions - 1) / 2;
      List<String> dims = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        dims.add(header[1 + 2 * i]);
      }
      List<String> expected = new ArrayList<>(ResultWriter.columns(dims));
      if (rules < 0) {
        expected.remove(ResultWriter.RULES);
      }
      if (lack < 0) {
        expected.remove(ResultWriter.LACK_OF_DATA);
      }
      if (held >= 0) {
        expected.add(ResultWriter.HELD_OUT);
      }
      if (actions < 1 || !expected.equals(columns)) {
        throw new InputException(source, 1, "not a results file: the header is " + String.join(",", header)
            + "; expected id,<dimension>,<dimension>_score,...,actions,rules,lack_of_data[,held_out] as 'clientele classify' writes it", null);
      }
      c.begin(dims);
      c.hasRules = rules >= 0;
      long line = 1;
      while (it.hasNext()) {
        line++;
        String[] r = it.next();
        if (r.length != header.length) {
          throw new InputException(source, line, r.length + " fields; the header has " + header.length, null);
        }
        String[] labels = new String[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
          labels[i] = r[1 + 2 * i];
          scores[i] = number(r[2 + 2 * i], source, line);
        }
        c.add(r[0], labels, scores, rules < 0 ? List.of() : split(r[rules]), held < 0 ? List.of() : split(r[held]),
            source, line);
      }
    }
  }

  /** The distinct entries of a {@code ;}-separated cell, in order. */
  private static List<String> split(String cell) {
    if (cell.isEmpty()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(List.of(cell.split(";", -1))));
  }

  private static double number(String s, String source, long line) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new InputException(source, line, "score '" + s + "' is not a number", e);
    }
  }

  private static void readJsonLines(BufferedReader in, String source, Collector c) throws IOException {
    long line = 0;
    boolean begun = false;
    for (String text = in.readLine(); text != null; text = in.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.mapper().readTree(text);
      } catch (IOException e) {
        throw new InputException(source, line, "not JSON: " + e.getMessage(), e);
      }
      JsonNode id = node.get("id");
      JsonNode labels = node.get("labels");
      JsonNode scores = node.get("scores");
      if (id == null || !id.isTextual() || labels == null || !labels.isObject()) {
        throw new InputException(source, line, "not a result: expected {\"id\":...,\"labels\":{...},\"scores\":{...}}", null);
      }
      if (!begun) {
        List<String> dims = new ArrayList<>();
        labels.fieldNames().forEachRemaining(dims::add);
        c.begin(dims);
        begun = true;
      }
      List<String> dims = c.dimensions;
      String[] l = new String[dims.size()];
      double[] s = new double[dims.size()];
      for (int i = 0; i < dims.size(); i++) {
        JsonNode label = labels.get(dims.get(i));
        if (label == null || !label.isTextual()) {
          throw new InputException(source, line, "no label on dimension '" + dims.get(i) + "' (the first line has it)", null);
        }
        l[i] = label.asText();
        JsonNode score = scores == null ? null : scores.get(dims.get(i));
        s[i] = score == null || !score.isNumber() ? Double.NaN : score.asDouble();
      }
      Set<String> rules = new LinkedHashSet<>();
      JsonNode actions = node.get("actions");
      if (actions != null && actions.isArray()) {
        for (JsonNode a : actions) {
          JsonNode rule = a.get("rule");
          if (rule != null && rule.isTextual()) {
            rules.add(rule.asText());
          }
        }
      }
      List<String> heldOut = new ArrayList<>();
      JsonNode held = node.get("heldOut");
      if (held != null && held.isArray()) {
        held.forEach(h -> heldOut.add(h.asText()));
      }
      c.add(id.asText(), l, s, List.copyOf(rules), List.copyOf(heldOut), source, line);
    }
    if (!begun) {
      c.begin(List.of());
    }
  }

  /**
   * Returns a sink that collects a run's results into a snapshot ({@link Collector#build}). Every
   * rule of a customer's plan counts as one it got: a collector knows no control group.
   *
   * @return a new, empty collector
   */
  public static Collector collector() {
    return new Collector();
  }

  /**
   * Returns where the snapshot was read from, or the name it was built with.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the dimension ids, in the results' order.
   *
   * @return the ids
   */
  public List<String> dimensions() {
    return dimensions;
  }

  /**
   * Returns where the snapshot came from.
   *
   * @return the description, or empty for results without a sidecar
   */
  public Optional<SnapshotInfo> info() {
    return Optional.ofNullable(info);
  }

  /**
   * Returns the customer ids, in file order.
   *
   * @return the ids
   */
  public Set<String> ids() {
    return rows.keySet();
  }

  /**
   * Returns how many customers the snapshot holds.
   *
   * @return the count
   */
  public int size() {
    return rows.size();
  }

  /**
   * Returns a customer's label on a dimension.
   *
   * @param id the customer id
   * @param dimension the dimension id
   * @return the label, or null if the customer or the dimension is not in the snapshot
   */
  public @Nullable String label(String id, String dimension) {
    Row r = rows.get(id);
    int p = dimensions.indexOf(dimension);
    return r == null || p < 0 ? null : r.labels[p];
  }

  /**
   * Returns a customer's score on a dimension.
   *
   * @param id the customer id
   * @param dimension the dimension id
   * @return the score, NaN if there is none
   */
  public double score(String id, String dimension) {
    Row r = rows.get(id);
    int p = dimensions.indexOf(dimension);
    return r == null || p < 0 ? Double.NaN : r.scores[p];
  }

  /**
   * Tells whether the results name each action's rule: JSON Lines always do, CSV since the {@code
   * rules} column; results collected from a run do.
   *
   * @return true if {@link #rules(String)} is known
   */
  public boolean hasRules() {
    return hasRules;
  }

  /**
   * Returns the playbook rules whose actions the customer got (held-out rules are not among them).
   *
   * @param id the customer id
   * @return the distinct rule ids, in the order of the customer's actions; empty for an unknown
   *     customer or when {@link #hasRules()} is false
   */
  public List<String> rules(String id) {
    Row r = rows.get(id);
    return r == null ? List.of() : r.rules;
  }

  /**
   * Returns the playbook rules the customer was held out of by the control group.
   *
   * @param id the customer id
   * @return the rule ids, in the order written; empty for an unknown customer or without a control group
   */
  public List<String> heldOutRules(String id) {
    Row r = rows.get(id);
    return r == null ? List.of() : r.heldOut;
  }

  @Override
  public String toString() {
    return name + " (" + rows.size() + " customers" + (info == null ? "" : ", model " + info.shortFingerprint()
        + (info.referenceDate() == null ? "" : ", as of " + info.referenceDate())) + ")";
  }

  /**
   * Collects results into a {@link Snapshot}; give it to {@link org.clientele.core.job.Segmentation#run} as the
   * result sink. Not thread-safe, like every result sink.
   *
   * @since 0.1.0
   */
  public static final class Collector implements ResultSink {
    private List<String> dimensions = List.of();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private boolean hasRules = true;

    private Collector() {}

    @Override
    public void begin(List<String> dimensionIds) {
      dimensions = List.copyOf(dimensionIds);
    }

    @Override
    public void accept(Classification result) {
      String[] labels = new String[dimensions.size()];
      double[] scores = new double[dimensions.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = result.dimensions().get(i).label(result.labelIndex(i));
        scores[i] = result.score(i);
      }
      Set<String> rules = new LinkedHashSet<>();
      result.plan().actions().forEach(a -> rules.add(a.rule()));
      add(result.customerId(), labels, scores, List.copyOf(rules), List.of(), "results", rows.size() + 1L);
    }

    void add(String id, String[] labels, double[] scores, List<String> rules, List<String> heldOut, String source,
        long line) {
      if (rows.putIfAbsent(id, new Row(labels, scores, rules, heldOut)) != null) {
        throw new InputException(source, line, "customer id '" + id + "' appears twice; a snapshot has one result per customer", null);
      }
    }

    /**
     * Returns the snapshot of what was collected.
     *
     * @param name a name for messages
     * @param info where the results came from, or null
     * @return the snapshot
     */
    public Snapshot build(String name, @Nullable SnapshotInfo info) {
      return new Snapshot(Objects.requireNonNull(name, "name"), dimensions, new LinkedHashMap<>(rows), info, hasRules);
    }
  }
}
