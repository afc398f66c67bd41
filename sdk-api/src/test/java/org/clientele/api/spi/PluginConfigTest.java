package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clientele.api.ConfigurationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginConfigTest {

  private static final String FILE = "clientele.json";
  private static final String SECTION = "$.dimensions.value";

  enum Method {
    THRESHOLDS,
    PARETO_SHARE,
    QUANTILES
  }

  /** A section as the engine would build it from a file, with one key holding the value. */
  private static PluginConfig section(String key, Object value) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(key, value);
    return PluginConfig.of("value", FILE, SECTION, values);
  }

  /** Builds a map from alternating keys and values, keeping their order. */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Nested
  class Identity {

    @Test
    void keeps_id_source_and_path() {
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, Map.of());
      assertThat(c.id()).isEqualTo("value");
      assertThat(c.source()).isEqualTo(FILE);
      assertThat(c.path()).isEqualTo(SECTION);
    }

    @Test
    void inline_and_empty_sections_say_so() {
      PluginConfig inline = PluginConfig.of("value", Map.of("k", 1));
      assertThat(inline.source()).isEqualTo("<inline>");
      assertThat(inline.path()).isEqualTo("$");

      PluginConfig empty = PluginConfig.empty("value");
      assertThat(empty.keys()).isEmpty();
      assertThat(empty.asMap()).isEmpty();
      assertThat(empty.unreadKeys()).isEmpty();
      assertThatThrownBy(() -> inline.string("k", "x"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("<inline> $.k: expected a string, found 1");
    }

    @Test
    void null_arguments_are_named() {
      assertThatThrownBy(() -> PluginConfig.of(nullString(), FILE, SECTION, Map.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("id");
      assertThatThrownBy(() -> PluginConfig.of("v", nullString(), SECTION, Map.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("source");
      assertThatThrownBy(() -> PluginConfig.of("v", FILE, nullString(), Map.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("path");
      assertThatThrownBy(() -> PluginConfig.empty("v").string(nullString(), "d"))
          .isInstanceOf(NullPointerException.class).hasMessage("key");
    }

    @Test
    void keys_are_in_file_order() {
      PluginConfig c = PluginConfig.of("value", object("zeta", 1, "alpha", 2, "mid", 3));
      assertThat(c.keys()).containsExactly("zeta", "alpha", "mid");
      assertThat(c.asMap().keySet()).containsExactly("zeta", "alpha", "mid");
    }
  }

  @Nested
  class Defaults {

    private final PluginConfig empty = PluginConfig.empty("value");

    @Test
    void every_getter_returns_its_default_when_the_key_is_absent() {
      assertThat(empty.string("method", "thresholds")).isEqualTo("thresholds");
      assertThat(empty.number("core", 50_000)).isEqualTo(50_000.0);
      assertThat(empty.number("share", 0.8, 0, 1)).isEqualTo(0.8);
      assertThat(empty.integer("bins", 5)).isEqualTo(5);
      assertThat(empty.flag("strict", true)).isTrue();
      assertThat(empty.flag("strict", false)).isFalse();
      assertThat(empty.choice("method", Method.class, Method.QUANTILES)).isEqualTo(Method.QUANTILES);
      assertThat(empty.numbers("cuts", List.of(0.2, 0.8))).containsExactly(0.2, 0.8);
      assertThat(empty.strings("labels", List.of("A"))).containsExactly("A");
      assertThat(empty.textMap("mapping")).isEmpty();
      assertThat(empty.section("when").keys()).isEmpty();
      assertThat(empty.sections("rules")).isEmpty();
      assertThat(empty.has("method")).isFalse();
    }

    @Test
    void a_json_null_counts_as_absent() {
      Map<String, Object> values = new HashMap<>();
      values.put("core", null);
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, values);

      assertThat(c.has("core")).isFalse();
      assertThat(c.number("core", 7)).isEqualTo(7.0);
      assertThat(c.keys()).isEmpty();
      assertThat(c.unreadKeys()).isEmpty();
    }

    @Test
    void an_absent_section_has_the_child_path() {
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, Map.of());
      assertThat(c.section("thresholds").path()).isEqualTo("$.dimensions.value.thresholds");
      assertThat(c.section("thresholds").id()).isEqualTo("value");
      assertThat(c.section("thresholds").source()).isEqualTo(FILE);
    }
  }

  @Nested
  class Reading {

    @Test
    void reads_values_of_every_type() {
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, object(
          "method", "pareto-share",
          "core", 50_000,
          "share", 0.8,
          "bins", 5L,
          "strict", true,
          "cuts", List.of(1, 2.5, 3L),
          "labels", List.of("CORE", "LOW"),
          "mapping", object("C10", "manufacturing", "G47", "retail"),
          "big", new BigDecimal("1234.5")));

      assertThat(c.string("method", "")).isEqualTo("pareto-share");
      assertThat(c.number("core", 0)).isEqualTo(50_000.0);
      assertThat(c.number("share", 0, 0, 1)).isEqualTo(0.8);
      assertThat(c.integer("bins", 0)).isEqualTo(5);
      assertThat(c.integer("core", 0)).isEqualTo(50_000);
      assertThat(c.flag("strict", false)).isTrue();
      assertThat(c.numbers("cuts", List.of())).containsExactly(1.0, 2.5, 3.0);
      assertThat(c.strings("labels", List.of())).containsExactly("CORE", "LOW");
      assertThat(c.textMap("mapping"))
          .containsExactly(entry("C10", "manufacturing"), entry("G47", "retail"));
      assertThat(c.number("big", 0)).isEqualTo(1234.5);
      assertThat(c.unreadKeys()).isEmpty();
    }

    @Test
    void a_whole_number_written_with_a_decimal_point_is_an_integer() {
      assertThat(section("bins", 5.0).integer("bins", 0)).isEqualTo(5);
      assertThat(section("bins", -3.0).integer("bins", 0)).isEqualTo(-3);
      assertThat(section("bins", (double) Integer.MAX_VALUE).integer("bins", 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void other_number_types_are_accepted() {
      assertThat(section("n", (short) 3).integer("n", 0)).isEqualTo(3);
      assertThat(section("n", 2.5f).number("n", 0)).isEqualTo(2.5);
      assertThat(section("n", (byte) 1).number("n", 0)).isEqualTo(1.0);
    }

    @Test
    void lists_read_are_unmodifiable() {
      PluginConfig c = PluginConfig.of("v", object("cuts", List.of(1.0), "labels", List.of("A"), "m", object("a", "b")));
      assertThatThrownBy(() -> c.numbers("cuts", List.of()).add(2.0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> c.strings("labels", List.of()).add("B")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> c.textMap("m").put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
        argumentSet("string given a number", "string", 3, "expected a string, found 3"),
        argumentSet("string given a boolean", "string", true, "expected a string, found true"),
        argumentSet("string given an array", "string", List.of("a"), "expected a string, found an array"),
        argumentSet("string given an object", "string", Map.of("a", "b"), "expected a string, found an object"),
        argumentSet("number given text", "number", "high", "expected a number, found \"high\""),
        argumentSet("number given a boolean", "number", false, "expected a number, found false"),
        argumentSet("number given NaN", "number", Double.NaN, "expected a number, found NaN"),
        argumentSet("number given Infinity", "number", Double.POSITIVE_INFINITY, "expected a number, found Infinity"),
        argumentSet("number given an array", "number", List.of(1), "expected a number, found an array"),
        argumentSet("integer given a fraction", "integer", 2.5, "expected a whole number, found 2.5"),
        argumentSet("integer given text", "integer", "5", "expected a whole number, found \"5\""),
        argumentSet("integer too large for an int", "integer", 3_000_000_000L, "expected a whole number, found 3000000000"),
        argumentSet("integer too small for an int", "integer", -3_000_000_000L, "expected a whole number, found -3000000000"),
        argumentSet("integer given NaN", "integer", Double.NaN, "expected a whole number, found NaN"),
        argumentSet("flag given text", "flag", "yes", "expected true or false, found \"yes\""),
        argumentSet("flag given a number", "flag", 1, "expected true or false, found 1"),
        argumentSet("choice given a number", "choice", 2, "expected one of [thresholds, pareto_share, quantiles], found 2"),
        argumentSet("choice given an unknown name", "choice", "median", "expected one of [thresholds, pareto_share, quantiles], found \"median\""),
        argumentSet("numbers given a number", "numbers", 5, "expected an array of numbers, found 5"),
        argumentSet("strings given text", "strings", "CORE", "expected an array of strings, found \"CORE\""),
        argumentSet("textMap given text", "textMap", "C10", "expected an object of strings, found \"C10\""),
        argumentSet("textMap given an array", "textMap", List.of("a"), "expected an object of strings, found an array"),
        argumentSet("section given a number", "section", 3, "expected an object, found 3"),
        argumentSet("section given an array", "section", List.of(Map.of()), "expected an object, found an array"),
        argumentSet("sections given an object", "sections", Map.of("a", 1), "expected an array of objects, found an object"),
        argumentSet("sections given text", "sections", "rule", "expected an array of objects, found \"rule\""));
  }

  private static final Map<String, Function<PluginConfig, Object>> GETTERS = Map.ofEntries(
      Map.entry("string", c -> c.string("key", "d")),
      Map.entry("number", c -> c.number("key", 0)),
      Map.entry("integer", c -> c.integer("key", 0)),
      Map.entry("flag", c -> c.flag("key", false)),
      Map.entry("choice", c -> c.choice("key", Method.class, Method.THRESHOLDS)),
      Map.entry("numbers", c -> c.numbers("key", List.of())),
      Map.entry("strings", c -> c.strings("key", List.of())),
      Map.entry("textMap", c -> c.textMap("key")),
      Map.entry("section", c -> c.section("key")),
      Map.entry("sections", c -> c.sections("key")));

  @ParameterizedTest
  @MethodSource("typeErrors")
  void a_value_of_the_wrong_form_names_file_path_expected_and_found(String getter, Object value, String problem) {
    PluginConfig c = section("key", value);

    assertThatThrownBy(() -> GETTERS.get(getter).apply(c))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value.key: " + problem)
        .extracting(e -> ((ConfigurationException) e).location())
        .isEqualTo("clientele.json $.dimensions.value.key");
  }

  static Stream<Arguments> elementErrors() {
    return Stream.of(
        argumentSet("numbers holding text", "numbers", List.of(1, "2"), "key[1]: expected a number, found \"2\""),
        argumentSet("numbers holding NaN", "numbers", List.of(1.0, Double.NaN), "key[1]: expected a number, found NaN"),
        argumentSet("strings holding a number", "strings", List.of("A", 1), "key[1]: expected a string, found 1"));
  }

  @ParameterizedTest
  @MethodSource("elementErrors")
  void a_bad_array_element_is_named_by_its_own_path(String getter, Object value, String problem) {
    PluginConfig c = section("key", value);

    assertThatThrownBy(() -> GETTERS.get(getter).apply(c))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value." + problem);
  }

  @Test
  void a_text_map_value_that_is_not_a_string_is_named_by_its_own_path() {
    PluginConfig c = section("mapping", object("C10", "manufacturing", "G47", 47));
    assertThatThrownBy(() -> c.textMap("mapping"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value.mapping.G47: expected a string, found 47");
  }

  static Stream<Arguments> ranges() {
    return Stream.of(
        argumentSet("below the minimum", -0.1, "expected a number from 0 to 1, found -0.1"),
        argumentSet("at the minimum", 0.0, null),
        argumentSet("inside", 0.8, null),
        argumentSet("at the maximum", 1.0, null),
        argumentSet("above the maximum", 1.5, "expected a number from 0 to 1, found 1.5"),
        argumentSet("far above, whole", 80, "expected a number from 0 to 1, found 80"));
  }

  @ParameterizedTest
  @MethodSource("ranges")
  void a_number_in_a_range_is_checked_inclusively(Object value, String problem) {
    PluginConfig c = section("share", value);
    if (problem == null) {
      assertThat(c.number("share", 0.5, 0, 1)).isEqualTo(((Number) value).doubleValue());
    } else {
      assertThatThrownBy(() -> c.number("share", 0.5, 0, 1))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.dimensions.value.share: " + problem);
    }
  }

  @Test
  void range_bounds_with_fractions_are_shown_as_written() {
    assertThatThrownBy(() -> section("share", 0.99).number("share", 0.5, 0.05, 0.95))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value.share: expected a number from 0.05 to 0.95, found 0.99");
  }

  @Test
  void a_range_check_still_rejects_non_numbers_as_numbers() {
    assertThatThrownBy(() -> section("share", "most").number("share", 0.5, 0, 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value.share: expected a number, found \"most\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pareto_share", "PARETO_SHARE", "pareto-share", "Pareto-Share", "PARETO-SHARE", " pareto_share "})
  void choice_accepts_any_case_and_dash_for_underscore(String written) {
    assertThat(section("method", written).choice("method", Method.class, Method.THRESHOLDS))
        .isEqualTo(Method.PARETO_SHARE);
  }

  @Test
  void choice_lists_the_accepted_values_when_the_value_is_close_but_wrong() {
    assertThatThrownBy(() -> section("method", "pareto share").choice("method", Method.class, Method.THRESHOLDS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.value.method: expected one of [thresholds, pareto_share, quantiles], found \"pareto share\"");
  }

  @Nested
  class Sections {

    private PluginConfig playbook() {
      return PluginConfig.of("playbook", FILE, "$.strategy", object(
          "rules", List.of(
              object("id", "core-care", "when", object("value", "CORE")),
              object("id", "risk-review", "when", object("credit-risk", 3), "typo", true)),
          "defaults", object("priority", 10, "extra", "x")));
    }

    @Test
    void sections_have_indexed_paths_and_nested_sections_extend_them() {
      PluginConfig strategy = playbook();
      List<PluginConfig> rules = strategy.sections("rules");

      assertThat(rules).hasSize(2);
      assertThat(rules.get(0).path()).isEqualTo("$.strategy.rules[0]");
      assertThat(rules.get(1).path()).isEqualTo("$.strategy.rules[1]");
      assertThat(rules.get(1).section("when").path()).isEqualTo("$.strategy.rules[1].when");
      assertThat(rules.get(1).id()).isEqualTo("playbook");
      assertThat(rules.get(1).source()).isEqualTo(FILE);
      assertThat(rules.get(0).string("id", "")).isEqualTo("core-care");
    }

    @Test
    void an_error_deep_inside_names_the_full_path() {
      PluginConfig when = playbook().sections("rules").get(1).section("when");
      assertThatThrownBy(() -> when.string("credit-risk", ""))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.strategy.rules[1].when.credit-risk: expected a string, found 3");
    }

    @Test
    void an_array_element_that_is_not_an_object_is_named_by_its_index() {
      PluginConfig c = PluginConfig.of("playbook", FILE, "$.strategy",
          object("rules", List.of(object("id", "a"), 3, "x")));
      assertThatThrownBy(() -> c.sections("rules"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.strategy.rules[1]: expected an object, found 3");
    }

    @Test
    void repeated_reads_give_the_same_sections_so_reads_are_remembered() {
      PluginConfig strategy = playbook();
      assertThat(strategy.sections("rules")).isSameAs(strategy.sections("rules"));
      assertThat(strategy.section("defaults")).isSameAs(strategy.section("defaults"));
    }

    @Test
    void error_builds_the_exception_for_a_key_or_a_path_below_the_section() {
      PluginConfig rule = playbook().sections("rules").get(0);
      assertThat(rule.error("when.value", "unknown label 'GOLD' of dimension 'value'"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.strategy.rules[0].when.value: unknown label 'GOLD' of dimension 'value'");
    }

    @Test
    void text_map_keeps_file_order() {
      PluginConfig c = section("mapping", object("z", "last", "a", "first"));
      assertThat(c.textMap("mapping").keySet()).containsExactly("z", "a");
    }
  }

  @Nested
  class UnreadKeys {

    @Test
    void lists_top_level_keys_nobody_read() {
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, object("method", "x", "core", 1, "cor", 2, "strict", true));
      c.string("method", "");
      c.number("core", 0);
      c.has("strict");

      assertThat(c.unreadKeys()).containsExactly("$.dimensions.value.cor");
    }

    @Test
    void a_read_of_a_wrong_value_still_counts_as_read() {
      PluginConfig c = section("core", "high");
      assertThatThrownBy(() -> c.number("core", 0)).isInstanceOf(ConfigurationException.class);
      assertThat(c.unreadKeys()).isEmpty();
    }

    @Test
    void lists_nested_keys_of_sections_read_through_section_and_sections() {
      PluginConfig strategy = PluginConfig.of("playbook", FILE, "$.strategy", object(
          "rules", List.of(
              object("id", "a", "when", object("value", "CORE", "valeu", "LOW")),
              object("id", "b", "thne", "x")),
          "defaults", object("priority", 10, "extra", "x"),
          "comment", "unread"));

      for (PluginConfig rule : strategy.sections("rules")) {
        rule.string("id", "");
        rule.section("when").string("value", "");
      }
      strategy.section("defaults").integer("priority", 0);

      assertThat(strategy.unreadKeys())
          .containsExactly(
              "$.strategy.comment",
              "$.strategy.defaults.extra",
              "$.strategy.rules[0].when.valeu",
              "$.strategy.rules[1].thne");
    }

    @Test
    void a_nested_object_not_read_as_a_section_counts_as_read_whole() {
      PluginConfig c = section("mapping", object("C10", "manufacturing"));
      c.textMap("mapping");
      assertThat(c.unreadKeys()).isEmpty();
    }

    @Test
    void an_unread_nested_object_is_reported_once_by_its_own_key() {
      PluginConfig c = section("thresholds", object("core", 1, "low", 0));
      assertThat(c.unreadKeys()).containsExactly("$.dimensions.value.thresholds");
    }

    @Test
    void keys_reports_presence_without_marking_anything_read() {
      PluginConfig c = section("core", 1);
      assertThat(c.keys()).containsExactly("core");
      assertThat(c.asMap()).containsKey("core");
      assertThat(c.unreadKeys()).containsExactly("$.dimensions.value.core");
    }
  }

  @Nested
  class ValuesAndCopies {

    @Test
    void as_map_and_nested_values_are_unmodifiable() {
      PluginConfig c = PluginConfig.of("v", object("list", List.of(1, 2), "obj", object("a", "b")));
      Map<String, Object> map = c.asMap();

      assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> map.remove("list")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> asList(map.get("list")).add(3)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> asMap(map.get("obj")).put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void later_changes_to_the_source_maps_and_lists_do_not_leak_in() {
      List<Object> list = new ArrayList<>(List.of(1, 2));
      Map<String, Object> nested = object("a", "b");
      Map<String, Object> top = object("list", list, "obj", nested);
      PluginConfig c = PluginConfig.of("v", top);

      list.add(3);
      nested.put("c", "d");
      top.put("new", 1);

      assertThat(c.keys()).containsExactly("list", "obj");
      assertThat(c.numbers("list", List.of())).containsExactly(1.0, 2.0);
      assertThat(c.textMap("obj")).containsOnlyKeys("a");
    }

    @Test
    void with_returns_a_changed_copy_and_leaves_the_original_alone() {
      PluginConfig original = PluginConfig.of("value", FILE, SECTION, object("method", "quantiles", "bins", 5));
      PluginConfig calibrated = original.with("calibration", object("cuts", List.of(1.0, 2.0)));
      PluginConfig replaced = original.with("bins", 3);

      assertThat(original.keys()).containsExactly("method", "bins");
      assertThat(original.has("calibration")).isFalse();
      assertThat(calibrated.keys()).containsExactly("method", "bins", "calibration");
      assertThat(calibrated.section("calibration").numbers("cuts", List.of())).containsExactly(1.0, 2.0);
      assertThat(calibrated.id()).isEqualTo("value");
      assertThat(calibrated.source()).isEqualTo(FILE);
      assertThat(calibrated.path()).isEqualTo(SECTION);
      assertThat(replaced.keys()).containsExactly("method", "bins");
      assertThat(replaced.integer("bins", 0)).isEqualTo(3);
      assertThat(original.integer("bins", 0)).isEqualTo(5);
    }

    @Test
    void with_rejects_a_value_that_is_not_json() {
      PluginConfig c = PluginConfig.of("value", FILE, SECTION, Map.of());
      assertThatThrownBy(() -> c.with("since", LocalDate.of(2024, 1, 1)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.dimensions.value.since: expected a JSON value, found a LocalDate");
    }

    @Test
    void values_that_are_not_json_are_rejected_with_their_path() {
      assertThatThrownBy(() -> PluginConfig.of("v", FILE, SECTION, object("a", object("b", new Object()))))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.dimensions.value.a.b: expected a JSON value, found a Object");
      assertThatThrownBy(() -> PluginConfig.of("v", FILE, SECTION, object("cuts", Arrays.asList(1, null))))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.dimensions.value.cuts[1]: arrays must not hold null");
      Map<Object, Object> intKeys = new LinkedHashMap<>();
      intKeys.put(1, "one");
      assertThatThrownBy(() -> PluginConfig.of("v", FILE, SECTION, object("m", intKeys)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("clientele.json $.dimensions.value.m: object keys must be strings, found 1");
    }

    @Test
    void equal_when_id_and_values_are_equal_whatever_the_source_or_order() {
      PluginConfig a = PluginConfig.of("value", FILE, SECTION, object("x", 1, "y", List.of("A")));
      PluginConfig b = PluginConfig.of("value", "other.json", "$.elsewhere", object("y", List.of("A"), "x", 1));

      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(PluginConfig.of("worth", object("x", 1, "y", List.of("A"))));
      assertThat(a).isNotEqualTo(PluginConfig.of("value", object("x", 2, "y", List.of("A"))));
      assertThat(a).isNotEqualTo(a.with("z", true));
      assertThat(a.with("z", true)).isEqualTo(b.with("z", true));
      assertThat(PluginConfig.empty("value")).isEqualTo(PluginConfig.of("value", Map.of()));
    }

    @Test
    void reading_does_not_change_equality() {
      PluginConfig a = section("core", 1);
      PluginConfig b = section("core", 1);
      a.number("core", 0);
      a.section("missing");
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void to_string_names_source_path_and_values() {
      assertThat(section("core", 1).toString()).isEqualTo("clientele.json $.dimensions.value {core=1}");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static String nullString() {
    return null;
  }
}
