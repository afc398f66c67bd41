package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad files through the real command: every row read is either classified or
 * rejected, each rejection names its line and reason, and the exit code says which.
 */
class BadFilesTest {

  @TempDir Path dir;

  /** file, option, rows read, classified, expected rejections as "line:reason", exit code. */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("wrong_column_count.csv", "--customers", 4, 2, List.of("3:wrong_column_count", "4:wrong_column_count"), ExitCodes.REJECTIONS),
        Arguments.of("unparseable_numbers.csv", "--customers", 6, 2,
            List.of("3:unparseable_number", "4:unparseable_number", "5:out_of_range", "6:out_of_range"), ExitCodes.REJECTIONS),
        Arguments.of("unparseable_dates.csv", "--transactions", 7, 2,
            List.of("3:unparseable_date", "4:unparseable_date", "5:unparseable_number", "6:missing_value", "7:missing_value"), ExitCodes.REJECTIONS),
        Arguments.of("empty.csv", "--customers", 0, 0, List.of(), ExitCodes.OK),
        Arguments.of("header_only.csv", "--customers", 0, 0, List.of(), ExitCodes.OK),
        Arguments.of("duplicate_ids.csv", "--customers", 5, 3, List.of("4:duplicate_id", "6:duplicate_id"), ExitCodes.REJECTIONS),
        // A quoted value spans lines: the bad row is numbered by the line it starts on (5, not 6 or 7).
        Arguments.of("quoted_newlines.csv", "--customers", 4, 3, List.of("5:unparseable_number"), ExitCodes.REJECTIONS),
        Arguments.of("bom_crlf.csv", "--customers", 3, 2, List.of("4:unparseable_number"), ExitCodes.REJECTIONS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void readEqualsClassifiedPlusRejected(String file, String option, int read, int classified, List<String> rejected, int exit)
      throws IOException {
    Path results = dir.resolve("results.csv");
    Path rejections = dir.resolve("rejections.csv");
    // Each file is mostly bad rows on purpose: --max-rejected-share 1 keeps the run going to count them.
    Cli.Run run = Cli.run("classify", "-c", Cli.resource("bad/thresholds.json").toString(), "--max-rejected-share", "1",
        option, Cli.resource("bad/" + file).toString(), "--out", results.toString(), "--rejections", rejections.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(exit);
    assertThat(read).isEqualTo(classified + rejected.size());
    String counts = option.equals("--customers")
        ? String.format("%s: %d rows read = %d classified + %d rejected", file, read, classified, rejected.size())
        : String.format("%s: %d rows read = %d accepted + %d rejected", file, read, read - rejected.size(), rejected.size());
    assertThat(run.out()).as(run.toString()).contains(counts).contains("Classified " + classified + " customers");
    assertThat(Files.readAllLines(results)).hasSize(1 + classified); // the header, then one line a customer

    List<Map<String, String>> rows = csv(rejections);
    assertThat(rows).extracting(r -> r.get("line") + ":" + r.get("reason")).containsExactlyElementsOf(rejected);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("file")).isEqualTo(file);
      assertThat(r.get("message")).isNotBlank();
      assertThat(r.get("fix")).isNotBlank();
    });
  }

  @Test
  void aFileMostlyRejectedStopsTheRunWithItsMainReasonASampleAndTheFix() {
    Cli.Run run = Cli.run("classify", "-c", Cli.resource("bad/thresholds.json").toString(),
        "--transactions", Cli.resource("bad/unparseable_dates.csv").toString(), "--out", dir.resolve("r.csv").toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).as(run.toString())
        .contains("unparseable_dates.csv: 5 of 7 rows rejected (71.4%, more than the 50% allowed)")
        .contains("Most are missing_value (2 rows), for example line 6, column amount")
        .contains("Fix: ")
        .contains("--max-rejected-share");
  }

  @Test
  void quotedValuesKeepTheirLineBreaksAndQuotes() throws IOException {
    Path results = dir.resolve("results.jsonl");
    Cli.Run run = Cli.run("classify", "-c", Cli.resource("bad/thresholds.json").toString(),
        "--customers", Cli.resource("bad/quoted_newlines.csv").toString(), "--out", results.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REJECTIONS);
    assertThat(Files.readAllLines(results)).extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactly("{\"id\":\"C1\"", "{\"id\":\"C2\"", "{\"id\":\"C4\"");
  }

  @Test
  void strictStopsAtTheFirstBadRowNamingLineAndReason() {
    Cli.Run run = Cli.run("classify", "-c", Cli.resource("bad/thresholds.json").toString(), "--strict",
        "--customers", Cli.resource("bad/unparseable_numbers.csv").toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("clientele: unparseable_numbers.csv line 3: strict mode stops at the first bad row")
        .contains("column satisfaction", "value \"four\"", "unparseable_number");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void withoutARejectionsFileTheSummaryStillCountsAndSaysHowToKeepThem() {
    Cli.Run run = Cli.run("classify", "-c", Cli.resource("bad/thresholds.json").toString(),
        "--customers", Cli.resource("bad/duplicate_ids.csv").toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.REJECTIONS);
    assertThat(run.out()).contains("2 rows rejected (2 duplicate_id); write them to a file with --rejections FILE.");
  }

  static List<Map<String, String>> csv(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      return it.readAll();
    }
  }
}
