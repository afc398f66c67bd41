/**
 * The segmentation report: size, revenue share and distinguishing features of every segment,
 * cross-tabs of two dimensions, the Pareto curve of revenue, and the counts of rejected rows and
 * classifier errors, accumulated in one streaming pass.
 *
 * <pre>{@code
 * ReportAccumulator acc = ReportAccumulator.create(engine.dimensions(), ReportOptions.defaults());
 * for (Customer c : customers) {
 *   acc.add(c, engine.classify(c));
 * }
 * SegmentationReport report = acc.build(rejectedByReason, engine.errorCounts());
 * System.out.println(report.toTable());
 * Files.writeString(Path.of("report.json"), report.toJson());
 * }</pre>
 */
@NullMarked
package org.clientele.core.report;

import org.jspecify.annotations.NullMarked;
