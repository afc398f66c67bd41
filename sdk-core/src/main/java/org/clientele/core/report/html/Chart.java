package org.clientele.core.report.html;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chart of an {@link HtmlReport}: an Apache ECharts option drawn as SVG, with the words every
 * chart carries (a title, a one-line reading guide, a text alternative for screen readers) and the
 * numbers behind it as a table.
 *
 * @param title what the chart shows
 * @param guide one line on how to read it
 * @param alternative the chart in words, for a reader that cannot see it
 * @param option the ECharts option: maps, lists, strings, numbers, booleans (see
 *     https://echarts.apache.org/en/option.html); the page turns animation off
 * @param headers the numbers table's column headings
 * @param rows the numbers table's rows, each as long as {@code headers}
 * @since 0.1.0
 */
public record Chart(
    String title, String guide, String alternative, Map<String, Object> option, List<String> headers, List<List<String>> rows) {

  /**
   * Checks the parts and copies the collections.
   *
   * @param title what the chart shows
   * @param guide one line on how to read it
   * @param alternative the chart in words, for a reader that cannot see it
   * @param option the ECharts option: maps, lists, strings, numbers, booleans (see https://echarts.apache.org/en/option.html); the page turns animation off
   * @param headers the numbers table's column headings
   * @param rows the numbers table's rows, each as long as {@code headers}
   */
  public Chart {
    requireText(title, "title");
    requireText(guide, "guide");
    requireText(alternative, "alternative");
    option = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(option, "option")));
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "Chart '" + title + "': a row has " + row.size() + " cells, the table has " + headers.size() + " columns");
      }
    }
  }

  private static void requireText(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.isBlank()) {
      throw new IllegalArgumentException("A chart needs a " + name);
    }
  }
}
