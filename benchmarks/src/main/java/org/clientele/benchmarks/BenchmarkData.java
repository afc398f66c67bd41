package org.clientele.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.core.demo.TransactionPopulation;
import org.clientele.core.Engine;
import org.clientele.core.Model;
import org.jspecify.annotations.Nullable;

/**
 * The inputs every benchmark shares: the seeded demo population ({@link TransactionPopulation}, a
 * realistic mix of key accounts, regulars, occasional buyers, new, churning, lapsed and returning
 * customers and prospects, with missing values as in a CRM export) and the model calibrated on it.
 *
 * <p>The model is a resource of this module ({@value #MODEL_RESOURCE}), the file a live service
 * would load: the cold engine-build benchmark reads it without touching the engine, and the
 * hand-written baseline reads its calibrated thresholds as a user would. {@code
 * BenchmarkDataTest} checks that it is exactly what calibrating the population gives today; run
 * {@link #main} to rewrite it when the population or the calibrators change.
 *
 * <p>The population has {@link #SIZE} customers, a power of two, so that benchmarks step through
 * it with {@code customers[i++ & MASK]}: no allocation, no randomness and no branch in the
 * measured method, and every customer visited in turn.
 */
public final class BenchmarkData {

  /** Customers in the benchmark population: a power of two. */
  public static final int SIZE = 1 << 13;

  /** {@code SIZE - 1}, to index the population with a mask. */
  public static final int MASK = SIZE - 1;

  /** The seed of the population. */
  public static final long SEED = TransactionPopulation.DEFAULT_SEED;

  /** The class-path resource holding the calibrated model. */
  public static final String MODEL_RESOURCE = "/org/clientele/benchmarks/model.json";

  /**
   * The configuration the model is calibrated from: every built-in dimension with its defaults
   * (value by Pareto cut-offs, RFM by quintiles, behaviour by the visit lifecycle) and the default
   * playbook.
   */
  public static final String CONFIGURATION =
      """
      {
        "dimensions": {
          "value": {}, "loyalty": {}, "behaviour": {}, "rfm": {}, "risk": {}, "industry": {}
        },
        "strategy": { "provider": "playbook" },
        "errorPolicy": "fallback"
      }
      """;

  private static Customer @Nullable [] shared;

  private BenchmarkData() {}

  /**
   * Returns the benchmark population, built once per JVM, then compacted by a full collection.
   *
   * <p>Building it allocates far more garbage (transactions, derivation state) than customers, so
   * fresh from the builder the customers and their feature values lie scattered over the young
   * generation. A benchmark that allocates nothing (the reusable paths) would then read that
   * scattered layout for the whole fork, while one that allocates gets the population copied
   * together by its first young collection: the same code measured 1.5 to 2 times slower from one
   * fork to the next, and the reusable path slower than the immutable one. A full collection here
   * gives every benchmark and fork the same dense layout, whatever it allocates.
   *
   * @return {@link #SIZE} customers in index order; do not modify the array
   */
  public static synchronized Customer[] customers() {
    if (shared == null) {
      shared = population(SIZE);
      System.gc();
    }
    return shared;
  }

  /**
   * Builds the first {@code size} customers of the demo population: attributes and the features
   * derived from each account's transactions.
   *
   * @param size the number of customers
   * @return the customers
   */
  public static Customer[] population(int size) {
    TransactionPopulation population = TransactionPopulation.of(size, SEED);
    Customer[] out = new Customer[size];
    for (int i = 0; i < size; i++) {
      out[i] = population.account(i).customer();
    }
    return out;
  }

  /**
   * Returns the benchmark population as a list.
   *
   * @return an unmodifiable list
   */
  public static List<Customer> customerList() {
    return List.copyOf(Arrays.asList(customers()));
  }

  /**
   * Reads the calibrated model's JSON from the class path, without touching the engine.
   *
   * @return the JSON text
   */
  public static String modelJson() {
    try (InputStream in = BenchmarkData.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(MODEL_RESOURCE + " is missing: run BenchmarkData.main");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Calibrates {@link #CONFIGURATION} on the benchmark population.
   *
   * @return the model
   */
  public static Model calibrate() {
    return Engine.builder().configuration(CONFIGURATION, "benchmark configuration").calibrate(customerList());
  }

  /**
   * Builds an engine from the calibrated model.
   *
   * @param parallelism threads for batch work
   * @return the engine
   */
  public static Engine engine(int parallelism) {
    return Engine.builder().configuration(modelJson(), "model.json").parallelism(parallelism).build();
  }

  /**
   * Rewrites the model resource from a fresh calibration.
   *
   * @param args the path of {@code src/main/resources} (default: {@code
   *     benchmarks/src/main/resources})
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "benchmarks/src/main/resources");
    Path file = root.resolve(MODEL_RESOURCE.substring(1));
    Files.createDirectories(file.getParent());
    calibrate().write(file);
    System.out.println("wrote " + file);
  }
}
