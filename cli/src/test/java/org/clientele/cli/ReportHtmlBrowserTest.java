package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.ResultSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.html.Chart;
import org.clientele.core.report.html.HtmlReport;
import org.clientele.core.report.html.ReportInput;
import org.clientele.core.report.html.ReportSection;
import org.clientele.core.report.html.SectionWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's HTML report opened from disk in headless Chromium: every chart drawn with data, no
 * console error, no network request; a screenshot goes to {@code target/browser-test/}. A second
 * report with one broken chart proves the checks fail.
 *
 * <p>Regenerate the README's screenshot with {@code -Dclientele.screenshot=PATH} (see docs/report.md).
 */
class ReportHtmlBrowserTest {

  private static final Path OUT = Path.of("target", "browser-test");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WIDTH = 1280;

  /** Every problem the page shows: charts not drawn or without data, fetches, a chart the page gave up on. */
  private static final String CHECK = """
      (() => {
        const out = { charts: [], problems: [] };
        const plots = document.querySelectorAll('.plot');
        if (plots.length === 0) out.problems.push('the page has no charts');
        plots.forEach(el => {
          const chart = window.echarts && echarts.getInstanceByDom(el);
          if (!chart) { out.problems.push(el.id + ': not drawn'); return; }
          const series = chart.getOption().series || [];
          const lengths = series.map(s => (s.data || []).length);
          const marks = el.querySelectorAll('svg path, svg rect, svg polyline').length;
          out.charts.push({ id: el.id, types: series.map(s => s.type), lengths: lengths, marks: marks });
          if (series.length === 0) out.problems.push(el.id + ': no series');
          lengths.forEach((n, i) => { if (n === 0) out.problems.push(el.id + ': series ' + i + ' has no data'); });
          if (marks === 0) out.problems.push(el.id + ': no SVG marks');
        });
        performance.getEntriesByType('resource').forEach(e => {
          if (!e.name.startsWith('file:') && !e.name.startsWith('data:')) out.problems.push('fetched ' + e.name);
        });
        const failed = document.documentElement.getAttribute('data-charts-failed');
        if (failed === null) out.problems.push('the page script did not run');
        else if (failed !== '') out.problems.push('charts that failed: ' + failed);
        return JSON.stringify(out);
      })()
      """;

  @TempDir static Path data;
  private static SegmentationResult result;
  private static HeadlessChromium browser;

  /** What the browser saw on one page. */
  record Seen(List<JsonNode> charts, List<String> problems, List<String> errors, List<String> requests) {

    /** Everything wrong: the page's own problems, console and log errors, requests that left the disk. */
    List<String> all() {
      List<String> out = new ArrayList<>(problems);
      out.addAll(errors);
      requests.stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")).forEach(u -> out.add("request " + u));
      return out;
    }
  }

