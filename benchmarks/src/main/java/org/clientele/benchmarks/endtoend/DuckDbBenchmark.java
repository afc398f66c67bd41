package org.clientele.benchmarks.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.clientele.core.demo.TransactionPopulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.jspecify.annotations.Nullable;

/**
 * The peer: DuckDB (in-process, through JDBC) reads the same {@code transactions.csv} and computes
 * the per-customer aggregates Clientele derives (revenue in the last 12 months, the 12 before and in
 * total, refunds, orders in both windows, first and last purchase date, days since the last one,
 * tenure, distinct purchase days, visits in 12 and 3 months, average order value, main channel),
 * and every row is read back into Java, as Clientele's customers are. One operation is the whole
 * file; {@code threads} is DuckDB's {@code SET threads}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'endtoend.' -p accounts=20000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DuckDbBenchmark {

  /** DuckDB's worker threads. */
  @Param({"1", "2"})
  public int threads;

  private @Nullable Connection connection;
  private String query = "";

  /**
   * Opens an in-memory database and prepares the query.
   *
   * @param log the files
   * @throws SQLException if DuckDB cannot start
   */
  @Setup(Level.Trial)
  public void open(DemoLog log) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    connection = c;
    try (Statement s = c.createStatement()) {
      s.execute("SET threads TO " + threads);
    }
    query = aggregation(log.transactions.toString(), TransactionPopulation.REFERENCE_DATE.toString());
  }

  /**
   * Closes the database.
   *
   * @throws SQLException if closing fails
   */
  @TearDown(Level.Trial)
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  /**
   * Aggregates the log per customer and reads every row.
   *
   * @param log the files
   * @param counters bytes and customers
   * @param blackhole consumes every value
   * @throws SQLException if the query fails
   */
  @Benchmark
  public void aggregate(DemoLog log, Throughput counters, Blackhole blackhole) throws SQLException {
    long n = 0;
    try (Statement s = Objects.requireNonNull(connection, "opened in setup").createStatement(); ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          blackhole.consume(rs.getObject(c));
        }
        n++;
      }
    }
    counters.bytes += log.transactionBytes;
    counters.customers += n;
  }

  /**
   * The SQL a user who knows it would write for the features Clientele derives, with Clientele's
   * conventions (docs/input.md): windows in calendar months before the reference date; revenue
   * windows net of refunds; dates, days, visits, orders and the main channel from purchases only
   * (amount at least 0); the main channel is the one with most purchase rows, ties to the first
   * name; a window without rows is 0.
   */
  static String aggregation(String file, String referenceDate) {
    return """
        WITH t AS (
          SELECT * FROM read_csv('%s', header = true, columns = {
            'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE', 'quantity': 'INTEGER',
            'order_id': 'VARCHAR', 'channel': 'VARCHAR'})
          WHERE date < DATE '%2$s'
        ),
        w AS (
          SELECT *, date >= DATE '%2$s' - INTERVAL 12 MONTH AS last12,
            date < DATE '%2$s' - INTERVAL 12 MONTH AND date >= DATE '%2$s' - INTERVAL 24 MONTH AS prev12,
            date >= DATE '%2$s' - INTERVAL 3 MONTH AS last3
          FROM t
        ),
        channels AS (
          SELECT customer_id, first(channel ORDER BY n DESC, channel) AS channel
          FROM (SELECT customer_id, channel, count(*) AS n FROM w
                WHERE amount >= 0 AND channel IS NOT NULL GROUP BY customer_id, channel)
          GROUP BY customer_id
        ),
        agg AS (
          SELECT customer_id,
            coalesce(sum(amount) FILTER (WHERE last12), 0) AS revenue_12m,
            coalesce(sum(amount) FILTER (WHERE prev12), 0) AS revenue_prev_12m,
            sum(amount) AS revenue_total,
            coalesce(-sum(amount) FILTER (WHERE amount < 0 AND last12), 0) AS refunds_12m,
            count(DISTINCT order_id) FILTER (WHERE amount >= 0 AND last12) AS orders_12m,
            count(DISTINCT order_id) FILTER (WHERE amount >= 0 AND prev12) AS orders_prev_12m,
            min(date) FILTER (WHERE amount >= 0) AS first_purchase_date,
            max(date) FILTER (WHERE amount >= 0) AS last_purchase_date,
            DATE '%2$s' - max(date) FILTER (WHERE amount >= 0) AS days_since_last_purchase,
            DATE '%2$s' - min(date) FILTER (WHERE amount >= 0) AS tenure_days,
            count(DISTINCT date) FILTER (WHERE amount >= 0) AS purchase_days,
            count(DISTINCT date) FILTER (WHERE amount >= 0) - 1 AS repeat_purchases,
            count(DISTINCT date) FILTER (WHERE amount >= 0 AND last12) AS visits_12m,
            count(DISTINCT date) FILTER (WHERE amount >= 0 AND last3) AS visits_3m,
            sum(amount) FILTER (WHERE amount >= 0)
              / nullif(count(DISTINCT order_id) FILTER (WHERE amount >= 0), 0) AS average_order_value
          FROM w
          GROUP BY customer_id
        )
        SELECT agg.*, channels.channel FROM agg LEFT JOIN channels USING (customer_id)
        """.formatted(file.replace("'", "''"), referenceDate);
  }
}
