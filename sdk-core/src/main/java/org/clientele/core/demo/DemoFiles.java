package org.clientele.core.demo;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.core.io.Transaction;
import org.clientele.core.features.FeatureDeriver;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link TransactionPopulation} as the files a user would bring: a customers CSV (a CRM export
 * whose columns have the standard feature names) and a transactions CSV, both UTF-8 with a header
 * row, read with the default {@code input} configuration. Accounts are written one at a time, so
 * any size fits in constant memory; the transactions are grouped by customer, each customer's in
 * date order.
 *
 * @param customers the customers file
 * @param transactions the transactions file, or null when the features were written instead
 * @param accounts the number of accounts written
 * @param transactionRows the number of transaction rows (generated, whether written or not)
 *
 * @since 0.1.0
 */
public record DemoFiles(Path customers, @Nullable Path transactions, int accounts, long transactionRows) {

  /**
   * The customers file's name.
   *
   * @since 0.1.0
   */
  public static final String CUSTOMERS = "customers.csv";

  /**
   * The transactions file's name.
   *
   * @since 0.1.0
   */
  public static final String TRANSACTIONS = "transactions.csv";

  /**
   * The attribute columns of the customers file, in order (after {@code id}).
   *
   * @since 0.1.0
   */
  public static final List<Feature<?>> ATTRIBUTES = java.util.stream.Stream.of(List.<Feature<?>>of(
      StandardFeatures.INDUSTRY_CODE,
      StandardFeatures.ORGANISATION_TYPE,
      StandardFeatures.REGION,
      StandardFeatures.REGION_TYPE,
      StandardFeatures.SIZE,
      StandardFeatures.SATISFACTION,
      StandardFeatures.COMPLAINTS_12M,
      StandardFeatures.OVERDUE_DAYS,
      StandardFeatures.DEFAULT_COUNT,
      StandardFeatures.RISK_WARNINGS,
      StandardFeatures.CREDIT_LIMIT,
      StandardFeatures.CREDIT_USED,
      StandardFeatures.AGE), // age bands (clientele-classifiers-practice)
      PracticeColumns.FEATURES)
      .flatMap(List::stream).toList();

  /**
   * The demo configuration's name, written beside the data by {@link #writeConfiguration}.
   *
   * @since 0.1.0
   */
  public static final String CONFIGURATION = "clientele.json";

  /**
   * The dimensions of the demo configuration, in order: the built-ins and the practice dimensions
   * of {@code clientele-classifiers-practice}, each with its defaults.
   *
   * @since 0.1.0
   */
  public static final List<String> DIMENSIONS = List.of(
      "value", "loyalty", "behaviour", "rfm", "risk", "industry", "purchase_pattern",
      "needs", "geography", "channel", "promotion", "age");

  /**
   * The derived columns written with {@link #writeWithFeatures}, in order.
   *
   * @since 0.1.0
   */
  public static final List<Feature<?>> DERIVED = FeatureDeriver.FEATURES;

  /**
   * The transaction columns, in order.
   *
   * @since 0.1.0
   */
  public static final List<String> TRANSACTION_COLUMNS =
      List.of("customer_id", "date", "amount", "quantity", "order_id", "channel");

  /**
   * Validates the parts.
   *
   * @since 0.1.0
   *
   * @param customers the customers file
   * @param transactions the transactions file, or null when the features were written instead
   * @param accounts the number of accounts written
   * @param transactionRows the number of transaction rows (generated, whether written or not)
   */
  public DemoFiles {
    Objects.requireNonNull(customers, "customers");
  }

