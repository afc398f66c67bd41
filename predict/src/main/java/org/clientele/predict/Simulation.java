package org.clientele.predict;

import java.util.Objects;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Synthetic customer bases drawn from the models themselves, for tests, demonstrations and
 * benchmarks: a fit on a simulated base should recover the parameters it was drawn from, within its
 * standard errors. Seeded, so every draw can be repeated.
 *
 * <p>Each customer's first purchase is at time 0 and the observation ends at an age T drawn
 * uniformly from [{@code minAge}, {@code maxAge}] and rounded down to a multiple of {@code grain}
 * (for example 1/7 for days in a model in weeks). Every repeat purchase counts (none are merged,
 * so x follows the model exactly) and the last one's time t_x is rounded up to the grain, which
 * keeps it within (0, T]; the rounding is what makes histories repeat, as in a log kept in days.
 *
 * @since 0.1.0
 */
public final class Simulation {

  private final RandomDataGenerator random;
  private final double minAge;
  private final double maxAge;
  private final double grain;

  private Simulation(long seed, double minAge, double maxAge, double grain) {
    if (!(minAge > 0 && maxAge >= minAge && grain > 0 && grain <= minAge)) {
      throw new IllegalArgumentException(
          "need 0 < grain <= minAge <= maxAge; got grain=" + grain + ", minAge=" + minAge + ", maxAge=" + maxAge);
    }
    this.random = new RandomDataGenerator(seed);
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.grain = grain;
  }

  /**
   * Creates a simulation.
   *
   * @param seed the random seed
   * @param minAge the smallest age T
   * @param maxAge the largest age T
   * @param grain the time resolution
   * @return the simulation
   * @throws IllegalArgumentException unless 0 &lt; grain &lt;= minAge &lt;= maxAge
   * @since 0.1.0
   */
  public static Simulation of(long seed, double minAge, double maxAge, double grain) {
    return new Simulation(seed, minAge, maxAge, grain);
  }

  private double age() {
    return floor(minAge + (maxAge - minAge) * random.nextDouble());
  }

  private double floor(double t) {
    return Math.floor(t / grain + 1e-9) * grain;
  }

  /** Rounds a purchase time up to the grain, never past the age. */
  private double ceil(double time, double age) {
    return Math.min(age, Math.max(grain, Math.ceil(time / grain - 1e-9) * grain));
  }

  /**
   * Draws customers from a BG/NBD model and adds their histories to a table.
   *
   * @param model the model
   * @param customers how many
   * @param into the table to add to
   * @return the table
   * @since 0.1.0
   */
  public PurchasePatterns draw(BgNbd model, int customers, PurchasePatterns into) {
    Objects.requireNonNull(model, "model");
    for (int c = 0; c < customers; c++) {
      History h = draw(model);
      into.add(h.x(), h.tx(), h.t());
    }
    return into;
  }

  /**
   * One simulated customer's history.
   *
   * @param x repeat purchases
   * @param tx recency
   * @param t age
   * @since 0.1.0
   */
  public record History(double x, double tx, double t) {}

  /**
   * Draws one customer from a BG/NBD model.
   *
   * @param model the model
   * @return the customer's history
   * @since 0.1.0
   */
  public History draw(BgNbd model) {
    double t = age();
    double lambda = random.nextGamma(model.r(), 1 / model.alpha());
    double p = random.nextBeta(model.a(), model.b());
    double now = 0;
    int x = 0;
    double tx = 0;
    while (true) {
      now += random.nextExponential(1 / lambda);
      if (now > t) {
        break;
      }
      x++;
      tx = ceil(now, t);
      if (random.nextDouble() < p) {
        break;
      }
    }
    return new History(x, x == 0 ? 0 : tx, t);
  }

  /**
   * Draws customers from a Pareto/NBD model and adds their histories to a table.
   *
   * @param model the model
   * @param customers how many
   * @param into the table to add to
   * @return the table
   * @since 0.1.0
   */
  public PurchasePatterns draw(ParetoNbd model, int customers, PurchasePatterns into) {
    Objects.requireNonNull(model, "model");
    for (int c = 0; c < customers; c++) {
      double t = age();
      double lambda = random.nextGamma(model.r(), 1 / model.alpha());
      double mu = random.nextGamma(model.s(), 1 / model.beta());
      double end = Math.min(t, random.nextExponential(1 / mu));
      double now = 0;
      int x = 0;
      double tx = 0;
      while (true) {
        now += random.nextExponential(1 / lambda);
        if (now > end) {
          break;
        }
        x++;
        tx = ceil(now, t);
      }
      into.add(x, x == 0 ? 0 : tx, t);
    }
    return into;
  }

  /**
   * Draws repeat customers' mean spend from a Gamma-Gamma model: each customer has x repeat
   * purchases (drawn uniformly from 1 to {@code maxPurchases}) whose values are averaged.
   *
   * @param model the model
   * @param customers how many
   * @param maxPurchases the largest number of repeat purchases
   * @param into the table to add to
   * @return the table
   * @since 0.1.0
   */
  public SpendPatterns draw(GammaGamma model, int customers, int maxPurchases, SpendPatterns into) {
    Objects.requireNonNull(model, "model");
    for (int c = 0; c < customers; c++) {
      double nu = random.nextGamma(model.q(), 1 / model.gamma());
      int x = 1 + random.nextInt(maxPurchases);
      double sum = 0;
      for (int i = 0; i < x; i++) {
        sum += random.nextGamma(model.p(), 1 / nu);
      }
      into.add(x, sum / x);
    }
    return into;
  }
}
