package org.clientele.core.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.clientele.core.internal.Json;
import org.jspecify.annotations.Nullable;

/** Assembles the page: escaping, the inlined chart library with its licences, style and script. */
final class Page {

  static final String WEBJAR_POM = "META-INF/maven/org.webjars/echarts/pom.properties";
  static final String MISSING_LIBRARY =
      "The HTML report needs Apache ECharts on the class path: add the Maven dependency org.webjars:echarts:5.5.0"
          + " (the clientele command line has it)";
  private static final String[] LICENCES = {
    "echarts-NOTICE.txt", "echarts-LICENSE.txt", "echarts-LICENSE-d3.txt", "zrender-LICENSE.txt"
  };

  private static volatile @Nullable Library library;

  private Page() {}

  /** The chart library's script and licence texts, read once. */
  record Library(String version, String script, String licences) {}

  static Library library() {
    Library l = library;
    if (l == null) {
      l = load();
      library = l;
    }
    return l;
  }

  private static Library load() {
    String pom = resource(WEBJAR_POM);
    if (pom == null) {
      throw new IllegalStateException(MISSING_LIBRARY);
    }
    Properties p = new Properties();
    try {
      p.load(new java.io.StringReader(pom));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version", "");
    String script = resource("META-INF/resources/webjars/echarts/" + version + "/echarts.min.js");
    if (script == null) {
      throw new IllegalStateException(MISSING_LIBRARY + "; found version " + version + " without echarts.min.js");
    }
    if (script.toLowerCase(Locale.ROOT).contains("</script")) {
      // Inlined as it is, the text would end the script element early.
      throw new IllegalStateException("echarts.min.js " + version + " contains '</script': it cannot be inlined");
    }
    StringBuilder licences = new StringBuilder();
    for (String name : LICENCES) {
      try (InputStream in = Page.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("Missing licence resource " + name);
        }
        licences.append("==> ").append(name).append(" <==\n")
            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Library(version, script, licences.toString());
  }

  private static @Nullable String resource(String path) {
    List<ClassLoader> loaders = new ArrayList<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    ClassLoader own = Page.class.getClassLoader();
    if (own != null) {
      loaders.add(own);
    }
    loaders.add(ClassLoader.getSystemClassLoader());
    for (ClassLoader loader : loaders) {
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    }
    return null;
  }

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * JSON that is safe inside a script element: {@code <}, {@code >} and {@code &} (which only occur
   * inside strings) become escapes, so no text can close the element or open a comment.
   */
  static String scriptJson(Object tree) {
    String json;
    try {
      json = Json.mapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the chart data as JSON: " + e.getOriginalMessage(), e);
    }
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  static void table(StringBuilder html, String caption, List<String> headers, List<List<String>> rows) {
    html.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    for (String h : headers) {
      html.append("<th scope=\"col\">").append(escape(h)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "Table '" + caption + "': a row has " + row.size() + " cells, the table has " + headers.size() + " columns");
      }
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        html.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(escape(row.get(i))).append(i == 0 ? "</th>" : "</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  static void figure(StringBuilder html, String id, Chart chart) {
    html.append("<figure class=\"chart\" aria-labelledby=\"").append(id).append("-title\">\n")
        .append("<h3 id=\"").append(id).append("-title\">").append(escape(chart.title())).append("</h3>\n")
        .append("<p class=\"guide\">").append(escape(chart.guide())).append("</p>\n")
        .append("<div class=\"plot\" id=\"").append(id).append("\" role=\"img\" aria-label=\"")
        .append(escape(chart.alternative())).append("\"></div>\n")
        .append("<details class=\"numbers\"><summary>The numbers</summary>\n");
    table(html, chart.title(), chart.headers(), chart.rows());
    html.append("</details>\n</figure>\n");
  }

  /** Sections rendered, in order, and the titles of those that had nothing to show. */
  static String assemble(String title, List<Rendered> sections, List<String> empty) {
    Library lib = library();
    List<Map<String, Object>> charts = new ArrayList<>();
    for (Rendered s : sections) {
      charts.addAll(s.writer().charts());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("charts", charts);
    StringBuilder html = new StringBuilder(lib.script().length() + 200_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing may be fetched: no scripts, styles, images, fonts or connections from anywhere.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline';"
            + " style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"generator\" content=\"Clientele\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(escape(title)).append("</h1>\n<nav aria-label=\"Sections\"><ol>\n");
    for (Rendered s : sections) {
      html.append("<li><a href=\"#").append(s.id()).append("\">").append(escape(s.title())).append("</a></li>\n");
    }
    html.append("</ol></nav>\n</header>\n<main>\n");
    for (Rendered s : sections) {
      html.append("<section id=\"").append(s.id()).append("\" aria-labelledby=\"").append(s.id()).append("-heading\">\n")
          .append("<h2 id=\"").append(s.id()).append("-heading\">").append(escape(s.title())).append("</h2>\n")
          .append(s.writer().html()).append("</section>\n");
    }
    html.append("</main>\n<footer>\n");
    if (!empty.isEmpty()) {
      html.append("<p class=\"absent\">Not in this report (no data of their kind in this run): ")
          .append(escape(String.join("; ", empty))).append(".</p>\n");
    }
    html.append("<p>Charts drawn with Apache ECharts ").append(escape(lib.version()))
        .append(", inlined in this file; this page makes no network request.</p>\n")
        .append("<details class=\"licences\"><summary>Licences of the inlined chart library</summary>\n<pre>")
        .append(escape(lib.licences())).append("</pre>\n</details>\n</footer>\n")
        .append("<script type=\"application/json\" id=\"clientele-data\">").append(scriptJson(data)).append("</script>\n")
        .append("<script>\n").append(lib.script()).append("\n</script>\n")
        .append("<script>\n").append(BOOT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  record Rendered(String id, String title, SectionWriter writer) {}

  private static final String STYLE = """
      :root { --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --warn: #fff4d6; --warn-edge: #b35806; }
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
             margin: 0 auto; max-width: 1180px; padding: 0 20px 40px; }
      h1 { font-size: 1.7em; margin: 24px 0 8px; }
      h2 { font-size: 1.3em; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 36px; }
      h3 { font-size: 1.05em; margin: 0 0 2px; }
      nav ol { columns: 3; padding-left: 1.2em; margin: 4px 0 0; }
      .charts, main section { display: block; }
      figure.chart { display: inline-block; vertical-align: top; width: calc(50% - 24px); min-width: 420px;
                     margin: 10px 12px 14px 0; }
      .plot { width: 100%; height: 330px; }
      .guide { color: var(--muted); margin: 0 0 4px; font-size: 0.92em; }
      .warning { background: var(--warn); border-left: 5px solid var(--warn-edge); padding: 6px 10px; }
      table { border-collapse: collapse; margin: 6px 0 10px; font-size: 0.9em; }
      caption { text-align: left; font-weight: 600; padding-bottom: 2px; }
      th, td { border-bottom: 1px solid var(--line); padding: 2px 8px; text-align: right; }
      th[scope=row], thead th:first-child { text-align: left; }
      details summary { cursor: pointer; color: var(--muted); font-size: 0.9em; }
      .absent, footer { color: var(--muted); font-size: 0.9em; }
      footer { margin-top: 40px; border-top: 1px solid var(--line); }
      pre { white-space: pre-wrap; font-size: 0.8em; }
      @media (max-width: 900px) { figure.chart { width: 100%; min-width: 0; } }
      @media print {
        body { max-width: none; font-size: 10pt; padding: 0; }
        nav, details.licences, details > summary { display: none; }
        figure.chart { width: 48%; min-width: 0; break-inside: avoid; page-break-inside: avoid; }
        .plot { height: 260px; }
        h2 { break-after: avoid; page-break-after: avoid; }
        .warning { border: 1px solid #000; background: none; }
        a { color: inherit; text-decoration: none; }
      }
      """;

  /** Draws every chart from the JSON data; a chart that fails says so in place and in the console. */
  private static final String BOOT = """
      (function () {
        'use strict';
        var data = JSON.parse(document.getElementById('clientele-data').textContent);
        var drawn = [];
        var failed = [];
        data.charts.forEach(function (c) {
          var el = document.getElementById(c.id);
          try {
            var chart = echarts.init(el, null, { renderer: 'svg' });
            var option = c.option;
            option.animation = false;
            chart.setOption(option);
            drawn.push(chart);
          } catch (e) {
            failed.push(c.id);
            el.textContent = 'This chart could not be drawn: ' + e.message;
            console.error('Chart ' + c.id + ' could not be drawn: ' + e.message);
          }
        });
        function resize() { drawn.forEach(function (ch) { ch.resize(); }); }
        window.addEventListener('resize', resize);
        window.addEventListener('beforeprint', function () {
          document.querySelectorAll('details.numbers').forEach(function (d) { d.open = true; });
          resize();
        });
        document.documentElement.setAttribute('data-charts-drawn', String(drawn.length));
        document.documentElement.setAttribute('data-charts-failed', failed.join(' '));
      })();
      """;
}
