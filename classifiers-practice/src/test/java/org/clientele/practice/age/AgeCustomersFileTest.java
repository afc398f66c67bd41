package org.clientele.practice.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.api.Action;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer book's CRM export that has only the age columns (an age, and a date of birth where
 * the age was never filled in), run through the batch job with a configuration naming the
 * dimension and the default playbook.
 */
class AgeCustomersFileTest {

  private static final String CONFIG = """
      {
        "format": 1,
        "input": { "customers": { "idColumn": "Customer ID", "rename": { "Age": "age", "Date of Birth": "birth_date" } } },
        "dimensions": { "age": { "asOf": "2024-07-01" } }
      }
      """;

  private static final String EXPORT = """
      Customer ID,Full Name,Age,Date of Birth
      M-01,Lena Park,17,
      M-02,Omar Haddad,25,
      M-03,Wei Zhang,33,1991-02-11
      M-04,Grace Mensah,47,
      M-05,Ruth Klein,68,
      M-06,Tom Berg,,1990-07-02
      M-07,Ana Costa,134,
      M-08,Ivo Novak,,
      M-09,Eva Lund,41.5,
      """;

  @TempDir Path dir;

  @Test
  void anExportWithOnlyTheAgeColumnsIsBandedAndImplausibleAgesAreUnknownWithTheirReason() throws IOException {
    Segmentation job = job();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, List<String>> actions = new LinkedHashMap<>();
    List<String> rejections = new java.util.ArrayList<>();

    SegmentationResult result = job.run(c -> {
      labels.put(c.customerId(), c.labels().get("age"));
      actions.put(c.customerId(), c.plan().actions().stream().map(Action::code).toList());
    }, r -> rejections.add(r.toString()));

    assertThat(rejections).isEmpty();
    assertThat(result.dimensionIds()).containsExactly("age");
    assertThat(result.report().orElseThrow().quality().warnings())
        .filteredOn(w -> w.code().equals("unplaced_values")).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith(
            "age: 2 of 7 customers with age (28.6%) have a value it could not place: age '134' (1), '41.5' (1)."));
    assertThat(labels).containsExactly(
        Map.entry("M-01", "UNDER_20"), Map.entry("M-02", "AGE_20_29"), Map.entry("M-03", "AGE_30_39"),
        Map.entry("M-04", "AGE_40_49"), Map.entry("M-05", "AGE_50_PLUS"), Map.entry("M-06", "AGE_30_39"),
        Map.entry("M-07", "UNKNOWN"), Map.entry("M-08", "UNKNOWN"),
        Map.entry("M-09", "UNKNOWN"));
    assertThatAssignment(job.explain("M-07", RejectionSink.discard()).orElseThrow().assignment("age"))
        .hasReasonContaining("Age 134 is not a plausible age (over maxAge 120; a birth year or a typo?)");
    assertThatAssignment(job.explain("M-09", RejectionSink.discard()).orElseThrow().assignment("age"))
        .hasReasonContaining("Age 41.5 is not a plausible age (not a whole number of years");
    assertThatAssignment(job.explain("M-06", RejectionSink.discard()).orElseThrow().assignment("age"))
        .hasReasonContaining("Birth date 1990-07-02 gives age 33 on 2024-07-01 (asOf): band AGE_30_39");
  }

  private Segmentation job() throws IOException {
    Path customers = Files.writeString(dir.resolve("members.csv"), EXPORT, StandardCharsets.UTF_8);
    return Segmentation.builder().model(Model.fromJson(CONFIG, "clientele.json")).customers(customers).threads(1).build();
  }
}
