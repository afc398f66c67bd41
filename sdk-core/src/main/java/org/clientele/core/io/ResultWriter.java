package org.clientele.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.clientele.api.Action;
import org.clientele.core.Classification;
import org.jspecify.annotations.Nullable;

/**
 * Writes one line per classified customer.
 *
 * <p>JSON Lines: {@code {"id":"A-00042","labels":{"value":"CORE",...},"scores":{"value":182000,...},
 * "actions":[{"code":"dedicated-account-manager","category":"SERVICE","priority":90,"rule":"value-core"},...],
 * "lackOfData":["loyalty"]}}; a score that does not exist (NaN) is {@code null}.
 *
 * <p>CSV: {@code id}, then per dimension its label and {@code <dimension>_score}, then {@code
 * actions}: the action codes, most urgent first, separated by {@code ;}, {@code rules}: the
 * rule of each of those actions, in the same order (what JSON Lines write as each action's {@code
 * rule}), and {@code lack_of_data}: the dimensions whose label was decided for lack of data
 * ({@link org.clientele.api.Segments#isFallback(int)}), separated by {@code ;}, empty when every
 * label was measured. A missing score is empty.
 *
 * <p>With a control group ({@link #heldOut(BiPredicate)}), the actions of a rule the customer is
 * held out of are not written; the held-out rules are: JSON Lines {@code "heldOut":["rule",...]},
 * CSV a last column {@code held_out} with the rule ids separated by {@code ;}.
 *
 * <p>Numbers are written without depending on the locale, so the same results give the same bytes
 * on every machine. Not thread-safe: the batch job hands it results in input order from one thread.
 *
 * @since 0.1.0
 */
public final class ResultWriter implements ResultSink, AutoCloseable {

  private final Writer target;
  private final ResultFormat format;
  private List<String> dimensions = List.of();
  private @Nullable JsonGenerator json;
  private @Nullable SequenceWriter csv;
  private String[] row = new String[0];
  private boolean begun;
  private long written;
  private @Nullable BiPredicate<String, String> heldOut;

  /**
   * Prepares to write; nothing is written before {@link #begin(List)}.
   *
   * @param target where to write; closed by {@link #close()}
   * @param format JSON Lines or CSV
   */
  public ResultWriter(Writer target, ResultFormat format) {
    this.target = java.util.Objects.requireNonNull(target, "target");
    this.format = java.util.Objects.requireNonNull(format, "format");
  }

  /**
   * Holds customers out of rules: a control group. Call before {@link #begin(List)}.
   *
   * @param heldOut tells, for a customer id and a rule id, whether the customer is held out of
   *     the rule (for example {@code org.clientele.core.cycle.ControlGroup::heldOut})
   * @return this writer
   * @throws IllegalStateException after {@link #begin(List)}
   * @since 0.1.0
   */
  public ResultWriter heldOut(BiPredicate<String, String> heldOut) {
    if (begun) {
      throw new IllegalStateException("set the control group before begin()");
    }
    this.heldOut = java.util.Objects.requireNonNull(heldOut, "heldOut");
    return this;
  }

