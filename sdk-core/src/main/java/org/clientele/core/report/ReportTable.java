package org.clientele.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clientele.api.Dimension;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport.Cell;
import org.clientele.core.report.SegmentationReport.CrossTab;
import org.clientele.core.report.SegmentationReport.CrossTabRow;
import org.clientele.core.report.SegmentationReport.DimensionSummary;
import org.clientele.core.report.SegmentationReport.FeatureMean;
import org.clientele.core.report.SegmentationReport.ParetoCurve;
import org.clientele.core.report.SegmentationReport.ParetoPoint;
import org.clientele.core.report.SegmentationReport.PlanLine;
import org.clientele.core.report.SegmentationReport.PlanSummary;
import org.clientele.core.report.SegmentationReport.Segment;

/**
 * Renders a report for a person: fixed-width tables (first column left-aligned, numbers
 * right-aligned), shares as percentages with one decimal, money with thousands separators and two
 * decimals, other means with one decimal. Formatting uses {@link Locale#ROOT}, so the text is the
 * same on every machine.
 */
final class ReportTable {

  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private ReportTable() {}

  static String write(SegmentationReport r) {
    StringBuilder out = new StringBuilder();
    out.append("Segmentation report\n");
    out.append("===================\n\n");
    var t = r.totals();
    Table totals = new Table(List.of("", ""));
    totals.row(List.of("Customers", count(t.customers())));
    totals.row(List.of("Classified on every dimension", count(t.classified())));
    totals.row(List.of("Rejected input rows", count(t.rejectedRows())));
    totals.row(List.of("Revenue (" + r.revenueMetric() + ")", money(t.revenue())));
    if (t.revenueMissing() > 0) {
      totals.row(List.of("Customers without " + r.revenueMetric(), count(t.revenueMissing())));
    }
    totals.render(out, false);
    out.append('\n').append(headline(r)).append('\n');

    for (DimensionSummary d : r.dimensions()) {
      out.append("Dimension: ").append(d.id()).append('\n');
      Table table = new Table(List.of(d.id(), "customers", "share", "revenue", "revenue share"));
      for (Segment s : d.segments()) {
        table.row(List.of(s.label(), count(s.customers()), percent(s.customerShare()), money(s.revenue()), percent(s.revenueShare())));
      }
      table.row(List.of("total", count(t.customers()), percent(t.customers() > 0 ? 1 : 0), money(t.revenue()),
          percent(t.revenue() > 0 ? 1 : 0)));
      table.render(out, true);
      out.append('\n');
    }

    for (CrossTab c : r.crossTabs()) {
      out.append("Cross-tab: ").append(c.rowDimension()).append(" × ").append(c.columnDimension()).append(", customers\n");
      crossTab(out, c, cell -> count(cell.customers()));
      out.append("Cross-tab: ").append(c.rowDimension()).append(" × ").append(c.columnDimension())
          .append(", share of revenue\n");
      crossTab(out, c, cell -> percent(cell.revenueShare()));
    }

    SegmentationReport.PurchaseGrid grid = r.purchaseGrid();
    if (grid != null) {
      purchaseGrid(out, grid);
    }

    ParetoCurve p = r.pareto();
    if (p != null) {
      out.append("Pareto curve of revenue (").append(r.revenueMetric()).append(")\n");
      if (t.revenue() > 0) {
        Table table = new Table(List.of("customers", "share of revenue"));
        for (ParetoPoint point : p.points()) {
          table.row(List.of("top " + wholePercent(point.customerShare()), percent(point.revenueShare())));
        }
        table.render(out, true);
        out.append(INDENT).append("80% of revenue is held by the top ").append(percent(p.customerShareFor80()))
            .append(" of customers (").append(count(p.customersFor80()))
            .append(p.customersFor80() == 1 ? " customer" : " customers").append(").\n\n");
      } else {
        out.append(INDENT).append("No positive revenue: there is no curve to show.\n\n");
      }
    }

    PlanSummary plan = r.plan();
    if (!plan.actions().isEmpty()) {
      out.append("Plan: actions by customers (").append(count(plan.customersWithActions())).append(" of ")
          .append(count(t.customers())).append(" customers have at least one action, holding ")
          .append(percent(share(plan.revenueWithActions(), t.revenue()))).append(" of revenue)\n");
      Table table = new Table(List.of("action", "category", "customers", "share", "revenue", "revenue share"));
      for (PlanLine a : plan.actions()) {
        table.row(List.of(a.code(), a.category().name(), count(a.customers()), percent(a.customerShare()),
            money(a.revenue()), percent(a.revenueShare())));
      }
      table.render(out, true);
      out.append('\n');
    }

    out.append("Segment means (over customers that have the feature; (n) when some lack it)\n");
    for (DimensionSummary d : r.dimensions()) {
      List<String> header = new ArrayList<>();
      header.add(d.id());
      header.addAll(r.meanFeatures());
      Table table = new Table(header);
      for (Segment s : d.segments()) {
        table.row(meanRow(s.label(), s.customers(), s.means(), r.revenueMetric()));
      }
      table.row(meanRow("all customers", t.customers(), r.overall(), r.revenueMetric()));
      table.render(out, true);
      out.append('\n');
    }

    quality(out, r.quality());

    if (!r.rejectedByReason().isEmpty()) {
      out.append("Rejected input rows by reason\n");
      counts(out, "reason", r.rejectedByReason());
    }
    if (r.errorCounts().values().stream().anyMatch(n -> n > 0)) {
      out.append("Engine errors (a failed classifier gives UNCLASSIFIED; a failed strategy, an empty plan)\n");
      counts(out, "dimension", r.errorCounts());
    }
    if (!r.notes().isEmpty()) {
      out.append("Notes\n");
      for (String note : r.notes()) {
        out.append(INDENT).append("- ").append(note).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The purchase pattern as a 2 x 2 grid: frequency down the side (frequent on top), order value
   * across (big orders on the right, as in the HTML report's chart), customers and revenue share in
   * each cell, the cut-offs under it and what makes them meaningless, if anything.
   */
  private static void purchaseGrid(StringBuilder out, SegmentationReport.PurchaseGrid g) {
    out.append("Purchase pattern: ").append(g.frequencyFeature()).append(" × ").append(g.orderValueFeature())
        .append(" (").append(g.dimension()).append(")\n");
    String f = cutoff(g.frequencyCutoff());
    String v = cutoff(g.orderValueCutoff());
    Table table = new Table(List.of("", g.orderValueFeature() + " <= " + v, g.orderValueFeature() + " > " + v));
    List<Segment> q = g.quadrants();
    table.row(List.of(g.frequencyFeature() + " > " + f, cell(q.get(1)), cell(q.get(0))));
    table.row(List.of(g.frequencyFeature() + " <= " + f, cell(q.get(3)), cell(q.get(2))));
    table.render(out, true);
    out.append(INDENT).append("Cells: customers (share of customers, share of revenue). Cut-offs: ")
        .append(g.frequencyFeature()).append(' ').append(f).append(", ").append(g.orderValueFeature()).append(' ').append(v)
        .append(" (").append(g.basis()).append("); equal to a cut-off counts as the low side.\n");
    if (g.unplaced() > 0) {
      out.append(INDENT).append(count(g.unplaced())).append(" customers have no quadrant (UNKNOWN: ")
          .append(g.frequencyFeature()).append(" or ").append(g.orderValueFeature()).append(" missing).\n");
    }
    for (String note : g.notes()) {
      out.append(INDENT).append("WARNING: the split means nothing on one axis: ").append(note).append('\n');
    }
    out.append('\n');
  }

  private static String cutoff(java.util.OptionalDouble c) {
    return c.isPresent() ? org.clientele.core.internal.Formats.plain(c.getAsDouble()) : "?";
  }

  private static String cell(Segment s) {
    return s.label() + ": " + count(s.customers()) + " (" + percent(s.customerShare()) + ", " + percent(s.revenueShare())
        + ")";
  }

  /**
   * The quality section: the warnings first (never silence), then the four principles per segment:
   * measurable (placed on its inputs), accessible (contactable), profitable (revenue share and
   * index), differentiable (difference from the rest, in standard deviations).
   */
  private static void quality(StringBuilder out, SegmentationReport.Quality q) {
    out.append("Quality of the segmentation (docs/report.md)\n");
    if (q.warnings().isEmpty()) {
      out.append(INDENT).append("No warnings.\n");
    }
    for (SegmentationReport.QualityWarning w : q.warnings()) {
      out.append(INDENT).append("! ").append(w.message()).append('\n');
    }
    out.append('\n');
    Table table = new Table(List.of("dimension", "segment", "customers", "measurable", "accessible", "revenue share",
        "revenue index", "difference"));
    for (SegmentationReport.SegmentQuality s : q.segments()) {
      table.row(List.of(s.dimension(), s.label(), count(s.customers()), percentOrDash(s.measurable()),
          percentOrDash(s.accessible()), percent(s.revenueShare()), ratio(s.revenueIndex()), ratio(s.difference())));
    }
    table.render(out, true);
    out.append('\n');
  }

  private static String percentOrDash(double share) {
    return Double.isNaN(share) ? "-" : percent(share);
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", value + 0.0);
  }

  /** A few sentences: the top segment of the value dimension, revenue concentration, trouble. */
  static String headline(SegmentationReport r) {
    StringBuilder out = new StringBuilder();
    var t = r.totals();
    if (t.customers() == 0) {
      out.append("No customers were classified.\n");
    } else {
      Optional<DimensionSummary> lead = r.dimension("value").or(() -> r.dimensions().stream().findFirst());
      lead.flatMap(d -> d.segments().stream().findFirst().map(s -> new Object[] {d, s}))
          .ifPresent(pair -> {
            DimensionSummary d = (DimensionSummary) pair[0];
            Segment s = (Segment) pair[1];
            out.append(who(d.id(), s.label())).append(" are ").append(percent(s.customerShare()))
                .append(" of customers and hold ").append(percent(s.revenueShare())).append(" of revenue.\n");
          });
      ParetoCurve p = r.pareto();
      if (p != null && t.revenue() > 0) {
        out.append("The top 20% of customers hold ").append(percent(p.points().get(3).revenueShare()))
            .append(" of revenue; 80% of revenue comes from the top ").append(percent(p.customerShareFor80()))
            .append(" of customers.\n");
      }
      r.dimension("behaviour").ifPresent(d -> sharesOf(out, d, List.of("AT_RISK", "LOST")));
      r.dimension("risk").ifPresent(d -> sharesOf(out, d, List.of("HIGH")));
      long unclassified = t.customers() - t.classified();
      if (unclassified > 0) {
        out.append(count(unclassified)).append(unclassified == 1 ? " customer is " : " customers are ")
            .append("UNCLASSIFIED on at least one dimension (a classifier failed).\n");
      }
    }
    if (t.rejectedRows() > 0) {
      out.append(count(t.rejectedRows())).append(t.rejectedRows() == 1 ? " input row was" : " input rows were")
          .append(" rejected.\n");
    }
    return out.toString();
  }

  /** "At risk and lost behaviour customers hold 12.0% of revenue (30.0% of customers)." */
  private static void sharesOf(StringBuilder out, DimensionSummary d, List<String> labels) {
    long customers = 0;
    double customerShare = 0;
    double revenueShare = 0;
    List<String> present = new ArrayList<>();
    for (String label : labels) {
      Optional<Segment> s = d.segment(label);
      if (s.isPresent()) {
        present.add(label);
        customers += s.get().customers();
        customerShare += s.get().customerShare();
        revenueShare += s.get().revenueShare();
      }
    }
    if (present.isEmpty() || customers == 0) {
      return;
    }
    List<String> words = present.stream().map(ReportTable::words).toList();
    String joined = String.join(" and ", words);
    out.append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1)).append(' ').append(d.id())
        .append(" customers are ").append(percent(customerShare)).append(" of customers and hold ")
        .append(percent(revenueShare)).append(" of revenue.\n");
  }

  private static String who(String dimensionId, String label) {
    String w = words(label);
    String capital = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    return dimensionId.equals("value") ? capital + " customers" : capital + " " + dimensionId + " customers";
  }

  /** AT_RISK becomes "at risk"; UNCLASSIFIED stays as it is. */
  private static String words(String label) {
    return label.equals(Dimension.UNCLASSIFIED) ? label : label.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static void crossTab(StringBuilder out, CrossTab c, java.util.function.Function<Cell, String> show) {
    List<String> header = new ArrayList<>();
    header.add(c.rowDimension() + " \\ " + c.columnDimension());
    header.addAll(c.columnLabels());
    Table table = new Table(header);
    for (CrossTabRow row : c.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.label());
      for (Cell cell : row.cells()) {
        cells.add(show.apply(cell));
      }
      table.row(cells);
    }
    table.render(out, true);
    out.append('\n');
  }

  private static List<String> meanRow(String label, long customers, List<FeatureMean> means, String revenueMetric) {
    List<String> row = new ArrayList<>();
    row.add(label);
    for (FeatureMean m : means) {
      if (m.mean().isEmpty()) {
        row.add("-");
        continue;
      }
      double v = m.mean().getAsDouble();
      String shown = m.feature().equals(revenueMetric) ? money(v) : String.format(Locale.ROOT, "%,.1f", v);
      row.add(m.customers() < customers ? shown + " (" + count(m.customers()) + ")" : shown);
    }
    return row;
  }

  private static void counts(StringBuilder out, String what, Map<String, Long> counts) {
    Table table = new Table(List.of(what, "count"));
    counts.forEach((k, v) -> table.row(List.of(k, count(v))));
    table.render(out, true);
    out.append('\n');
  }

  static String percent(double share) {
    return Formats.percent(share);
  }

  static String wholePercent(double share) {
    return Formats.wholePercent(share);
  }

  static String money(double amount) {
    return Formats.money(amount);
  }

  static String count(long n) {
    return Formats.count(n);
  }

  /** Columns sized to their widest cell; the first left-aligned, the rest right-aligned. */
  private static final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
      this.header = header;
    }

    void row(List<String> cells) {
      rows.add(cells);
    }

    void render(StringBuilder out, boolean withHeader) {
      int[] widths = new int[header.size()];
      List<List<String>> all = new ArrayList<>();
      if (withHeader) {
        all.add(header);
      }
      all.addAll(rows);
      for (List<String> row : all) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      for (int r = 0; r < all.size(); r++) {
        List<String> row = all.get(r);
        StringBuilder line = new StringBuilder(INDENT);
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            line.append(GAP);
          }
          String cell = row.get(i);
          String pad = " ".repeat(widths[i] - cell.length());
          line.append(i == 0 ? cell + pad : pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
        if (withHeader && r == 0) {
          StringBuilder rule = new StringBuilder(INDENT);
          for (int i = 0; i < widths.length; i++) {
            rule.append(i > 0 ? GAP : "").append("-".repeat(widths[i]));
          }
          out.append(rule).append('\n');
        }
      }
    }
  }

  private static double share(double part, double whole) {
    return whole > 0 ? part / whole : 0.0;
  }
}
