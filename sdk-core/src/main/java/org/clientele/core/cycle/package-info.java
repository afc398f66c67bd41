/**
 * The second half of the strategy cycle: a run's results as a snapshot (its reference date and the
 * fingerprint of the model that made it), and the comparison of two snapshots: per dimension the
 * transition matrix, stayers, movers, new and gone customers, the largest flows in words, and per
 * moving customer the feature that crossed a threshold.
 *
 * <pre>{@code
 * Snapshot before = Snapshot.read(Path.of("results-1998-01.csv"));
 * Snapshot after = Snapshot.read(Path.of("results-1998-07.csv"));
 * Migration migration = SnapshotComparison.compare(before, after);
 * System.out.println(migration.toText(5));
 * }</pre>
 *
 * <p>See docs/cycle.md.
 */
@NullMarked
package org.clientele.core.cycle;

import org.jspecify.annotations.NullMarked;
