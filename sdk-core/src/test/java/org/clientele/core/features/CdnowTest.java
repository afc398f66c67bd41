package org.clientele.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.io.InputConfig;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real CDNOW data (Fader and Hardie) from the shared data folder: the lifetimes-conventions
 * summary of the 2,357-customer sample, and the full master file read by configuration alone.
 * Skipped when the folder is absent.
 */
class CdnowTest {

  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private static Path cdnow;

  @BeforeEach
  void findData() {
    String shared = System.getProperty("clientele.sharedData", "../../shared/data");
    cdnow = Path.of(shared, "cdnow");
    assumeThat(Files.isRegularFile(cdnow.resolve("CDNOW_master.txt")))
        .as("the CDNOW data is not at %s (system property clientele.sharedData); skipping the CDNOW tests",
            cdnow.toAbsolutePath())
        .isTrue();
  }

  /** The sample file: whitespace-separated, CRLF, no header, master id and sample id. */
  static TransactionFormat sampleFormat() {
    return TransactionFormat.builder()
        .delimiter("whitespace")
        .header(false)
        .columns(List.of("master_id", "customer_id", "date", "quantity", "amount"))
        .datePattern("yyyyMMdd")
        .build();
  }

  /** BTYD's CSV of the same sample. */
  static TransactionFormat elogFormat() {
    return TransactionFormat.builder()
        .customerIdColumn("sampleid")
        .amountColumn("sales")
        .quantityColumn("cds")
        .datePattern("yyyyMMdd")
        .build();
  }

  @Test
  void lifetimesSummaryOfTheSampleFileMatchesTheLifetimesLibrary() throws IOException {
    checkAgainstLifetimes(cdnow.resolve("CDNOW_sample.txt"), sampleFormat());
  }

  @Test
  void lifetimesSummaryOfTheBtydCsvMatchesTheLifetimesLibrary() throws IOException {
    checkAgainstLifetimes(cdnow.resolve("cdnowElog.csv"), elogFormat());
  }

  private static void checkAgainstLifetimes(Path file, TransactionFormat format) throws IOException {
    FeatureDeriver.Result result =
        FeatureDeriver.derive(file, format, DerivationOptions.lifetimes(CALIBRATION_END, PeriodUnit.WEEKS), RejectionSink.strict());
    assertThat(result.counts().read()).isEqualTo(6919);
    assertThat(result.counts().rejected()).isZero();
    FeatureDeriver deriver = result.features();
    assertThat(deriver.customerCount()).isEqualTo(2357);

    Map<Integer, LifetimesSummary> byId = new HashMap<>();
    deriver.summaries().forEachRemaining(s -> byId.put(Integer.parseInt(s.customerId()), s));
    List<String[]> expected = rows(cdnow.resolve("cdnow_customers_summary.csv"));
    assertThat(expected).hasSize(2357);
    List<String> mismatches = new ArrayList<>();
    double frequencySum = 0;
    for (String[] row : expected) { // ID,frequency,recency,T
      LifetimesSummary s = byId.get(Integer.parseInt(row[0]));
      if (s == null) {
        mismatches.add("customer " + row[0] + " missing");
        continue;
      }
      frequencySum += s.frequency();
      if (!sameAt2(s.frequency(), row[1]) || !sameAt2(s.recency(), row[2]) || !sameAt2(s.t(), row[3])) {
        mismatches.add("customer " + row[0] + ": expected " + String.join(",", row) + ", derived "
            + s.frequency() + "," + s.recency() + "," + s.t());
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(frequencySum).isEqualTo(2457);

    // The spend summary (zbar: mean of the repeat days' spend), rounded to 2 decimals by R.
    List<String> spendMismatches = new ArrayList<>();
    for (String[] row : rows(cdnow.resolve("cdnow_customers_summary_with_transactions.csv"))) {
      LifetimesSummary s = byId.get(Integer.parseInt(row[0])); // ID,x,t_x,T,zbar
      if (Math.abs(s.monetaryValue() - Double.parseDouble(row[4])) > 0.005 + 1e-9) {
        spendMismatches.add("customer " + row[0] + ": zbar " + row[4] + ", derived " + s.monetaryValue());
      }
    }
    assertThat(spendMismatches).isEmpty();
  }

  /** True if {@code actual} rounded half-up to 2 decimals is the expected text's value. */
  private static boolean sameAt2(double actual, String expected) {
    return BigDecimal.valueOf(actual).setScale(2, RoundingMode.HALF_UP)
        .compareTo(new BigDecimal(expected).setScale(2, RoundingMode.HALF_UP)) == 0;
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        out.add(line.split(","));
      }
    }
    return out;
  }

  @Test
  void theMasterFileReadsByConfigurationAloneWithNoRejections() throws IOException {
    String json =
        """
        {
          "transactions": {
            "format": "csv",
            "delimiter": "whitespace",
            "header": true,
            "datePattern": "yyyyMMdd",
            "fields": { "amount": "dollar_value", "quantity": "number_of_cds" }
          }
        }
        """;
    @SuppressWarnings("unchecked")
    Map<String, Object> section = new ObjectMapper().readValue(json, Map.class);
    PluginConfig input = PluginConfig.of("input", "cdnow.json", "$.input", section);
    TransactionFormat format = InputConfig.fromConfig(input).transactions();
    assertThat(input.unreadKeys()).isEmpty();

    List<Rejection> rejections = new ArrayList<>();
    FeatureDeriver.Result result =
        FeatureDeriver.derive(cdnow.resolve("CDNOW_master.txt"), format, DerivationOptions.defaults(), rejections::add);
    ReadCounts counts = result.counts();
    assertThat(rejections).isEmpty();
    assertThat(counts.read()).isEqualTo(69_659);
    assertThat(counts.accepted()).isEqualTo(69_659);
    FeatureDeriver deriver = result.features();
    assertThat(deriver.referenceDate()).isEqualTo(LocalDate.of(1998, 7, 1)); // the day after 1998-06-30
    assertThat(deriver.customerCount()).isEqualTo(23_570);
    assertThat(deriver.ignoredAfterReference()).isZero();

    long customers = 0;
    double revenue = 0;
    double purchaseDays = 0;
    LocalDate lastFirstPurchase = LocalDate.MIN;
    for (Iterator<Customer> it = deriver.customers(); it.hasNext(); ) {
      Customer c = it.next();
      customers++;
      revenue += c.number(StandardFeatures.REVENUE_TOTAL, Double.NaN);
      purchaseDays += c.number(StandardFeatures.PURCHASE_DAYS, Double.NaN);
      LocalDate first = c.getOrNull(StandardFeatures.FIRST_PURCHASE_DATE);
      if (first.isAfter(lastFirstPurchase)) {
        lastFirstPurchase = first;
      }
    }
    assertThat(customers).isEqualTo(23_570);
    assertThat(revenue).isCloseTo(2_500_315.63, org.assertj.core.data.Offset.offset(0.01));
    assertThat(purchaseDays).isEqualTo(67_591); // distinct (customer, day) pairs, from the README
    assertThat(lastFirstPurchase).isEqualTo(LocalDate.of(1997, 3, 25)); // the cohort's last first purchase
  }
}
