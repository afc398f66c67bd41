package org.clientele.core.io;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.jspecify.annotations.Nullable;

/**
 * Writes each classified customer's features as CSV, one row per customer in input order, so
 * that an analyst can check what the labels were computed from: a header {@code customer_id}
 * and one column per feature, a missing feature as an empty cell (never 0), numbers as in the
 * results file, dates in ISO form. {@link org.clientele.core.job.Segmentation#run(ResultSink,
 * RejectionSink, FeatureWriter)} chooses the columns: the features the classifiers read, or in
 * lifetimes mode the lifetimes summary's {@code frequency, recency, T, monetary_value}.
 *
 * @since 0.1.0
 */
public final class FeatureWriter implements AutoCloseable {

  private final Writer target;
  private @Nullable SequenceWriter csv;
  private List<Feature<?>> features = List.of();
  private String[] row = new String[0];
  private long written;

  /**
   * Prepares to write; nothing is written before {@link #begin(Map)}.
   *
   * @param target where to write; closed by {@link #close()}
   */
  public FeatureWriter(Writer target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Writes the header.
   *
   * @param columns column name to the feature it holds, in column order (after {@code
   *     customer_id})
   * @throws IllegalStateException if called twice
   * @throws UncheckedIOException if the target cannot be written
   */
  public void begin(Map<String, Feature<?>> columns) {
    Objects.requireNonNull(columns, "columns");
    if (csv != null) {
      throw new IllegalStateException("begin() was called already");
    }
    Map<String, Feature<?>> copy = new LinkedHashMap<>(columns);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).addColumn("customer_id");
    copy.keySet().forEach(schema::addColumn);
    this.features = List.copyOf(copy.values());
    this.row = new String[features.size() + 1];
    try {
      csv = new CsvMapper().writerFor(String[].class).with(schema.build()).writeValues(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the features: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one customer's row.
   *
   * @param customer the customer as classified
   * @throws IllegalStateException before {@link #begin(Map)}
   * @throws UncheckedIOException if the target cannot be written
   */
  public void accept(Customer customer) {
    SequenceWriter out = csv;
    if (out == null) {
      throw new IllegalStateException("call begin() first");
    }
    row[0] = customer.id();
    for (int i = 0; i < features.size(); i++) {
      Object v = customer.getOrNull(features.get(i));
      row[i + 1] = v == null ? "" : v instanceof Double d ? ResultWriter.number(d) : v.toString();
    }
    try {
      out.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the features: " + e.getMessage(), e);
    }
    written++;
  }

  /**
   * Returns the rows written.
   *
   * @return the number of customers written
   */
  public long written() {
    return written;
  }

  /**
   * Returns the column names of a list of features: their names.
   *
   * @param features the features
   * @return name to feature, in order
   */
  public static Map<String, Feature<?>> byName(List<Feature<?>> features) {
    Map<String, Feature<?>> out = new LinkedHashMap<>();
    for (Feature<?> f : new ArrayList<>(features)) {
      out.put(f.name(), f);
    }
    return out;
  }

  /**
   * Flushes and closes the target.
   *
   * @throws UncheckedIOException if the target cannot be written
   */
  @Override
  public void close() {
    try {
      SequenceWriter c = csv;
      if (c != null) {
        c.close();
      }
      target.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the features: " + e.getMessage(), e);
    }
  }
}
