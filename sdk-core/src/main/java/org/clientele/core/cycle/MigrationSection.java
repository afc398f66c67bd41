package org.clientele.core.cycle;

import java.util.ArrayList;
import java.util.List;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.html.ReportInput;
import org.clientele.core.report.html.ReportSection;
import org.clientele.core.report.html.SectionWriter;

/**
 * The HTML report's {@code migration} section: the {@link Migration} attached to the report input
 * ({@code ReportInput.of(result).with(migration)}), per dimension the transition matrix and the
 * largest flows in words. Writes nothing without one.
 *
 * <pre>{@code
 * HtmlReport.builder().replace("migration", new MigrationSection()).build()
 *     .write(ReportInput.of(result).with(migration), Path.of("report.html"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MigrationSection implements ReportSection {

  /** Creates the section. */
  public MigrationSection() {}

  @Override
  public String id() {
    return "migration";
  }

  @Override
  public String title() {
    return "Migration between snapshots";
  }

  @Override
  public void render(ReportInput input, SectionWriter out) {
    Migration m = input.attachment(Migration.class).orElse(null);
    if (m == null) {
      return;
    }
    String[] header = m.toText(0).split("\n");
    out.paragraph(header[0]);
    out.paragraph(header[1]);
    if (m.sameModel()) {
      out.paragraph(header[2]);
    } else {
      out.warning(header[2]);
    }
    for (Migration.DimensionMigration d : m.dimensions()) {
      List<String> headers = new ArrayList<>();
      headers.add("before \\ after");
      headers.addAll(d.labels());
      headers.add("gone");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < d.labels().size(); i++) {
        List<String> row = new ArrayList<>();
        row.add(d.labels().get(i));
        for (long c : d.customers().get(i)) {
          row.add(Formats.count(c));
        }
        row.add(Formats.count(d.gone().get(i)));
        rows.add(row);
      }
      List<String> added = new ArrayList<>();
      added.add("new");
      d.added().forEach(a -> added.add(Formats.count(a)));
      added.add("");
      rows.add(added);
      out.table(d.dimension() + ": " + Formats.count(d.stayers()) + " stayed, " + Formats.count(d.movers()) + " moved, "
          + Formats.count(d.newCustomers()) + " new, " + Formats.count(d.goneCustomers()) + " gone", headers, rows);
    }
    String flows = m.toText(3);
    for (String line : flows.split("\n")) {
      if (line.startsWith("  ") && line.contains(" customers became ")) {
        out.paragraph(line.trim());
      }
    }
  }
}
