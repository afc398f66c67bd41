package org.clientele.core.io;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.internal.IdIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a customers file (CSV or JSON Lines) as a stream of {@link Customer}s, turning bad rows
 * into {@link Rejection}s. See {@link RecordReader} for the reading contract and {@link
 * CustomerFormat} for the layout and the column-to-feature mapping.
 *
 * <p>Values are parsed by the feature's kind: numbers strictly (see {@link
 * CustomerFormat#decimalSeparator()}), dates by the date pattern, texts trimmed. An empty value or
 * a JSON {@code null} leaves the feature missing (unknown), never zero. A row is rejected when its
 * id is empty, a value does not parse, is not finite, lies outside its feature's range (a negative
 * count, a satisfaction outside 1 to 5), is not UTF-8, when a CSV row has the wrong number of
 * values, or when its id repeats an earlier row's (unless {@link
 * CustomerFormat#rejectDuplicateIds()} is off).
 *
 * <p>Columns that map to no feature are ignored; each is listed once in {@link
 * ReadCounts#notes()} and logged once at INFO (the first 1,000 distinct names: a JSON Lines file
 * with new keys on every line cannot make the reader grow).
 *
 * @since 0.1.0
 */
public final class CustomerReader extends RecordReader<Customer> {

  // Ids of rows rejected for their values: a join must not classify them from the log alone.
  /** The line of the first rejected row of each id, for joins and for explain. */
  private final Map<String, Long> rejectedLines = new java.util.HashMap<>();


  private static final Logger LOG = LoggerFactory.getLogger(CustomerReader.class);
  /**
   * Distinct column names remembered (mapping cache, unmapped list). A CSV header is short, but a
   * JSON Lines file may bring new keys on every line: past this many, lookups are not cached and
   * further unmapped names are not listed, so memory stays bounded.
   */
  static final int MAX_REMEMBERED_COLUMNS = 1_000;

  private final CustomerFormat format;
  private final ValueParser values;
  private final Map<String, Optional<Feature<?>>> featureByColumn = new HashMap<>();
  private final Set<String> unmapped = new LinkedHashSet<>();
  private boolean moreUnmapped;
  private final boolean hasHeader;
  /** The header's spelling of {@link CustomerFormat#idColumn()}, matched ignoring case. */
  private String idName;
  /** The ids accepted so far, when duplicates are rejected: compact (no object per id), with their lines. */
  private final @Nullable IdIndex acceptedIds;
  private long[] acceptedLines = new long[0];
  /** Numbers of ids held elsewhere (a derivation's), remembered by number; null if none. */
  private @Nullable ToIntFunction<? super String> knownIds;
  /** Per known number: the line of its first accepted row + 1; 0 while not seen. */
  private long[] knownLines = new long[0];

  private CustomerReader(String source, RowSource rows, CustomerFormat format, RejectionSink sink) {
    super(source, rows, sink);
    this.format = format;
    this.idName = format.idColumn();
    this.values = new ValueParser(format.decimalSeparator(), format.datePattern(), format.thousandsSeparator(), format.currencySymbols());
    this.acceptedIds = format.rejectDuplicateIds() ? new IdIndex() : null;
    for (Map.Entry<String, String> e : format.rename().entrySet()) {
      if (Feature.lookup(e.getValue()).isEmpty()) {
        throw new ConfigurationException(
            "customers format rename \"" + e.getKey() + "\"",
            "\"" + e.getValue() + "\" is not a known feature; use a standard feature name such as"
                + " revenue_12m or industry_code, or load the plugin that declares it");
      }
    }
    // A table with a header (CSV, or a TabularSource): check it once, before any row.
    List<String> header = rows instanceof CsvRowSource csv ? csv.names()
        : rows instanceof TabularRowSource table ? table.names() : null;
    hasHeader = header != null && !header.isEmpty(); // an empty file has nothing to check
    if (header != null) {
      List<String> names = header;
      if (names.isEmpty()) {
        tally.note(source + ": the file is empty (no header, no rows)");
      } else {
        String id = idColumnOf(names, source);
        if (id == null) {
          throw new InputException(source, 0, noIdColumn(names, format), null);
        }
        idName = id;
      }
      for (String name : names) {
        feature(name); // duplicate names were refused by the row source
      }
    }
  }

