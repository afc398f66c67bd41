package org.clientele.core.report.html;

import static org.clientele.core.internal.Formats.count;
import static org.clientele.core.internal.Formats.decimal;
import static org.clientele.core.internal.Formats.money;
import static org.clientele.core.internal.Formats.percent;
import static org.clientele.core.internal.Formats.wholePercent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.SegmentationReport;
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
 * The sections of the standard {@link HtmlReport}, in page order: {@code summary}, {@code
 * warnings}, {@code segments}, {@code pareto}, {@code cross-tabs}, {@code rfm-grid}, {@code purchase-grid}, {@code profiles}, {@code plan}, {@code quality},
 * and the placeholders {@code migration}, {@code outcome-lift} and {@code prediction-validation},
 * which write nothing until the issues that bring their data replace them.
 *
 * <p>Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies) and
 * viridis for heat maps.
 *
 * @since 0.1.0
 */
public final class StandardSections {

  /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
  static final List<String> PALETTE =
      List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000");
  /** Viridis, light to dark. */
  static final List<String> SEQUENTIAL = List.of("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154");
  /** Blue (below average), white, orange (above): safe for red-green deficiencies. */
  static final List<String> DIVERGING = List.of("#2166ac", "#92c5de", "#f7f7f7", "#fdb863", "#b35806");

  private StandardSections() {}

  /**
   * Returns the standard sections, in page order.
   *
   * @return the sections
   */
  public static List<ReportSection> all() {
    return List.of(summary(), warnings(), segments(), pareto(), crossTabs(), rfmGrid(), purchaseGrid(), profiles(), plan(),
        quality(),
        placeholder("migration", "Migration between snapshots"),
        placeholder("outcome-lift", "Outcome lift per rule"),
        placeholder("prediction-validation", "Prediction validation"));
  }

  /**
   * The totals, the headline and what was read.
   *
   * @return the section {@code summary}
   */
  public static ReportSection summary() {
    return section("summary", "Summary", (in, out) -> {
      SegmentationReport r = in.report();
      var t = r.totals();
      for (String line : r.headline().split("\n")) {
        if (!line.isBlank()) {
          out.paragraph(line);
        }
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("Customers", count(t.customers())));
      rows.add(List.of("Classified on every dimension", count(t.classified())));
      rows.add(List.of("Rejected input rows", count(t.rejectedRows())));
      rows.add(List.of("Revenue (" + r.revenueMetric() + ")", money(t.revenue())));
      in.counts().flatMap(c -> Optional.ofNullable(c.referenceDate()))
          .ifPresent(d -> rows.add(List.of("Reference date", d.toString())));
      out.table("Totals", List.of("", "value"), rows);
      in.counts().ifPresent(c -> c.lines(null).forEach(out::paragraph));
    });
  }

  /**
   * The run's notes, classifier errors and rejected rows, as visible warnings.
   *
   * @return the section {@code warnings}
   */
  public static ReportSection warnings() {
    return section("warnings", "Notes and warnings", (in, out) -> {
      SegmentationReport r = in.report();
      r.quality().warnings().forEach(w -> out.warning(w.message()));
      r.notes().forEach(out::warning);
      r.errorCounts().forEach((dim, n) -> {
        if (n > 0) {
          out.warning(count(n) + " customers could not be classified on '" + dim + "' (a classifier or strategy failed).");
        }
      });
      if (!r.rejectedByReason().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        r.rejectedByReason().forEach((reason, n) -> rows.add(List.of(reason, count(n))));
        out.warning(count(r.totals().rejectedRows()) + " input rows were rejected and are in no figure of this report.");
        out.table("Rejected input rows by reason", List.of("reason", "rows"), rows);
      }
      if (out.isEmpty()) {
        out.paragraph("No warnings: every row was read, every customer classified, every feature present.");
      }
    });
  }

