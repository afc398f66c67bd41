package org.clientele.benchmarks.scaling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.clientele.api.Customer;
import org.clientele.benchmarks.BenchmarkData;
import org.clientele.benchmarks.compare.HandWrittenBaseline;
import org.clientele.benchmarks.compare.Thresholds;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The 2-thread over 1-thread throughput of {@code classifyAll}, and of the hand-written loop split
 * over two threads (the machine's own scaling for this work), measured in one JVM by interleaved
 * time slices: 1 thread, 2 threads, hand-written 1, hand-written 2, requests on 1 and on 2 threads,
 * again and again. JMH runs each thread count in its own fork minutes apart, so its ratio also
 * holds the difference between two forks' JIT decisions and the shared host's drift (five rounds
 * of the same code gave 1.28 to 2.42x); here every configuration sees the same JIT state and,
 * slice by slice, the same host.
 * Not a JMH benchmark: a ratio of two configurations, each measured as calls of {@code classifyAll}
 * over the {@link BenchmarkData} population within a slice. Two more configurations classify the
 * same population as a host serving requests would, in calls of {@value #SMALL_BATCH} customers,
 * on 1 and on 2 threads: what a batch of a few chunks gets from the second thread.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.clientele.benchmarks.scaling.ScalingCheck [rounds] [sliceMillis] [chunkSize]
 * </pre>
 *
 * <p>Prints one JSON object: nanoseconds per customer of each configuration, the three ratios, and
 * for each 2-thread configuration the cores it kept busy (its threads' CPU time over wall time).
 */
public final class ScalingCheck {

  /** Customers per call in the request-sized configurations: a host classifying requests, not a file. */
  static final int SMALL_BATCH = 1024;

  private static volatile @Nullable Object consumed;

  private ScalingCheck() {}

  /**
   * Runs the check.
   *
   * @param args rounds (default 60, the first 10 are warm-up), slice length in milliseconds
   *     (default 100), and the engines' chunk size (default: the engine's default)
   * @throws Exception if a worker fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
    int warmup = Math.min(10, rounds / 6);
    int chunkSize = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    System.out.println(measure(rounds, warmup, sliceNanos, chunkSize));
    System.exit(0); // the engines' idle workers are daemons; exit at once all the same
  }

  /**
   * Measures and formats the result.
   *
   * @param rounds rounds of six slices
   * @param warmup the first rounds, not counted
   * @param sliceNanos the length of one slice
   * @param chunkSize the engines' chunk size, or 0 for the engine's default
   * @return the JSON text
   * @throws Exception if a worker fails
   */
  static String measure(int rounds, int warmup, long sliceNanos, int chunkSize) throws Exception {
    Customer[] customers = BenchmarkData.customers();
    List<Customer> list = Arrays.asList(customers);
    Engine one = engine(1, chunkSize);
    Engine two = engine(2, chunkSize);
    HandWrittenBaseline baseline = new HandWrittenBaseline(Thresholds.fromModelJson(BenchmarkData.modelJson()));
    ExecutorService helper = HandWrittenBaseline.helpers(2);
    try {
      // A host's request: the population in consecutive batches of SMALL_BATCH customers, one call each.
      List<List<Customer>> requests = new ArrayList<>();
      for (int from = 0; from < list.size(); from += SMALL_BATCH) {
        requests.add(list.subList(from, Math.min(list.size(), from + SMALL_BATCH)));
      }
      Work[] work = {
        () -> one.classifyAll(list.iterator(), c -> consumed = c),
        () -> two.classifyAll(list.iterator(), c -> consumed = c),
        () -> handWritten(baseline, customers, helper, 1),
        () -> handWritten(baseline, customers, helper, 2),
        () -> requests.forEach(r -> one.classifyAll(r.iterator(), c -> consumed = c)),
        () -> requests.forEach(r -> two.classifyAll(r.iterator(), c -> consumed = c)),
      };
      long[] nanos = new long[work.length];
      long[] calls = new long[work.length];
      long[] cpu = new long[work.length];
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < work.length; k++) {
          long cpuBefore = busyNanos();
          long start = System.nanoTime();
          long n = 0;
          long now;
          do {
            work[k].run();
            n++;
            now = System.nanoTime();
          } while (now - start < sliceNanos);
          if (round >= warmup) {
            nanos[k] += now - start;
            calls[k] += n;
            cpu[k] += busyNanos() - cpuBefore;
          }
        }
      }
      double[] perCustomer = new double[work.length];
      double[] cores = new double[work.length];
      for (int k = 0; k < work.length; k++) {
        perCustomer[k] = (double) nanos[k] / calls[k] / customers.length;
        cores[k] = (double) cpu[k] / nanos[k];
      }
      return String.format(Locale.ROOT,
          "{\"rounds\": %d, \"warmup\": %d, \"sliceMillis\": %d, \"classifyAll1\": %.1f, \"classifyAll2\": %.1f,"
              + " \"handWritten1\": %.1f, \"handWritten2\": %.1f, \"engineScaling\": %.3f, \"handWrittenScaling\": %.3f,"
              + " \"smallBatch\": %d, \"smallBatch1\": %.1f, \"smallBatch2\": %.1f, \"smallBatchScaling\": %.3f,"
              + " \"classifyAll2Cores\": %.2f, \"handWritten2Cores\": %.2f, \"smallBatch2Cores\": %.2f}",
          rounds, warmup, sliceNanos / 1_000_000, perCustomer[0], perCustomer[1], perCustomer[2], perCustomer[3],
          perCustomer[0] / perCustomer[1], perCustomer[2] / perCustomer[3],
          SMALL_BATCH, perCustomer[4], perCustomer[5], perCustomer[4] / perCustomer[5],
          cores[1], cores[3], cores[5]);
    } finally {
      helper.shutdownNow();
    }
  }

  private static Engine engine(int threads, int chunkSize) {
    EngineBuilder builder = Engine.builder().configuration(BenchmarkData.modelJson(), "model.json").parallelism(threads);
    return (chunkSize > 0 ? builder.chunkSize(chunkSize) : builder).build();
  }

  /**
   * The CPU time so far of the threads that do the work: this one, the engines' workers and the
   * hand-written loop's helper. Over a slice, divided by its wall time, it tells how many cores the
   * configuration kept busy: a 2-thread configuration near 2.0 that still does less than twice the
   * work of 1 thread ran slower per thread (cores of a shared host slowing each other) or spun: an
   * idle engine worker polls for up to 50 us before it parks, and that counts as busy too (most
   * for the requests, where it happens once per call).
   */
  private static long busyNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t == Thread.currentThread() || t.getName().startsWith("clientele-worker-")
          || t.getName().equals(HandWrittenBaseline.HELPER_NAME)) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  /** The hand-written loop on {@code threads} threads; each decision handed on like a sink's. */
  private static void handWritten(HandWrittenBaseline baseline, Customer[] customers, ExecutorService helper,
      int threads) throws InterruptedException, ExecutionException {
    for (HandWrittenBaseline.Decision d : baseline.classifyAll(customers, helper, threads)) {
      consumed = d;
    }
  }

  /** One configuration's call. */
  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }
}