  /**
   * Opens a file.
   *
   * @param file the file; UTF-8 with or without a byte order mark
   * @param format its layout; AUTO resolves by the file's extension
   * @param sink receives rejected rows ({@link RejectionSink#strict()} to stop at the first)
   * @return the reader, positioned after the header
   * @throws InputException if the file cannot be opened or has no id column
   * @throws ConfigurationException if {@code rename} names an unknown feature
   */
  public static CustomerReader open(Path file, CustomerFormat format, RejectionSink sink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    return open(TextInput.open(file, format.encoding()), source, format, sink);
  }

  /**
   * Reads from a byte stream in the format's {@linkplain CustomerFormat#encoding() encoding} (a byte
   * order mark wins); for pipes, network streams and stored uploads.
   *
   * @param in the bytes; closed when the reader is closed
   * @param source the name used in rejections and counts
   * @param format the layout; AUTO resolves by {@code source}
   * @param sink receives rejected rows
   * @return the reader, positioned after the header
   * @throws InputException if the header does not decode in the encoding, or lacks a required
   *     column
   * @since 0.1.0
   */
  public static CustomerReader open(InputStream in, String source, CustomerFormat format, RejectionSink sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    // gzip is decompressed and known binary formats refused before decoding (InputFiles).
    return open(TextInput.decode(InputFiles.text(in, source), format.encoding()), source, format, sink);
  }

  private static CustomerReader open(TextInput.Decoded text, String source, CustomerFormat format, RejectionSink sink) {
    return open(text.reader(), source, format, sink,
        TextInput.notDecodable(text.charset(), text.looksLike(), "input.customers"));
  }

  /**
   * Reads from a character stream.
   *
   * @param reader the text; a leading byte order mark is dropped
   * @param source the name used in rejections and counts
   * @param format the layout; AUTO resolves by {@code source}
   * @param sink receives rejected rows
   * @return the reader, positioned after the header
   * @throws InputException if the file has no id column
   * @throws ConfigurationException if {@code rename} names an unknown feature
   */
  public static CustomerReader open(Reader reader, String source, CustomerFormat format, RejectionSink sink) {
    return open(reader, source, format, sink, undecodable("input.customers"));
  }