  @BeforeAll
  static void startBrowserAndRunTheDemo() throws Exception {
    browser = HeadlessChromium.start(WIDTH, 1000);
    DemoFiles files = DemoFiles.write(TransactionPopulation.of(400, TransactionPopulation.DEFAULT_SEED), data, i -> { });
    result = Segmentation.builder().customers(files.customers()).transactions(files.transactions())
        .calibration(Segmentation.Calibration.ALWAYS).build()
        .run(ResultSink.NONE, RejectionSink.discard());
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static Seen open(Path html) throws Exception {
    int errorsBefore = browser.errors().size();
    int requestsBefore = browser.requests().size();
    browser.open(html.toAbsolutePath());
    JsonNode page = JSON.readTree(browser.evaluate(CHECK));
    List<JsonNode> charts = new ArrayList<>();
    page.path("charts").forEach(charts::add);
    List<String> problems = new ArrayList<>();
    page.path("problems").forEach(p -> problems.add(p.asText()));
    List<String> errors = browser.errors();
    List<String> requests = browser.requests();
    return new Seen(charts, problems, errors.subList(errorsBefore, errors.size()),
        requests.subList(requestsBefore, requests.size()));
  }

  @Test
  void theDemoReportDrawsEveryChartOfflineWithoutErrors() throws Exception {
    Files.createDirectories(OUT);
    Path html = OUT.resolve("demo-report.html");
    Cli.Run run = Cli.run("demo", "--customers", "400", "--no-progress", "--report-html", html.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);

    Seen seen = open(html);
    browser.screenshot(OUT.resolve("demo-report.png"), WIDTH, 0);
    String readme = System.getProperty("clientele.screenshot", "");
    if (!readme.isEmpty()) {
      browser.screenshot(Path.of(readme), WIDTH, 1500);
    }

    assertThat(seen.all()).as("problems on the page").isEmpty();
    assertThat(seen.requests()).as("the page itself is the only request").hasSize(1)
        .allSatisfy(u -> assertThat(u).startsWith("file:"));
    String text = Files.readString(html);
    int plots = text.split("<div class=\"plot\"", -1).length - 1;
    assertThat(seen.charts()).as("every chart of the file was drawn").hasSize(plots);
    List<String> ids = seen.charts().stream().map(c -> c.path("id").asText()).toList();
    int dimensions = org.clientele.core.demo.DemoFiles.DIMENSIONS.size(); // the demo runs its own configuration
    assertThat(ids).filteredOn(id -> id.startsWith("chart-segments-")).hasSize(dimensions);
    assertThat(ids).filteredOn(id -> id.startsWith("chart-profiles-")).hasSize(dimensions);
    assertThat(ids).filteredOn(id -> id.startsWith("chart-cross-tabs-")).hasSize(4); // value × behaviour, value × risk
    assertThat(ids).contains("chart-pareto-1", "chart-plan-1");
    JsonNode pareto = seen.charts().get(ids.indexOf("chart-pareto-1"));
    assertThat(pareto.path("lengths").get(0).asInt()).as("Pareto curve points").isGreaterThanOrEqualTo(100);
    assertThat(Files.size(html)).as("the demo's file").isLessThan(2_000_000);
    assertThat(Files.size(OUT.resolve("demo-report.png"))).isGreaterThan(10_000);
  }

  @Test
  void aChartWithoutDataOrAFailingScriptIsCaught() throws Exception {
    ReportSection broken = new ReportSection() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public String title() {
        return "Broken on purpose";
      }

      @Override
      public void render(ReportInput input, SectionWriter out) {
        Map<String, Object> empty = Map.of("xAxis", Map.of("type", "category", "data", List.of("A", "B")),
            "yAxis", Map.of("type", "value"), "series", List.of(Map.of("type", "bar", "data", List.of())));
        out.chart(new Chart("Empty", "Nothing to read.", "An empty chart.", empty, List.of("label"), List.of()));
        Map<String, Object> unknown = Map.of("series", List.of(Map.of("type", "no-such-chart-type", "data", List.of(1, 2))));
        out.chart(new Chart("Unknown type", "Nothing to read.", "A chart of an unknown type.", unknown,
            List.of("label"), List.of()));
        // A bar series without axes: ECharts throws while drawing.
        Map<String, Object> throwing = Map.of("series", List.of(Map.of("type", "bar", "data", List.of(1, 2))));
        out.chart(new Chart("Throws", "Nothing to read.", "A chart that throws.", throwing, List.of("label"), List.of()));
      }
    };
    Path html = OUT.resolve("broken-report.html");
    Files.createDirectories(OUT);
    HtmlReport.builder().section(broken).build().write(ReportInput.of(result), html);

    Seen seen = open(html);

    assertThat(seen.all()).as("the checks catch both broken charts")
        .contains("chart-broken-1: series 0 has no data", "chart-broken-2: no series", "chart-broken-3: no SVG marks",
            "charts that failed: chart-broken-3")
        .anySatisfy(p -> assertThat(p).startsWith("console.error: Chart chart-broken-3 could not be drawn"));
    assertThat(seen.problems()).as("and nothing else").allSatisfy(p -> assertThat(p).contains("chart-broken-"));
  }
}
