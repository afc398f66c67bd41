package org.clientele.core.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Adapts a public {@link TabularSource} to the readers' raw rows: cells become the texts a CSV
 * row would hold (numbers flagged as machine numbers, dates written in the format's pattern), so
 * the mapping, parsing and rejections are the readers' own.
 */
final class TabularRowSource implements RowSource {

  private final TabularSource source;
  private final List<String> names;
  private final DateTimeFormatter dates;

  TabularRowSource(TabularSource source, String datePattern) {
    this.source = source;
    this.names = List.copyOf(source.columns());
    this.dates = ValueParser.ISO.equals(datePattern)
        ? DateTimeFormatter.ISO_LOCAL_DATE
        : DateTimeFormatter.ofPattern(datePattern);
  }

  List<String> names() {
    return names;
  }

  @Override
  public @Nullable RawRow next() {
    List<@Nullable Object> cells = source.next();
    if (cells == null) {
      return null;
    }
    long line = source.line();
    if (cells.size() > names.size()) {
      return new RawRow(line, names, List.of(), null, new Rejection(
          source.name(), line, "", "", RejectionReason.WRONG_COLUMN_COUNT,
          "the row has " + cells.size() + " cells but the header has " + names.size() + " columns",
          "remove the extra cells or name their columns in the header"));
    }
    List<@Nullable String> values = new ArrayList<>(names.size());
    boolean[] numbers = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      Object cell = i < cells.size() ? cells.get(i) : null;
      if (cell == null) {
        values.add(null);
      } else if (cell instanceof Number n) {
        values.add(number(n));
        numbers[i] = true;
      } else if (cell instanceof LocalDate d) {
        values.add(dates.format(d));
      } else if (cell instanceof LocalDateTime t) {
        values.add(dates.format(t.toLocalDate()));
      } else {
        values.add(cell.toString());
      }
    }
    return new RawRow(line, names, values, numbers, null);
  }

  private static String number(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return f.toString();
    }
    if (n instanceof BigDecimal b) {
      // 423830.0 from a spreadsheet is the code 423830 when the column is text (an industry code)
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return d == 0 ? "0" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return n.toString();
  }

  @Override
  public List<String> header() {
    return names;
  }

  @Override
  public void close() {
    source.close();
  }
}
