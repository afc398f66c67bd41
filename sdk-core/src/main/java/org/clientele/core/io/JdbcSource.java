package org.clientele.core.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a SQL query as a {@link TabularSource}: customers or transactions straight from a
 * database, with the same mapping, parsing and rejections as a CSV export of the same query.
 *
 * <pre>{@code
 * try (Connection db = dataSource.getConnection();
 *      CustomerReader customers = CustomerReader.open(
 *          JdbcSource.query(db, "select id, revenue_12m, industry_code from accounts", "crm.accounts"),
 *          CustomerFormat.defaults(), rejections)) {
 *   engine.classifyAll(customers, results);
 * }
 * }</pre>
 *
 * <p>Column names are the query's column labels in lower case (databases fold unquoted names
 * differently: H2 and Oracle to upper case, PostgreSQL to lower), so {@code REVENUE_12M} maps to
 * the feature {@code revenue_12m}; use {@code AS} to rename. Numbers and dates keep their SQL
 * types (no decimal-separator or date-pattern guessing); text columns are parsed like CSV text.
 * Rows are streamed (fetch size 1,000), never all held. {@code line()} is the row number, 1 for
 * the first row. Closing the source closes the result set and the statement it made, not the
 * connection.
 *
 * @since 0.1.0
 */
public final class JdbcSource implements TabularSource {

  private final String name;
  private final ResultSet rows;
  private final @Nullable PreparedStatement statement;
  private final List<String> columns;
  private long line;

  private JdbcSource(String name, ResultSet rows, @Nullable PreparedStatement statement) {
    this.name = name;
    this.rows = rows;
    this.statement = statement;
    try {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> names = new ArrayList<>(meta.getColumnCount());
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      this.columns = Collections.unmodifiableList(names);
    } catch (SQLException e) {
      close();
      throw failure("cannot read the query's columns", e);
    }
  }

  /**
   * Runs a query and reads its rows.
   *
   * @param connection an open connection; left open
   * @param sql the query (no parameters); its column labels name the columns
   * @param name the name used in rejections and counts
   * @return the source, positioned before the first row
   * @throws InputException naming {@code name} if the query fails
   */
  public static JdbcSource query(Connection connection, String sql, String name) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(name, "name");
    PreparedStatement statement = null;
    try {
      statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(1_000);
      return new JdbcSource(name, statement.executeQuery(), statement);
    } catch (SQLException e) {
      if (statement != null) {
        try {
          statement.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new InputException(name, 0, "the query failed: " + e.getMessage()
          + "; check the SQL and that its tables exist", e);
    }
  }

  /**
   * Reads the rows of a result set the caller made.
   *
   * @param rows a result set positioned before its first row; closed with this source
   * @param name the name used in rejections and counts
   * @return the source
   * @throws InputException if the result set's columns cannot be read
   */
  public static JdbcSource of(ResultSet rows, String name) {
    return new JdbcSource(Objects.requireNonNull(name, "name"), Objects.requireNonNull(rows, "rows"), null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public @Nullable List<@Nullable Object> next() {
    try {
      if (!rows.next()) {
        return null;
      }
      line++;
      List<@Nullable Object> cells = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        Object v = rows.getObject(i);
        if (v instanceof java.sql.Date d) {
          cells.add(d.toLocalDate());
        } else if (v instanceof Timestamp t) {
          cells.add(t.toLocalDateTime());
        } else if (v instanceof java.sql.Clob c) {
          cells.add(c.getSubString(1, (int) Math.min(c.length(), 16 << 20)));
        } else {
          cells.add(v);
        }
      }
      return cells;
    } catch (SQLException e) {
      throw failure("cannot read row " + (line + 1), e);
    }
  }

  private InputException failure(String what, SQLException e) {
    return new InputException(name, line, what + ": " + e.getMessage(), e);
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public void close() {
    try {
      rows.close();
      if (statement != null) {
        statement.close();
      }
    } catch (SQLException e) {
      // nothing more was to be read
    }
  }
}
