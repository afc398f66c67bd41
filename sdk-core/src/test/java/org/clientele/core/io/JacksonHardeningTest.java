package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.core.Model;
import org.clientele.core.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jackson parser the SDK creates is bounded (string length, nesting depth, number length)
 * and no mapper has default typing, so input can never name a class to instantiate.
 */
class JacksonHardeningTest {

  static List<Arguments> factories() {
    return List.of(
        Arguments.argumentSet("configuration and model reader (internal.Json)", Json.CONFIG_FACTORY, 64, 64, 1_000_000),
        Arguments.argumentSet("JSON writer and data-file mapper (internal.Json)", Json.mapper().getFactory(), 64, 64, 1_000_000),
        Arguments.argumentSet("JSON Lines rows", JsonLinesRowSource.JSON.getFactory(), 16, 1_000, Json.MAX_INPUT_VALUE_LENGTH),
        Arguments.argumentSet("CSV rows", CsvRowSource.FACTORY, 16, 1_000, Json.MAX_INPUT_VALUE_LENGTH));
  }

  @ParameterizedTest
  @MethodSource("factories")
  void everyParserIsBounded(JsonFactory factory, int depth, int numberLength, int stringLength) {
    StreamReadConstraints c = factory.streamReadConstraints();

    assertThat(c.getMaxNestingDepth()).isEqualTo(depth);
    assertThat(c.getMaxNumberLength()).isEqualTo(numberLength);
    assertThat(c.getMaxStringLength()).isEqualTo(stringLength);
  }

  @Test
  void noMapperHasDefaultTyping() {
    for (ObjectMapper mapper : List.of(Json.mapper(), JsonLinesRowSource.JSON)) {
      var config = mapper.getDeserializationConfig();
      assertThat(config.getDefaultTyper(mapper.constructType(Object.class))).isNull();
      assertThat(config.getDefaultTyper(mapper.constructType(Map.class))).isNull();
    }
  }

  @Test
  void aConfigurationBeyondTheLimitsIsAConfigurationError() {
    String deep = "{\"dimensions\": {\"x\": {\"y\": " + "[".repeat(100) + "]".repeat(100) + "}}}";
    String longNumber = "{\"dimensions\": {\"x\": {\"y\": 1" + "0".repeat(100) + "}}}";
    String longString = "{\"dimensions\": {\"x\": {\"y\": \"" + "x".repeat(1_000_001) + "\"}}}";

    assertThatThrownBy(() -> Model.fromJson(deep, "cfg.json")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> Model.fromJson(longNumber, "cfg.json")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Number value length");
    assertThatThrownBy(() -> Model.fromJson(longString, "cfg.json")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("String value length");
  }

  @Test
  void theConfigurationReaderRefusesWhatTheMapperRefused() {
    assertThatThrownBy(() -> Model.fromJson("{\"format\": 1, \"format\": 1}", "cfg.json"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("Duplicate field 'format'");
    assertThatThrownBy(() -> Model.fromJson("{\"dimensions\": {\"x\": {\"y\": NaN}}}", "cfg.json"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> Model.fromJson("", "cfg.json"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("expected a JSON object at the top level");
    assertThatThrownBy(() -> Model.fromJson("{\"format\": 1", "cfg.json"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("invalid JSON");
  }

  @Test
  void contentAfterTheTopLevelObjectIsNamedNotIgnored() {
    assertThatThrownBy(() -> Model.fromJson("{\"format\": 1}\n{\"format\": 1}\n", "cfg.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cfg.json line 2 column")
        .hasMessageContaining("unexpected content after the top-level object");
  }

  @Test
  void numbersReadAsTheMapperNormalisedThem() {
    Map<String, Object> tree = Json.readObject(
        "{\"i\": 3, \"l\": 12345678901, \"big\": 123456789012345678901234567890, \"d\": 0.5, \"e\": 1e3,"
            + " \"n\": null, \"b\": true, \"a\": [1, \"x\", {\"k\": -2}]}", "t.json");

    assertThat(tree).containsEntry("i", 3L).containsEntry("l", 12345678901L)
        .containsEntry("big", 1.2345678901234568E29).containsEntry("d", 0.5).containsEntry("e", 1000.0)
        .containsEntry("n", null).containsEntry("b", true)
        .containsEntry("a", List.of(1L, "x", Map.of("k", -2L)));
    assertThat(tree).isEqualTo(Json.normalize(tree));
  }

  @Test
  void aJsonLineBeyondTheLimitsIsARejectedRowAndReadingGoesOn() {
    String text = "{\"id\": \"A1\", \"x\": " + "{\"a\": ".repeat(20) + "1" + "}".repeat(20) + "}\n"
        + "{\"id\": \"A2\", \"revenue_12m\": 1" + "0".repeat(1_001) + "}\n"
        + "{\"id\": \"A3\", \"@class\": \"java.lang.ProcessBuilder\"}\n";
    List<Rejection> rejections = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(new StringReader(text), "c.jsonl", CustomerFormat.defaults(), rejections::add)) {
      reader.forEachRemaining(c -> ids.add(c.id()));
    }

    assertThat(ids).containsExactly("A3");
    assertThat(rejections).extracting(Rejection::line, Rejection::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, RejectionReason.MALFORMED_JSON),
        org.assertj.core.groups.Tuple.tuple(2L, RejectionReason.MALFORMED_JSON));
    assertThat(rejections.get(0).message()).contains("nesting depth");
    assertThat(rejections.get(1).message()).contains("Number value length");
  }
}