  /**
   * The RFM grid as two heat maps, customers and revenue share, R down the side (5 on top) and F
   * across, each cell named with the segment it maps to; nothing without an RFM dimension.
   *
   * @return the section {@code rfm-grid}
   */
  public static ReportSection rfmGrid() {
    return section("rfm-grid", "RFM grid", (in, out) -> {
      SegmentationReport.RfmGrid grid = in.report().rfmGrid();
      if (grid == null) {
        return;
      }
      double total = in.report().totals().revenue();
      List<String> columns = List.of("F1", "F2", "F3", "F4", "F5");
      List<String> rowLabels = List.of("R1", "R2", "R3", "R4", "R5");
      List<Object> customers = new ArrayList<>();
      List<Object> revenue = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      long maxCustomers = 0;
      double maxShare = 0;
      for (int r = 0; r < 5; r++) {
        for (int f = 0; f < 5; f++) {
          long n = grid.customers().get(r).get(f);
          double v = grid.revenue().get(r).get(f);
          double share = total > 0 ? pct(v / total) : 0;
          customers.add(List.of(f, r, n));
          revenue.add(List.of(f, r, share));
          maxCustomers = Math.max(maxCustomers, n);
          maxShare = Math.max(maxShare, share);
          rows.add(List.of("R" + (r + 1) + " F" + (f + 1), grid.segments().get(r).get(f), count(n), money(v),
              decimal(share) + "%"));
        }
      }
      List<String> headers = List.of("cell", "segment", "customers", "revenue", "revenue share");
      out.chart(new Chart(grid.dimension() + ": customers per R x F cell",
          "R5 (top) bought most recently, F5 (right) most often; each cell belongs to one segment (see the table).",
          "Customers per RFM cell, largest cell " + count(maxCustomers) + " customers.",
          heatMap(columns, rowLabels, customers, maxCustomers, SEQUENTIAL), headers, rows));
      out.chart(new Chart(grid.dimension() + ": % of revenue per R x F cell",
          "Darker cells hold more of the revenue: the top right are the champions.",
          "Revenue share per RFM cell, largest cell " + decimal(maxShare) + "% of revenue.",
          heatMap(columns, rowLabels, revenue, maxShare, SEQUENTIAL), headers, rows));
    });
  }

  /**
   * The purchase pattern's four quadrants as a 2 x 2 grid, frequency up the side and order value
   * across, customers and revenue share per cell, with the cut-offs and, loudly, what makes a
   * cut-off meaningless; nothing without a purchase pattern dimension.
   *
   * @return the section {@code purchase-grid}
   * @since 0.1.0
   */
  public static ReportSection purchaseGrid() {
    return section("purchase-grid", "Purchase frequency × order value", (in, out) -> {
      SegmentationReport.PurchaseGrid grid = in.report().purchaseGrid();
      if (grid == null) {
        return;
      }
      grid.notes().forEach(n -> out.warning("The split means nothing on one axis: " + n));
      // Cut-offs as calibrated, unrounded: a customer at 1,148.66 must be able to tell its side.
      String f = grid.frequencyCutoff().isPresent() ? Formats.plain(grid.frequencyCutoff().getAsDouble()) : "?";
      String v = grid.orderValueCutoff().isPresent() ? Formats.plain(grid.orderValueCutoff().getAsDouble()) : "?";
      List<String> columns = List.of("small orders (" + grid.orderValueFeature() + " <= " + v + ")",
          "big orders (" + grid.orderValueFeature() + " > " + v + ")");
      List<String> rowLabels = List.of("frequent (" + grid.frequencyFeature() + " > " + f + ")",
          "occasional (" + grid.frequencyFeature() + " <= " + f + ")");
      // Quadrant i of PurchaseGrid.QUADRANTS sits at row i / 2 (frequent first), column 1 - i % 2 (big right).
      List<Object> customers = new ArrayList<>();
      List<Object> revenue = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      long maxCustomers = 0;
      double maxShare = 0;
      for (int i = 0; i < grid.quadrants().size(); i++) {
        Segment q = grid.quadrants().get(i);
        int row = i / 2;
        int column = 1 - i % 2;
        double share = pct(q.revenueShare());
        customers.add(List.of(column, row, q.customers()));
        revenue.add(List.of(column, row, share));
        maxCustomers = Math.max(maxCustomers, q.customers());
        maxShare = Math.max(maxShare, share);
        rows.add(List.of(q.label(), count(q.customers()), percent(q.customerShare()), money(q.revenue()),
            decimal(share) + "%"));
      }
      List<String> headers = List.of("quadrant", "customers", "share of customers", "revenue", "revenue share");
      String cutoffs = "Cut-offs: " + grid.frequencyFeature() + " " + f + ", " + grid.orderValueFeature() + " " + v
          + " (" + grid.basis() + "); equal to a cut-off counts as the low side.";
      out.chart(new Chart(grid.dimension() + ": customers per quadrant",
          "Frequent buyers on top, big orders on the right. " + cutoffs,
          "Customers per purchase pattern quadrant, largest " + count(maxCustomers) + " customers.",
          heatMap(columns, rowLabels, customers, maxCustomers, SEQUENTIAL), headers, rows));
      out.chart(new Chart(grid.dimension() + ": % of revenue per quadrant",
          "Darker cells hold more of the revenue.",
          "Revenue share per purchase pattern quadrant, largest " + decimal(maxShare) + "% of revenue.",
          heatMap(columns, rowLabels, revenue, maxShare, SEQUENTIAL), headers, rows));
      if (grid.unplaced() > 0) {
        out.paragraph(count(grid.unplaced()) + " customers have no quadrant (UNKNOWN: " + grid.frequencyFeature()
            + " or " + grid.orderValueFeature() + " missing) and are in no cell.");
      }
    });
  }

