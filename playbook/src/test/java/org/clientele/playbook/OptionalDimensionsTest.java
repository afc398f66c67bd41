package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.ACTIVITY;
import static org.clientele.playbook.Fixtures.LIFECYCLE;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.junit.jupiter.api.Test;

/**
 * One playbook for hosts with and without a plugin's dimension: rules on a dimension the playbook
 * declares {@code optional} are skipped with a diagnostic where it is absent; otherwise an absent
 * dimension is an error. Labels of another scheme are accepted only where the playbook lists them.
 */
class OptionalDimensionsTest {

  static final Dimension NEEDS = Dimension.of("needs", "PRODUCT", "SERVICE", "SOLUTION");

  private static final String PLAYBOOK = """
      {%s 'rules': [
        {'id': 'core-care', 'priority': 50, 'when': {'value': 'CORE'}, 'rationale': 'r',
         'actions': [{'code': 'care', 'category': 'service', 'description': 'd'}]},
        {'id': 'solution-workshop', 'priority': 60, 'when': {'needs': 'SOLUTION'}, 'rationale': 'r',
         'actions': [{'code': 'workshop', 'category': 'service', 'description': 'd'}]},
        {'id': 'not-for-product-buyers', 'priority': 10, 'unless': {'needs': 'PRODUCT'}, 'rationale': 'r',
         'actions': [{'code': 'consulting', 'category': 'product', 'description': 'd'}]}]}
      """;

  @Test
  void rulesOnAnOptionalDimensionAreSkippedWithADiagnosticWhereItIsAbsentAndApplyWhereItIsPresent() {
    String json = PLAYBOOK.formatted("'optional': ['needs'], 'coverage': 'off',");

    Playbook without = Playbook.create(Fixtures.config(json), List.of(VALUE, RISK));
    assertThat(without.rules()).extracting(Rule::id).containsExactly("core-care", "not-for-product-buyers");
    assertThat(without.diagnostics()).containsExactly(
        "Playbook clientele.json $.strategy: rule 'solution-workshop' dropped: dimension 'needs' is not configured [value, risk]",
        "Playbook clientele.json $.strategy: rule 'not-for-product-buyers': condition unless needs ignored: dimension 'needs' is not configured [value, risk]");

    List<Dimension> dims = List.of(VALUE, RISK, NEEDS);
    Playbook with = Playbook.create(Fixtures.config(json), dims);
    assertThat(with.rules()).extracting(Rule::id).containsExactly("core-care", "solution-workshop", "not-for-product-buyers");
    assertThat(with.diagnostics()).isEmpty();
    assertThat(Fixtures.codes(Fixtures.plan(with, Fixtures.NOBODY, Fixtures.segments(dims, "value=CORE needs=SOLUTION"))))
        .containsExactlyInAnyOrder("workshop", "consulting");
    assertThat(Fixtures.codes(Fixtures.plan(with, Fixtures.NOBODY, Fixtures.segments(dims, "value=CORE needs=PRODUCT"))))
        .containsExactly("care");
  }

  @Test
  void withoutTheDeclarationAnAbsentDimensionIsAnErrorThatSaysHowToMakeItOptional() {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(PLAYBOOK.formatted("")), List.of(VALUE, RISK)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.strategy.rules[1].when.needs: rule 'solution-workshop' names dimension 'needs', which is not configured; configured: [value, risk]")
        .hasMessageContaining("list it under the playbook's \"optional\": [\"needs\"] to skip the rules that need it");
  }

  @Test
  void aTypoInADimensionIdSuggestsTheConfiguredOne() {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(
            "{'rules': [{'id': 'a', 'priority': 1, 'when': {'vaule': 'CORE'}, 'rationale': 'r',"
                + " 'actions': [{'code': 'x', 'category': 'service', 'description': 'd'}]}]}"), List.of(VALUE, RISK)))
        .hasMessageContaining("names dimension 'vaule', which is not configured; configured: [value, risk]; did you mean 'value'?");
  }

  private static final String SCHEMES = """
      {%s 'coverage': 'off', 'rules': [
        {'id': 'keep-in-touch', 'priority': 50, 'when': {'behaviour': ['PASSIVE', 'SWINGING']}, 'rationale': 'r',
         'actions': [{'code': 'call', 'category': 'channel', 'description': 'd'}]}]}
      """;

  @Test
  void labelsOfAnotherSchemeAreIgnoredWithADiagnosticWhenThePlaybookListsThem() {
    String json = SCHEMES.formatted("'labels': {'behaviour': ['ACTIVE', 'PASSIVE', 'PROSPECT', 'NEW', 'SWINGING', 'AT_RISK', 'LOST']},");
    for (Dimension behaviour : List.of(LIFECYCLE, ACTIVITY)) {
      Playbook p = Playbook.create(Fixtures.config(json), List.of(VALUE, behaviour));
      String other = behaviour == LIFECYCLE ? "PASSIVE" : "SWINGING";
      assertThat(p.rule("keep-in-touch").when().get("behaviour")).containsExactly(behaviour == LIFECYCLE ? "SWINGING" : "PASSIVE");
      assertThat(p.diagnostics()).singleElement().asString().contains("label '" + other + "' is not a label of dimension 'behaviour'");
    }
  }

  @Test
  void aLabelOfAnotherSchemeIsAnErrorUnlessListedAndATypoSuggestsTheLabel() {
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(SCHEMES.formatted("")), List.of(VALUE, LIFECYCLE)))
        .hasMessageContaining("$.strategy.rules[0].when.behaviour: rule 'keep-in-touch' names label 'PASSIVE',"
            + " which is not a label of dimension 'behaviour'; its labels: [ACTIVE, NEW, SWINGING, AT_RISK, LOST, PROSPECT]");
    String typo = SCHEMES.formatted("'labels': {'behaviour': ['PASSIVE', 'SWINGING']},").replace("'SWINGING']}, 'rationale'", "'SWINGNG']}, 'rationale'");
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(typo), List.of(VALUE, LIFECYCLE)))
        .hasMessageContaining("names label 'SWINGNG', which is not a label of dimension 'behaviour'")
        .hasMessageContaining("did you mean 'SWINGING'?");
  }
}
