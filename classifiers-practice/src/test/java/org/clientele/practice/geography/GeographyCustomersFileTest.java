package org.clientele.practice.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.api.Action;
import org.clientele.core.Explanation;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM accounts export (纷享销客 style: Chinese headers, mixed spellings) that has only the
 * geography columns, run through the batch job with a configuration naming the dimension and the
 * default playbook: the job needs nothing else, the labels and reasons come out, and the
 * geography rules of this module's playbook resource apply.
 */
class GeographyCustomersFileTest {

  private static final String CONFIG = """
      {
        "format": 1,
        "input": { "customers": { "idColumn": "客户编号", "rename": { "省份": "region", "区域类型": "region_type" } } },
        "dimensions": { "geography": { "regions": { "西藏": "MOUNTAIN" } } }
      }
      """;

  private static final String EXPORT = """
      客户编号,客户名称,省份,区域类型
      K001,上海精工机械有限公司,上海,城市
      K002,苏州新材料股份,江苏,City
      K003,皖北农资合作社,安徽,农村
      K004,Hillside Farms,Yunnan,countryside
      K005,贵州山地茶业,贵州,山区
      K006,拉萨高原商贸,西藏,
      K007,Bergbau Nord,Bayern,Gebirge
      K008,无名客户,,
      """;

  @TempDir Path dir;

  @Test
  void anExportWithOnlyTheGeographyColumnsIsLabelledAndExplained() throws IOException {
    Segmentation job = job();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, java.util.List<String>> actions = new LinkedHashMap<>();

    SegmentationResult result = job.run(c -> {
      labels.put(c.customerId(), c.labels().get("geography"));
      actions.put(c.customerId(), c.plan().actions().stream().map(Action::code).toList());
    }, RejectionSink.discard());

    assertThat(result.dimensionIds()).containsExactly("geography");
    assertThat(labels).containsExactly(
        Map.entry("K001", "CITY"), Map.entry("K002", "CITY"), Map.entry("K003", "RURAL"), Map.entry("K004", "RURAL"),
        Map.entry("K005", "MOUNTAIN"), Map.entry("K006", "MOUNTAIN"), Map.entry("K007", "UNKNOWN"),
        Map.entry("K008", "UNKNOWN"));
    assertThat(result.counts().classified()).isEqualTo(8);
    assertThat(result.report().orElseThrow().quality().warnings())
        .filteredOn(w -> w.code().equals("unplaced_values")).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith(
            "geography: 1 of 6 customers with region_type (16.7%) have a value it could not place: region_type 'Gebirge' (1)."));

    Explanation gebirge = job.explain("K007", RejectionSink.discard()).orElseThrow();
    assertThatAssignment(gebirge.assignment("geography")).hasLabel("UNKNOWN")
        .hasReasonContaining("Region type \"Gebirge\" is not a region type the mapping knows")
        .hasReasonContaining("Region \"Bayern\" is not in the regions mapping");
    assertThatAssignment(job.explain("K006", RejectionSink.discard()).orElseThrow().assignment("geography"))
        .hasReasonContaining("Region \"西藏\" is mapped to MOUNTAIN");
  }

  private Segmentation job() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), EXPORT, StandardCharsets.UTF_8);
    return Segmentation.builder().model(Model.fromJson(CONFIG, "clientele.json")).customers(customers).threads(1).build();
  }
}
