package org.clientele.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One pool of workers serves many runs, concurrent ones too, and survives a failed run. */
class ChunkedTest {

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  /** Squares every number on the pool; returns what the sink got, in its order. */
  private static List<Integer> squares(ExecutorService pool, List<Integer> input, java.util.Set<String> threads) {
    List<Integer> out = new ArrayList<>();
    Chunked.run(input.iterator(), pool, 2, 7,
        chunk -> {
          threads.add(Thread.currentThread().getName());
          return chunk.stream().map(i -> i * i).toList();
        },
        (chunk, squares) -> out.addAll(squares));
    return out;
  }

  @Test
  void concurrentRunsOnOneSharedPoolEachGetEveryResultInInputOrder() throws Exception {
    ExecutorService pool = Chunked.workers(2);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Integer> input = numbers(5_000);
      List<Integer> expected = input.stream().map(i -> i * i).toList();
      java.util.Set<String> threads = new CopyOnWriteArraySet<>();
      List<Future<List<Integer>>> runs = new ArrayList<>();
      for (int r = 0; r < 6; r++) {
        runs.add(callers.submit(() -> squares(pool, input, threads)));
      }
      for (Future<List<Integer>> run : runs) {
        assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(expected); // a bound against hanging, not a timing check
      }
      assertThat(threads).anyMatch(name -> name.startsWith("clientele-worker-"));
    } finally {
      callers.shutdownNow();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRunThrowsItsCauseAndThePoolServesTheNextRun() {
    ExecutorService pool = Chunked.workers(2);
    try {
      assertThatThrownBy(() -> Chunked.run(numbers(1_000).iterator(), pool, 2, 10,
              chunk -> {
                if (chunk.contains(555)) {
                  throw new IllegalStateException("chunk with 555");
                }
                return chunk.size();
              },
              (chunk, n) -> { }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("chunk with 555");
      assertThat(squares(pool, numbers(100), new CopyOnWriteArraySet<>())).hasSize(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theWorkersAreDaemonsAndEndWhenIdle() throws Exception {
    ExecutorService pool = Chunked.workers(3);
    try {
      java.util.concurrent.ThreadPoolExecutor executor = (java.util.concurrent.ThreadPoolExecutor) pool;
      assertThat(executor.getMaximumPoolSize()).isEqualTo(2);
      assertThat(executor.allowsCoreThreadTimeOut()).isTrue();
      assertThat(executor.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(Chunked.IDLE_SECONDS);
      assertThat(pool.submit(() -> Thread.currentThread().isDaemon()).get(1, TimeUnit.MINUTES)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSingleChunkIsComputedOnTheCallingThreadAndAnEmptyInputComputesNothing() {
    ExecutorService pool = Chunked.workers(2);
    try {
      java.util.Set<String> threads = new CopyOnWriteArraySet<>();
      // Seven numbers: exactly one chunk of squares(), which no worker needs to wake up for.
      assertThat(squares(pool, numbers(7), threads)).containsExactly(0, 1, 4, 9, 16, 25, 36);
      assertThat(threads).containsExactly(Thread.currentThread().getName());
      assertThat(squares(pool, numbers(0), threads)).isEmpty();
      assertThat(threads).hasSize(1);
      // Eight numbers are two chunks: both go through the pool's queue as before.
      assertThat(squares(pool, numbers(8), threads)).hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anIdleWorkersQueueSpinsThenWaitsAndHandsOverWhatArrives() throws Exception {
    ExecutorService pool = Chunked.workers(2);
    try {
      java.util.concurrent.BlockingQueue<Runnable> queue = ((java.util.concurrent.ThreadPoolExecutor) pool).getQueue();
      assertThat(queue.poll(5, TimeUnit.MILLISECONDS)).isNull(); // past the spin, it waits its timeout out
      Runnable task = () -> { };
      Thread offerer = new Thread(() -> queue.offer(task));
      offerer.start();
      assertThat(queue.poll(1, TimeUnit.MINUTES)).isSameAs(task); // a bound against hanging, not a timing check
      offerer.join();
      Thread.currentThread().interrupt(); // as shutdownNow does to an idle worker
      assertThatThrownBy(() -> queue.poll(1, TimeUnit.MINUTES)).isInstanceOf(InterruptedException.class);
      assertThat(Thread.interrupted()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }
}
