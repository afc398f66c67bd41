package org.clientele.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.CustomerFormat;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.InputException;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionReason;
import org.clientele.core.io.RejectionSink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo population as an .xlsx workbook classifies exactly as its CSV. */
class XlsxSourceTest {

  @TempDir static Path dir;
  static DemoFiles demo;
  static List<String[]> csv;
  static Engine engine;
  static List<Classification> expected;

  @BeforeAll
  static void demoPopulation() throws Exception {
    demo = DemoFiles.writeWithFeatures(TransactionPopulation.of(300, TransactionPopulation.DEFAULT_SEED), dir, i -> {});
    List<Customer> fromCsv = readAll(CustomerReader.open(demo.customers(), CustomerFormat.defaults(), RejectionSink.strict()));
    EngineBuilder builder = Engine.builder();
    engine = builder.model(builder.calibrate(fromCsv)).build();
    expected = fromCsv.stream().map(engine::classify).toList();
    csv = new ArrayList<>();
    try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerFor(String[].class).readValues(demo.customers().toFile())) {
      it.forEachRemaining(csv::add);
    }
  }

  static List<Customer> readAll(CustomerReader reader) {
    try (reader) {
      List<Customer> out = new ArrayList<>();
      reader.forEachRemaining(out::add);
      return out;
    }
  }

  /** Writes the CSV rows as a sheet: numbers as numbers, ISO dates as date cells, text as text. */
  static Path workbook(String name, List<String[]> rows) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "clientele-test", "1.0");
      Worksheet ws = wb.newWorksheet("Accounts");
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        for (int c = 0; c < row.length; c++) {
          String v = row[c];
          if (v.isEmpty()) {
            continue;
          }
          if (r > 0 && c > 0 && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
            ws.value(r, c, Double.valueOf(v));
          } else if (r > 0 && v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            ws.value(r, c, LocalDate.parse(v));
            ws.style(r, c).format("yyyy-mm-dd").set();
          } else {
            ws.value(r, c, v);
          }
        }
      }
      wb.finish();
    }
    return file;
  }

  @Test
  void workbookClassifiesTheDemoPopulationLikeItsCsv() throws Exception {
    Path xlsx = workbook("accounts.xlsx", csv);
    List<Customer> read = readAll(CustomerReader.open(XlsxSource.open(xlsx), CustomerFormat.defaults(), RejectionSink.strict()));
    assertThat(read.stream().map(engine::classify).toList()).isEqualTo(expected);
  }

  @Test
  void badCellsAreRejectedWithTheCsvReasonsAndTheSheetRow() throws Exception {
    List<String[]> rows = new ArrayList<>(csv);
    String[] header = csv.get(0);
    int revenue = List.of(header).indexOf("revenue_12m");
    String[] bad = new String[header.length];
    java.util.Arrays.fill(bad, "");
    bad[0] = "BAD-1";
    bad[revenue] = "lots";
    String[] noId = new String[header.length];
    java.util.Arrays.fill(noId, "");
    noId[revenue] = "5";
    rows.add(bad);
    rows.add(noId);
    List<Rejection> rejections = new ArrayList<>();
    CustomerReader reader = CustomerReader.open(XlsxSource.open(workbook("bad.xlsx", rows)), CustomerFormat.defaults(), rejections::add);
    assertThat(readAll(reader)).hasSize(300);
    assertThat(rejections).extracting(Rejection::source, Rejection::line, Rejection::column, Rejection::reason)
        .containsExactly(
            tuple("bad.xlsx", 302L, "revenue_12m", RejectionReason.UNPARSEABLE_NUMBER),
            tuple("bad.xlsx", 303L, "id", RejectionReason.MISSING_VALUE));
    assertThat(reader.counts().read()).isEqualTo(302);
  }

  @Test
  void namedSheetAndMissingSheetAndNonWorkbook() throws Exception {
    Path xlsx = workbook("named.xlsx", csv);
    assertThat(readAll(CustomerReader.open(XlsxSource.open(xlsx, "Accounts"), CustomerFormat.defaults(), RejectionSink.strict()))).hasSize(300);
    assertThatThrownBy(() -> XlsxSource.open(xlsx, "Orders"))
        .isInstanceOf(InputException.class).hasMessageContaining("no sheet \"Orders\"").hasMessageContaining("Accounts");
    Path text = Files.writeString(dir.resolve("not-a-workbook.xlsx"), "id,revenue_12m\nA,1\n");
    assertThatThrownBy(() -> XlsxSource.open(text))
        .isInstanceOf(InputException.class).hasMessageContaining("not-a-workbook.xlsx").hasMessageContaining(".xlsx workbook");
  }
}
