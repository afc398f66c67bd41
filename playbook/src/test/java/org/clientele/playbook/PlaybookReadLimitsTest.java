package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Playbook files are read by the engine's JSON reader (the one for configuration files): beyond
 * its limits, or with a repeated key, a playbook file is a configuration error naming the file,
 * never a crash and never "last value wins".
 */
class PlaybookReadLimitsTest {

  static List<Arguments> files() {
    return List.of(
        Arguments.argumentSet("nested deeper than 64 levels",
            "{\"rules\": " + "[".repeat(100) + "]".repeat(100) + "}", "nesting depth"),
        Arguments.argumentSet("a string over 1,000,000 characters",
            "{\"description\": \"" + "x".repeat(1_000_001) + "\", \"rules\": []}", "String value length"),
        Arguments.argumentSet("a number over 64 digits",
            "{\"rules\": [{\"id\": \"a\", \"priority\": 1" + "0".repeat(70) + "}]}", "Number value length"));
  }

  @ParameterizedTest
  @MethodSource("files")
  void aPlaybookFileBeyondTheLimitsIsAConfigurationError(String content, String problem, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("playbook.json");
    Files.writeString(file, content);

    assertThatThrownBy(() -> Playbook.create(Fixtures.config(Map.of("file", file.toString())), Fixtures.ALL))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(file + ": invalid JSON: ")
        .hasMessageContaining(problem);
  }

  private static final String RULE_WITH_TWO_PRIORITIES =
      "{\"id\": \"core-call\", \"priority\": 50, \"priority\": 90, \"when\": {\"value\": \"CORE\"},"
          + " \"rationale\": \"r\", \"actions\": [{\"code\": \"call\", \"category\": \"channel\","
          + " \"description\": \"Call.\"}]}";

  @Test
  void aRuleWithADuplicateKeyIsRefusedTheSameWayInlineAndFromAPlaybookFile(@TempDir Path dir) throws IOException {
    Path playbook = Files.writeString(dir.resolve("playbook.json"), "{\"rules\": [" + RULE_WITH_TWO_PRIORITIES + "]}");
    Path fromFile = Files.writeString(dir.resolve("file.json"),
        "{\"dimensions\": {\"value\": {}}, \"strategy\": {\"provider\": \"playbook\", \"file\": \"playbook.json\"}}");
    Path inline = Files.writeString(dir.resolve("inline.json"),
        "{\"dimensions\": {\"value\": {}}, \"strategy\": {\"provider\": \"playbook\", \"rules\": ["
            + RULE_WITH_TWO_PRIORITIES + "]}}");

    // Both through the engine's own path: the configuration file, then the strategy section it hands over.
    List<String> messages = new ArrayList<>();
    assertThatThrownBy(() -> Model.fromJson(Files.readString(inline), inline.toString()))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> messages.add(e.getMessage()));
    Model model = Model.fromJson(Files.readString(fromFile), fromFile.toString());
    assertThatThrownBy(() -> new PlaybookStrategyProvider().create(model.strategyConfig().orElseThrow(), Fixtures.ALL))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> messages.add(e.getMessage()));

    assertThat(messages.get(0)).startsWith(inline + " line 1 column ").contains("invalid JSON: Duplicate field 'priority'");
    assertThat(messages.get(1)).startsWith(playbook + " line 1 column ").contains("invalid JSON: Duplicate field 'priority'");
    assertThat(messages.get(1).substring(messages.get(1).indexOf("invalid JSON")))
        .isEqualTo(messages.get(0).substring(messages.get(0).indexOf("invalid JSON")));
  }

  @Test
  void aPlaybookFileIsReadByTheReaderItsConfigurationCarries(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("playbook.json"), "{}");
    List<String> read = new ArrayList<>();
    PluginConfig config = Fixtures.config(Map.of("file", file.toString())).withReader((in, source) -> {
      read.add(source);
      return Fixtures.json("{'rules': [{'id': 'core-call', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r',"
          + " 'actions': [{'code': 'call', 'category': 'channel', 'description': 'Call.'}]}]}");
    });

    Playbook playbook = Playbook.create(config, Fixtures.ALL);

    assertThat(read).containsExactly(file.toString());
    assertThat(playbook.source()).isEqualTo(file.toString());
    assertThat(playbook.rules()).extracting(Rule::id).containsExactly("core-call");
  }

  @Test
  void theDefaultPlaybookIsReadByTheSameReader() {
    List<String> read = new ArrayList<>();
    PluginConfig config = Fixtures.config(Map.of()).withReader((in, source) -> {
      read.add(source);
      return Fixtures.json("{'rules': [{'id': 'only', 'priority': 1, 'when': {'value': 'CORE'}, 'rationale': 'r',"
          + " 'actions': [{'code': 'call', 'category': 'channel', 'description': 'Call.'}]}]}");
    });

    Playbook playbook = Playbook.create(config, Fixtures.ALL);

    assertThat(read).containsExactly(Playbook.DEFAULT_RESOURCE);
    assertThat(playbook.rules()).extracting(Rule::id).containsExactly("only");
  }
}
