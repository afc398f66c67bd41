package org.clientele.benchmarks.endtoend;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes of transaction log and customers handled, reported per second by JMH (MB/s and
 * customers/s beside the seconds per operation).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
  /** Bytes of the transaction log read. */
  public long bytes;

  /** Customers produced. */
  public long customers;

  /** Starts each iteration at zero. */
  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
    customers = 0;
  }
}
