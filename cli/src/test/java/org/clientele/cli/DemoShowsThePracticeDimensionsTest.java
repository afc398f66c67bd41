package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clientele.api.Dimension;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.practice.channel.ChannelClassifierProvider;
import org.clientele.practice.needs.NeedsClassifierProvider;
import org.clientele.practice.promotion.PromotionClassifierProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clientele demo} runs the demo configuration it writes beside the data: the built-ins and
 * the practice dimensions, every label of which occurs in the default demo; {@code classify -c}
 * on the written files gives the same results.
 */
class DemoShowsThePracticeDimensionsTest {

  @TempDir static Path dir;
  static Cli.Run demo;
  static Map<String, Map<String, Integer>> labels;

  @BeforeAll
  static void runTheDefaultDemo() throws IOException {
    demo = Cli.run("demo", "--dir", dir.toString(), "--out", dir.resolve("results.jsonl").toString(), "--no-report-html",
        "--no-progress");
    labels = count(dir.resolve("results.jsonl"));
  }

  private static Map<String, Map<String, Integer>> count(Path results) throws IOException {
    Pattern pair = Pattern.compile("\"(needs|channel|promotion)\":\"([A-Z_]+)\"");
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (String line : Files.readAllLines(results)) {
      Matcher m = pair.matcher(line);
      while (m.find()) {
        out.computeIfAbsent(m.group(1), k -> new HashMap<>()).merge(m.group(2), 1, Integer::sum);
      }
    }
    return out;
  }

  private static List<String> labelsOf(ClassifierProvider provider) {
    Dimension d = provider.dimension(PluginConfig.empty(provider.name())).orElseThrow();
    return d.labels();
  }

  @Test
  void everyLabelOfEveryPracticeDimensionOccursInTheDemo() {
    assertThat(demo.code()).as(demo.toString()).isZero();
    for (ClassifierProvider p : List.of(new NeedsClassifierProvider(), new ChannelClassifierProvider(),
        new PromotionClassifierProvider())) {
      assertThat(labels.get(p.name())).as("%s in %s", p.name(), labels).containsOnlyKeys(labelsOf(p));
      assertThat(demo.out()).as(p.name()).containsPattern("(?m)^\\s*" + p.name() + "\\s+[A-Z_]+\\s+[0-9,]+");
    }
  }

  @Test
  void theConfigurationWrittenBesideTheDataReproducesTheDemo() throws IOException {
    Path config = dir.resolve("clientele.json");
    assertThat(Files.readString(config)).contains("\"needs\": {}", "\"channel\": {}", "\"promotion\": {}", "\"value\": {}");
    Path again = dir.resolve("again.jsonl");
    Cli.Run classify = Cli.run("classify", "-c", config.toString(), "--customers", dir.resolve("customers.csv").toString(),
        "--transactions", dir.resolve("transactions.csv").toString(), "--out", again.toString(), "--no-progress");
    assertThat(classify.code()).as(classify.toString()).isZero();
    assertThat(count(again)).isEqualTo(labels);
    assertThat(demo.out()).contains("-c " + config);
  }
}