  /**
   * Writes {@value #CUSTOMERS} and {@value #TRANSACTIONS} into a directory (created if needed;
   * existing files of those names are replaced).
   *
   * @param population the accounts
   * @param dir the directory
   * @param progress told the index of each account written (for a progress bar); may do nothing
   * @return the files
   * @throws UncheckedIOException if a file cannot be written
   *
   * @since 0.1.0
   */
  public static DemoFiles write(TransactionPopulation population, Path dir, IntConsumer progress) {
    Path customers = dir.resolve(CUSTOMERS);
    Path transactions = dir.resolve(TRANSACTIONS);
    long rows = 0;
    try {
      Files.createDirectories(dir);
      try (Writer cw = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
          Writer tw = Files.newBufferedWriter(transactions, StandardCharsets.UTF_8);
          SequenceWriter c = csv(cw, columns(false));
          SequenceWriter t = csv(tw, TRANSACTION_COLUMNS)) {
        String[] crow = new String[1 + ATTRIBUTES.size()];
        String[] trow = new String[TRANSACTION_COLUMNS.size()];
        for (int i = 0; i < population.size(); i++) {
          TransactionPopulation.Account a = population.account(i);
          fill(crow, a.attributes(), ATTRIBUTES, 0);
          c.write(crow);
          for (Transaction x : a.transactions()) {
            trow[0] = x.customerId();
            trow[1] = x.date().toString();
            trow[2] = number(x.amount());
            trow[3] = x.quantity() == null ? "" : number(x.quantity());
            trow[4] = x.orderId() == null ? "" : x.orderId();
            trow[5] = x.channel() == null ? "" : x.channel();
            t.write(trow);
            rows++;
          }
          progress.accept(i);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo files in " + dir + ": " + e.getMessage(), e);
    }
    return new DemoFiles(customers, transactions, population.size(), rows);
  }

  /**
   * Writes the demo configuration, {@value #CONFIGURATION}, into a directory: every dimension of
   * {@link #DIMENSIONS} with its defaults and the default playbook, so that {@code clientele
   * classify -c} on the demo files gives what {@code clientele demo} printed. The practice
   * dimensions need {@code clientele-classifiers-practice} on the class path (the command has it).
   *
   * @param dir the directory (created if needed)
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   * @since 0.1.0
   */
  public static Path writeConfiguration(Path dir) {
    StringBuilder json = new StringBuilder("{\n  \"format\": 1,\n  \"dimensions\": {\n");
    for (int i = 0; i < DIMENSIONS.size(); i++) {
      json.append("    \"").append(DIMENSIONS.get(i)).append("\": {}").append(i + 1 < DIMENSIONS.size() ? ",\n" : "\n");
    }
    json.append("  },\n  \"strategy\": {\"provider\": \"playbook\"}\n}\n");
    Path file = dir.resolve(CONFIGURATION);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo configuration in " + dir + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Writes one customers file, {@value #CUSTOMERS}, holding each account's attributes and the
   * features derived from its transactions as of {@link TransactionPopulation#REFERENCE_DATE}; the
   * transactions themselves are not written. This is the form of a large input that streams in
   * constant memory (see the million-customer run in docs/cli.md).
   *
   * @param population the accounts
   * @param dir the directory
   * @param progress told the index of each account written; may do nothing
   * @return the files ({@code transactions} is null)
   * @throws UncheckedIOException if the file cannot be written
   *
   * @since 0.1.0
   */
  public static DemoFiles writeWithFeatures(TransactionPopulation population, Path dir, IntConsumer progress) {
    Path customers = dir.resolve(CUSTOMERS);
    long rows = 0;
    try {
      Files.createDirectories(dir);
      try (Writer cw = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
          SequenceWriter c = csv(cw, columns(true))) {
        String[] row = new String[1 + ATTRIBUTES.size() + DERIVED.size()];
        for (int i = 0; i < population.size(); i++) {
          TransactionPopulation.Account a = population.account(i);
          Customer customer = a.customer();
          fill(row, customer, ATTRIBUTES, 0);
          fill(row, customer, DERIVED, ATTRIBUTES.size());
          c.write(row);
          rows += a.transactions().size();
          progress.accept(i);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo files in " + dir + ": " + e.getMessage(), e);
    }
    return new DemoFiles(customers, null, population.size(), rows);
  }

  private static List<String> columns(boolean derived) {
    List<String> out = new ArrayList<>();
    out.add("id");
    ATTRIBUTES.forEach(f -> out.add(f.name()));
    if (derived) {
      DERIVED.forEach(f -> out.add(f.name()));
    }
    return out;
  }

  private static void fill(String[] row, Customer c, List<Feature<?>> features, int offset) {
    row[0] = c.id();
    for (int i = 0; i < features.size(); i++) {
      Object v = c.getOrNull(features.get(i));
      row[1 + offset + i] = v == null ? "" : v instanceof Double d ? number(d) : v instanceof LocalDate date ? date.toString() : v.toString();
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).toPlainString();
  }

  private static SequenceWriter csv(Writer w, List<String> columns) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return new CsvMapper().writerFor(String[].class).with(schema.build()).writeValues(w);
  }
}
