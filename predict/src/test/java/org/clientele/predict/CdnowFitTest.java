package org.clientele.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published CDNOW results (issue 13): the maximum-likelihood estimates and log-likelihoods of
 * BG/NBD, Pareto/NBD and Gamma-Gamma on the 2,357-customer sample, calibration ending 1997-09-30,
 * in weeks. Skipped when the shared data is absent.
 */
class CdnowFitTest {

  private static void close(double actual, double expected, double relative) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * relative));
  }

  @Test
  void bgNbdFitMatchesBtydsMaximum() {
    List<CdnowData.Row> rows = CdnowData.cbs();
    PurchasePatterns p = CdnowData.patterns(rows);
    long start = System.nanoTime();
    ModelFit<BgNbd> fit = BgNbd.fit(p);
    System.out.printf("BG/NBD %s LL %.4f se %s converged %s evals %d in %.1f ms; %s%n", fit.model().describe(),
        fit.logLikelihood(), fit.standardErrors(), fit.converged(), fit.evaluations(),
        (System.nanoTime() - start) / 1e6, fit.warnings());
    BgNbd m = fit.model();
    close(m.r(), 0.2426, 1e-3);
    close(m.alpha(), 4.4137, 1e-3);
    close(m.a(), 0.7930, 1e-3);
    close(m.b(), 2.4262, 1e-3);
    assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(fit.distinct()).isLessThan(2357);
  }

  @Test
  void paretoNbdFitMatchesBtydsEstimate() {
    PurchasePatterns p = CdnowData.patterns(CdnowData.cbs());
    long start = System.nanoTime();
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(p);
    System.out.printf("Pareto/NBD %s LL %.4f se %s converged %s evals %d in %.1f ms; %s%n", fit.model().describe(),
        fit.logLikelihood(), fit.standardErrors(), fit.converged(), fit.evaluations(),
        (System.nanoTime() - start) / 1e6, fit.warnings());
    ParetoNbd m = fit.model();
    close(m.r(), 0.5534, 1e-2);
    close(m.alpha(), 10.5802, 1e-2);
    close(m.s(), 0.6061, 1e-2);
    close(m.beta(), 11.6562, 1e-2);
    assertThat(fit.logLikelihood()).isCloseTo(-9594.98, within(0.01));
    assertThat(new ParetoNbd(0.5533971433, 10.5801985435, 0.6060624971, 11.6562236707).logLikelihood(p))
        .isCloseTo(-9594.976, within(0.001));
  }

  @Test
  void gammaGammaFitOnTheRepeatCustomers() {
    SpendPatterns p = CdnowData.spend(CdnowData.lifetimesWithSpend());
    ModelFit<GammaGamma> fit = GammaGamma.fit(p);
    System.out.printf("%s LL %.4f se %s converged %s evals %d; %s%n", fit.model().describe(),
        fit.logLikelihood(), fit.standardErrors(), fit.converged(), fit.evaluations(), fit.warnings());
    assertThat(fit.customers()).isEqualTo(946);
    close(fit.model().p(), 6.25, 1e-2);
    close(fit.model().q(), 3.74, 1e-2);
    close(fit.model().gamma(), 15.44, 1e-2);
    assertThat(fit.logLikelihood()).isCloseTo(-4055.92, within(0.05));
    assertThat(new GammaGamma(6.25, 3.74, 15.44).logLikelihood(p)).isCloseTo(-4055.92, within(0.01));
  }

  /**
   * The E[X(t)] figures (lifetimes' "Hardie Excel sheet" test) hold at the full-precision
   * maximum (0.2426, 4.4137, 0.7930, 2.4262), not at the 3-decimal rounding (0.243, 4.414, 0.793,
   * 2.426): there E[X(32)] = 1.0452 and E[X(78)] = 1.8605, which the sum of n·P(X(t) = n)
   * confirms to 1e-9. P(X(39) = 0) is the rounded parameters' figure.
   */
  @Test
  void bgNbdPopulationQuantitiesAtThePublishedParameters() {
    BgNbd fitted = new BgNbd(0.2426, 4.4137, 0.7930, 2.4262);
    assertThat(fitted.expectedPurchasesNewCustomer(1)).isCloseTo(0.0532, within(1e-3));
    assertThat(fitted.expectedPurchasesNewCustomer(3)).isCloseTo(0.1506, within(1e-3));
    assertThat(fitted.expectedPurchasesNewCustomer(32)).isCloseTo(1.0437, within(1e-3));
    assertThat(fitted.expectedPurchasesNewCustomer(78)).isCloseTo(1.8576, within(1e-3));
    BgNbd rounded = new BgNbd(0.243, 4.414, 0.793, 2.426);
    assertThat(rounded.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-5));
    assertThat(rounded.expectedPurchasesNewCustomer(1)).isCloseTo(0.0532, within(1e-3));
    assertThat(rounded.expectedPurchasesNewCustomer(3)).isCloseTo(0.1506, within(1e-3));
    for (double t : new double[] {1, 3, 32, 78}) {
      double sum = 0;
      for (int n = 0; n < 400; n++) {
        sum += n * rounded.probabilityOfPurchases(n, t);
      }
      assertThat(rounded.expectedPurchasesNewCustomer(t)).as("t=%s", t).isCloseTo(sum, within(1e-9));
    }
    assertThat(rounded.expectedPurchasesNewCustomer(32)).isCloseTo(1.0452, within(1e-4));
    assertThat(rounded.expectedPurchasesNewCustomer(78)).isCloseTo(1.8605, within(1e-4));
  }

  @Test
  void fittedModelsPredictTheSameNewCustomerFromBothDirections() {
    ModelFit<BgNbd> bg = BgNbd.fit(CdnowData.patterns(CdnowData.cbs()));
    assertThat(bg.model().expectedPurchasesNewCustomer(78)).isCloseTo(1.8576, within(1e-3));
    ParetoNbd p = new ParetoNbd(0.5533971433, 10.5801985435, 0.6060624971, 11.6562236707);
    double mass = 0;
    double mean = 0;
    for (int n = 0; n < 300; n++) {
      double q = p.probabilityOfPurchases(n, 39);
      mass += q;
      mean += n * q;
    }
    assertThat(mass).isCloseTo(1, within(1e-9));
    assertThat(mean).isCloseTo(p.expectedPurchasesNewCustomer(39), within(1e-8));
  }

  @Test
  void bgNbdLogLikelihoodAtThePublishedParameters() {
    BgNbd m = new BgNbd(0.243, 4.414, 0.793, 2.426);
    assertThat(m.logLikelihood(CdnowData.patterns(CdnowData.cbs()))).isCloseTo(-9582.43, within(0.01));
  }

  @Test
  void customerOneExpectsAboutOnePointTwoPurchasesInTheNext39Weeks() {
    BgNbd m = BgNbd.fit(CdnowData.patterns(CdnowData.cbs())).model();
    assertThat(m.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(1e-3));
  }
}
