package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a playbook {@code file} stayed a relative name inside the saved model, so a model
 * copied to another machine (or moved without the rules file) did not build. The saved model now
 * embeds the file's rules.
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
    Path fromConfig = dir.resolve("from-config.jsonl");
    Cli.Run direct = Cli.run("classify", "-c", config.toString(), "--customers", customers.toString(),
        "--out", fromConfig.toString(), "--no-progress");
    assertThat(direct.code()).as(direct.toString()).isZero();

    // Another machine: the model alone, in a folder of its own, the configuration folder gone.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("model.json");
    Files.move(model, elsewhere);
    Files.delete(conf.resolve("rules.json"));
    Files.delete(config);
    Files.delete(conf);
    Path fromModel = dir.resolve("from-model.jsonl");
    Cli.Run classify = Cli.run("classify", "--model", elsewhere.toString(), "--customers", customers.toString(),
        "--out", fromModel.toString(), "--no-progress");
    assertThat(classify.code()).as(classify.toString()).isZero();
    assertThat(Files.readString(fromModel)).contains("account-visit").isEqualTo(Files.readString(fromConfig));
  }

  @Test
  void calibrateRefusesAnOutputThatIsAFolderBeforeThePass() throws IOException {
    Path customers = Files.writeString(dir.resolve("customers.csv"), "id,revenue_12m\nA,10\n");

    Cli.Run run = Cli.run("calibrate", "--customers", customers.toString(), "-o", dir.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("is a folder", "model.json");
    assertThat(run.out()).doesNotContain("Calibrated on");
  }

  @Test
  void calibrateRefusesAnOutputFolderThatDoesNotExistBeforeThePass() throws IOException {
    Path customers = Files.writeString(dir.resolve("customers.csv"), "id,revenue_12m\nA,10\n");

    Cli.Run run = Cli.run("calibrate", "--customers", customers.toString(), "-o", dir.resolve("no/such/model.json").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("no/such", "no such folder");
  }
}
