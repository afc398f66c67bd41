package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.job.Segmentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gzip, JDBC and any {@link TabularSource} classify the demo population exactly as its CSV does,
 * and reject bad rows with the CSV reader's reasons; unsupported binary files say what they are.
 */
class TabularSourcesTest {

  @TempDir static Path dir;
  static DemoFiles demo;
  static List<Customer> fromCsv;
  static Engine engine;
  static List<Classification> expected;

  @BeforeAll
  static void demoPopulation() {
    demo = DemoFiles.writeWithFeatures(TransactionPopulation.of(300, TransactionPopulation.DEFAULT_SEED), dir.resolve("demo"), i -> {});
    fromCsv = readAll(CustomerReader.open(demo.customers(), CustomerFormat.defaults(), RejectionSink.strict()));
    assertThat(fromCsv).hasSize(300);
    EngineBuilder builder = Engine.builder();
    engine = builder.model(builder.calibrate(fromCsv)).build();
    expected = fromCsv.stream().map(engine::classify).toList();
  }

  static List<Customer> readAll(CustomerReader reader) {
    try (reader) {
      List<Customer> out = new ArrayList<>();
      reader.forEachRemaining(out::add);
      return out;
    }
  }

  static Path gzip(Path file, String name) throws Exception {
    Path out = dir.resolve(name);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out))) {
      Files.copy(file, gz);
    }
    return out;
  }

  @Test
  void gzippedCsvClassifiesLikeTheCsvWhateverItsName() throws Exception {
    for (String name : List.of("customers.csv.gz", "customers-export.dat")) {
      List<Customer> read = readAll(CustomerReader.open(gzip(demo.customers(), name), CustomerFormat.defaults(), RejectionSink.strict()));
      assertThat(read.stream().map(engine::classify).toList()).as(name).isEqualTo(expected);
    }
  }

  @Test
  void gzippedCsvRejectsBadRowsLikeTheCsv() throws Exception {
    Path bad = dir.resolve("bad.csv");
    String header = Files.readAllLines(demo.customers()).get(0);
    int revenue = List.of(header.split(",")).indexOf("revenue_12m");
    String[] cells = new String[header.split(",").length];
    java.util.Arrays.fill(cells, "");
    cells[0] = "BAD-2";
    cells[revenue] = "lots";
    Files.writeString(bad, Files.readString(demo.customers()) + String.join(",", cells) + "\n");
    List<Rejection> plain = new ArrayList<>();
    List<Rejection> zipped = new ArrayList<>();
    readAll(CustomerReader.open(bad, CustomerFormat.defaults(), plain::add));
    readAll(CustomerReader.open(gzip(bad, "bad.csv.gz"), CustomerFormat.defaults(), zipped::add));
    assertThat(plain).hasSize(1);
    assertThat(zipped).extracting(Rejection::line, Rejection::column, Rejection::value, Rejection::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(302L, "revenue_12m", "lots", RejectionReason.UNPARSEABLE_NUMBER));
  }

  @Test
  void gzippedFilesFeedTheBatchJob() throws Exception {
    DemoFiles full = DemoFiles.write(TransactionPopulation.of(200, 7), dir.resolve("full"), i -> {});
    List<Classification> plain = new ArrayList<>();
    List<Classification> zipped = new ArrayList<>();
    Segmentation.builder().transactions(full.transactions()).customers(full.customers()).build()
        .run(plain::add, RejectionSink.strict());
    Segmentation.builder().transactions(gzip(full.transactions(), "orders.csv.gz"))
        .customers(gzip(full.customers(), "accounts.csv.gz")).build()
        .run(zipped::add, RejectionSink.strict());
    assertThat(plain).hasSize(200);
    assertThat(zipped).isEqualTo(plain);
  }

  @Test
  void jdbcQueryClassifiesLikeTheCsv() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:customers;DB_CLOSE_DELAY=-1")) {
      loadTyped(db, demo.customers(), "accounts");
      List<Customer> read = readAll(CustomerReader.open(
          JdbcSource.query(db, "select * from accounts order by row_no", "crm.accounts"), CustomerFormat.defaults(), RejectionSink.strict()));
      assertThat(read.stream().map(engine::classify).toList()).isEqualTo(expected);
    }
  }

  @Test
  void jdbcRowsAreRejectedWithTheCsvReasonsAndTheirRowNumber() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:bad")) {
      try (Statement s = db.createStatement()) {
        s.execute("create table t (ID varchar(20), REVENUE_12M varchar(20), FIRST_PURCHASE_DATE date, TENURE_DAYS double)");
        s.execute("insert into t values ('A', '1200.5', date '2020-01-02', 30), (null, '5', null, null),"
            + " ('C', 'lots', null, -4), ('D', '7', null, null)");
      }
      List<Rejection> rejections = new ArrayList<>();
      CustomerReader reader = CustomerReader.open(JdbcSource.query(db, "select * from t", "db.t"), CustomerFormat.defaults(), rejections::add);
      List<Customer> read = readAll(reader);
      assertThat(read).extracting(Customer::id).containsExactly("A", "D");
      assertThat(read.get(0).get(org.clientele.api.StandardFeatures.REVENUE_12M)).contains(1200.5);
      assertThat(read.get(0).get(org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE)).contains(LocalDate.of(2020, 1, 2));
      assertThat(rejections).extracting(Rejection::source, Rejection::line, Rejection::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("db.t", 2L, RejectionReason.MISSING_VALUE),
              org.assertj.core.groups.Tuple.tuple("db.t", 3L, RejectionReason.UNPARSEABLE_NUMBER));
      assertThat(reader.counts().read()).isEqualTo(4);
    }
  }

  @Test
  void jdbcTransactionsReadLikeTheirCsv() throws Exception {
    DemoFiles full = DemoFiles.write(TransactionPopulation.of(50, 3), dir.resolve("tx"), i -> {});
    List<Transaction> csv = new ArrayList<>();
    try (TransactionReader r = TransactionReader.open(full.transactions(), TransactionFormat.defaults(), RejectionSink.strict())) {
      r.forEachRemaining(csv::add);
    }
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:tx;DB_CLOSE_DELAY=-1")) {
      loadTyped(db, full.transactions(), "orders");
      List<Transaction> sql = new ArrayList<>();
      try (TransactionReader r = TransactionReader.open(
          JdbcSource.query(db, "select * from orders order by row_no", "erp.orders"), TransactionFormat.defaults(), RejectionSink.strict())) {
        r.forEachRemaining(sql::add);
      }
      assertThat(sql).isEqualTo(csv);
    }
  }

  @Test
  void aMissingIdColumnFailsBeforeAnyRow() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:noid")) {
      try (Statement s = db.createStatement()) {
        s.execute("create table t (customer varchar(20), revenue_12m double)");
      }
      assertThatThrownBy(() -> CustomerReader.open(JdbcSource.query(db, "select * from t", "db.t"), CustomerFormat.defaults(), RejectionSink.discard()))
          .isInstanceOf(InputException.class).hasMessageContaining("no id column \"id\"");
    }
  }

  @Test
  void unsupportedBinaryFilesSayWhatTheyAreAndWhatToDo() throws Exception {
    Path xlsx = Files.write(dir.resolve("accounts.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    Path xls = Files.write(dir.resolve("accounts.csv"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
    assertThatThrownBy(() -> CustomerReader.open(xlsx, CustomerFormat.defaults(), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("accounts.xlsx").hasMessageContaining("ZIP archive").hasMessageContaining(".xlsx workbook")
        .hasMessageContaining("CSV UTF-8");
    assertThatThrownBy(() -> CustomerReader.open(xls, CustomerFormat.defaults(), RejectionSink.discard()))
        .isInstanceOf(InputException.class).hasMessageContaining(".xls workbook");
    assertThatThrownBy(() -> Segmentation.builder().customers(xlsx).build().run(c -> {}, RejectionSink.discard()))
        .isInstanceOf(InputException.class).hasMessageContaining("ZIP archive");
    assertThat(Files.size(xlsx)).isLessThan(100); // the message, not 900 bytes of binary, is what the user sees
  }

  /** Loads a CSV into a table whose columns are DOUBLE, DATE or VARCHAR as their values allow. */
  static void loadTyped(Connection db, Path csv, String table) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerFor(String[].class).readValues(csv.toFile())) {
      it.forEachRemaining(rows::add);
    }
    String[] header = rows.remove(0);
    String[] types = new String[header.length];
    for (int c = 0; c < header.length; c++) {
      boolean number = true;
      boolean date = true;
      for (String[] r : rows) {
        String v = c < r.length ? r[c] : "";
        if (v.isEmpty()) {
          continue;
        }
        number &= v.matches("-?[0-9]+(\\.[0-9]+)?");
        date &= v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
      }
      types[c] = c == 0 ? "varchar(64)" : number ? "double" : date ? "date" : "varchar(1000)";
    }
    StringBuilder ddl = new StringBuilder("create table " + table + " (row_no int");
    for (int c = 0; c < header.length; c++) {
      ddl.append(", \"").append(header[c].toUpperCase(java.util.Locale.ROOT)).append("\" ").append(types[c]);
    }
    try (Statement s = db.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
    String insert = "insert into " + table + " values (?" + ",?".repeat(header.length) + ")";
    try (PreparedStatement p = db.prepareStatement(insert)) {
      for (int i = 0; i < rows.size(); i++) {
        String[] r = rows.get(i);
        p.setInt(1, i);
        for (int c = 0; c < header.length; c++) {
          String v = c < r.length ? r[c] : "";
          Object value = v.isEmpty() ? null
              : types[c].equals("double") ? (Object) Double.valueOf(v)
              : types[c].equals("date") ? java.sql.Date.valueOf(v) : v;
          p.setObject(c + 2, value);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
