package org.clientele.predict.churn;

import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.predict.BgNbd;
import org.clientele.predict.Simulation;
import org.clientele.testkit.ClassifierProviderContract;

/** The test kit's contract on the churn dimension, calibrated through the engine on a simulated base. */
class ChurnContractTest extends ClassifierProviderContract {

  static final Feature<Double> X = Feature.number("lifetimes_frequency", "Repeat purchase periods (lifetimes frequency)");
  static final Feature<Double> TX = Feature.number("lifetimes_recency", "Last minus first purchase, in periods (lifetimes recency)");
  static final Feature<Double> T = Feature.number("lifetimes_t", "Observation end minus first purchase, in periods (lifetimes T)");
  static final Feature<Double> M = Feature.number("lifetimes_monetary_value", "Mean value of repeat purchase days (lifetimes monetary_value)");

  @Override
  protected ClassifierProvider provider() {
    return new ChurnClassifierProvider();
  }

  /** Simulated BG/NBD histories in weeks, with a spend for repeat buyers. */
  static List<Customer> simulated(int n, long seed) {
    List<Customer> out = new ArrayList<>();
    java.util.Random spend = new java.util.Random(seed);
    Simulation sim = Simulation.of(seed, 27, 39, 1.0 / 7);
    BgNbd truth = new BgNbd(0.25, 4.4, 0.8, 2.4);
    for (int i = 0; i < n; i++) {
      Simulation.History h = sim.draw(truth);
      out.add(Customer.builder("c" + i)
          .set(X, h.x()).set(TX, h.tx()).set(T, h.t())
          .set(M, h.x() > 0 ? 10 + 40 * spend.nextDouble() : 0)
          .build());
    }
    return out;
  }

  @Override
  protected List<Customer> population() {
    return simulated(1_000, 20_240_101L);
  }
}
