package org.clientele.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
 * Writes a report as JSON with Jackson's streaming generator, so that the key order is the code's
 * order. Numbers go through {@link BigDecimal} with a fixed scale (shares 6 decimals, money and
 * means 4) and are written plain: the text does not depend on the JDK's double formatting, and the
 * same report gives the same bytes everywhere (LF line ends, two-space indent).
 */
final class ReportJson {

  /** The version of the report's JSON layout. */
  static final int FORMAT = 1;

  private static final int SHARE_SCALE = 6;
  private static final int AMOUNT_SCALE = 4;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private ReportJson() {}

  static String write(SegmentationReport r) {
    return write(r, Map.of());
  }

  /**
   * Writes the report followed by extra top-level members (for example the batch job's read
   * counts under {@code input}), with the same generator: one pass, no parsing back.
   */
  static String write(SegmentationReport r, Map<String, ?> extra) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultIndenter lf = new DefaultIndenter("  ", "\n");
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
      g.writeStartObject();
      g.writeNumberField("format", FORMAT);
      g.writeStringField("revenueMetric", r.revenueMetric());

      g.writeObjectFieldStart("totals");
      g.writeNumberField("customers", r.totals().customers());
      g.writeNumberField("classified", r.totals().classified());
      g.writeNumberField("rejectedRows", r.totals().rejectedRows());
      amount(g, "revenue", r.totals().revenue());
      g.writeNumberField("revenueMissing", r.totals().revenueMissing());
      g.writeEndObject();

