package org.clientele.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simulate from each model with known parameters, fit, and recover them within four standard
 * errors, each standard error below 25% of its parameter (so the check has teeth): a seeded
 * property test; the seed is in every failure message. The build runs one fixed seed; set the system
 * property {@code clientele.seed} to run or replay another.
 */
class SyntheticRecoveryTest {

  // A statistical check fails now and then on a true model (a 4-standard-error miss; seen once in a
  // CI-sized run): the build uses a fixed seed, so that it fails only when the fit changes. Explore
  // others with -Dclientele.seed=N.
  private static final long SEED = Long.getLong("clientele.seed", 20_261_129L);

  private static void recovered(Map<String, Double> truth, ModelFit<?> fit, Map<String, Double> estimate) {
    List<String> names = List.copyOf(truth.keySet());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      double t = truth.get(name);
      double e = estimate.get(name);
      double se = fit.standardErrors().get(i);
      assertThat(Math.abs(e - t))
          .as("seed %d (-Dclientele.seed=%d): %s estimated %.4f, true %.4f, standard error %.4f; %s",
              SEED, SEED, name, e, t, se, fit.warnings())
          .isLessThanOrEqualTo(4 * se);
      assertThat(se).as("seed %d: the standard error of %s", SEED, name).isLessThan(0.25 * t);
    }
  }

  @Test
  void bgNbdRecoversTheParametersItWasSimulatedFrom() {
    BgNbd truth = new BgNbd(0.5, 5, 0.8, 2.5);
    PurchasePatterns p = Simulation.of(SEED, 26, 52, 1.0 / 7).draw(truth, 20_000, new PurchasePatterns());
    ModelFit<BgNbd> fit = BgNbd.fit(p);
    assertThat(fit.converged()).as("seed %d: %s", SEED, fit.warnings()).isTrue();
    assertThat(fit.distinct()).isLessThan(20_000);
    recovered(truth.parameters(), fit, fit.model().parameters());
  }

  @Test
  void paretoNbdRecoversTheParametersItWasSimulatedFrom() {
    ParetoNbd truth = new ParetoNbd(0.6, 8, 0.8, 12);
    PurchasePatterns p = Simulation.of(SEED, 26, 52, 1.0 / 7).draw(truth, 20_000, new PurchasePatterns());
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(p);
    assertThat(fit.converged()).as("seed %d: %s", SEED, fit.warnings()).isTrue();
    recovered(truth.parameters(), fit, fit.model().parameters());
  }

  @Test
  void gammaGammaRecoversTheParametersItWasSimulatedFrom() {
    GammaGamma truth = new GammaGamma(6, 4, 15);
    SpendPatterns p = Simulation.of(SEED, 1, 1, 1).draw(truth, 10_000, 8, new SpendPatterns());
    ModelFit<GammaGamma> fit = GammaGamma.fit(p);
    assertThat(fit.converged()).as("seed %d: %s", SEED, fit.warnings()).isTrue();
    recovered(truth.parameters(), fit, fit.model().parameters());
  }

  @Test
  void aSmallBookIsFittedWithAWarningAndWideStandardErrors() {
    BgNbd truth = new BgNbd(0.5, 5, 0.8, 2.5);
    PurchasePatterns small = Simulation.of(SEED, 26, 52, 1.0 / 7).draw(truth, 80, new PurchasePatterns());
    ModelFit<BgNbd> fit = BgNbd.fit(small);
    assertThat(fit.reliable()).as("seed %d", SEED).isFalse();
    assertThat(fit.warnings()).as("seed %d", SEED).anyMatch(w -> w.startsWith("small book: 80 customers"));
  }

  @Test
  void aPopulationWithoutRepeatPurchasesCannotIdentifyTheDropoutAndSaysSo() {
    PurchasePatterns none = new PurchasePatterns();
    for (int i = 0; i < 600; i++) {
      none.add(0, 0, 10 + i % 30);
    }
    ModelFit<BgNbd> fit = BgNbd.fit(none);
    assertThat(fit.reliable()).isFalse();
    assertThat(fit.warnings()).isNotEmpty();
  }
}
