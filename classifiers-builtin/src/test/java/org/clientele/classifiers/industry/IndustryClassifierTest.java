package org.clientele.classifiers.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.classifiers.Fixtures.both;
import static org.clientele.classifiers.Fixtures.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryClassifierTest {

  private final IndustryClassifierProvider provider = new IndustryClassifierProvider();
  private final Classifier auto = provider.create(PluginConfig.empty("industry"));

  static Stream<Arguments> autoRecognition() {
    return Stream.of(
        Arguments.of("ISIC and GB/T agree on C", "C", "MANUFACTURING"),
        Arguments.of("ISIC division C10, GB/T C has no 10", "C10", "MANUFACTURING"),
        Arguments.of("both read C13 as manufacturing", "c 13", "MANUFACTURING"),
        Arguments.of("ISIC class with section", "C1010", "MANUFACTURING"),
        Arguments.of("K64 is only ISIC (GB/T K is 70)", "K64", "FINANCE"),
        Arguments.of("J66 is only GB/T (ISIC J is 58-63)", "J66", "FINANCE"),
        Arguments.of("I65 is only GB/T", "I65", "INFORMATION_TECH"),
        Arguments.of("I56 is only ISIC", "I56", "HOSPITALITY"),
        Arguments.of("U is only ISIC", "U", "PUBLIC_ADMINISTRATION"),
        Arguments.of("six digits are NAICS", "541511", "PROFESSIONAL_SERVICES"),
        Arguments.of("five digits are NAICS", "62111", "HEALTHCARE"),
        Arguments.of("31 is manufacturing in all three", "31", "MANUFACTURING"),
        Arguments.of("prefix names NAICS", "NAICS:52", "FINANCE"),
        Arguments.of("prefix names GB/T", "gb/t: F52", "WHOLESALE_RETAIL"),
        Arguments.of("prefix names ISIC", "isic:52", "TRANSPORT_LOGISTICS"),
        Arguments.of("ambiguous section letter I", "I", "UNKNOWN"),
        Arguments.of("ambiguous two digits 52", "52", "UNKNOWN"),
        Arguments.of("letter not the division's section", "A10", "UNKNOWN"),
        Arguments.of("letter in NAICS", "NAICS:C10", "UNKNOWN"),
        Arguments.of("unknown prefix", "SIC:20", "UNKNOWN"),
        Arguments.of("one digit", "5", "UNKNOWN"),
        Arguments.of("not a code", "Widgets Inc", "UNKNOWN"),
        Arguments.of("no such NAICS sector", "NAICS:99", "UNKNOWN"),
        Arguments.of("placeholder 9999, not ISIC 99", "9999", "UNKNOWN"),
        Arguments.of("placeholder 999999, not NAICS 99", "999999", "UNKNOWN"),
        Arguments.of("placeholder of zeros", "0000", "UNKNOWN"),
        Arguments.of("placeholder behind a prefix", "isic: 9999", "UNKNOWN"),
        Arguments.of("a bare 99 is a placeholder, not ISIC 99", "99", "UNKNOWN"),
        Arguments.of("a bare 999 too", " 999 ", "UNKNOWN"),
        Arguments.of("ISIC 99 when the prefix says so", "isic:99", "PUBLIC_ADMINISTRATION"));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("autoRecognition")
  void recognisesTheSystemFromTheCode(String name, String code, String expected) {
    Assignment a = both(auto, customer(INDUSTRY_CODE, code));
    assertThat(a.label()).isEqualTo(expected);
    assertThat(a.score()).isNaN();
    assertThat(a.reasons().get(0).feature()).isEqualTo("industry_code");
  }

  @Test
  void aPlaceholderIsExplainedAsOneAndAMappingStillWins() {
    Assignment a = both(auto, customer(INDUSTRY_CODE, "9999"));
    assertThat(a.reasons().get(0).text()).contains("placeholder").contains("not an industry");
    Classifier mapped = provider.create(PluginConfig.of("industry", Map.of("mapping", Map.of("9999", "WHOLESALE_RETAIL"))));
    assertThat(both(mapped, customer(INDUSTRY_CODE, "9999")).label()).isEqualTo("WHOLESALE_RETAIL");
  }

  @Test
  void ambiguityIsExplainedWithEachReading() {
    Assignment a = both(auto, customer(INDUSTRY_CODE, "I"));
    assertThat(a.reasons().get(0).text())
        .contains("ambiguous").contains("HOSPITALITY").contains("INFORMATION_TECH").contains("codeSystem");
    Assignment read = both(auto, customer(INDUSTRY_CODE, "K64"));
    assertThat(read.reasons().get(0).text()).contains("ISIC Rev.4").contains("Financial service activities")
        .contains("source: United Nations");
  }

  static Stream<Arguments> configuredSystem() {
    return Stream.of(
        Arguments.of("gbt", "I", "INFORMATION_TECH"),
        Arguments.of("isic", "I", "HOSPITALITY"),
        Arguments.of("naics", "52", "FINANCE"),
        Arguments.of("gbt", "52", "WHOLESALE_RETAIL"),
        Arguments.of("isic", "52", "TRANSPORT_LOGISTICS"),
        Arguments.of("naics", "I", "UNKNOWN"),
        Arguments.of("isic", "gbt:J66", "FINANCE"));
  }

  @ParameterizedTest(name = "codeSystem {0}: {1} -> {2}")
  @MethodSource("configuredSystem")
  void configuredSystemDecides(String system, String code, String expected) {
    Classifier c = provider.create(PluginConfig.of("industry", Map.of("codeSystem", system)));
    assertThat(both(c, customer(INDUSTRY_CODE, code)).label()).isEqualTo(expected);
  }

  @Test
  void userMappingOverridesTablesLongestPrefixFirst() {
    Classifier c = provider.create(PluginConfig.of("industry",
        Map.of("mapping", Map.of("62", "finance", "6201", "EDUCATION", "x9", "OTHER_SERVICES"))));
    assertThat(both(c, customer(INDUSTRY_CODE, "62")).label()).isEqualTo("FINANCE");
    assertThat(both(c, customer(INDUSTRY_CODE, "62.01")).label()).isEqualTo("EDUCATION");
    assertThat(both(c, customer(INDUSTRY_CODE, "X9")).label()).isEqualTo("OTHER_SERVICES");
    assertThat(both(c, customer(INDUSTRY_CODE, "62")).reasons().get(0).threshold()).isEqualTo("mapping.62");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("industry", Map.of("mapping", Map.of("62", "IT")))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("$.mapping.62");
  }

  @Test
  void industryNamesInAnyLanguageAreMappingKeys() {
    // Issue 12: CRM exports carry names (制造业, "Manufacturing") more often than codes; before the
    // fix a key outside [A-Z0-9] was refused, so Chinese names could not be mapped.
    Classifier c = provider.create(PluginConfig.of("industry", Map.of("mapping", Map.of(
        "制造业", "MANUFACTURING", "金融业", "FINANCE", "Financial Services", "FINANCE", "Öffentliche Verwaltung", "PUBLIC_ADMINISTRATION"))));
    assertThat(both(c, customer(INDUSTRY_CODE, "制造业")).label()).isEqualTo("MANUFACTURING");
    assertThat(both(c, customer(INDUSTRY_CODE, " 金融业 ")).label()).isEqualTo("FINANCE");
    assertThat(both(c, customer(INDUSTRY_CODE, "financial services")).label()).isEqualTo("FINANCE");
    assertThat(both(c, customer(INDUSTRY_CODE, "öffentliche verwaltung")).label()).isEqualTo("PUBLIC_ADMINISTRATION");
    assertThat(both(c, customer(INDUSTRY_CODE, "零售业")).label()).isEqualTo("UNKNOWN");
    assertThat(both(c, customer(INDUSTRY_CODE, "制造业")).reasons().get(0).threshold()).isEqualTo("mapping.制造业");
    assertThatThrownBy(() -> provider.create(PluginConfig.of("industry", Map.of("mapping", Map.of("a&b", "FINANCE")))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("制造业");
  }

  @Test
  void missingCodeIsUnknownWithAReason() {
    Assignment a = both(auto, customer());
    assertThat(a.label()).isEqualTo("UNKNOWN");
    assertThat(a.reasons().get(0).isMissing()).isTrue();
  }

  @Test
  void everyDivisionOfEveryTableMapsToASector() {
    for (IndustryTable.System s : IndustryTable.System.values()) {
      Classifier c = provider.create(PluginConfig.of("industry", Map.of("codeSystem", s.name())));
      IndustryTable t = IndustryTable.of(s);
      int divisions = 0;
      for (int d = 0; d < 100; d++) {
        if (t.divisionTitle(d) != null) {
          divisions++;
          String code = String.format("%02d", d);
          assertThat(both(c, customer(INDUSTRY_CODE, code)).label()).as("%s %s", s, code).isNotEqualTo("UNKNOWN");
          char section = t.divisionSection(d);
          if (section != 0) {
            assertThat(both(c, customer(INDUSTRY_CODE, section + code)).label()).as("%s %s%s", s, section, code)
                .isEqualTo(both(c, customer(INDUSTRY_CODE, code)).label());
          }
        }
      }
      assertThat(divisions).as(s.name()).isEqualTo(switch (s) {
        case ISIC -> 88;
        case NAICS -> 24;
        case GBT -> 97;
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"isic-rev4.tsv", "naics-2022.tsv", "gbt-4754-2017.tsv"})
  void eachTableNamesItsSource(String resource) throws IOException {
    try (InputStream in = IndustryTable.class.getResourceAsStream(resource)) {
      assertThat(in).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).containsPattern("(?m)^# source: .{40,}");
    }
    assertThat(IndustryTable.all()).allSatisfy(t -> assertThat(t.source).isNotBlank());
  }
}
