package org.clientele.predict;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CDNOW 1/10th sample (Fader and Hardie) from the shared data folder beside the checkout
 * (system property {@code clientele.sharedData}); tests that use it are skipped when it is absent.
 */
final class CdnowData {

  /** One row of a summary: x, t_x, T (weeks), and mean repeat spend or holdout purchases. */
  record Row(String id, double x, double tx, double t, double extra) {}

  private CdnowData() {}

  static Path folder() {
    String shared = System.getProperty("clientele.sharedData", "../../shared/data");
    return Path.of(shared, "cdnow");
  }

  /** BTYD's calibration summary (weeks, full precision; calibration ends 1997-09-30); extra = x.star. */
  static List<Row> cbs() {
    return read("cdnowSummary.cbs.csv", 1, 2, 3, 4);
  }

  /** The lifetimes summary with spend (weeks rounded to 2 decimals); extra = zbar. */
  static List<Row> lifetimesWithSpend() {
    return read("cdnow_customers_summary_with_transactions.csv", 1, 2, 3, 4);
  }

  private static List<Row> read(String name, int x, int tx, int t, int extra) {
    Path file = folder().resolve(name);
    assumeThat(Files.isRegularFile(file))
        .as("the CDNOW data is not at %s (system property clientele.sharedData); skipping",
            file.toAbsolutePath())
        .isTrue();
    try {
      return Files.readAllLines(file).stream()
          .skip(1)
          .filter(l -> !l.isBlank())
          .map(l -> l.split(","))
          .map(f -> new Row(f[0], Double.parseDouble(f[x]), Double.parseDouble(f[tx]),
              Double.parseDouble(f[t]), Double.parseDouble(f[extra])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PurchasePatterns patterns(List<Row> rows) {
    PurchasePatterns p = new PurchasePatterns();
    rows.forEach(r -> p.add(r.x(), r.tx(), r.t()));
    return p;
  }

  static SpendPatterns spend(List<Row> rows) {
    SpendPatterns p = new SpendPatterns();
    rows.forEach(r -> p.add(r.x(), r.extra()));
    return p;
  }
}
