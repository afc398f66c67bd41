package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a playbook {@code file} stayed a relative name inside the saved model, so {@code
 * calibrate -o other/dir/model.json} wrote a model that did not build from its new place, without
 * a warning. The model now names the file relative to where it is written.
 */
class ModelTravelsTest {

  @TempDir Path dir;

  @Test
  void aModelWrittenToAnotherFolderStillFindsThePlaybookFileItWasConfiguredWith() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("rules.json"), """
        {"rules": [{"id": "core-visit", "priority": 60, "when": {"value": "CORE"},
                    "rationale": "The largest accounts are visited.",
                    "actions": [{"code": "account-visit", "category": "channel", "description": "Visit the account."}]}]}
        """);
    Path config = Files.writeString(conf.resolve("clientele.json"), """
        {"format": 1, "dimensions": {"value": {"method": "pareto"}},
         "strategy": {"provider": "playbook", "file": "rules.json", "coverage": "off"}}
        """);
    StringBuilder csv = new StringBuilder("id,revenue_12m\n");
    for (int i = 0; i < 200; i++) {
      csv.append('C').append(i).append(',').append(10 * (i + 1) * (i + 1)).append('\n');
    }
    Path customers = Files.writeString(dir.resolve("customers.csv"), csv);
    Path model = dir.resolve("other/deep/model.json");
    Files.createDirectories(model.getParent());

    Cli.Run calibrate = Cli.run("calibrate", "-c", config.toString(), "--customers", customers.toString(),
        "-o", model.toString(), "--no-progress");
    assertThat(calibrate.code()).as(calibrate.toString()).isZero();
    assertThat(Files.readString(model)).contains("\"file\" : \"../../conf/rules.json\"");

    Cli.Run classify = Cli.run("classify", "--model", model.toString(), "--customers", customers.toString(),
        "--out", dir.resolve("results.jsonl").toString(), "--no-progress");
    assertThat(classify.code()).as(classify.toString()).isZero();
    assertThat(Files.readString(dir.resolve("results.jsonl"))).contains("account-visit");
  }

  @Test
  void calibrateRefusesAnOutputFolderThatDoesNotExistBeforeThePass() throws IOException {
    Path customers = Files.writeString(dir.resolve("customers.csv"), "id,revenue_12m\nA,10\n");

    Cli.Run run = Cli.run("calibrate", "--customers", customers.toString(), "-o", dir.resolve("no/such/model.json").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("no/such", "no such folder");
  }
}
