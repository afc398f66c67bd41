package org.clientele.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo population on its own: kinds, dates, determinism and the files. What the built-in
 * classifiers make of it is pinned in classifiers-builtin ({@code TransactionPopulationLabelsTest}).
 */
class TransactionPopulationTest {

  private static final TransactionPopulation DEMO = TransactionPopulation.of(TransactionPopulation.DEFAULT_SIZE, TransactionPopulation.DEFAULT_SEED);

  @Test
  void everyKindOfAccountOccursAndProspectsHaveNoPurchases() {
    Set<TransactionPopulation.Kind> kinds = EnumSet.noneOf(TransactionPopulation.Kind.class);
    for (int i = 0; i < DEMO.size(); i++) {
      TransactionPopulation.Account a = DEMO.account(i);
      kinds.add(a.kind());
      assertThat(a.transactions().isEmpty()).isEqualTo(a.kind() == TransactionPopulation.Kind.PROSPECT);
      assertThat(a.transactions()).allSatisfy(t -> assertThat(t.date())
          .isBetween(TransactionPopulation.FIRST_DAY, TransactionPopulation.LAST_DAY));
    }
    assertThat(kinds).containsExactlyInAnyOrder(TransactionPopulation.Kind.values());
  }

  @Test
  void sameSeedSameFilesOtherSeedOtherFiles(@TempDir Path dir) throws IOException {
    DemoFiles a = DemoFiles.write(TransactionPopulation.of(300, 7), dir.resolve("a"), i -> { });
    DemoFiles b = DemoFiles.write(TransactionPopulation.of(300, 7), dir.resolve("b"), i -> { });
    DemoFiles c = DemoFiles.write(TransactionPopulation.of(300, 8), dir.resolve("c"), i -> { });
    assertThat(Files.readAllBytes(a.customers())).isEqualTo(Files.readAllBytes(b.customers()));
    assertThat(Files.readAllBytes(a.transactions())).isEqualTo(Files.readAllBytes(b.transactions()));
    assertThat(Files.readAllBytes(a.transactions())).isNotEqualTo(Files.readAllBytes(c.transactions()));
    assertThat(Files.readAllLines(a.transactions())).hasSize(1 + (int) a.transactionRows());
  }

  @Test
  void anAccountDependsOnlyOnSeedAndIndex() {
    TransactionPopulation small = TransactionPopulation.of(50, TransactionPopulation.DEFAULT_SEED);
    assertThat(small.account(41)).isEqualTo(DEMO.account(41));
    assertThat(DEMO.account(41).id()).isEqualTo("A-0000042");
  }

  @Test
  void theFeaturesFileHoldsWhatDerivingTheTransactionsGives(@TempDir Path dir) throws IOException {
    TransactionPopulation p = TransactionPopulation.of(200, 3);
    DemoFiles files = DemoFiles.writeWithFeatures(p, dir, i -> { });
    assertThat(files.transactions()).isNull();
    List<String> lines = Files.readAllLines(files.customers());
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0).split(",")).contains("revenue_12m", "days_since_last_purchase", "industry_code");
  }

  @Test
  void theFilesOfASeedAreTheSameBytesOnEveryMachineAndRelease(@TempDir Path dir)
      throws IOException, GeneralSecurityException {
    // Digests of the files the demo wrote when it still lived in cli (commit 295c217). A change
    // here changes the demo, the million-customer files and the benchmarks' model.json: rewrite
    // that model (BenchmarkData.main) in the same change, or restore the generator. Issue 20
    // added the practice columns (PracticeColumns, age) and a few unrecognised region types to the
    // customers file, and a channel mix to the transactions; the benchmarks' model reads none of them.
    DemoFiles files = DemoFiles.write(TransactionPopulation.of(300, 7), dir.resolve("t"), i -> { });
    DemoFiles features = DemoFiles.writeWithFeatures(TransactionPopulation.of(300, 7), dir.resolve("f"), i -> { });
    assertThat(sha256(files.customers())).isEqualTo("25332c82e7f44cbcc73f26943482d38fdbf9f936a606c55c3c802a4d823f68fc");
    assertThat(sha256(files.transactions())).isEqualTo("4271a57341ab008eb944bada969dc9a7b4626b5d6ac31ced7005a35d9ec879c4");
    assertThat(sha256(features.customers())).isEqualTo("3a9cfd3ef3e85e2a4308532cf624e0ced04a93bfe0cc48026f19379f23e163d6");
  }

  private static String sha256(Path file) throws IOException, GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
