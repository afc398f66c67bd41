package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Model;
import org.clientele.core.report.ReportOptions.CrossTabSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportOptionsTest {

  @Test
  void defaultsMeasureRevenue12mWithValueByBehaviourAndValueByRisk() {
    ReportOptions d = ReportOptions.defaults();

    assertThat(d.revenueMetric()).isSameAs(StandardFeatures.REVENUE_12M);
    assertThat(d.crossTabs()).containsExactly(new CrossTabSpec("value", "behaviour"), new CrossTabSpec("value", "risk"));
    assertThat(d.extraFeatures()).isEmpty();
    assertThat(d.paretoCurve()).isTrue();
    assertThat(d.meanFeatures()).extracting(f -> f.name())
        .containsExactly("revenue_12m", "orders_12m", "visits_12m", "days_since_last_purchase", "tenure_days");
    assertThat(ReportOptions.fromConfig(PluginConfig.empty("report"))).isEqualTo(d);
  }

  @Test
  void meanFeaturesListEachFeatureOnce() {
    ReportOptions o = ReportOptions.builder()
        .revenueMetric(StandardFeatures.ORDERS_12M)
        .extraFeatures(List.of(StandardFeatures.TENURE_DAYS, StandardFeatures.SATISFACTION))
        .build();

    assertThat(o.meanFeatures()).extracting(f -> f.name())
        .containsExactly("orders_12m", "visits_12m", "days_since_last_purchase", "tenure_days", "satisfaction");
  }

  @Test
  void everyKeyIsReadFromTheModelsOutputReportSection() {
    Model model = Model.fromJson("""
        {
          "dimensions": {"value": {}},
          "output": {
            "format": "jsonl",
            "report": {
              "revenueMetric": "profit_12m",
              "crossTabs": [{"rows": "value", "columns": "loyalty"}],
              "features": ["satisfaction", "report_test_custom_column"],
              "paretoCurve": false
            }
          }
        }
        """, "clientele.json");

    ReportOptions o = ReportOptions.fromModel(model);

    assertThat(o.revenueMetric()).isSameAs(StandardFeatures.PROFIT_12M);
    assertThat(o.crossTabs()).containsExactly(new CrossTabSpec("value", "loyalty"));
    assertThat(o.extraFeatures()).extracting(f -> f.name()).containsExactly("satisfaction", "report_test_custom_column");
    assertThat(o.paretoCurve()).isFalse();
  }

  @Test
  void anEmptyCrossTabListMeansNoCrossTabs() {
    ReportOptions o = ReportOptions.fromConfig(PluginConfig.of("report", Map.of("crossTabs", List.of())));

    assertThat(o.crossTabs()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key           | {"revenue": "revenue_12m"}                                  | report.json $.output.report.revenue: unknown report key; expected one of [crossTabs, features, paretoCurve, quality, revenueMetric]
      text feature          | {"revenueMetric": "industry_code"}                          | report.json $.output.report.revenueMetric: feature 'industry_code' holds text values; the report needs a numeric feature such as revenue_12m
      malformed name        | {"features": ["Annual Revenue"]}                            | report.json $.output.report.features[0]: expected a feature name in lowercase snake case such as revenue_12m, found "Annual Revenue"
      feature twice         | {"features": ["satisfaction", "satisfaction"]}              | report.json $.output.report.features[1]: feature 'satisfaction' is listed twice
      not a flag            | {"paretoCurve": "yes"}                                      | report.json $.output.report.paretoCurve: expected true or false, found "yes"
      pair without columns  | {"crossTabs": [{"rows": "value"}]}                          | report.json $.output.report.crossTabs[0]: expected {"rows": <dimension id>, "columns": <dimension id>}, for example {"rows": "value", "columns": "risk"}
      pair with itself      | {"crossTabs": [{"rows": "value", "columns": "value"}]}      | report.json $.output.report.crossTabs[0]: crosses dimension 'value' with itself; name two different dimensions
      pair twice            | {"crossTabs": [{"rows": "value", "columns": "risk"}, {"rows": "value", "columns": "risk"}]} | report.json $.output.report.crossTabs[1]: the pair value × risk is listed twice
      unknown pair key      | {"crossTabs": [{"rows": "value", "cols": "risk"}]}          | report.json $.output.report.crossTabs[0].cols: unknown key; a cross-tab has "rows" and "columns" (dimension ids)
      pairs not objects     | {"crossTabs": ["value x risk"]}                             | report.json $.output.report.crossTabs[0]: expected an object, found "value x risk"
      """)
  void badConfigurationNamesTheFileTheKeyAndTheFix(String name, String report, String message) {
    Model model = Model.fromJson("{\"dimensions\": {\"value\": {}}, \"output\": {\"report\": " + report + "}}", "report.json");

    assertThatThrownBy(() -> ReportOptions.fromModel(model))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(message);
  }

  @Test
  void theBuilderChecksItsArguments() {
    assertThatThrownBy(() -> ReportOptions.builder().revenueMetric(null)).hasMessage("feature");
    assertThatThrownBy(() -> ReportOptions.builder().addCrossTab("risk", "risk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CrossTabSpec crosses dimension 'risk' with itself; name two different dimensions");
    assertThatThrownBy(() -> ReportOptions.builder().addCrossTab("value", "risk").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ReportOptions.crossTabs lists a pair twice");
    assertThatThrownBy(() -> ReportOptions.builder()
            .extraFeatures(List.of(StandardFeatures.AGE, StandardFeatures.AGE)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ReportOptions.extraFeatures lists a feature twice");
  }
}
