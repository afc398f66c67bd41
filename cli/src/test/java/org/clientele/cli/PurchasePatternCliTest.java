package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The purchase pattern on CRM-shaped customers files: only its columns, then none of them. */
class PurchasePatternCliTest {

  @TempDir Path dir;

  @Test
  void aCustomersFileWithOnlyTheTwoColumnsGetsTheFourQuadrantsAndTheGrid() throws IOException {
    // 12 accounts: orders 1..12 and order values 10..120 crossed so each quadrant gets three; one prospect.
    StringBuilder csv = new StringBuilder("id,orders_12m,average_order_value\n");
    int[][] rows = {{1, 10}, {2, 20}, {3, 100}, {4, 110}, {5, 120}, {6, 30}, {7, 40}, {8, 50}, {9, 60}, {10, 70},
        {11, 80}, {12, 90}};
    for (int i = 0; i < rows.length; i++) {
      csv.append("ACC-").append(i).append(',').append(rows[i][0]).append(',').append(rows[i][1]).append('\n');
    }
    csv.append("ACC-PROSPECT,0,\n");
    Path customers = Files.writeString(dir.resolve("accounts.csv"), csv);
    Path config = Files.writeString(dir.resolve("clientele.json"), "{\"dimensions\": {\"purchase_pattern\": {}}}");
    Path out = dir.resolve("results.jsonl");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(), "--out", out.toString(),
        "--no-progress");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    Map<String, Integer> counts = new HashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode r = new ObjectMapper().readTree(line);
      counts.merge(r.at("/labels/purchase_pattern").asText(), 1, Integer::sum);
    }
    // Medians of the 12 with both: orders 6, order value 60 (the prospect has no order value).
    assertThat(counts).containsOnly(Map.entry("FREQUENT_BIG_ORDERS", 3), Map.entry("FREQUENT_SMALL_ORDERS", 3),
        Map.entry("OCCASIONAL_BIG_ORDERS", 3), Map.entry("OCCASIONAL_SMALL_ORDERS", 3), Map.entry("UNKNOWN", 1));
    assertThat(run.out()).contains("Purchase pattern: orders_12m × average_order_value (purchase_pattern)",
        "orders_12m > 6", "average_order_value > 60",
        "Cut-offs: orders_12m 6, average_order_value 60 (median of 13 customers with orders_12m, median of 12 with"
            + " average_order_value)", "1 customers have no quadrant");
  }

  @Test
  void aDefaultRunOnAFileWithoutTheColumnsLeavesTheDimensionOutAndSaysSo() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"),
        "id,revenue_12m,industry_code\nA,1000,C10\nB,50,G46\nC,10,M69\n");
    Path out = dir.resolve("results.jsonl");

    Cli.Run run = Cli.run("classify", "--customers", customers.toString(), "--out", out.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out() + run.err()).contains(
        "purchase_pattern: left out of this run, it would be calibrated on nothing (dimension 'purchase_pattern' reads"
            + " [average_order_value, orders_12m], and the input has none of them");
    List<String> lines = Files.readAllLines(out);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("labels").has("purchase_pattern")).isFalse();
  }
}
