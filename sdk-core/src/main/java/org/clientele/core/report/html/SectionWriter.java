package org.clientele.core.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link ReportSection} writes: paragraphs, warnings, tables and charts, in order. Text is
 * escaped here; a section never writes raw HTML.
 *
 * @since 0.1.0
 */
public final class SectionWriter {

  private final String sectionId;
  private final StringBuilder html = new StringBuilder();
  private final List<Map<String, Object>> charts = new ArrayList<>();
  private boolean written;

  SectionWriter(String sectionId) {
    this.sectionId = sectionId;
  }

  /**
   * Writes a paragraph.
   *
   * @param text plain text
   * @return this writer
   */
  public SectionWriter paragraph(String text) {
    html.append("<p>").append(Page.escape(text)).append("</p>\n");
    written = true;
    return this;
  }

  /**
   * Writes a warning the reader should not miss, drawn as a highlighted box.
   *
   * @param text plain text
   * @return this writer
   */
  public SectionWriter warning(String text) {
    html.append("<p class=\"warning\" role=\"note\"><strong>Warning:</strong> ").append(Page.escape(text)).append("</p>\n");
    written = true;
    return this;
  }

  /**
   * Writes a table.
   *
   * @param caption what the table shows
   * @param headers the column headings
   * @param rows the rows, each as long as {@code headers}
   * @return this writer
   */
  public SectionWriter table(String caption, List<String> headers, List<List<String>> rows) {
    Objects.requireNonNull(caption, "caption");
    Page.table(html, caption, headers, rows);
    written = true;
    return this;
  }

  /**
   * Writes a chart with its title, reading guide, text alternative and numbers table.
   *
   * @param chart the chart
   * @return this writer
   */
  public SectionWriter chart(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    String id = "chart-" + sectionId + "-" + (charts.size() + 1);
    Page.figure(html, id, chart);
    charts.add(Map.of("id", id, "option", chart.option()));
    written = true;
    return this;
  }

  boolean isEmpty() {
    return !written;
  }

  String html() {
    return html.toString();
  }

  List<Map<String, Object>> charts() {
    return charts;
  }
}