      g.writeObjectFieldStart("dimensions");
      for (DimensionSummary d : r.dimensions()) {
        g.writeObjectFieldStart(d.id());
        g.writeArrayFieldStart("segments");
        for (Segment s : d.segments()) {
          g.writeStartObject();
          g.writeStringField("label", s.label());
          g.writeNumberField("customers", s.customers());
          share(g, "customerShare", s.customerShare());
          amount(g, "revenue", s.revenue());
          share(g, "revenueShare", s.revenueShare());
          means(g, "means", s.means());
          g.writeNumberField("lackOfData", s.lackOfData());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();

      g.writeArrayFieldStart("crossTabs");
      for (CrossTab t : r.crossTabs()) {
        g.writeStartObject();
        g.writeStringField("rowDimension", t.rowDimension());
        g.writeStringField("columnDimension", t.columnDimension());
        g.writeArrayFieldStart("columnLabels");
        for (String label : t.columnLabels()) {
          g.writeString(label);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (CrossTabRow row : t.rows()) {
          g.writeStartObject();
          g.writeStringField("label", row.label());
          g.writeArrayFieldStart("cells");
          for (Cell c : row.cells()) {
            g.writeStartObject();
            g.writeStringField("label", c.label());
            g.writeNumberField("customers", c.customers());
            amount(g, "revenue", c.revenue());
            share(g, "revenueShare", c.revenueShare());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();

      ParetoCurve p = r.pareto();
      if (p == null) {
        g.writeNullField("pareto");
      } else {
        g.writeObjectFieldStart("pareto");
        g.writeArrayFieldStart("top");
        for (ParetoPoint point : p.points()) {
          g.writeStartObject();
          share(g, "customerShare", point.customerShare());
          share(g, "revenueShare", point.revenueShare());
          g.writeEndObject();
        }
        g.writeEndArray();
        share(g, "customerShareFor80", p.customerShareFor80());
        g.writeNumberField("customersFor80", p.customersFor80());
        g.writeArrayFieldStart("curve");
        for (ParetoPoint point : p.curve()) {
          g.writeStartObject();
          share(g, "customerShare", point.customerShare());
          share(g, "revenueShare", point.revenueShare());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }

      PlanSummary plan = r.plan();
      g.writeObjectFieldStart("plan");
      g.writeNumberField("customersWithActions", plan.customersWithActions());
      amount(g, "revenueWithActions", plan.revenueWithActions());
      g.writeArrayFieldStart("actions");
      for (PlanLine a : plan.actions()) {
        g.writeStartObject();
        g.writeStringField("code", a.code());
        g.writeStringField("category", a.category().name());
        g.writeNumberField("customers", a.customers());
        share(g, "customerShare", a.customerShare());
        amount(g, "revenue", a.revenue());
        share(g, "revenueShare", a.revenueShare());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();

      g.writeObjectFieldStart("quality");
      g.writeArrayFieldStart("warnings");
      for (SegmentationReport.QualityWarning w : r.quality().warnings()) {
        g.writeStartObject();
        g.writeStringField("code", w.code());
        g.writeStringField("dimension", w.dimension());
        g.writeStringField("label", w.label());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("segments");
      for (SegmentationReport.SegmentQuality q : r.quality().segments()) {
        g.writeStartObject();
        g.writeStringField("dimension", q.dimension());
        g.writeStringField("label", q.label());
        g.writeNumberField("customers", q.customers());
        shareOrNull(g, "measurable", q.measurable());
        shareOrNull(g, "accessible", q.accessible());
        share(g, "revenueShare", q.revenueShare());
        shareOrNull(g, "revenueIndex", q.revenueIndex());
        shareOrNull(g, "difference", q.difference());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();

      SegmentationReport.RfmGrid grid = r.rfmGrid();
      if (grid == null) {
        g.writeNullField("rfmGrid");
      } else {
        g.writeObjectFieldStart("rfmGrid");
        g.writeStringField("dimension", grid.dimension());
        g.writeArrayFieldStart("customers");
        for (List<Long> row : grid.customers()) {
          g.writeStartArray();
          for (long n : row) {
            g.writeNumber(n);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("revenue");
        for (List<Double> row : grid.revenue()) {
          g.writeStartArray();
          for (double v : row) {
            g.writeNumber(decimal(v, AMOUNT_SCALE));
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("segments");
        for (List<String> row : grid.segments()) {
          g.writeStartArray();
          for (String label : row) {
            g.writeString(label);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }

      SegmentationReport.PurchaseGrid quadrants = r.purchaseGrid();
      if (quadrants == null) {
        g.writeNullField("purchaseGrid");
      } else {
        g.writeObjectFieldStart("purchaseGrid");
        g.writeStringField("dimension", quadrants.dimension());
        g.writeStringField("frequencyFeature", quadrants.frequencyFeature());
        g.writeStringField("orderValueFeature", quadrants.orderValueFeature());
        optional(g, "frequencyCutoff", quadrants.frequencyCutoff());
        optional(g, "orderValueCutoff", quadrants.orderValueCutoff());
        g.writeStringField("basis", quadrants.basis());
        g.writeArrayFieldStart("quadrants");
        for (SegmentationReport.Segment q : quadrants.quadrants()) {
          g.writeStartObject();
          g.writeStringField("label", q.label());
          g.writeNumberField("customers", q.customers());
          share(g, "customerShare", q.customerShare());
          amount(g, "revenue", q.revenue());
          share(g, "revenueShare", q.revenueShare());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("unplaced", quadrants.unplaced());
        g.writeArrayFieldStart("notes");
        for (String note : quadrants.notes()) {
          g.writeString(note);
        }
        g.writeEndArray();
        g.writeEndObject();
      }

      means(g, "overall", r.overall());
      counts(g, "rejectedByReason", r.rejectedByReason());
      counts(g, "errorCounts", r.errorCounts());
      g.writeArrayFieldStart("notes");
      for (String note : r.notes()) {
        g.writeString(note);
      }
      g.writeEndArray();
      for (Map.Entry<String, ?> e : extra.entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report as JSON", e); // a StringWriter does not fail
    }
    return out + "\n";
  }

  /** Writes plain JSON-compatible values: maps, lists, strings, numbers, booleans, null. */
  private static void value(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Long || v instanceof Integer) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(decimal(n.doubleValue(), AMOUNT_SCALE));
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void means(JsonGenerator g, String field, List<FeatureMean> means) throws IOException {
    g.writeObjectFieldStart(field);
    for (FeatureMean m : means) {
      g.writeObjectFieldStart(m.feature());
      g.writeFieldName("mean");
      if (m.mean().isPresent()) {
        g.writeNumber(decimal(m.mean().getAsDouble(), AMOUNT_SCALE));
      } else {
        g.writeNull();
      }
      g.writeNumberField("customers", m.customers());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, java.util.OptionalDouble value) throws IOException {
    if (value.isPresent()) {
      amount(g, field, value.getAsDouble());
    } else {
      g.writeNullField(field);
    }
  }

  private static void counts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void shareOrNull(JsonGenerator g, String field, double value) throws IOException {
    if (Double.isNaN(value)) {
      g.writeNullField(field);
    } else {
      share(g, field, value);
    }
  }

  private static void share(JsonGenerator g, String field, double value) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(decimal(value, SHARE_SCALE));
  }

  private static void amount(JsonGenerator g, String field, double value) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(decimal(value, AMOUNT_SCALE));
  }

  /** Rounds half-even at a fixed scale and strips trailing zeros: 0.5, 1500, 0.166667. */
  static BigDecimal decimal(double value, int scale) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("Report value is not finite: " + value); // the accumulator never makes one
    }
    BigDecimal d = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? BigDecimal.ZERO : d;
  }
}