  private static CustomerReader open(Reader reader, String source, CustomerFormat format, RejectionSink sink, String undecodable) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    FileFormat resolved = format.format().resolve(source);
    Layout layout = Layout.of(format.delimiter(), format.header());
    RowSource rows = rowSource(source, TextInput.withoutBom(reader), resolved, layout, format.columns(), undecodable);
    try {
      return new CustomerReader(source, rows, format, sink);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /**
   * Reads the rows of a table (a spreadsheet, a query's result set): the same column mapping,
   * value parsing, rejections and counts as a CSV file with that header.
   *
   * @param table the rows; closed with this reader
   * @param format the mapping ({@code idColumn}, {@code rename}), date pattern and decimal
   *     separator for text cells; its file format, delimiter and columns do not apply
   * @param sink receives rejected rows
   * @return the reader, positioned before the first row
   * @throws InputException if the table has no id column or a column name twice
   * @throws ConfigurationException if {@code rename} names an unknown feature
   * @since 0.1.0
   */
  public static CustomerReader open(TabularSource table, CustomerFormat format, RejectionSink sink) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
    RowSource rows;
    try {
      rows = new TabularRowSource(table, format.datePattern());
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
    try {
      return new CustomerReader(table.name(), rows, format, sink);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /**
   * Returns the features the columns seen so far map to: for a table with a header (CSV, a
   * spreadsheet) every column is seen when the reader opens; for JSON Lines, the keys of the
   * lines read so far. The batch job checks it against the features the configured dimensions
   * read, so that a dimension the input gives nothing to is reported instead of classified on
   * nothing.
   *
   * @return the features, at most one per remembered column
   * @since 0.1.0
   */
  public Set<Feature<?>> mappedFeatures() {
    Set<Feature<?>> out = new LinkedHashSet<>();
    featureByColumn.values().forEach(f -> f.ifPresent(out::add));
    return out;
  }

  /**
   * Tells whether the columns were all known when the reader opened (a header), so that {@link
   * #mappedFeatures()} is complete before any row is read.
   *
   * @return true for a CSV file with a header or a table; false for JSON Lines and headerless CSV
   * @since 0.1.0
   */
  public boolean hasHeader() {
    return hasHeader;
  }

  /**
   * Returns the columns seen so far that map to no feature (they are ignored).
   *
   * @return the column names, in the order first seen; at most the first 1,000
   */
  public List<String> unmappedColumns() {
    return List.copyOf(unmapped);
  }

  @Override
  List<String> lateNotes() {
    List<String> notes = new ArrayList<>(2);
    if (!unmapped.isEmpty()) {
      notes.add(source + ": columns that map to no feature were ignored: " + unmapped
          + (moreUnmapped ? " and more (only the first " + MAX_REMEMBERED_COLUMNS + " are listed)" : "")
          + " (map them with rename, or leave them: they are not used)");
    }
    String swapped = values.swappedNote(source);
    if (swapped != null) {
      notes.add(swapped);
    }
    return notes;
  }

  /** The header's spelling of {@code idColumn} (matched ignoring case), or null if it has none. */
  private @Nullable String idColumnOf(List<String> names, String source) {
    int i = columnIndex(names, format.idColumn(), "idColumn", source);
    return i < 0 ? null : names.get(i);
  }

  /** Why the header has no id column, and what to set: a header that did not split needs the delimiter. */
  private static String noIdColumn(List<String> names, CustomerFormat format) {
    String unsplit = unsplitHeader(names, format.delimiter(), "input.customers");
    return unsplit != null ? unsplit : "no id column \"" + format.idColumn() + "\" among " + names
        + "; set idColumn to the column that holds the customer id";
  }

  private Optional<Feature<?>> feature(String column) {
    Optional<Feature<?>> known = featureByColumn.get(column);
    if (known != null) {
      return known;
    }
    Optional<Feature<?>> found;
    if (column.equals(idName)) {
      found = Optional.empty();
    } else {
      String target = format.rename().get(column);
      found = Feature.lookup(target != null ? target : column.trim().toLowerCase(java.util.Locale.ROOT));
      if (found.isEmpty() && !unmapped.contains(column)) {
        if (unmapped.size() < MAX_REMEMBERED_COLUMNS) {
          unmapped.add(column);
          LOG.info("{}: column \"{}\" maps to no feature and is ignored", source, column);
        } else {
          moreUnmapped = true;
        }
      }
    }
    if (featureByColumn.size() < MAX_REMEMBERED_COLUMNS) {
      featureByColumn.put(column, found);
    }
    return found;
  }

  @Override
  public boolean wasRejected(String id) {
    return rejectedLines.containsKey(id);
  }

  @Override
  public java.util.OptionalLong rejectedLine(String id) {
    Long line = rejectedLines.get(id);
    return line == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(line);
  }

  @Override
  @Nullable Customer convert(RawRow row) {
    if (rejectedForEncoding(row)) {
      return null;
    }
    List<String> names = row.names();
    int idIndex = names.indexOf(idName);
    if (idIndex < 0 && !hasHeader) {
      // A JSON line or a row without a header names its own keys: the same match ignoring case.
      String matched = idColumnOf(names, source);
      idIndex = matched == null ? -1 : names.indexOf(matched);
    }
    String id = text(row, idIndex);
    if (id == null) {
      return reject(row, format.idColumn(), "", RejectionReason.MISSING_VALUE,
          "the customer id is empty or absent", "write the customer's id in column " + format.idColumn());
    }
    Customer.Builder builder = Customer.builder(id);
    for (int i = 0; i < names.size(); i++) {
      Optional<Feature<?>> feature = feature(names.get(i));
      if (feature.isEmpty()) {
        continue;
      }
      String text = text(row, i);
      if (text == null) {
        continue; // missing, not zero
      }
      String problem = set(builder, feature.get(), text, row.isJsonNumber(i), row, names.get(i));
      if (problem != null) {
        rejectedLines.putIfAbsent(id, row.line());
        return null;
      }
    }
    Customer customer = builder.build();
    if (contradicts(customer, row)) {
      rejectedLines.putIfAbsent(id, row.line());
      return null;
    }
    if (acceptedIds != null) {
      long first = firstLine(id, row.line());
      if (first >= 0) {
        return reject(row, format.idColumn(), id, RejectionReason.DUPLICATE_ID,
            "the id already appeared on line " + first,
            "keep one row per customer (merge the rows), or set rejectDuplicateIds to false");
      }
    }
    accepted();
    return customer;
  }

  /** The line of the id's first accepted row, or -1 if it is new (and now remembered at this line). */
  private long firstLine(String id, long line) {
    ToIntFunction<? super String> known = knownIds;
    int k = known == null ? -1 : known.applyAsInt(id);
    if (k >= 0) {
      long first = knownLines[k] - 1;
      if (first < 0) {
        knownLines[k] = line + 1;
      }
      return first;
    }
    IdIndex accepted = Objects.requireNonNull(acceptedIds);
    int before = accepted.size();
    int n = accepted.add(id);
    if (accepted.size() == before) {
      return acceptedLines[n];
    }
    if (n == acceptedLines.length) {
      acceptedLines = Arrays.copyOf(acceptedLines, Math.max(16, n + (n >> 1)));
    }
    acceptedLines[n] = line;
    return -1;
  }

  /**
   * Lets the duplicate check remember the ids another store already holds by number, instead of
   * holding each a second time: a long per known id (the line of its row), and only the other
   * ids in the reader's own store. For a customers file joined with a transaction log, the log's
   * ids ({@link org.clientele.core.features.FeatureDeriver#customerNumber}): about 8 bytes per
   * customer instead of about 40. No effect when duplicates are not rejected.
   *
   * @param numbers the number of an id among the known ones, from 0 to {@code count} - 1, or -1
   *     for an id that is not among them; the same number for the same id all along
   * @param count how many ids are known
   * @throws IllegalStateException if a row was read already
   * @since 0.1.0
   */
  public void rememberKnownIdsByNumber(ToIntFunction<? super String> numbers, int count) {
    Objects.requireNonNull(numbers, "numbers");
    if (count < 0) {
      throw new IllegalArgumentException("count is negative: " + count);
    }
    if (acceptedIds == null) {
      return;
    }
    if (acceptedIds.size() > 0 || knownIds != null) {
      throw new IllegalStateException("the known ids are given before the first row is read, and once");
    }
    knownIds = numbers;
    knownLines = new long[count];
  }

  /** Rejects a row whose facts cannot all be true ({@link CustomerChecks#contradiction}). */
  private boolean contradicts(Customer c, RawRow row) {
    CustomerChecks.Problem p = CustomerChecks.contradiction(c);
    if (p == null) {
      return false;
    }
    reject(row, p.field(), p.value(), p.reason(), p.message(), p.fix());
    return true;
  }

  /** Sets one feature; returns null on success, or a non-null marker after rejecting the row. */
  @SuppressWarnings("unchecked")
  private @Nullable String set(Customer.Builder builder, Feature<?> feature, String text, boolean jsonNumber, RawRow row, String column) {
    Object value;
    switch (feature.kind()) {
      case NUMBER -> {
        value = values.number(text, jsonNumber);
        CustomerChecks.Problem p = value instanceof Double d ? CustomerChecks.outOfRange(feature, d, text) : null;
        if (p != null) {
          reject(row, column, text, p.reason(), p.message(), p.fix());
          return "rejected";
        }
      }
      case DATE -> value = values.date(text);
      default -> value = text;
    }
    if (value instanceof ValueParser.Problem p) {
      reject(row, column, text, p.reason(), feature.name() + ": " + p.message(), p.fix());
      return "rejected";
    }
    try {
      switch (feature.kind()) {
        case NUMBER -> builder.set((Feature<Double>) feature, (Double) value);
        case DATE -> builder.set((Feature<LocalDate>) feature, (LocalDate) value);
        default -> builder.set((Feature<String>) feature, (String) value);
      }
    } catch (IllegalArgumentException e) {
      // Customer.Builder's own checks (non-finite, blank): a rejection, never a crash.
      reject(row, column, text, RejectionReason.NON_FINITE_NUMBER, Objects.requireNonNullElse(e.getMessage(), e.toString()),
          "correct the value, or leave it empty if it is unknown");
      return "rejected";
    }
    return null;
  }
}
