package org.clientele.core.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader did with one file: every row read was either accepted or rejected.
 *
 * @param source the file name
 * @param read data rows read (the header and blank lines are not rows)
 * @param accepted rows turned into records
 * @param rejected rows turned into {@link Rejection}s
 * @param rejectedByReason the rejected rows by reason; only reasons that occurred
 * @param notes diagnostics about the whole file, each once: columns that map to no feature, an
 *     empty file, and the like
 * @since 0.1.0
 */
public record ReadCounts(
    String source,
    long read,
    long accepted,
    long rejected,
    Map<RejectionReason, Long> rejectedByReason,
    List<String> notes) {

  /**
   * Checks that nothing was lost: {@code read == accepted + rejected}.
   *
   * @param source the file name
   * @param read data rows read (the header and blank lines are not rows)
   * @param accepted rows turned into records
   * @param rejected rows turned into {@link Rejection}s
   * @param rejectedByReason the rejected rows by reason; only reasons that occurred
   * @param notes diagnostics about the whole file, each once: columns that map to no feature, an
   *     empty file, and the like
   */
  public ReadCounts {
    Objects.requireNonNull(source, "source");
    if (read != accepted + rejected || accepted < 0 || rejected < 0) {
      throw new IllegalArgumentException(
          source + ": counts do not add up: read " + read + " != accepted " + accepted
              + " + rejected " + rejected);
    }
    rejectedByReason = Map.copyOf(rejectedByReason);
    long sum = 0;
    for (long n : rejectedByReason.values()) {
      sum += n;
    }
    if (sum != rejected) {
      throw new IllegalArgumentException(
          source + ": rejections by reason sum to " + sum + ", not " + rejected);
    }
    notes = List.copyOf(notes);
  }

  /**
   * Returns counts with nothing read.
   *
   * @param source the file name
   * @return zero counts
   */
  public static ReadCounts empty(String source) {
    return new ReadCounts(source, 0, 0, 0, Map.of(), List.of());
  }

  /** Mutable tally kept by a reader while it runs. */
  static final class Tally {
    private final String source;
    private long accepted;
    private long rejected;
    private final Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    Tally(String source) {
      this.source = source;
    }

    void accepted() {
      accepted++;
    }

    void rejected(RejectionReason reason) {
      rejected++;
      byReason.merge(reason, 1L, Long::sum);
    }

    void note(String note) {
      notes.add(note);
    }

    ReadCounts snapshot() {
      return new ReadCounts(source, accepted + rejected, accepted, rejected, byReason, notes);
    }
  }
}
