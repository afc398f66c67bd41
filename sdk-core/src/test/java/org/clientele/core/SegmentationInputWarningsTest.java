package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultFormat;
import org.clientele.core.io.ResultWriter;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analyst's exports get wrong without a single bad row: ids of the two files that never
 * meet, a feature given by both files, a log dated in the future. Each is a warning in the report
 * (and so in {@code --strict-quality}), never a silent label.
 */
class SegmentationInputWarningsTest {

  @TempDir Path dir;

  private List<QualityWarning> warnings(String accounts, String orders, @org.jspecify.annotations.Nullable LocalDate reference)
      throws IOException {
    Path a = dir.resolve("accounts.csv");
    Files.writeString(a, accounts);
    Path o = dir.resolve("orders.csv");
    Files.writeString(o, orders);
    Segmentation job = Segmentation.builder().customers(a).transactions(o).referenceDate(reference).threads(1).build();
    SegmentationResult result;
    try (ResultWriter writer = new ResultWriter(new StringWriter(), ResultFormat.CSV)) {
      result = job.run(writer, RejectionSink.discard());
    }
    return result.report().orElseThrow().quality().warnings();
  }

  private static List<String> codes(List<QualityWarning> warnings) {
    return warnings.stream().map(QualityWarning::code).toList();
  }

  @Test
  void idsThatNeverMeetAreNamedWithAnExampleFromEachFile() throws IOException {
    List<QualityWarning> w = warnings("id,industry_code\n1,C10\n2,C10\n3,G46\n",
        "customer_id,date,amount\n00001,2024-03-01,100\n00002,2024-04-01,70\n00003,2024-05-01,10\n", LocalDate.of(2024, 7, 1));

    assertThat(w).filteredOn(q -> q.code().equals("ids_do_not_match")).singleElement().satisfies(q -> assertThat(q.message())
        .contains("not one of the 3 customers of accounts.csv has a transaction in orders.csv")
        .contains("accounts.csv has e.g. '1'").contains("orders.csv e.g. '00001'")
        .contains("leading zeros dropped by Excel"));
  }

  @Test
  void channelValuesThatAreNeitherOnlineNorOfflineAreNamedWithTheirRows() throws IOException {
    List<QualityWarning> w = warnings("id\nA\nB\n", "customer_id,date,amount,channel\n"
        + "A,2024-03-01,100,online\nA,2024-03-02,100,Fax\nB,2024-04-01,70,store\nB,2024-04-02,70,Fax\n"
        + "B,2024-04-03,70,kiosk\n", LocalDate.of(2024, 7, 1));

    assertThat(w).filteredOn(q -> q.code().equals("channel_not_recognised")).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("3 purchase rows of orders.csv")
            .contains("'Fax' (2 rows), 'kiosk' (1 row)").contains("left out of online_share"));
    assertThat(codes(warnings("id\nA\n", "customer_id,date,amount,channel\nA,2024-03-01,100,web\n", LocalDate.of(2024, 7, 1))))
        .doesNotContain("channel_not_recognised");
  }

  @Test
  void aJoinWhereLessThanHalfOfTheSmallerFileMeetsIsNamed() throws IOException {
    List<QualityWarning> w = warnings("id\nA\nB\nC\nD\nE\nF\nG\nH\n",
        "customer_id,date,amount\nA,2024-03-01,1\nX,2024-03-01,1\nY,2024-03-01,1\nZ,2024-03-01,1\n", LocalDate.of(2024, 7, 1));

    assertThat(w).filteredOn(q -> q.code().equals("few_ids_match")).singleElement().satisfies(q -> assertThat(q.message())
        .contains("only 1 customers are in both accounts.csv (8 customers) and orders.csv (4 customers)"));
  }

  @Test
  void aFeatureGivenByBothFilesForSomeCustomersOnlyIsNamed() throws IOException {
    List<QualityWarning> w = warnings("id,revenue_12m\nA,500\nB,900\nP,700\n",
        "customer_id,date,amount\nA,2024-03-01,100\nB,2024-04-01,70\n", LocalDate.of(2024, 7, 1));

    assertThat(w).filteredOn(q -> q.code().equals("feature_from_two_sources")).singleElement().satisfies(q -> assertThat(q.message())
        .startsWith("revenue_12m comes from two sources")
        .contains("replaced accounts.csv's for 2 customers, and 1 customers without transactions kept accounts.csv's"));
  }

  @Test
  void aLogDatedInTheFutureIsNamedWhenTheReferenceDateIsTakenFromIt() throws IOException {
    LocalDate future = LocalDate.now(ZoneOffset.UTC).plusDays(150);
    String orders = "customer_id,date,amount\nA," + future.minusDays(200) + ",10\nA," + future + ",10\n";

    assertThat(warnings("id\nA\n", orders, null)).filteredOn(q -> q.code().equals("future_dates")).singleElement()
        .satisfies(q -> assertThat(q.message()).contains("the log's last transaction is dated " + future + ", after today"));
    assertThat(codes(warnings("id\nA\n", orders, future.plusDays(1)))).doesNotContain("future_dates"); // given on purpose
  }

  @Test
  void aCustomerWhoseRowWasRejectedIsLeftOutNotClassifiedFromTheLogAlone() throws IOException {
    Path a = dir.resolve("accounts.csv");
    Files.writeString(a, "id,satisfaction,overdue_days\nA1,4,0\nA5,seven,200\n");
    Path o = dir.resolve("orders.csv");
    Files.writeString(o, "customer_id,date,amount\nA1,2024-03-01,100\nA5,2024-04-01,5000\nB,2024-04-01,10\n");
    StringWriter out = new StringWriter();
    SegmentationResult result;
    try (ResultWriter writer = new ResultWriter(out, ResultFormat.CSV)) {
      result = Segmentation.builder().customers(a).transactions(o).referenceDate(LocalDate.of(2024, 7, 1)).threads(1).build()
          .run(writer, RejectionSink.discard());
    }

    assertThat(out.toString()).contains("A1,").contains("B,").doesNotContain("A5");
    assertThat(result.counts().classified()).isEqualTo(2);
    assertThat(result.report().orElseThrow().quality().warnings()).filteredOn(q -> q.code().equals("customer_row_rejected"))
        .singleElement().satisfies(q -> assertThat(q.message())
            .contains("1 customers of orders.csv were left out (e.g. 'A5'): their row in accounts.csv was rejected"));
  }

  @Test
  void aCleanJoinHasNoneOfTheseWarnings() throws IOException {
    List<QualityWarning> w = warnings("id,industry_code\nA,C10\nB,G46\nP,C10\n",
        "customer_id,date,amount\nA,2024-03-01,100\nB,2024-04-01,70\n", LocalDate.of(2024, 7, 1));

    assertThat(codes(w)).doesNotContain("ids_do_not_match", "few_ids_match", "feature_from_two_sources", "future_dates",
        "customer_row_rejected");
  }
}
