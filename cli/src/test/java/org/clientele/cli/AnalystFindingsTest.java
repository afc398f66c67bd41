package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analyst with messy exports ran into: each test is the command they ran, and fails on the
 * message they got before.
 */
class AnalystFindingsTest {

  @TempDir Path dir;

  @Test
  void explainOfACustomerWhoseRowWasRejectedSaysSoWithTheRejection() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), """
        id,revenue_12m,orders_12m
        A-1,1200,4
        A-2,12x0,3
        A-3,900,2
        """);

    Cli.Run run = Cli.run("explain", "A-2", "--customers", customers.toString(), "--no-progress");

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).doesNotContain("no customer with id")
        .contains("customer \"A-2\" is in accounts.csv but its row (line 3) was rejected",
            "accounts.csv line 3, column revenue_12m, value \"12x0\"", "fix:");
    assertThat(run.err().split("accounts.csv line 3", -1)).as("the rejection once, though the file is read per pass").hasSize(2);
    Cli.Run typo = Cli.run("explain", "A-9", "--customers", customers.toString(), "--no-progress");
    assertThat(typo.err()).contains("no customer with id \"A-9\"");
  }

  @Test
  void aCustomersHeaderThatDidNotSplitAsksForTheDelimiterSeen() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), "id;revenue_12m\nA-1;1200\n");

    Cli.Run run = Cli.run("classify", "--customers", customers.toString(), "--out", dir.resolve("r.csv").toString(),
        "--no-progress");

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("the header did not split", "set input.customers.delimiter to \";\"")
        .doesNotContain("set idColumn");
  }

  @Test
  void theIdColumnAndTheTransactionFieldsAreMatchedIgnoringCase() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), "ID,Revenue_12m\nA-1,1200\nA-2,300\nA-3,50\n");
    Path orders = Files.writeString(dir.resolve("orders.csv"),
        "Customer_ID,Date,AMOUNT\nA-1,2024-01-05,100\nA-2,2024-02-05,40\nA-3,2024-03-01,10\n");
    Path results = dir.resolve("results.csv");

    Cli.Run run = Cli.run("classify", "--customers", customers.toString(), "--transactions", orders.toString(),
        "--reference-date", "2024-06-30", "--out", results.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(results)).contains("A-1", "A-2", "A-3");
  }

  @Test
  void anIdColumnMatchingTwoColumnsIgnoringCaseIsAnError() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), "Id,ID,revenue_12m\nA-1,x,1200\n");

    Cli.Run run = Cli.run("classify", "--customers", customers.toString(), "--out", dir.resolve("r.csv").toString(),
        "--no-progress");

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("idColumn \"id\" matches several columns ignoring case: \"Id\" and \"ID\"");
  }

  @Test
  void aConfigurationWithOnlyAnInputSectionRunsTheDefaultDimensions() throws IOException {
    Path customers = Files.writeString(dir.resolve("accounts.csv"), "id;revenue_12m\nA-1;1200\nA-2;300\nA-3;50\n");
    Path config = Files.writeString(dir.resolve("clientele.json"), """
        {"input": {"customers": {"delimiter": ";"}}}
        """);
    Path results = dir.resolve("results.csv");

    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--out", results.toString(), "--no-progress");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(results).lines().findFirst().orElseThrow()).contains("value", "risk");
    Cli.Run validate = Cli.run("validate-config", config.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("dimension value");
  }
}
