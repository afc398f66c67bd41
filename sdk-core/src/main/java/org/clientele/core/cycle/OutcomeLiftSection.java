package org.clientele.core.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clientele.core.internal.Formats;
import org.clientele.core.report.html.ReportInput;
import org.clientele.core.report.html.ReportSection;
import org.clientele.core.report.html.SectionWriter;

/**
 * The HTML report's {@code outcome-lift} section: the {@link OutcomeAnalysis} attached to the
 * report input, per rule (and segment) treated against held out with the lift's interval and
 * verdict, and every control-group leak as a warning. Writes nothing without one.
 *
 * @since 0.1.0
 */
public final class OutcomeLiftSection implements ReportSection {

  /** Creates the section. */
  public OutcomeLiftSection() {}

  @Override
  public String id() {
    return "outcome-lift";
  }

  @Override
  public String title() {
    return "Outcome lift per rule";
  }

  @Override
  public void render(ReportInput input, SectionWriter out) {
    OutcomeAnalysis a = input.attachment(OutcomeAnalysis.class).orElse(null);
    if (a == null) {
      return;
    }
    out.paragraph("Each rule's treated customers against those its control group held out: the lift is treated minus"
        + " held out, with a 95% interval; fewer than " + a.minSample() + " customers in a group is too small to tell.");
    if (!a.leaks().isEmpty()) {
      out.warning(Formats.count(a.leaks().size()) + " outcome rows disagree with the control group (a held-out customer"
          + " treated, or the reverse): the lifts of their rules are not trustworthy.");
    }
    List<List<String>> rows = new ArrayList<>();
    for (OutcomeAnalysis.Lift l : a.rows()) {
      rows.add(List.of(l.key(), Formats.count(l.treated().customers()), Formats.count(l.heldOut().customers()),
          pct(l.treated().responseRate()), pct(l.heldOut().responseRate()),
          Double.isNaN(l.response().difference()) ? "-" : String.format(Locale.ROOT, "%+.1f pts [%+.1f, %+.1f]",
              l.response().difference() * 100, l.response().low() * 100, l.response().high() * 100),
          Double.isNaN(l.revenue().difference()) ? "-" : String.format(Locale.ROOT, "%+,.2f", l.revenue().difference()),
          l.response().verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }
    out.table("Treated against held out", List.of("rule | segment", "treated", "held out", "response treated",
        "response held out", "response lift [95% CI]", "revenue lift per customer", "verdict"), rows);
  }

  private static String pct(double p) {
    return Double.isNaN(p) ? "-" : Formats.percent(p);
  }
}