  /**
   * The four principles of a good segmentation as numbers per segment (docs/report.md).
   *
   * @return the section {@code quality}
   */
  public static ReportSection quality() {
    return section("quality", "Quality: measurable, accessible, profitable, different", (in, out) -> {
      List<List<String>> rows = new ArrayList<>();
      for (SegmentationReport.SegmentQuality q : in.report().quality().segments()) {
        rows.add(List.of(q.dimension(), q.label(), count(q.customers()), orDash(q.measurable(), true),
            orDash(q.accessible(), true), pct(q.revenueShare()) + "%", orDash(q.revenueIndex(), false),
            orDash(q.difference(), false)));
      }
      out.paragraph("Measurable: share of the segment with its classifier's scarcest input. Accessible: share with a"
          + " contact feature. Revenue index: revenue per customer against the average (1.00). Difference: how far"
          + " the segment's profile stands from the rest, in standard deviations.");
      out.table("The four principles per segment", List.of("dimension", "segment", "customers", "measurable",
          "accessible", "revenue share", "revenue index", "difference"), rows);
    });
  }

  private static String orDash(double value, boolean percent) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return percent ? pct(value) + "%" : String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  /**
   * Per dimension, each segment's share of customers beside its share of revenue.
   *
   * @return the section {@code segments}
   */
  public static ReportSection segments() {
    return section("segments", "Segments: size and revenue", (in, out) -> {
      for (DimensionSummary d : in.report().dimensions()) {
        List<String> labels = d.segments().stream().map(Segment::label).toList();
        List<Object> customers = d.segments().stream().map(s -> (Object) pct(s.customerShare())).toList();
        List<Object> revenue = d.segments().stream().map(s -> (Object) pct(s.revenueShare())).toList();
        StringBuilder alt = new StringBuilder(d.id() + " segments by share of customers and of revenue: ");
        List<List<String>> rows = new ArrayList<>();
        for (Segment s : d.segments()) {
          alt.append(s.label()).append(' ').append(percent(s.customerShare())).append(" of customers, ")
              .append(percent(s.revenueShare())).append(" of revenue; ");
          rows.add(List.of(s.label(), count(s.customers()), percent(s.customerShare()), money(s.revenue()),
              percent(s.revenueShare())));
        }
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 50, "right", 16, "top", 36, "bottom", 70));
        option.put("xAxis", Map.of("type", "category", "data", labels, "axisLabel", Map.of("rotate", 30, "interval", 0)));
        option.put("yAxis", Map.of("type", "value", "name", "% of total"));
        option.put("series", List.of(
            Map.of("name", "% of customers", "type", "bar", "data", customers),
            Map.of("name", "% of revenue", "type", "bar", "data", revenue)));
        out.chart(new Chart(d.id() + ": customers and revenue by segment",
            "Where the orange bar stands above the blue one, the segment holds more revenue than its share of customers.",
            alt.toString().strip(), option,
            List.of(d.id(), "customers", "share", "revenue", "revenue share"), rows));
      }
    });
  }

  /**
   * The Lorenz curve of revenue with the 80% line and the core cut-off.
   *
   * @return the section {@code pareto}
   */
  public static ReportSection pareto() {
    return section("pareto", "How concentrated revenue is", (in, out) -> {
      SegmentationReport r = in.report();
      ParetoCurve p = r.pareto();
      if (p == null || !(r.totals().revenue() > 0)) {
        return;
      }
      List<Object> curve = new ArrayList<>();
      for (ParetoPoint point : p.curve()) {
        curve.add(List.of(pct(point.customerShare()), pct(point.revenueShare())));
      }
      List<Object> marks = new ArrayList<>();
      marks.add(Map.of("yAxis", 80, "name", "80% of revenue", "label", Map.of("formatter", "80% of revenue")));
      Optional<Segment> core = r.dimension("value").flatMap(d -> d.segment("CORE"));
      String coreText = "";
      if (core.isPresent() && core.get().customers() > 0) {
        double x = pct(core.get().customerShare());
        marks.add(Map.of("xAxis", x, "name", "core cut-off",
            "label", Map.of("formatter", "core: top " + percent(core.get().customerShare()))));
        coreText = " Core customers are the top " + percent(core.get().customerShare()) + " of customers and hold "
            + percent(core.get().revenueShare()) + " of revenue.";
      }
      Map<String, Object> option = base();
      option.put("tooltip", Map.of("trigger", "axis"));
      option.put("legend", Map.of("top", 0));
      option.put("grid", Map.of("left", 50, "right", 24, "top", 36, "bottom", 44));
      option.put("xAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "% of customers, largest first",
          "nameLocation", "middle", "nameGap", 26));
      option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "% of revenue"));
      option.put("series", List.of(
          Map.of("name", "revenue held", "type", "line", "showSymbol", false, "data", curve,
              "markLine", Map.of("symbol", "none", "lineStyle", Map.of("type", "dashed", "color", PALETTE.get(3)),
                  "data", marks)),
          Map.of("name", "equal shares", "type", "line", "showSymbol", false, "data", List.of(List.of(0, 0), List.of(100, 100)),
              "lineStyle", Map.of("type", "dotted", "color", "#888"))));
      List<List<String>> rows = new ArrayList<>();
      for (ParetoPoint point : p.points()) {
        rows.add(List.of("top " + wholePercent(point.customerShare()), percent(point.revenueShare())));
      }
      rows.add(List.of("top " + percent(p.customerShareFor80()) + " (" + count(p.customersFor80()) + " customers)", "80.0%"));
      core.ifPresent(c -> rows.add(List.of("core: top " + percent(c.customerShare()), percent(c.revenueShare()))));
      out.chart(new Chart("Pareto curve of " + r.revenueMetric(),
          "The higher the curve bends above the dotted diagonal, the more revenue rests on a few customers.",
          "80% of revenue comes from the top " + percent(p.customerShareFor80()) + " of customers; the top 20% hold "
              + percent(p.points().get(3).revenueShare()) + "." + coreText,
          option, List.of("customers", "share of revenue"), rows));
    });
  }

  /**
   * A heat map of customers and one of revenue share for every configured cross-tab.
   *
   * @return the section {@code cross-tabs}
   */
  public static ReportSection crossTabs() {
    return section("cross-tabs", "Cross-tabs", (in, out) -> {
      for (CrossTab t : in.report().crossTabs()) {
        String name = t.rowDimension() + " × " + t.columnDimension();
        List<String> rowLabels = t.rows().stream().map(CrossTabRow::label).toList();
        List<Object> customers = new ArrayList<>();
        List<Object> revenue = new ArrayList<>();
        long maxCustomers = 0;
        double maxShare = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
          CrossTabRow row = t.rows().get(r);
          for (int c = 0; c < row.cells().size(); c++) {
            Cell cell = row.cells().get(c);
            customers.add(List.of(c, r, cell.customers()));
            revenue.add(List.of(c, r, pct(cell.revenueShare())));
            maxCustomers = Math.max(maxCustomers, cell.customers());
            maxShare = Math.max(maxShare, pct(cell.revenueShare()));
            rows.add(List.of(row.label() + " × " + cell.label(), count(cell.customers()), money(cell.revenue()),
                percent(cell.revenueShare())));
          }
        }
        List<String> headers = List.of(name, "customers", "revenue", "revenue share");
        out.chart(new Chart(name + ": customers", "Darker cells hold more customers; each cell counts customers with both labels.",
            "Customers by " + name + ", largest cell " + count(maxCustomers) + " customers.",
            heatMap(t.columnLabels(), rowLabels, customers, maxCustomers, SEQUENTIAL), headers, rows));
        out.chart(new Chart(name + ": % of revenue", "Darker cells hold more of the revenue; all cells add up to 100%.",
            "Revenue share by " + name + ", largest cell " + decimal(maxShare) + "% of revenue.",
            heatMap(t.columnLabels(), rowLabels, revenue, maxShare, SEQUENTIAL), headers, rows));
      }
    });
  }

  /**
   * Per dimension, each segment's feature means as an index against the whole population.
   *
   * @return the section {@code profiles}
   */
  public static ReportSection profiles() {
    return section("profiles", "Segment profiles: what sets each segment apart", (in, out) -> {
      SegmentationReport r = in.report();
      List<FeatureMean> overall = r.overall();
      List<Integer> usable = new ArrayList<>();
      for (int f = 0; f < overall.size(); f++) {
        if (overall.get(f).mean().isPresent() && overall.get(f).mean().getAsDouble() != 0) {
          usable.add(f);
        }
      }
      if (usable.isEmpty()) {
        return;
      }
      List<String> features = usable.stream().map(f -> overall.get(f).feature()).toList();
      for (DimensionSummary d : r.dimensions()) {
        List<String> labels = d.segments().stream().map(Segment::label).toList();
        List<Object> cells = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < d.segments().size(); s++) {
          Segment seg = d.segments().get(s);
          List<String> row = new ArrayList<>();
          row.add(seg.label());
          for (int c = 0; c < usable.size(); c++) {
            int f = usable.get(c);
            FeatureMean m = seg.means().get(f);
            double all = overall.get(f).mean().getAsDouble();
            if (m.mean().isPresent()) {
              double index = Math.round(m.mean().getAsDouble() / all * 100);
              cells.add(List.of(c, s, index));
              row.add(decimal(m.mean().getAsDouble()) + " (" + (long) index + ")");
            } else {
              cells.add(List.of(c, s, "-"));
              row.add("–");
            }
          }
          rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(d.id());
        headers.addAll(features);
        Map<String, Object> option = heatMap(features, labels, cells, 200, DIVERGING);
        out.chart(new Chart(d.id() + ": segment profiles",
            "100 is the population's mean; orange cells are above it, blue below (mean ÷ overall mean × 100).",
            "Feature means of each " + d.id() + " segment as an index of the overall mean, for "
                + String.join(", ", features) + ".",
            option, headers, rows));
      }
    });
  }

  /**
   * The plan: which actions go to how many customers and how much revenue.
   *
   * @return the section {@code plan}
   */
  public static ReportSection plan() {
    return section("plan", "The plan: actions by customers and revenue", (in, out) -> {
      SegmentationReport r = in.report();
      PlanSummary plan = r.plan();
      if (plan.actions().isEmpty()) {
        return;
      }
      out.paragraph(count(plan.customersWithActions()) + " of " + count(r.totals().customers())
          + " customers have at least one action; they hold " + money(plan.revenueWithActions()) + " of "
          + r.revenueMetric() + ".");
      List<String> codes = plan.actions().stream().map(PlanLine::code).toList();
      List<List<String>> rows = new ArrayList<>();
      StringBuilder alt = new StringBuilder("Actions by share of customers and of revenue: ");
      for (PlanLine a : plan.actions()) {
        rows.add(List.of(a.code(), a.category().name(), count(a.customers()), percent(a.customerShare()),
            money(a.revenue()), percent(a.revenueShare())));
        alt.append(a.code()).append(' ').append(count(a.customers())).append(" customers, ")
            .append(percent(a.revenueShare())).append(" of revenue; ");
      }
      Map<String, Object> option = base();
      option.put("tooltip", Map.of("trigger", "axis"));
      option.put("legend", Map.of("top", 0));
      option.put("grid", Map.of("left", 10, "right", 24, "top", 36, "bottom", 24, "containLabel", true));
      option.put("yAxis", Map.of("type", "category", "data", codes, "inverse", true));
      option.put("xAxis", Map.of("type", "value", "name", "% of total"));
      option.put("series", List.of(
          Map.of("name", "% of customers", "type", "bar",
              "data", plan.actions().stream().map(a -> (Object) pct(a.customerShare())).toList()),
          Map.of("name", "% of revenue", "type", "bar",
              "data", plan.actions().stream().map(a -> (Object) pct(a.revenueShare())).toList())));
      out.chart(new Chart("Actions: customers and revenue",
          "Each action's bars show how many customers get it and how much revenue they hold; a customer may get several.",
          alt.toString().strip(), option,
          List.of("action", "category", "customers", "share", "revenue", "revenue share"), rows));
    });
  }

  /**
   * A section that writes nothing: it holds the place (and the id) of a section whose data a later
   * feature brings, so that feature replaces it with {@link HtmlReport.Builder#replace}.
   *
   * @param id the section id
   * @param title the heading, named at the foot of the page as not in this report
   * @return the section
   */
  public static ReportSection placeholder(String id, String title) {
    return section(id, title, (in, out) -> { });
  }

  private static ReportSection section(String id, String title, BiConsumer<ReportInput, SectionWriter> body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    return new ReportSection() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public void render(ReportInput input, SectionWriter out) {
        body.accept(input, out);
      }

      @Override
      public String toString() {
        return "ReportSection[" + id + "]";
      }
    };
  }

  /** A share as a percentage rounded to 0.1, as the charts show it. */
  static double pct(double share) {
    return Math.round(share * 1000) / 10.0;
  }

  static Map<String, Object> base() {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("color", PALETTE);
    option.put("textStyle", Map.of("fontFamily", "system-ui, sans-serif"));
    option.put("aria", Map.of("enabled", true, "decal", Map.of("show", false)));
    return option;
  }

  static Map<String, Object> heatMap(List<String> columns, List<String> rows, List<Object> data, double max, List<String> colours) {
    Map<String, Object> option = base();
    option.put("tooltip", Map.of("position", "top"));
    option.put("grid", Map.of("left", 10, "right", 16, "top", 10, "bottom", 64, "containLabel", true));
    option.put("xAxis", Map.of("type", "category", "data", columns, "splitArea", Map.of("show", true),
        "axisLabel", Map.of("rotate", 30, "interval", 0)));
    option.put("yAxis", Map.of("type", "category", "data", rows, "inverse", true, "splitArea", Map.of("show", true)));
    option.put("visualMap", Map.of("min", 0, "max", max > 0 ? max : 1, "calculable", true, "orient", "horizontal",
        "left", "center", "bottom", 0, "itemHeight", 120, "inRange", Map.of("color", colours)));
    option.put("series", List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", true),
        "emphasis", Map.of("itemStyle", Map.of("borderColor", "#000", "borderWidth", 1)))));
    return option;
  }
}
