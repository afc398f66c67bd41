package com.example.clientele.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.util.Map;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.testkit.Customers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GeographyClassifierTest {

  private static Classifier classifier(Map<String, ?> settings) {
    return new GeographyClassifierProvider().create(PluginConfig.of("acme-geography", "clientele.json", "$.dimensions.acme-geography", settings));
  }

  private static Customer customer(String region, String regionType) {
    Customer.Builder b = Customers.bare("C-1");
    if (!region.isEmpty()) {
      b.set(StandardFeatures.REGION, region);
    }
    if (!regionType.isEmpty()) {
      b.set(StandardFeatures.REGION_TYPE, regionType);
    }
    return b.build();
  }

  @ParameterizedTest(name = "region ''{0}'', type ''{1}'' -> {2}")
  @CsvSource({
    "'',        city,       CITY",
    "'',        '  Urban ', CITY",
    "'',        RURAL,      RURAL",
    "'',        village,    RURAL",
    "'',        mountain,   REMOTE",
    "'',        Island,     REMOTE",
    "'',        desert,     UNKNOWN",
    "'',        '',         UNKNOWN",
    "Jiangsu,   '',         UNKNOWN",
    "Tibet,     city,       REMOTE",
    "' tibet ', '',         REMOTE",
    "Jiangsu,   rural,      RURAL",
  })
  void defaultsWithOneRegionOverride(String region, String regionType, String expected) {
    Classifier geography = classifier(Map.of("regions", Map.of("Tibet", "REMOTE")));

    assertThatAssignment(geography.explain(customer(region, regionType))).hasLabel(expected).hasNoScore().hasReasons();
  }

  @Test
  void theReasonNamesTheFeatureThatDecided() {
    Classifier geography = classifier(Map.of("regions", Map.of("Tibet", "REMOTE")));

    assertThatAssignment(geography.explain(customer("Tibet", "city"))).hasReasonAbout("region")
        .hasReasonContaining("Region Tibet is mapped to REMOTE");
    assertThatAssignment(geography.explain(customer("", "mountain"))).hasReasonAbout(StandardFeatures.REGION_TYPE);
    assertThatAssignment(geography.explain(customer("", ""))).hasReasonAboutMissing(StandardFeatures.REGION_TYPE);
  }

  @Test
  void aCustomMappingReplacesTheDefaultsAndUnmappedIsConfigurable() {
    Classifier geography = classifier(Map.of("regionTypes", Map.of("metro", "CITY"), "unmapped", "rural"));

    assertThatAssignment(geography.explain(customer("", "Metro"))).hasLabel("CITY");
    assertThatAssignment(geography.explain(customer("", "city"))).hasLabel("RURAL");
    assertThatAssignment(geography.explain(customer("", ""))).hasLabel("UNKNOWN");
  }

  @Test
  void aLabelOutsideTheDimensionIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> classifier(Map.of("regionTypes", Map.of("mountain", "FAR"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.acme-geography.regionTypes.mountain: expected one of [CITY, RURAL, REMOTE, UNKNOWN], found \"FAR\"");
  }

  @Test
  void keysThatDifferOnlyInCaseAreRefused() {
    assertThatThrownBy(() -> classifier(Map.of("regions", new java.util.TreeMap<>(Map.of("Tibet", "REMOTE", "TIBET", "CITY")))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.acme-geography.regions.")
        .hasMessageContaining("'tibet' appears twice");
  }

  @Test
  void anUnknownUnmappedLabelListsTheChoices() {
    assertThatThrownBy(() -> classifier(Map.of("unmapped", "nowhere")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.acme-geography.unmapped: expected one of [CITY, RURAL, REMOTE, UNKNOWN], found \"NOWHERE\"");
  }

  @Test
  void theDimensionHasTheFourLabelsInOrder() {
    assertThat(classifier(Map.of()).dimension().labels()).containsExactly("CITY", "RURAL", "REMOTE", "UNKNOWN");
  }
}
