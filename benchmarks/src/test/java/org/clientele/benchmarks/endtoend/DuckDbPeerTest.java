package org.clientele.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.StandardFeatures;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer must compute what Clientele derives, or the ratio compares different work: DuckDB's
 * aggregation of a demo log agrees with {@code FeatureDeriver} on every customer and every column.
 */
class DuckDbPeerTest {

  private static final List<Feature<Double>> NUMBERS = List.of(
      StandardFeatures.REVENUE_12M, StandardFeatures.REVENUE_PREV_12M, StandardFeatures.REVENUE_TOTAL,
      StandardFeatures.REFUNDS_12M, StandardFeatures.ORDERS_12M, StandardFeatures.ORDERS_PREV_12M,
      StandardFeatures.DAYS_SINCE_LAST_PURCHASE, StandardFeatures.TENURE_DAYS, StandardFeatures.PURCHASE_DAYS,
      StandardFeatures.REPEAT_PURCHASES, StandardFeatures.VISITS_12M, StandardFeatures.VISITS_3M,
      StandardFeatures.AVERAGE_ORDER_VALUE);

  @Test
  void duckDbAggregatesWhatClienteleDerives(@TempDir Path dir) throws Exception {
    DemoFiles files = DemoFiles.write(TransactionPopulation.of(400, BenchmarkData.SEED), dir, i -> {});
    Path log = Objects.requireNonNull(files.transactions());
    Map<String, Customer> derived = new HashMap<>();
    FeatureDeriver.Result result = FeatureDeriver.derive(log, TransactionFormat.defaults(),
        DerivationOptions.asOf(TransactionPopulation.REFERENCE_DATE), RejectionSink.discard());
    for (Iterator<Customer> it = result.features().customers(); it.hasNext(); ) {
      Customer c = it.next();
      derived.put(c.id(), c);
    }

    int rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(
            DuckDbBenchmark.aggregation(log.toString(), TransactionPopulation.REFERENCE_DATE.toString()))) {
      while (rs.next()) {
        rows++;
        String id = rs.getString("customer_id");
        Customer c = derived.get(id);
        assertThat(c).as(id).isNotNull();
        for (Feature<Double> f : NUMBERS) {
          double expected = c.number(f, 0); // an absent window is 0 in Clientele, NULL in SQL
          double actual = rs.getDouble(f.name());
          assertThat(actual).as(id + " " + f.name()).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
        }
        assertThat(rs.getObject("first_purchase_date", LocalDate.class)).as(id + " first")
            .isEqualTo(c.getOrNull(StandardFeatures.FIRST_PURCHASE_DATE));
        assertThat(rs.getObject("last_purchase_date", LocalDate.class)).as(id + " last")
            .isEqualTo(c.getOrNull(StandardFeatures.LAST_PURCHASE_DATE));
        assertThat(rs.getString("channel")).as(id + " channel").isEqualTo(c.getOrNull(StandardFeatures.CHANNEL));
      }
    }
    assertThat(rows).isEqualTo(derived.size()).isGreaterThan(300);
  }
}
