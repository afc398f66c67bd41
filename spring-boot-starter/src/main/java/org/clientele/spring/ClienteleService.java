package org.clientele.spring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.Explanation;

/**
 * What a Spring application injects: classification on the current model (see {@link
 * ReloadingEngine}), counted by the metrics, and batch classification on the host's executor.
 *
 * @since 0.1.0
 */
public final class ClienteleService {

  private final ReloadingEngine engines;
  private final ClassificationObserver observer;
  private final Executor executor;
  private final int chunkSize;
  private final int maxInFlight;

  /**
   * Creates the service.
   *
   * @param engines the engine holder
   * @param observer told about every classification
   * @param executor runs batch chunks: the host's task executor
   * @param chunkSize customers per batch task, at least 1
   * @param maxInFlight batch tasks queued at once per call, at least 1
   */
  public ClienteleService(
      ReloadingEngine engines, ClassificationObserver observer, Executor executor, int chunkSize, int maxInFlight) {
    this.engines = Objects.requireNonNull(engines, "engines");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (chunkSize < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("chunkSize and maxInFlight must be at least 1");
    }
    this.chunkSize = chunkSize;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Returns the engine of the current model (it may be swapped after this call returns).
   *
   * @return the engine
   */
  public Engine engine() {
    return engines.current();
  }

  /**
   * Classifies one customer on the current model.
   *
   * @param customer the customer
   * @return every label, score and the plan
   */
  public Classification classify(Customer customer) {
    return classify(engines.current(), customer);
  }

  private Classification classify(Engine engine, Customer customer) {
    long start = System.nanoTime();
    Classification result = engine.classify(customer);
    observer.classified(result, System.nanoTime() - start);
    return result;
  }

  /**
   * Classifies and explains one customer on the current model.
   *
   * @param customer the customer
   * @return the assignments with their reasons, and the plan
   */
  public Explanation explain(Customer customer) {
    return engines.current().explain(customer);
  }

  /**
   * Classifies every customer of a source of any length in chunks on the host's executor, all on
   * the model current when the call starts (a reload during the batch does not mix models). Results
   * reach the sink in input order on the calling thread; at most {@code maxInFlight} chunks are held
   * at once.
   *
   * @param customers the customers, read on the calling thread
   * @param sink receives each result
   * @return the number classified
   * @throws RuntimeException what a chunk threw (for example a {@code ClassificationException})
   */
  public long classifyAll(Iterator<? extends Customer> customers, Consumer<? super Classification> sink) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(sink, "sink");
    Engine engine = engines.current();
    ArrayDeque<CompletableFuture<List<Classification>>> inFlight = new ArrayDeque<>();
    long count = 0;
    while (customers.hasNext()) {
      List<Customer> chunk = new ArrayList<>(chunkSize);
      while (chunk.size() < chunkSize && customers.hasNext()) {
        chunk.add(customers.next());
      }
      inFlight.add(CompletableFuture.supplyAsync(() -> {
        List<Classification> out = new ArrayList<>(chunk.size());
        for (Customer c : chunk) {
          out.add(classify(engine, c));
        }
        return out;
      }, executor));
      if (inFlight.size() >= maxInFlight) {
        count += drain(inFlight.remove(), sink);
      }
    }
    while (!inFlight.isEmpty()) {
      count += drain(inFlight.remove(), sink);
    }
    return count;
  }

  private static long drain(CompletableFuture<List<Classification>> chunk, Consumer<? super Classification> sink) {
    List<Classification> results;
    try {
      results = chunk.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
    results.forEach(sink);
    return results.size();
  }
}
