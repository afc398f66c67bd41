package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clientele.core.io.FeatureWriter;
import org.clientele.core.io.InputException;
import org.clientele.core.io.InputPreset;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch job on real-world input (issue 12, items 4-7): presets, encodings, pipes, the features file. */
class SegmentationInputTest {

  @TempDir Path dir;

  private static String run(Segmentation job, StringWriter features, SegmentationResult[] result) {
    StringWriter out = new StringWriter();
    try (ResultWriter writer = new ResultWriter(out, ResultFormat.CSV);
        FeatureWriter f = new FeatureWriter(features)) {
      result[0] = job.run(writer, RejectionSink.discard(), f);
    }
    return out.toString();
  }

  @Test
  void theFeaturesFileHasOneRowPerClassifiedCustomerAndEmptyCellsForMissingFeatures() throws IOException {
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, "customer_id,date,amount\nA,2024-03-01,100\nA,2024-05-01,50\nB,2024-04-01,70\n");
    Path accounts = dir.resolve("accounts.csv");
    Files.writeString(accounts, "id,industry_code\nA,C10\nB,\nP,G46\n");
    StringWriter features = new StringWriter();
    SegmentationResult[] result = new SegmentationResult[1];
    String results = run(Segmentation.builder().transactions(orders).customers(accounts)
        .referenceDate(LocalDate.of(2024, 7, 1)).threads(1).build(), features, result);
    List<String> lines = features.toString().lines().toList();
    assertThat(lines).hasSize(1 + (int) result[0].counts().classified()).hasSameSizeAs(results.lines().toList());
    // The test providers declare no features: every standard feature is written.
    assertThat(result[0].engine().orElseThrow().features()).isEmpty();
    assertThat(lines.get(0)).startsWith("customer_id,").contains(",revenue_12m,").contains(",industry_code");
    // P has no purchases: its purchase features are missing, written empty, never 0.
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("P,").contains(",,"));
  }

  @Test
  void aPresetGivenToTheBuilderReadsTheExportsHeaders() throws IOException {
    Path orders = dir.resolve("Opportunity.csv");
    Files.writeString(orders, "ID,ACCOUNTID,CLOSEDATE,AMOUNT\nO1,001A,2024-03-01,100\nO2,001B,2024-04-01,70\n");
    Path accounts = dir.resolve("Account.csv");
    Files.writeString(accounts, "ID,NAME,INDUSTRY\n001A,Acme,C10\n001B,Beta,G46\n");
    SegmentationResult[] result = new SegmentationResult[1];
    run(Segmentation.builder().transactions(orders).customers(accounts).preset(InputPreset.SALESFORCE_DATALOADER)
        .threads(1).build(), new StringWriter(), result);
    assertThat(result[0].counts().classified()).isEqualTo(2);
    assertThat(result[0].counts().rejected()).isZero();
  }

  @Test
  void aConfiguredEncodingIsUsedWhenTheJobOpensTheFile() throws IOException {
    Path accounts = dir.resolve("accounts.csv");
    Files.write(accounts, "id,industry_code\n华东,C10\n".getBytes(Charset.forName("GB18030")));
    Model model = Model.fromJson(
        "{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"simple\"}, \"input\": {\"customers\": {\"encoding\": \"GB18030\"}}}", "c.json");
    SegmentationResult[] result = new SegmentationResult[1];
    String results = run(Segmentation.builder().model(model).customers(accounts).threads(1).build(), new StringWriter(), result);
    assertThat(result[0].counts().rejected()).isZero();
    assertThat(results).contains("华东,");
  }

  @Test
  void aPipeIsRefusedBecauseItWouldReadAsEmptyOnTheSecondPass() throws Exception {
    Path fifo = dir.resolve("orders.csv");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeThat(false).as("mkfifo is not available").isTrue();
      return;
    }
    assumeThat(mk.waitFor()).isZero();
    Segmentation job = Segmentation.builder().transactions(fifo).threads(1).build();
    assertThatThrownBy(() -> run(job, new StringWriter(), new SegmentationResult[1]))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a regular file")
        .hasMessageContaining("copy it to a file first");
  }

  @Test
  void anImplausibleDateIsRejectedWithTheFilesLineColumnAndText() throws IOException {
    StringBuilder log = new StringBuilder("Client,Order Date,Total\n");
    for (int i = 0; i < 200; i++) {
      log.append("C").append(i % 20).append(",15/").append(String.format("%02d", 1 + i % 12)).append("/1998,10\n");
    }
    log.append("C1,01/03/2098,10\n").append("C2,31/12/9999,10\n");
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, log);
    org.clientele.core.Model model = org.clientele.core.Model.fromJson("""
        {"dimensions": {"threshold": {}}, "strategy": {"provider": "simple"}, "input": {"transactions": {"datePattern": "dd/MM/yyyy",
          "fields": {"customerId": "Client", "date": "Order Date", "amount": "Total"}}}}""", "cfg.json");
    List<org.clientele.core.io.Rejection> rejected = new java.util.ArrayList<>();
    // No reference date: the job scans the dates first, then rejects the year 2098 and the placeholder.
    Segmentation.builder().model(model).transactions(orders).threads(1).build()
        .run(new ResultWriter(new StringWriter(), ResultFormat.CSV), rejected::add);
    assertThat(rejected).extracting(r -> r.line() + " " + r.column() + " " + r.value())
        .containsExactly("202 Order Date 01/03/2098", "203 Order Date 31/12/9999");
  }

  @Test
  void pastTenThousandRejectionsARowAfterAGapIsStillReportedInTheFilesOwnColumnAndPattern() throws IOException {
    // Over 10,000 rejections are passed on before the date is settled; the second pass then adds the
    // rows after the gap only, found by what the date guard wrote, whatever the file's date pattern.
    StringBuilder log = new StringBuilder("Client,Order Date,Total\n");
    for (int i = 0; i < 10_200; i++) {
      log.append("C").append(i % 20).append(",not a date,10\n");
      if (i % 40 == 0) {
        log.append("C").append(i % 20).append(",15/").append(String.format("%02d", 1 + i % 12)).append("/1998,10\n");
      }
    }
    log.append("C1,01/03/2098,10\n");
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, log);
    org.clientele.core.Model model = org.clientele.core.Model.fromJson("""
        {"dimensions": {"threshold": {}}, "strategy": {"provider": "simple"}, "input": {"maxRejectedShare": 1,
          "transactions": {"datePattern": "dd/MM/yyyy",
          "fields": {"customerId": "Client", "date": "Order Date", "amount": "Total"}}}}""", "cfg.json");
    List<org.clientele.core.io.Rejection> rejected = new java.util.ArrayList<>();
    Segmentation.builder().model(model).transactions(orders).threads(1).build()
        .run(new ResultWriter(new StringWriter(), ResultFormat.CSV), rejected::add);
    assertThat(rejected).hasSize(10_201);
    assertThat(rejected.get(rejected.size() - 1)).extracting(r -> r.column() + " " + r.value())
        .isEqualTo("Order Date 01/03/2098");
    assertThat(rejected).filteredOn(org.clientele.core.io.Rejection::afterGap).singleElement()
        .extracting(org.clientele.core.io.Rejection::value).isEqualTo("01/03/2098");
  }

  @Test
  void aLogWhereMostRowsAreRejectedForOneReasonStopsTheRunNamingItASampleAndTheFix() throws IOException {
    StringBuilder log = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 10; i++) {
      log.append("C").append(i).append(",2024-03-0").append(1 + i % 9).append(i < 2 ? ",12.50\n" : ",$12.50\n");
    }
    Path orders = dir.resolve("orders.csv");
    Files.writeString(orders, log);
    org.clientele.core.Model model = org.clientele.core.Model.fromJson(
        "{\"dimensions\": {\"median\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json");
    Segmentation.Builder job = Segmentation.builder().model(model).transactions(orders).threads(1)
        .referenceDate(LocalDate.of(2024, 7, 1));

    assertThatThrownBy(() -> job.build().run(new ResultWriter(new StringWriter(), ResultFormat.CSV), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("orders.csv: 8 of 10 rows rejected (80.0%, more than the 50% allowed)")
        .hasMessageContaining("calibrate and classify from the 2 left")
        .hasMessageContaining("Most are unparseable_number (8 rows), for example line 4, column amount \"$12.50\"")
        .hasMessageContaining("\"currencySymbols\": [\"$\"]")
        .hasMessageContaining("input.maxRejectedShare (--max-rejected-share");
    // The calibrate command stops the same way; a user who means it raises the share.
    assertThatThrownBy(() -> job.build().calibrate(RejectionSink.discard())).isInstanceOf(InputException.class);
    SegmentationResult result = job.maxRejectedShare(1).build()
        .run(new ResultWriter(new StringWriter(), ResultFormat.CSV), RejectionSink.discard());
    assertThat(result.counts().classified()).isEqualTo(2);
    // The configuration can allow it too (input.maxRejectedShare); the builder's value wins over it.
    org.clientele.core.Model lenient = org.clientele.core.Model.fromJson("{\"dimensions\": {\"median\": {}},"
        + " \"strategy\": {\"provider\": \"simple\"}, \"input\": {\"maxRejectedShare\": 0.9}}", "cfg.json");
    Segmentation.Builder configured = Segmentation.builder().model(lenient).transactions(orders).threads(1)
        .referenceDate(LocalDate.of(2024, 7, 1));
    assertThat(configured.build().run(new ResultWriter(new StringWriter(), ResultFormat.CSV), RejectionSink.discard())
        .counts().classified()).isEqualTo(2);
    assertThatThrownBy(() -> configured.maxRejectedShare(0.5).build()
        .run(new ResultWriter(new StringWriter(), ResultFormat.CSV), RejectionSink.discard()))
        .isInstanceOf(InputException.class);
  }

  @Test
  void aCustomersFileMostlyRejectedStopsTheRunBeforeCalibrating() throws IOException {
    Path accounts = dir.resolve("accounts.csv");
    StringBuilder c = new StringBuilder("id,revenue_12m\n");
    for (int i = 0; i < 10; i++) {
      c.append("A").append(i).append(i < 3 ? ",100\n" : ",\"1.234,50 EUR\"\n");
    }
    Files.writeString(accounts, c);
    org.clientele.core.Model model = org.clientele.core.Model.fromJson(
        "{\"dimensions\": {\"median\": {}}, \"strategy\": {\"provider\": \"simple\"}}", "cfg.json");
    StringWriter out = new StringWriter();
    assertThatThrownBy(() -> Segmentation.builder().model(model).customers(accounts).threads(1).build()
            .run(new ResultWriter(out, ResultFormat.CSV), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("accounts.csv: 7 of 10 rows rejected")
        .hasMessageContaining("column revenue_12m \"1.234,50 EUR\"")
        .hasMessageContaining("EUR");
    assertThat(out.toString()).as("no result written from cut-offs fitted on 3 customers").isEmpty();
  }
}
