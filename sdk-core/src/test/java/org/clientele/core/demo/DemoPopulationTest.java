package org.clientele.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo population on its own: kinds, dates, determinism and the files. What the built-in
 * classifiers make of it is pinned in classifiers-builtin ({@code DemoPopulationLabelsTest}).
 */
class DemoPopulationTest {

  private static final DemoPopulation DEMO = DemoPopulation.of(DemoPopulation.DEFAULT_SIZE, DemoPopulation.DEFAULT_SEED);

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
