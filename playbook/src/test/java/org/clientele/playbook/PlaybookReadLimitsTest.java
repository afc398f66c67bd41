package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A playbook file beyond the read limits is a configuration error, never a crash; no default typing. */
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
        .hasMessageStartingWith(file + ": not a valid playbook JSON object")
        .hasMessageContaining(problem);
  }

  @Test
  void thePlaybookMapperHasNoDefaultTyping() {
    assertThat(Playbook.JSON.getDeserializationConfig().getDefaultTyper(Playbook.JSON.constructType(Object.class))).isNull();
  }
}