  /**
   * Starts the file: the CSV header is written here.
   *
   * @param dimensionIds the dimension ids, in the engine's order
   * @throws IllegalStateException if called twice
   * @throws UncheckedIOException if the target cannot be written
   */
  @Override
  public void begin(List<String> dimensionIds) {
    if (begun) {
      throw new IllegalStateException("begin() was called already");
    }
    begun = true;
    this.dimensions = List.copyOf(dimensionIds);
    try {
      if (format == ResultFormat.JSONL) {
        JsonGenerator g = new JsonFactory().createGenerator(target);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(new SerializedString("\n"));
        json = g;
      } else {
        List<String> columns = new ArrayList<>(columns(dimensions));
        if (heldOut != null) {
          columns.add(HELD_OUT);
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        csv = new CsvMapper().writerFor(String[].class).with(schema.build()).writeValues(target);
        row = new String[columns.size()];
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results: " + e.getMessage(), e);
    }
  }

  /** The CSV column of the held-out rules, after {@code rules}, written with a control group only. */
  public static final String HELD_OUT = "held_out";

  /** The CSV column of the actions' rules, after {@code actions}, in the same order. */
  public static final String RULES = "rules";

  /**
   * The CSV column, after {@code rules}, of the dimensions whose label was decided for lack of data
   * rather than measured, separated by {@code ;}.
   *
   * @since 0.1.0
   */
  public static final String LACK_OF_DATA = "lack_of_data";

  /**
   * Returns the CSV header.
   *
   * @param dimensions the dimension ids
   * @return id, per dimension its id and its score, actions, rules, lack_of_data
   */
  public static List<String> columns(List<String> dimensions) {
    List<String> out = new ArrayList<>();
    out.add("id");
    for (String d : dimensions) {
      out.add(d);
      out.add(d + "_score");
    }
    out.add("actions");
    out.add(RULES);
    out.add(LACK_OF_DATA);
    return out;
  }

  /**
   * Writes one customer's result.
   *
   * @param c the result, from an engine with this writer's dimensions
   * @throws UncheckedIOException if the target cannot be written
   */
  public void write(Classification c) {
    if (!begun) {
      throw new IllegalStateException("call begin(dimensionIds) before the first result");
    }
    try {
      if (format == ResultFormat.JSONL) {
        writeJson(c);
      } else {
        writeCsv(c);
      }
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one customer's result; the same as {@link #write(Classification)}.
   *
   * @param result the result
   */
  @Override
  public void accept(Classification result) {
    write(result);
  }

  /**
   * Returns how many results were written.
   *
   * @return the count
   */
  public long written() {
    return written;
  }

  private void writeJson(Classification c) throws IOException {
    JsonGenerator g = java.util.Objects.requireNonNull(json);
    g.writeStartObject();
    g.writeStringField("id", c.customerId());
    g.writeObjectFieldStart("labels");
    for (int i = 0; i < dimensions.size(); i++) {
      g.writeStringField(dimensions.get(i), c.dimensions().get(i).label(c.labelIndex(i)));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("scores");
    for (int i = 0; i < dimensions.size(); i++) {
      g.writeFieldName(dimensions.get(i));
      double s = c.score(i);
      if (Double.isNaN(s)) {
        g.writeNull();
      } else if (s == Math.rint(s) && Math.abs(s) < 1e15) {
        g.writeNumber((long) s);
      } else {
        g.writeNumber(s);
      }
    }
    g.writeEndObject();
    g.writeArrayFieldStart("actions");
    List<String> held = new ArrayList<>();
    for (Action a : c.plan().actions()) {
      if (isHeldOut(c.customerId(), a, held)) {
        continue;
      }
      g.writeStartObject();
      g.writeStringField("code", a.code());
      g.writeStringField("category", a.category().name());
      g.writeNumberField("priority", a.priority());
      g.writeStringField("rule", a.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lackOfData");
    for (int i = 0; i < dimensions.size(); i++) {
      if (c.isFallback(i)) {
        g.writeString(dimensions.get(i));
      }
    }
    g.writeEndArray();
    if (heldOut != null) {
      g.writeArrayFieldStart("heldOut");
      for (String rule : held) {
        g.writeString(rule);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Whether the action's rule is held out for this customer; collects the held-out rules once each. */
  private boolean isHeldOut(String customerId, Action a, List<String> held) {
    BiPredicate<String, String> h = heldOut;
    if (h == null || !h.test(customerId, a.rule())) {
      return false;
    }
    if (!held.contains(a.rule())) {
      held.add(a.rule());
    }
    return true;
  }

  private void writeCsv(Classification c) throws IOException {
    int k = 0;
    row[k++] = c.customerId();
    for (int i = 0; i < dimensions.size(); i++) {
      row[k++] = c.dimensions().get(i).label(c.labelIndex(i));
      row[k++] = number(c.score(i));
    }
    StringBuilder actions = new StringBuilder();
    StringBuilder rules = new StringBuilder();
    List<String> held = new ArrayList<>();
    for (Action a : c.plan().actions()) {
      if (isHeldOut(c.customerId(), a, held)) {
        continue;
      }
      if (actions.length() > 0) {
        actions.append(';');
        rules.append(';');
      }
      actions.append(a.code());
      rules.append(a.rule());
    }
    row[k++] = actions.toString();
    row[k++] = rules.toString();
    StringBuilder lack = new StringBuilder();
    for (int i = 0; i < dimensions.size(); i++) {
      if (c.isFallback(i)) {
        lack.append(lack.length() > 0 ? ";" : "").append(dimensions.get(i));
      }
    }
    row[k++] = lack.toString();
    if (heldOut != null) {
      row[k] = String.join(";", held);
    }
    java.util.Objects.requireNonNull(csv).write(row);
  }

  /** A score as written: integral values without a decimal point, NaN empty. */
  static String number(double s) {
    if (Double.isNaN(s)) {
      return "";
    }
    return org.clientele.core.internal.Formats.plain(s);
  }

  @Override
  public void close() {
    try {
      JsonGenerator g = json;
      if (g != null) {
        if (written > 0) {
          g.writeRaw('\n');
        }
        g.close();
      }
      SequenceWriter c = csv;
      if (c != null) {
        c.close();
      }
      target.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the results: " + e.getMessage(), e);
    }
  }
}
