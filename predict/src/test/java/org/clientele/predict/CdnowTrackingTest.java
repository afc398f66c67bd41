package org.clientele.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Weekly and cumulative tracking: the actual repeat purchases of the CDNOW sample's event log
 * reproduce BTYD's {@code cu.tracking} (2,457 by week 39, 4,339 by week 78), and the expected
 * column is E[X(t)] of each customer's age, checked against the published new-customer values.
 */
class CdnowTrackingTest {

  private static final BgNbd BTYD = new BgNbd(0.2426, 4.4137, 0.7930, 2.4262);
  private static final double CALIBRATION_END = 272 / 7.0; // 1997-01-01 to 1997-09-30

  @Test
  void oneCustomerBornAtTheOriginIsExpectedToBuyWhatTheSpreadsheetSays() {
    List<PurchaseTracking.Row> rows = PurchaseTracking.of(BTYD, CALIBRATION_END, 78).add(0).rows();
    assertThat(rows.get(0).cumulativeExpected()).isCloseTo(0.0532, within(1e-3));
    assertThat(rows.get(2).cumulativeExpected()).isCloseTo(0.1506, within(1e-3));
    assertThat(rows.get(31).cumulativeExpected()).isCloseTo(1.0437, within(1e-3));
    assertThat(rows.get(77).cumulativeExpected()).isCloseTo(1.8576, within(1e-3));
    assertThat(rows.get(38).holdout()).isFalse(); // week 39 ends at 39 > 38.86 but starts inside calibration
    assertThat(rows.get(39).holdout()).isTrue();
  }

  @Test
  void theSamplesRepeatPurchasesTrackLikeBtyds() throws IOException {
    Path elog = CdnowData.folder().resolve("cdnowElog.csv");
    Path published = CdnowData.folder().resolve("cdnowSummary.cu.tracking.csv");
    assumeThat(Files.isRegularFile(elog) && Files.isRegularFile(published))
        .as("the CDNOW data is not at %s (system property clientele.sharedData); skipping", elog.toAbsolutePath())
        .isTrue();
    Map<String, TreeSet<Long>> days = new TreeMap<>();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    long origin = LocalDate.of(1997, 1, 1).toEpochDay();
    for (String line : Files.readAllLines(elog).subList(1, Files.readAllLines(elog).size())) {
      String[] c = line.split(",");
      days.computeIfAbsent(c[1], k -> new TreeSet<>()).add(LocalDate.parse(c[2], f).toEpochDay() - origin);
    }
    PurchaseTracking tracking = PurchaseTracking.of(BTYD, CALIBRATION_END, 78);
    for (TreeSet<Long> d : days.values()) {
      double birth = d.first() / 7.0;
      tracking.add(birth, d.tailSet(d.first(), false).stream().mapToDouble(x -> x / 7.0).toArray());
    }
    List<PurchaseTracking.Row> rows = tracking.rows();
    List<Double> btyd = new ArrayList<>();
    for (String line : Files.readAllLines(published).subList(1, 79)) {
      btyd.add(Double.parseDouble(line.split(",")[1]));
    }
    assertThat(tracking.customers()).isEqualTo(2357);
    assertThat(rows.stream().map(PurchaseTracking.Row::cumulativeActual).toList()).isEqualTo(btyd);
    assertThat(rows.get(38).cumulativeActual()).isEqualTo(2457);
    assertThat(rows.get(77).cumulativeActual()).isEqualTo(4339);
    // The expected column is the sum over customers of E[X(age)]: computed here customer by customer.
    double direct = 0;
    for (TreeSet<Long> d : days.values()) {
      direct += BTYD.expectedPurchasesNewCustomer(78 - d.first() / 7.0);
    }
    assertThat(rows.get(77).cumulativeExpected()).isCloseTo(direct, within(1e-6));
    System.out.println(tracking.toText("week"));
  }
}
