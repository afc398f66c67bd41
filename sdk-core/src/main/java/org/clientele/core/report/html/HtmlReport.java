package org.clientele.core.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.clientele.core.job.SegmentationResult;

/**
 * Writes a run's results as one self-contained HTML page with charts: the segments of every
 * dimension beside their revenue, the Pareto curve with the core cut-off, cross-tab heat maps,
 * segment profiles, the plan, and the run's notes and warnings (see docs/report.md). The page
 * inlines Apache ECharts and its licences and makes no network request.
 *
 * <pre>{@code
 * HtmlReport.write(result, Path.of("report.html"));             // the standard sections
 * HtmlReport.builder().section(new MySection()).build()          // one more section
 *     .write(ReportInput.of(result).with(myData), Path.of("report.html"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Needs {@code org.webjars:echarts} on the class path.
 *
 * @since 0.1.0
 */
public final class HtmlReport {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String title;
  private final List<ReportSection> sections;

  private HtmlReport(String title, List<ReportSection> sections) {
    this.title = title;
    this.sections = List.copyOf(sections);
  }

  /**
   * Returns the report with the standard sections ({@link StandardSections#all()}).
   *
   * @return the report
   */
  public static HtmlReport standard() {
    return builder().build();
  }

  /**
   * Starts from the standard sections and title.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes a run's standard report.
   *
   * @param result the run's result
   * @param file the HTML file to write (replaced if it exists)
   * @throws IllegalArgumentException if the run has no report
   * @throws IllegalStateException if Apache ECharts is not on the class path
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(SegmentationResult result, Path file) {
    standard().write(ReportInput.of(result), file);
  }

  /**
   * Returns the sections, in page order.
   *
   * @return the sections
   */
  public List<ReportSection> sections() {
    return sections;
  }

  /**
   * Renders the page.
   *
   * @param input the run's data
   * @return the HTML text
   * @throws IllegalStateException if Apache ECharts is not on the class path
   */
  public String render(ReportInput input) {
    Objects.requireNonNull(input, "input");
    List<Page.Rendered> rendered = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (ReportSection s : sections) {
      SectionWriter w = new SectionWriter(s.id());
      s.render(input, w);
      if (w.isEmpty()) {
        empty.add(s.title());
      } else {
        rendered.add(new Page.Rendered(s.id(), s.title(), w));
      }
    }
    return Page.assemble(title, rendered, empty);
  }

  /**
   * Renders the page into a file, UTF-8.
   *
   * @param input the run's data
   * @param file the file (replaced if it exists; its directory must exist)
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(ReportInput input, Path file) {
    Objects.requireNonNull(file, "file");
    String html = render(input);
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the HTML report to " + file, e);
    }
  }

  /**
   * Builds an {@link HtmlReport}: the standard sections, to which sections are added, replaced or
   * removed by id.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private String title = "Customer segmentation report";
    private final List<ReportSection> sections = new ArrayList<>(StandardSections.all());

    private Builder() {}

    /**
     * Sets the page title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Adds a section after the others.
     *
     * @param section the section; its id must be new
     * @return this builder
     */
    public Builder section(ReportSection section) {
      sections.add(Objects.requireNonNull(section, "section"));
      return this;
    }

    /**
     * Replaces the section with an id (for example the placeholder {@code migration}) in place.
     *
     * @param id the id of the section to replace
     * @param section the new section
     * @return this builder
     * @throws IllegalArgumentException if no section has that id
     */
    public Builder replace(String id, ReportSection section) {
      Objects.requireNonNull(section, "section");
      sections.set(indexOf(id), section);
      return this;
    }

    /**
     * Removes the section with an id.
     *
     * @param id the id
     * @return this builder
     * @throws IllegalArgumentException if no section has that id
     */
    public Builder remove(String id) {
      sections.remove(indexOf(id));
      return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalArgumentException if two sections share an id or an id is malformed
     */
    public HtmlReport build() {
      Set<String> ids = new HashSet<>();
      for (ReportSection s : sections) {
        if (!ID.matcher(s.id()).matches()) {
          throw new IllegalArgumentException(
              "Section id '" + s.id() + "' of " + s.getClass().getName() + " must be lower case letters, digits and hyphens");
        }
        if (!ids.add(s.id())) {
          throw new IllegalArgumentException("Two sections have the id '" + s.id() + "'");
        }
      }
      return new HtmlReport(title, sections);
    }

    private int indexOf(String id) {
      Objects.requireNonNull(id, "id");
      for (int i = 0; i < sections.size(); i++) {
        if (sections.get(i).id().equals(id)) {
          return i;
        }
      }
      throw new IllegalArgumentException(
          "No section has the id '" + id + "'; the sections are " + sections.stream().map(ReportSection::id).toList());
    }
  }
}
