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
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs work over an iterator of any length in chunks, on a pool of worker threads, handing the
 * results to a consumer on the calling thread in input order. The calling thread computes chunks
 * too ({@code threads - 1} pool threads plus itself). At most {@code 2 * threads} chunks are in
 * flight, so memory stays constant however long the input is.
 */
public final class Chunked {

  /** How long an idle worker of {@link #workers} waits for work before its thread ends. */
  static final long IDLE_SECONDS = 30;

  private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();

  private Chunked() {}

  /**
   * Creates the pool for {@link #run(Iterator, ExecutorService, int, int, Function, BiConsumer)}
   * with {@code threads} in all: {@code threads - 1} daemon workers, started on first use and ended
   * after {@value #IDLE_SECONDS} seconds without work, so its owner (an engine, which has no
   * close) holds no thread while idle, and repeated runs do not start threads each time. Safe to
   * share between concurrent runs: each caller computes any of its chunks no worker has started.
   *
   * @param threads the threads of a run, the caller included; at least 2
   * @return the pool
   */
  public static ExecutorService workers(int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(
        threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS, new SpinningQueue(),
        r -> {
          Thread t = new Thread(r, "clientele-worker-" + WORKER_NUMBER.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Processes every element on a pool made for this run alone.
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
      run(input, null, 1, chunkSize, work, sink);
      return;
    }
    ExecutorService pool = workers(threads);
    try {
      run(input, pool, threads, chunkSize, work, sink);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Processes every element on a given pool, such as one from {@link #workers}.
   *
   * @param input the elements, read on the calling thread
   * @param pool the workers; may be null when {@code threads} is 1
   * @param threads the chunks computed at once, the calling thread included; 1 runs everything on
   *     the calling thread
   * @param chunkSize elements per chunk
   * @param work turns a chunk into a result; runs on a worker
   * @param sink receives each chunk with its result, in input order, on the calling thread
   * @param <T> element type
   * @param <R> result type
   */
  public static <T, R> void run(
      Iterator<? extends T> input,
      @Nullable ExecutorService pool,
      int threads,
      int chunkSize,
      Function<List<T>, R> work,
      BiConsumer<List<T>, R> sink) {
    if (threads <= 1 || pool == null) {
      while (input.hasNext()) {
        List<T> chunk = next(input, chunkSize);
        sink.accept(chunk, work.apply(chunk));
      }
      return;
    }
    if (!input.hasNext()) {
      return;
    }
    List<T> first = next(input, chunkSize);
    if (!input.hasNext()) {
      // A single chunk cannot be shared: computed here, it waits for no worker to wake up.
      sink.accept(first, work.apply(first));
      return;
    }
    // Every chunk goes to the pool, up to 2 * threads ahead, so a worker finds the next chunk
    // queued instead of parking between chunks. The calling thread is one of the workers: before
    // it waits for the oldest chunk, it computes the oldest chunks no worker has started (a task
    // runs once, whoever starts it). On a machine with as many cores as threads, no thread then
    // waits while a core could work, except for the last chunks.
    Deque<Map.Entry<List<T>, FutureTask<R>>> inflight = new ArrayDeque<>();
    @Nullable List<T> pending = first;
    try {
      while (pending != null || input.hasNext() || !inflight.isEmpty()) {
        while (inflight.size() < 2 * threads && (pending != null || input.hasNext())) {
          List<T> chunk = pending != null ? pending : next(input, chunkSize);
          pending = null;
          FutureTask<R> task = new FutureTask<>(() -> work.apply(chunk));
          inflight.add(Map.entry(chunk, task));
          pool.execute(task);
        }
        FutureTask<R> oldest = inflight.getFirst().getValue();
        for (Map.Entry<List<T>, FutureTask<R>> e : inflight) {
          if (oldest.isDone()) {
            break;
          }
          e.getValue().run(); // returns at once if a worker started it
        }
        Map.Entry<List<T>, FutureTask<R>> done = inflight.removeFirst();
        sink.accept(done.getKey(), await(done.getValue()));
      }
    } finally {
      // After a failure: chunks not started never run, running ones are interrupted.
      for (Map.Entry<List<T>, FutureTask<R>> left : inflight) {
        left.getValue().cancel(true);
      }
    }
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

  /**
   * The workers' queue: an idle worker polls it for {@value #SPIN_NANOS} ns before it parks, so
   * the next batch of a host classifying batch after batch finds it awake (waking a parked thread
   * took 30 to 50 us here, a fifth of a request of 1,024 customers on two threads). The cost: each
   * pool thread burns up to that much CPU after its last chunk of a batch.
   */
  private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    private static final long SPIN_NANOS = 50_000;

    @Override
    public @Nullable Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
      long spin = Math.min(SPIN_NANOS, unit.toNanos(timeout));
      long start = System.nanoTime();
      do {
        Runnable r = poll();
        if (r != null) {
          return r;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException(); // the pool shutting down
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - start < spin);
      return super.poll(timeout, unit);
    }
  }
}
