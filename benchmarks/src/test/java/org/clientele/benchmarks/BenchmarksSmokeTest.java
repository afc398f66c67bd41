package org.clientele.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of the module once, in this JVM, for a few milliseconds, so that a
 * benchmark that no longer compiles against the engine, fails in its setup or throws is caught by
 * the normal build. Measures nothing: real runs are {@code benchmarks/run.sh}.
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmarkRunsOnce() throws RunnerException, IOException {
    Options options = new OptionsBuilder()
        .include("org\\.clientele\\.benchmarks\\..*")
        .forks(0)
        .param("accounts", "300") // the end-to-end log: small, this only proves each benchmark runs
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(5))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();

    Set<String> expected = new TreeSet<>();
    try (InputStream list = BenchmarksSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
      assertThat(list).as("the JMH benchmark list (annotation processing)").isNotNull();
      for (BenchmarkListEntry e : BenchmarkList.readBenchmarkList(list)) {
        expected.add(e.getUsername());
      }
    }
    Set<String> ran = new TreeSet<>();
    for (RunResult r : results) {
      ran.add(r.getParams().getBenchmark());
      assertThat(r.getPrimaryResult().getSampleCount()).as(r.getParams().getBenchmark()).isPositive();
    }
    assertThat(expected).as("benchmarks found by JMH").hasSizeGreaterThanOrEqualTo(12);
    assertThat(ran).isEqualTo(expected);
  }
}
