package org.clientele.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs work over an iterator of any length in chunks, on a pool of worker threads, handing the
 * results to a consumer on the calling thread in input order. The calling thread computes chunks
 * too ({@code threads - 1} pool threads plus itself). At most {@code 2 * threads} chunks are in
 * flight, so memory stays constant however long the input is.
 */
public final class Chunked {

  private Chunked() {}

  /**
   * Processes every element.
   *
   * @param input the elements, read on the calling thread
   * @param threads worker threads; 1 runs everything on the calling thread
   * @param chunkSize elements per chunk
   * @param work turns a chunk into a result; runs on a worker
   * @param sink receives each chunk with its result, in input order, on the calling thread
   * @param <T> element type
   * @param <R> result type
   */
  public static <T, R> void run(
      Iterator<? extends T> input,
      int threads,
      int chunkSize,
      Function<List<T>, R> work,
      BiConsumer<List<T>, R> sink) {
    if (threads <= 1) {
      while (input.hasNext()) {
        List<T> chunk = next(input, chunkSize);
        sink.accept(chunk, work.apply(chunk));
      }
      return;
    }
    // The calling thread is one of the workers: it computes every threads-th chunk itself, and
    // the oldest chunk if no worker has started it when its turn to be delivered comes. On a
    // machine with as many cores as threads, no thread then waits while a core could work.
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads - 1,
            r -> {
              Thread t = new Thread(r, "clientele-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Deque<Map.Entry<List<T>, FutureTask<R>>> inflight = new ArrayDeque<>();
    long submitted = 0;
    try {
      while (input.hasNext()) {
        List<T> chunk = next(input, chunkSize);
        FutureTask<R> task = new FutureTask<>(() -> work.apply(chunk));
        inflight.add(Map.entry(chunk, task));
        if (++submitted % threads == 0) {
          task.run();
        } else {
          pool.execute(task);
        }
        while (inflight.size() >= 2 * threads) {
          deliver(inflight.removeFirst(), sink);
        }
      }
      while (!inflight.isEmpty()) {
        deliver(inflight.removeFirst(), sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> void deliver(Map.Entry<List<T>, FutureTask<R>> done, BiConsumer<List<T>, R> sink) {
    FutureTask<R> task = done.getValue();
    task.run(); // computes it here if no worker has started it; returns at once otherwise
    sink.accept(done.getKey(), await(task));
  }

  private static <T> List<T> next(Iterator<? extends T> input, int chunkSize) {
    List<T> chunk = new ArrayList<>(chunkSize);
    while (chunk.size() < chunkSize && input.hasNext()) {
      chunk.add(input.next());
    }
    return chunk;
  }

  private static <R> R await(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for a worker");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
