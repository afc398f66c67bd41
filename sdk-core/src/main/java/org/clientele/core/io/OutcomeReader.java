package org.clientele.core.io;

import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads an outcome file: CSV with a header (or JSON Lines with the same keys), one row per
 * customer and rule, validated like every other input (bad rows become rejections naming file,
 * line, column, value, reason and fix; read = accepted + rejected).
 *
 * <pre>
 * customer_id,rule,action,date,response,revenue_after,cost,group
 * A-0000042,potential-nurture,personalised-campaign,2025-02-01,accepted,1250.00,35.00,treated
 * A-0000043,potential-nurture,,2025-02-01,no_response,0,0,held_out
 * </pre>
 *
 * <p>Required: {@code customer_id}, {@code rule}, {@code date} (ISO {@code yyyy-MM-dd}),
 * {@code response} ({@code accepted}, {@code declined}, {@code no_response}), {@code
 * revenue_after} (a number {@code >= 0}: the customer's revenue in the measurement window).
 * Optional: {@code action}, {@code cost} (default 0), {@code group} ({@code treated} or {@code
 * held_out}: checked against the control group, so a held-out customer who was contacted is
 * caught). Numbers use {@code .} as the decimal separator.
 *
 * @since 0.1.0
 */
public final class OutcomeReader extends RecordReader<OutcomeRecord> {

  /** The column names, in the documented order. */
  public static final List<String> COLUMNS =
      List.of("customer_id", "rule", "action", "date", "response", "revenue_after", "cost", "group");

  private final ValueParser values = new ValueParser('.', "yyyy-MM-dd");

  private OutcomeReader(String source, RowSource rows, RejectionSink sink) {
    super(source, rows, sink);
  }

  /**
   * Opens an outcome file.
   *
   * @param file the file (JSON Lines for {@code .jsonl}, {@code .ndjson}, {@code .json}; CSV otherwise)
   * @param sink receives the rejected rows
   * @return the reader; close it
   * @throws InputException if the file cannot be opened or lacks a required column
   */
  public static OutcomeReader open(Path file, RejectionSink sink) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    return open(TextInput.open(file, java.nio.charset.StandardCharsets.UTF_8).reader(),
        name == null ? file.toString() : name.toString(), sink);
  }

  /**
   * Reads outcomes from a reader.
   *
   * @param reader the text
   * @param source the name used in rejections; its extension chooses the format
   * @param sink receives the rejected rows
   * @return the reader; close it
   * @throws InputException if a required column is missing
   */
  public static OutcomeReader open(Reader reader, String source, RejectionSink sink) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    RowSource rows = rowSource(source, TextInput.withoutBom(reader), FileFormat.AUTO.resolve(source), Layout.of(",", true),
        List.of(), undecodable("the outcome file"));
    try {
      if (rows instanceof CsvRowSource csv) {
        List<String> names = csv.names();
        for (String required : List.of("customer_id", "rule", "date", "response", "revenue_after")) {
          if (!names.isEmpty() && !names.contains(required)) {
            throw new InputException(source, 1, "no column \"" + required + "\" among " + names
                + "; an outcome file has the columns " + String.join(",", COLUMNS) + " (action, cost and group optional)", null);
          }
        }
      }
      return new OutcomeReader(source, rows, sink);
    } catch (RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  @Override
  @Nullable OutcomeRecord convert(RawRow row) {
    if (rejectedForEncoding(row)) {
      return null;
    }
    String id = value(row, "customer_id");
    if (id == null) {
      return missing(row, "customer_id", "write the customer's id");
    }
    String rule = value(row, "rule");
    if (rule == null) {
      return missing(row, "rule", "write the playbook rule that selected the customer (the rule of the action in the results)");
    }
    String dateText = value(row, "date");
    if (dateText == null) {
      return missing(row, "date", "write the day the outcome was recorded (yyyy-MM-dd)");
    }
    Object date = values.date(dateText);
    if (date instanceof ValueParser.Problem p) {
      return reject(row, "date", dateText, p.reason(), p.message(), fix(p));
    }
    String responseText = value(row, "response");
    if (responseText == null) {
      return missing(row, "response", "write accepted, declined or no_response");
    }
    OutcomeRecord.Response response = response(responseText);
    if (response == null) {
      return reject(row, "response", responseText, RejectionReason.OUT_OF_RANGE,
          "the response is not one of accepted, declined, no_response", "write accepted, declined or no_response");
    }
    Double revenue = amount(row, "revenue_after", true);
    if (revenue == null) {
      return null;
    }
    Double cost = amount(row, "cost", false);
    if (cost == null) {
      return null;
    }
    String groupText = value(row, "group");
    OutcomeRecord.Group group = null;
    if (groupText != null) {
      String g = groupText.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      if (g.equals("treated")) {
        group = OutcomeRecord.Group.TREATED;
      } else if (g.equals("held_out") || g.equals("control")) {
        group = OutcomeRecord.Group.HELD_OUT;
      } else {
        return reject(row, "group", groupText, RejectionReason.OUT_OF_RANGE,
            "the group is not treated or held_out", "write treated or held_out, or leave the column empty");
      }
    }
    accepted();
    return new OutcomeRecord(id, rule, value(row, "action"), (LocalDate) date, response, revenue, cost, group);
  }

  private static OutcomeRecord.@Nullable Response response(String text) {
    return switch (text.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
      case "accepted", "yes", "1" -> OutcomeRecord.Response.ACCEPTED;
      case "declined", "no" -> OutcomeRecord.Response.DECLINED;
      case "no_response", "none", "0" -> OutcomeRecord.Response.NO_RESPONSE;
      default -> null;
    };
  }

  /** A non-negative amount; null after rejecting the row. Absent and optional means 0. */
  private @Nullable Double amount(RawRow row, String column, boolean required) {
    int i = row.names().indexOf(column);
    String text = text(row, i);
    if (text == null) {
      if (required) {
        missing(row, column, "write a number >= 0 (0 when there was no revenue)");
        return null;
      }
      return 0.0;
    }
    Object n = values.number(text, row.isJsonNumber(i));
    if (n instanceof ValueParser.Problem p) {
      reject(row, column, text, p.reason(), p.message(), fix(p));
      return null;
    }
    double d = (Double) n;
    if (d < 0) {
      reject(row, column, text, RejectionReason.OUT_OF_RANGE, "the " + column + " is negative", "write a number >= 0");
      return null;
    }
    return d;
  }

  /**
   * The parser's fix, unless it names a configuration: the outcome file is read with ISO dates and
   * plain numbers, and the {@code outcomes} command takes no configuration to change that.
   */
  static String fix(ValueParser.Problem p) {
    boolean configurable = p.fix().contains("configuration") || p.fix().contains("datePattern");
    if (!configurable) {
      return p.fix();
    }
    return p.reason() == RejectionReason.UNPARSEABLE_DATE
        ? "write the date as yyyy-MM-dd, for example 2024-03-31 (outcome files are always read so; there is"
            + " nothing to configure)"
        : "write a plain number with a dot for decimals, such as 1234.5, without currency symbols or thousands"
            + " separators (outcome files are always read so; there is nothing to configure)";
  }

  private static @Nullable String value(RawRow row, String column) {
    return text(row, row.names().indexOf(column));
  }

  private @Nullable OutcomeRecord missing(RawRow row, String column, String fix) {
    return reject(row, column, "", RejectionReason.MISSING_VALUE, "the " + column + " is empty or absent", fix);
  }
}
