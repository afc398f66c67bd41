package org.clientele.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.junit.jupiter.api.Test;

/** The page's structure without a browser; the browser test is in the cli module (ReportHtmlBrowserTest). */
class HtmlReportTest {

  private static SegmentationReport report() {
    Engine engine = Engine.builder()
        .discover(false)
        .register(new LabelProvider())
        .configuration("{\"dimensions\": {\"value\": {\"provider\": \"label\"}}, \"strategy\": null}", "html-test.json")
        .build();
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.builder().crossTabs(List.of()).build());
    for (int i = 0; i < 40; i++) {
      Customer c = Customer.builder("c" + i).set(StandardFeatures.REVENUE_12M, (double) (i * i)).build();
      acc.add(c, engine.classify(c));
    }
    return acc.build(Map.of("bad </script><b>row", 2L), Map.of());
  }

  @Test
  void thePageInlinesTheLibraryWithItsLicenceAndFetchesNothing() {
    String html = HtmlReport.standard().render(ReportInput.of(report()));

    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("Licensed to the Apache Software Foundation", "Apache License", "Version 2.0", "BSD 3-Clause")
        .contains("default-src 'none'")
        .doesNotContain("src=\"http", "href=\"http", "<link ");
    assertThat(html.length()).isBetween(1_000_000, 2_000_000);
  }

  @Test
  void textFromTheDataCannotCloseAScriptOrInjectMarkup() {
    String html = HtmlReport.standard().render(ReportInput.of(report()));

    assertThat(html).doesNotContain("<b>row").contains("bad &lt;/script&gt;&lt;b&gt;row");
    String data = html.substring(html.indexOf("id=\"clientele-data\">"), html.indexOf("</script>", html.indexOf("id=\"clientele-data\">")));
    assertThat(data).doesNotContain("<b>");
    // Only the three scripts (data, library, boot) close.
    assertThat(html.split("</script>", -1)).hasSize(4);
  }

  @Test
  void aSectionWithNothingToShowIsLeftOutAndNamedAtTheFoot() {
    String html = HtmlReport.standard().render(ReportInput.of(report()));

    assertThat(html).contains("<section id=\"segments\"", "<section id=\"pareto\"", "<section id=\"warnings\"")
        .doesNotContain("<section id=\"plan\"", "<section id=\"migration\"", "<section id=\"cross-tabs\"")
        .contains("Not in this report (no data of their kind in this run): Cross-tabs; RFM grid; Purchase frequency × order value; The plan: actions by customers"
            + " and revenue; Migration between snapshots; Outcome lift per rule; Prediction validation.");
  }

  @Test
  void aNewSectionReplacesAPlaceholderWithoutTouchingTheOthers() {
    ReportSection migration = new ReportSection() {
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
        input.attachment(String.class).ifPresent(out::paragraph);
      }
    };
    HtmlReport html = HtmlReport.builder().replace("migration", migration).build();

    assertThat(html.sections()).extracting(ReportSection::id).containsExactly("summary", "warnings", "segments",
        "pareto", "cross-tabs", "rfm-grid", "purchase-grid", "profiles", "plan", "quality", "migration", "outcome-lift", "prediction-validation");
    assertThat(html.render(ReportInput.of(report()).with("12 customers moved"))).contains(
        "<section id=\"migration\"", "<p>12 customers moved</p>");
    assertThatThrownBy(() -> HtmlReport.builder().section(migration).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Two sections have the id 'migration'");
    assertThatThrownBy(() -> HtmlReport.builder().remove("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No section has the id 'nope'");
  }

  @Test
  void everyChartHasATitleGuideTextAlternativeAndItsNumbers() {
    String html = HtmlReport.standard().render(ReportInput.of(report()));

    int charts = html.split("<div class=\"plot\"", -1).length - 1;
    assertThat(charts).isEqualTo(3); // value segments, Pareto curve, value profile
    assertThat(html.split("<p class=\"guide\">", -1)).hasSize(charts + 1);
    assertThat(html.split("role=\"img\" aria-label=\"", -1)).hasSize(charts + 1);
    assertThat(html.split("<summary>The numbers</summary>", -1)).hasSize(charts + 1);
  }
}
