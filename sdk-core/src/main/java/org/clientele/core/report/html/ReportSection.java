package org.clientele.core.report.html;

/**
 * One section of the {@link HtmlReport}: a heading, then what {@link #render} writes. A section
 * that writes nothing for a run (no data of its kind) is left out of the page and named at its foot.
 *
 * <p>To add a section, implement this and add it with {@link HtmlReport.Builder#section}; read what
 * it needs from the {@link ReportInput} (the report, the run's counts, or an object the host
 * attached with {@link ReportInput#with}).
 *
 * @since 0.1.0
 */
public interface ReportSection {

  /**
   * Returns the section's id: lower case letters, digits and hyphens, unique in a report; the page
   * anchor and the prefix of its charts' element ids.
   *
   * @return for example {@code pareto}
   */
  String id();

  /**
   * Returns the section's heading.
   *
   * @return for example "How concentrated revenue is"
   */
  String title();

  /**
   * Writes the section's content; writes nothing when the run has no data for it.
   *
   * @param input the run's data
   * @param out where to write paragraphs, warnings, tables and charts
   */
  void render(ReportInput input, SectionWriter out);
}
