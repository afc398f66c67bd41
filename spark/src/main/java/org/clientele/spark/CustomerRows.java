package org.clientele.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.core.io.HostCustomers;
import org.clientele.core.io.RejectionReason;
import org.jspecify.annotations.Nullable;

/**
 * Converts between a customers {@code Dataset<Row>} (an id column and one column per feature,
 * named after the feature) and {@link Customer}s. Checked on the driver against the declared
 * features, so a misnamed or mistyped column fails the job before any task runs; serialisable, so
 * the executors convert with the same mapping.
 */
final class CustomerRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String idColumn;
  private final int idIndex;
  private final String[] names;
  private final int[] positions;
  private final Feature.Kind[] kinds;
  private final boolean java8Dates;

  private CustomerRows(String idColumn, int idIndex, String[] names, int[] positions, Feature.Kind[] kinds, boolean java8Dates) {
    this.idColumn = idColumn;
    this.idIndex = idIndex;
    this.names = names;
    this.positions = positions;
    this.kinds = kinds;
    this.java8Dates = java8Dates;
  }

  /**
   * Checks a customers schema: an id column of strings, every other column a declared feature of
   * a matching type (numbers: any numeric type; text: string; dates: date).
   *
   * @throws IllegalArgumentException naming the column, what was found and the fix
   */
  static CustomerRows of(StructType schema, String idColumn, boolean java8Dates) {
    int idIndex = -1;
    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Feature.Kind> kinds = new ArrayList<>();
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      if (f.name().equals(idColumn)) {
        if (!f.dataType().equals(DataTypes.StringType)) {
          throw new IllegalArgumentException("customers column '" + idColumn + "' (the id) is of type "
              + f.dataType().simpleString() + "; expected string. Fix: .withColumn(\"" + idColumn + "\", col(\""
              + idColumn + "\").cast(\"string\"))");
        }
        idIndex = i;
        continue;
      }
      Feature<?> feature = Feature.lookup(f.name()).orElseThrow(() -> new IllegalArgumentException(
          "customers column '" + f.name() + "' is not a declared feature (no classifier can read it, and a"
              + " misspelt feature would silently go missing). Fix: rename it to the feature's name, or drop it"
              + " (.drop(\"" + f.name() + "\")); the standard features are listed in docs/input.md"));
      if (!fits(feature.kind(), f.dataType())) {
        throw new IllegalArgumentException("customers column '" + f.name() + "' is of type " + f.dataType().simpleString()
            + "; feature '" + f.name() + "' holds " + kindName(feature.kind()) + ". Fix: .withColumn(\"" + f.name()
            + "\", col(\"" + f.name() + "\").cast(\"" + sparkType(feature.kind()).simpleString() + "\"))");
      }
      names.add(f.name());
      positions.add(i);
      kinds.add(feature.kind());
    }
    if (idIndex < 0) {
      throw new IllegalArgumentException("the customers have no id column '" + idColumn + "' (columns: "
          + List.of(schema.fieldNames()) + "). Fix: rename the id column, or name it in the builder (idColumn)");
    }
    return new CustomerRows(idColumn, idIndex, names.toArray(new String[0]),
        positions.stream().mapToInt(Integer::intValue).toArray(), kinds.toArray(new Feature.Kind[0]), java8Dates);
  }

  /** The schema of customers with these features: the id column, then one column per feature. */
  static StructType schema(String idColumn, List<Feature<?>> features) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(idColumn, DataTypes.StringType, false));
    for (Feature<?> f : features) {
      fields.add(DataTypes.createStructField(f.name(), sparkType(f.kind()), true));
    }
    return DataTypes.createStructType(fields);
  }

  /** One customer as a row of {@link #schema}; a feature of the customer outside the schema is a bug. */
  static Row toRow(Customer c, List<Feature<?>> features, boolean java8Dates) {
    Object[] values = new Object[features.size() + 1];
    values[0] = c.id();
    int known = 0;
    for (int i = 0; i < features.size(); i++) {
      Object v = c.getOrNull(features.get(i));
      if (v != null) {
        known++;
      }
      values[i + 1] = v instanceof LocalDate d && !java8Dates ? java.sql.Date.valueOf(d) : v;
    }
    if (known != c.featureCount()) {
      throw new IllegalStateException("derived customer has features outside the derived schema " + features);
    }
    return RowFactory.create(values);
  }

  static DataType sparkType(Feature.Kind kind) {
    return switch (kind) {
      case NUMBER -> DataTypes.DoubleType;
      case TEXT -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
    };
  }

  private static boolean fits(Feature.Kind kind, DataType type) {
    return switch (kind) {
      case NUMBER -> type instanceof NumericType;
      case TEXT -> type.equals(DataTypes.StringType);
      case DATE -> type.equals(DataTypes.DateType);
    };
  }

  private static String kindName(Feature.Kind kind) {
    return switch (kind) {
      case NUMBER -> "numbers";
      case TEXT -> "text";
      case DATE -> "dates";
    };
  }

  /** What is wrong with one row, in the terms of a {@link org.clientele.core.io.Rejection}. */
  record Problem(String column, String value, RejectionReason reason, String message, String fix) {}

  /** The customer's id as the row holds it (null or blank: no id). */
  @Nullable String id(Row row) {
    return row.isNullAt(idIndex) ? null : row.getString(idIndex);
  }

  /**
   * Converts a row; on a problem returns null and leaves it in {@code problem[0]}. Null values and
   * blank text are missing features, as an empty cell of a customers file.
   */
  @Nullable Customer toCustomer(Row row, @Nullable Problem[] problem) {
    String id = id(row);
    if (id == null || id.isBlank()) {
      problem[0] = new Problem(idColumn, "", RejectionReason.MISSING_VALUE, "the customer id is empty or absent",
          "give every customer an id, or filter the rows without one");
      return null;
    }
    Customer.Builder b = Customer.builder(id);
    for (int i = 0; i < names.length; i++) {
      int p = positions[i];
      if (row.isNullAt(p)) {
        continue;
      }
      Feature<?> feature = feature(i);
      switch (kinds[i]) {
        case NUMBER -> {
          double v = ((Number) row.get(p)).doubleValue();
          if (!Double.isFinite(v)) {
            problem[0] = new Problem(names[i], String.valueOf(v), RejectionReason.NON_FINITE_NUMBER,
                "the value of " + names[i] + " is not a finite number", "write a number, or leave the value empty (null) for missing");
            return null;
          }
          @SuppressWarnings("unchecked")
          Feature<Double> number = (Feature<Double>) feature;
          b.set(number, v);
        }
        case TEXT -> {
          String v = row.getString(p);
          if (!v.isBlank()) {
            @SuppressWarnings("unchecked")
            Feature<String> text = (Feature<String>) feature;
            b.set(text, v);
          }
        }
        case DATE -> {
          Object v = row.get(p);
          LocalDate d = v instanceof LocalDate ld ? ld : ((java.sql.Date) v).toLocalDate();
          @SuppressWarnings("unchecked")
          Feature<LocalDate> date = (Feature<LocalDate>) feature;
          b.set(date, d);
        }
      }
    }
    Customer c = b.build();
    // The checks a customers file's row passes (ranges, contradictory facts), as the batch job's.
    java.util.Optional<org.clientele.core.io.Rejection> r = HostCustomers.check(c, "", 0);
    if (r.isPresent()) {
      problem[0] = new Problem(r.get().column(), r.get().value(), r.get().reason(), r.get().message(), r.get().fix());
      return null;
    }
    return c;
  }

  /** The feature of column i; declared on the driver, declared here too if this JVM has not loaded its plugin. */
  private Feature<?> feature(int i) {
    return Feature.lookup(names[i]).orElseGet(() -> switch (kinds[i]) {
      case NUMBER -> Feature.number(names[i], names[i]);
      case TEXT -> Feature.text(names[i], names[i]);
      case DATE -> Feature.date(names[i], names[i]);
    });
  }

  String idColumn() {
    return idColumn;
  }

  boolean java8Dates() {
    return java8Dates;
  }
}
