package org.clientele.xlsx;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.clientele.core.io.InputException;
import org.clientele.core.io.TabularSource;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * One sheet of an .xlsx workbook as a {@link TabularSource}: the first non-empty row is the
 * header, every later non-empty row a record. Give it to {@code CustomerReader.open(source,
 * format, sink)} or {@code TransactionReader.open(...)} and the rows get the same mapping,
 * parsing and rejections as the sheet saved as CSV.
 *
 * <p>Number cells are taken as numbers, date-formatted number cells as dates, text cells are parsed
 * like CSV text (so {@code "1,234.50"} follows the format's decimal separator), formula cells give
 * their cached result, error cells ({@code #DIV/0!}) their text, which the reader rejects. {@code
 * line()} is the sheet's row number as Excel shows it. The sheet is streamed, not loaded whole.
 *
 * @since 0.1.0
 */
public final class XlsxSource implements TabularSource {

  private final String name;
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;
  private final List<String> columns;
  private long line;

  private XlsxSource(String name, ReadableWorkbook workbook, Sheet sheet) throws IOException {
    this.name = name;
    this.workbook = workbook;
    this.stream = sheet.openStream();
    this.rows = stream.iterator();
    List<String> header = List.of();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (!blank(row)) {
        List<String> names = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
          Cell c = row.getCell(i);
          names.add(c == null ? "" : c.getText().strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
          names.remove(names.size() - 1);
        }
        header = List.copyOf(names);
        line = row.getRowNum();
        break;
      }
    }
    this.columns = header;
  }

  /**
   * Opens the first sheet of a workbook.
   *
   * @param file an .xlsx file
   * @return the source, positioned after the header row
   * @throws InputException naming the file if it is not a readable .xlsx workbook
   */
  public static XlsxSource open(Path file) {
    return open(file, null);
  }

  /**
   * Opens a named sheet of a workbook.
   *
   * @param file an .xlsx file
   * @param sheetName the sheet's name as its tab shows it, or null for the first sheet
   * @return the source, positioned after the header row
   * @throws InputException naming the file if it is not a readable .xlsx workbook or has no such
   *     sheet
   */
  public static XlsxSource open(Path file, @Nullable String sheetName) {
    Objects.requireNonNull(file, "file");
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    ReadableWorkbook workbook;
    try {
      workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new InputException(name, 0, "file not found; check the path", e);
    } catch (IOException | RuntimeException e) {
      throw new InputException(name, 0, "cannot read it as an .xlsx workbook (" + e.getMessage()
          + "); an old .xls file must be saved as .xlsx or as CSV UTF-8 first", e);
    }
    try {
      Sheet sheet;
      if (sheetName == null) {
        sheet = workbook.getFirstSheet();
      } else {
        List<String> names = workbook.getSheets().map(Sheet::getName).toList();
        sheet = workbook.findSheet(sheetName).orElseThrow(() -> new InputException(name, 0,
            "no sheet \"" + sheetName + "\"; the workbook has " + names, null));
      }
      String source = sheetName == null ? name : name + "[" + sheetName + "]";
      return new XlsxSource(source, workbook, sheet);
    } catch (IOException | RuntimeException e) {
      close(workbook);
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(name, 0, "cannot read the sheet: " + e.getMessage(), e);
    }
  }

  private static boolean blank(Row row) {
    for (int i = 0; i < row.getCellCount(); i++) {
      Object v = value(row.getCell(i));
      if (v != null && !(v instanceof String s && s.isBlank())) {
        return false;
      }
    }
    return true;
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
      while (rows.hasNext()) {
        Row row = rows.next();
        if (blank(row)) {
          continue;
        }
        line = row.getRowNum();
        List<@Nullable Object> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(value(row.getCell(i)));
        }
        while (cells.size() > columns.size() && cells.get(cells.size() - 1) == null) {
          cells.remove(cells.size() - 1); // formatting past the last column is not a value
        }
        return cells;
      }
      return null;
    } catch (RuntimeException e) {
      throw new InputException(name, line + 1, "cannot read the row: " + e.getMessage(), e);
    }
  }

  private static @Nullable Object value(@Nullable Cell cell) {
    if (cell == null) {
      return null;
    }
    switch (cell.getType()) {
      case EMPTY:
        return null;
      case NUMBER:
        return isDate(cell) ? cell.asDate() : cell.asNumber();
      case BOOLEAN:
        return cell.asBoolean();
      case FORMULA: {
        String raw = cell.getRawValue();
        if (raw == null || raw.isEmpty()) {
          return null;
        }
        try {
          BigDecimal n = new BigDecimal(raw);
          return isDate(cell) ? cell.asDate() : n;
        } catch (NumberFormatException e) {
          return raw;
        }
      }
      default: // STRING, ERROR
        String text = cell.getText();
        return text.isEmpty() ? null : text;
    }
  }

  /** True for a number cell whose format shows a date (built-in formats 14 to 22, or d/m/y codes). */
  static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null || format.equalsIgnoreCase("General")) {
      return false;
    }
    String codes = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
    return codes.contains("y") || codes.contains("d");
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } finally {
      close(workbook);
    }
  }

  private static void close(ReadableWorkbook workbook) {
    try {
      workbook.close();
    } catch (IOException e) {
      // nothing more was to be read
    }
  }
}
