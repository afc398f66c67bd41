package org.clientele.benchmarks.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clientele.predict.BgNbd;
import org.clientele.predict.GammaGamma;
import org.clientele.predict.ModelFit;
import org.clientele.predict.ParetoNbd;
import org.clientele.predict.PurchasePatterns;
import org.clientele.predict.Simulation;
import org.clientele.predict.SpendPatterns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One maximum-likelihood fit, single thread, from the table of distinct histories (built in
 * {@code @Setup}; {@code compress} measures building it from the customers' summaries).
 * {@code data} is {@code cdnow} (the 2,357-customer CDNOW sample, {@code cdnowSummary.cbs.csv}
 * under the system property {@code clientele.sharedData}, default {@code ../shared/data}; a
 * simulated base of the same size when it is absent) or a number of customers simulated from the
 * CDNOW BG/NBD fit (ages 27 to 39 weeks in days, as a transaction log gives them). Gamma-Gamma is
 * fitted on the repeat customers' spend (CDNOW's, or simulated from p, q, γ = 6.25, 3.74, 15.44).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'predict.FitBenchmark' -p data=cdnow,1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitBenchmark {

  /** {@code cdnow} or a number of simulated customers. */
  @Param({"cdnow"})
  public String data;

  private PurchasePatterns patterns = new PurchasePatterns();
  private SpendPatterns spend = new SpendPatterns();
  private double[] x = new double[0];
  private double[] tx = new double[0];
  private double[] t = new double[0];

  /** Reads or simulates the summaries and builds the tables. */
  @Setup
  public void setUp() throws IOException {
    Path cbs = Path.of(System.getProperty("clientele.sharedData", "../shared/data"), "cdnow", "cdnowSummary.cbs.csv");
    Path zbar = cbs.resolveSibling("cdnow_customers_summary_with_transactions.csv");
    if (data.equals("cdnow") && Files.isRegularFile(cbs) && Files.isRegularFile(zbar)) {
      List<String[]> rows = Files.readAllLines(cbs).stream().skip(1).map(l -> l.split(",")).toList();
      x = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
      tx = rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
      t = rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray();
      Files.readAllLines(zbar).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
          .forEach(r -> spend.add(Double.parseDouble(r[1]), Double.parseDouble(r[4])));
    } else {
      int n = data.equals("cdnow") ? 2_357 : Integer.parseInt(data);
      if (data.equals("cdnow")) {
        System.out.println("CDNOW data not at " + cbs.toAbsolutePath() + ": simulating 2,357 customers");
      }
      Simulation sim = Simulation.of(20_240_101L, 27, 39, 1.0 / 7);
      BgNbd cdnow = new BgNbd(0.2426, 4.4137, 0.7930, 2.4262);
      x = new double[n];
      tx = new double[n];
      t = new double[n];
      for (int i = 0; i < n; i++) {
        Simulation.History h = sim.draw(cdnow);
        x[i] = h.x();
        tx[i] = h.tx();
        t[i] = h.t();
      }
      spend = sim.draw(new GammaGamma(6.25, 3.74, 15.44), Math.max(1, n * 4 / 10), 8, new SpendPatterns());
    }
    patterns = compress();
  }

  /** Builds the table of distinct histories from the customers' summaries. */
  @Benchmark
  public PurchasePatterns compress() {
    PurchasePatterns p = new PurchasePatterns();
    for (int i = 0; i < x.length; i++) {
      p.add(x[i], tx[i], t[i]);
    }
    return p;
  }

  /** The BG/NBD fit, with standard errors. */
  @Benchmark
  public ModelFit<BgNbd> bgNbd() {
    return BgNbd.fit(patterns);
  }

  /** The Pareto/NBD fit, with standard errors. */
  @Benchmark
  public ModelFit<ParetoNbd> paretoNbd() {
    return ParetoNbd.fit(patterns);
  }

  /** The Gamma-Gamma fit, with standard errors. */
  @Benchmark
  public ModelFit<GammaGamma> gammaGamma() {
    return GammaGamma.fit(spend);
  }
}
