package org.clientele.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo population against the real built-in classifiers. */
class DemoPopulationTest {

  private static final DemoPopulation DEMO = DemoPopulation.of(DemoPopulation.DEFAULT_SIZE, DemoPopulation.DEFAULT_SEED);
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
        .containsExactly("value", "loyalty", "behaviour", "rfm", "risk", "industry");
    for (Dimension d : engine.dimensions()) {
      assertThat(seen.get(d.id())).as("labels of %s", d.id()).containsExactlyInAnyOrderElementsOf(d.labels());
    }
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

  @Test
  void everyKindOfAccountOccursAndProspectsHaveNoPurchases() {
    Set<DemoPopulation.Kind> kinds = EnumSet.noneOf(DemoPopulation.Kind.class);
    for (int i = 0; i < DEMO.size(); i++) {
      DemoPopulation.Account a = DEMO.account(i);
      kinds.add(a.kind());
      assertThat(a.transactions().isEmpty()).isEqualTo(a.kind() == DemoPopulation.Kind.PROSPECT);
      assertThat(a.transactions()).allSatisfy(t -> assertThat(t.date())
          .isBetween(DemoPopulation.FIRST_DAY, DemoPopulation.LAST_DAY));
    }
    assertThat(kinds).containsExactlyInAnyOrder(DemoPopulation.Kind.values());
  }

  @Test
  void sameSeedSameFilesOtherSeedOtherFiles(@TempDir Path dir) throws IOException {
    DemoFiles a = DemoFiles.write(DemoPopulation.of(300, 7), dir.resolve("a"), i -> { });
    DemoFiles b = DemoFiles.write(DemoPopulation.of(300, 7), dir.resolve("b"), i -> { });
    DemoFiles c = DemoFiles.write(DemoPopulation.of(300, 8), dir.resolve("c"), i -> { });
    assertThat(Files.readAllBytes(a.customers())).isEqualTo(Files.readAllBytes(b.customers()));
    assertThat(Files.readAllBytes(a.transactions())).isEqualTo(Files.readAllBytes(b.transactions()));
    assertThat(Files.readAllBytes(a.transactions())).isNotEqualTo(Files.readAllBytes(c.transactions()));
    assertThat(Files.readAllLines(a.transactions())).hasSize(1 + (int) a.transactionRows());
  }

  @Test
  void anAccountDependsOnlyOnSeedAndIndex() {
    DemoPopulation small = DemoPopulation.of(50, DemoPopulation.DEFAULT_SEED);
    assertThat(small.account(41)).isEqualTo(DEMO.account(41));
    assertThat(DEMO.account(41).id()).isEqualTo("A-0000042");
  }

  @Test
  void theFeaturesFileHoldsWhatDerivingTheTransactionsGives(@TempDir Path dir) throws IOException {
    DemoPopulation p = DemoPopulation.of(200, 3);
    DemoFiles files = DemoFiles.writeWithFeatures(p, dir, i -> { });
    assertThat(files.transactions()).isNull();
    List<String> lines = Files.readAllLines(files.customers());
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0).split(",")).contains("revenue_12m", "days_since_last_purchase", "industry_code");
  }
}
