package org.clientele.practice.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.testkit.ClienteleAssertions.assertThatAssignment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.testkit.Customers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeographyClassifierTest {

  private static Classifier classifier(Map<String, ?> settings) {
    return new GeographyClassifierProvider()
        .create(PluginConfig.of("geography", "clientele.json", "$.dimensions.geography", settings));
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

  private static int classify(Classifier c, Customer customer) {
    int[] label = {-2};
    c.classify(customer, (LabelSink) (index, score) -> label[0] = index);
    return label[0];
  }

  @ParameterizedTest(name = "region ''{0}'', type ''{1}'' -> {2}")
  @CsvSource({
    "'',        city,            CITY",
    "'',        '  Urban ',      CITY",
    "'',        城市,             CITY",
    "'',        城镇,             CITY",
    "'',        RURAL,           RURAL",
    "'',        countryside,     RURAL",
    "'',        Town,            RURAL",
    "'',        农村,             RURAL",
    "'',        mountain,        MOUNTAIN",
    "'',        Mountainous,     MOUNTAIN",
    "'',        山区,             MOUNTAIN",
    "'',        Gebirge,         UNKNOWN",
    "'',        island,          UNKNOWN",
    "'',        '',              UNKNOWN",
    "Jiangsu,   '',              UNKNOWN",
    "Tibet,     '',              MOUNTAIN",
    "' tibet ', '',              MOUNTAIN",
    "Tibet,     Gebirge,         MOUNTAIN",
    "Tibet,     city,            CITY",
    "Jiangsu,   county_town,     RURAL",
    "Jiangsu,   'County - Town', RURAL",
  })
  void theRegionTypeDecidesThenTheRegionsMapping(String region, String regionType, String expected) {
    Classifier geography = classifier(Map.of("regions", Map.of("Tibet", "MOUNTAIN"), "regionTypes", Map.of("county town", "RURAL")));
    Customer customer = customer(region, regionType);

    Assignment explained = geography.explain(customer);

    assertThatAssignment(explained).hasLabel(expected).hasNoScore().hasReasons();
    assertThat(classify(geography, customer)).as("classify agrees with explain").isEqualTo(explained.labelIndex());
  }

  @Test
  void anUnrecognisedRegionTypeIsUnknownWithAReasonNamingTheValueAndTheKeyThatWouldPlaceIt() {
    Assignment a = classifier(Map.of()).explain(customer("Bavaria", "Gebirge"));

    assertThatAssignment(a).hasLabel("UNKNOWN")
        .hasReasonContaining("Region type \"Gebirge\" is not a region type the mapping knows")
        .hasReasonContaining("Map it under regionTypes, for example {\"Gebirge\": \"MOUNTAIN\"}")
        .hasReasonContaining("Region \"Bavaria\" cannot decide: no regions mapping is configured");
    assertThat(a.reasons().get(0).threshold()).isEqualTo(GeographyClassifier.NOT_RECOGNISED);
  }

  @Test
  void theReasonSaysWhichMappingDecided() {
    Classifier geography = classifier(Map.of("regions", Map.of("Tibet", "MOUNTAIN"), "regionTypes", Map.of("county town", "RURAL")));

    assertThatAssignment(geography.explain(customer("", "urban"))).hasReasonAbout(StandardFeatures.REGION_TYPE)
        .hasReasonContaining("Region type \"urban\" is CITY");
    assertThat(geography.explain(customer("", "urban")).reasons().get(0).threshold()).isEqualTo("default mapping: CITY");
    assertThat(geography.explain(customer("", "County Town")).reasons().get(0).threshold()).isEqualTo("regionTypes: RURAL");
    assertThatAssignment(geography.explain(customer("Tibet", ""))).hasReasonAboutMissing(StandardFeatures.REGION_TYPE)
        .hasReasonContaining("Region \"Tibet\" is mapped to MOUNTAIN");
    assertThatAssignment(geography.explain(customer("", ""))).hasReasonAboutMissing(StandardFeatures.REGION)
        .hasReasonContaining("No region either: geography UNKNOWN");
    assertThatAssignment(geography.explain(customer("Jiangsu", ""))).hasReasonContaining("Region \"Jiangsu\" is not in the regions mapping");
  }

  @Test
  void configuredRegionTypesExtendTheDefaultsAndMayReplaceOne() {
    Classifier geography = classifier(Map.of("regionTypes", Map.of("Town", "CITY", "县城", "RURAL")));

    assertThatAssignment(geography.explain(customer("", "town"))).hasLabel("CITY");
    assertThatAssignment(geography.explain(customer("", "县城"))).hasLabel("RURAL");
    assertThatAssignment(geography.explain(customer("", "mountain"))).hasLabel("MOUNTAIN");
  }

  @Test
  void withoutTheDefaultsOnlyTheConfiguredValuesAreRecognised() {
    Classifier geography = classifier(Map.of("defaultRegionTypes", false, "regionTypes", Map.of("metro", "CITY", "n/a", "UNKNOWN")));

    assertThatAssignment(geography.explain(customer("", "Metro"))).hasLabel("CITY");
    assertThatAssignment(geography.explain(customer("", "city"))).hasLabel("UNKNOWN").hasReasonContaining("not a region type the mapping knows");
    assertThatAssignment(geography.explain(customer("", "N/A"))).hasLabel("UNKNOWN").hasReasonContaining("Region type \"N/A\" is UNKNOWN");
  }

  @Test
  void noMappingAtAllIsRefused() {
    assertThatThrownBy(() -> classifier(Map.of("defaultRegionTypes", false)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientele.json $.dimensions.geography.regionTypes: no region type is mapped");
  }

  @Test
  void aLabelOutsideTheDimensionIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> classifier(Map.of("regionTypes", Map.of("island", "REMOTE"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("clientele.json $.dimensions.geography.regionTypes.island: expected one of [CITY, RURAL, MOUNTAIN, UNKNOWN], found \"REMOTE\"");
  }

  @Test
  void keysThatDifferOnlyInCaseOrSeparatorsAreRefused() {
    Map<String, String> regions = new LinkedHashMap<>();
    regions.put("Inner Mongolia", "RURAL");
    regions.put("inner_mongolia", "MOUNTAIN");

    assertThatThrownBy(() -> classifier(Map.of("regions", regions)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.geography.regions.inner_mongolia: 'inner mongolia' appears twice");
  }

  @Test
  void theDimensionHasTheFourLabelsInOrderAndIsOptIn() {
    GeographyClassifierProvider provider = new GeographyClassifierProvider();

    assertThat(classifier(Map.of()).dimension().labels()).containsExactly("CITY", "RURAL", "MOUNTAIN", "UNKNOWN");
    assertThat(provider.inDefaultConfiguration()).isFalse();
    assertThat(provider.features(PluginConfig.empty("geography")))
        .containsExactlyInAnyOrder(StandardFeatures.REGION, StandardFeatures.REGION_TYPE);
  }
}
