package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.demo.TransactionPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo population (sdk-core) against the real built-in classifiers. */
class TransactionPopulationLabelsTest {

  private static final TransactionPopulation DEMO = TransactionPopulation.of(TransactionPopulation.DEFAULT_SIZE, TransactionPopulation.DEFAULT_SEED);
  private static List<Customer> customers;
  private static Engine engine;

  @BeforeAll
  static void classifyTheDemo() {
    customers = java.util.stream.IntStream.range(0, DEMO.size()).mapToObj(i -> DEMO.account(i).customer()).toList();
    EngineBuilder builder = Engine.builder();
    builder.model(builder.calibrate(customers));
    engine = builder.build();
  }

  @Test
  void everyLabelOfEveryBuiltInDimensionOccurs() {
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    for (Customer c : customers) {
      Classification r = engine.classify(c);
      r.labels().forEach((dimension, label) -> seen.computeIfAbsent(dimension, d -> new LinkedHashSet<>()).add(label));
    }
    assertThat(engine.dimensions()).extracting(Dimension::id)
        .containsExactly("value", "loyalty", "behaviour", "rfm", "risk", "industry", "purchase_pattern");
    for (Dimension d : engine.dimensions()) {
      assertThat(seen.get(d.id())).as("labels of %s", d.id()).containsExactlyInAnyOrderElementsOf(d.labels());
    }
  }

  @Test
  void creditUtilisationAloneDrivesSomeRiskLabels() {
    // Accounts whose only signal is utilisation: clean on defaults, days past due and warnings.
    Map<String, Integer> byLabel = new HashMap<>();
    for (Customer c : customers) {
      double used = c.number(StandardFeatures.CREDIT_USED, Double.NaN);
      double limit = c.number(StandardFeatures.CREDIT_LIMIT, Double.NaN);
      boolean clean = c.number(StandardFeatures.DEFAULT_COUNT, 1) == 0 && c.number(StandardFeatures.OVERDUE_DAYS, 99) <= 30
          && c.number(StandardFeatures.RISK_WARNINGS, 1) == 0;
      if (clean && limit > 0 && used / limit > 0.9) {
        byLabel.merge(engine.classify(c).label("risk"), 1, Integer::sum);
      }
    }
    // Without utilisation they would all be LOW; above 0.9 of the limit they are NORMAL.
    assertThat(byLabel).as("risk of accounts clean but for their credit utilisation").containsOnlyKeys("NORMAL");
    assertThat(byLabel.get("NORMAL")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyIndustryCodeIsReadAsIntended() {
    // Codes the generator writes in three systems must each land in a sector; only the missing code
    // and the deliberately unreadable "99X" give UNKNOWN.
    Map<String, String> sectorByCode = new HashMap<>();
    for (Customer c : customers) {
      String code = c.getOrNull(StandardFeatures.INDUSTRY_CODE);
      String sector = engine.classify(c).label("industry");
      if (code == null || code.equals("99X")) {
        assertThat(sector).isEqualTo("UNKNOWN");
      } else {
        assertThat(sector).as("industry code %s", code).isNotEqualTo("UNKNOWN");
        String before = sectorByCode.putIfAbsent(code, sector);
        assertThat(before == null ? sector : before).isEqualTo(sector);
      }
    }
    assertThat(sectorByCode).hasSizeGreaterThanOrEqualTo(45);
  }
}
