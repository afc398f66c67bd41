/**
 * The segmentation report as one self-contained HTML page with charts: open it offline, from a
 * mail attachment or a file share; it makes no network request (Apache ECharts is inlined, and the
 * page's content security policy forbids any fetch).
 *
 * <pre>{@code
 * SegmentationResult result = job.run(ResultSink.NONE, RejectionSink.discard());
 * HtmlReport.write(result, Path.of("report.html"));
 * }</pre>
 *
 * <p>The page is a list of {@link org.clientele.core.report.html.ReportSection}s, each given the
 * run's data ({@link org.clientele.core.report.html.ReportInput}) and each optional: a section that
 * writes nothing is left out and named at the foot of the page. A new kind of result (migration,
 * outcome lift, prediction validation) adds its own section with {@link
 * org.clientele.core.report.html.HtmlReport.Builder#section} or replaces a placeholder with {@link
 * org.clientele.core.report.html.HtmlReport.Builder#replace}, without touching the others.
 *
 * <p>Needs the Apache ECharts web jar ({@code org.webjars:echarts}) on the class path; sdk-core
 * declares it optional, the command line has it.
 *
 * @since 0.1.0
 */
@NullMarked
package org.clientele.core.report.html;

import org.jspecify.annotations.NullMarked;
