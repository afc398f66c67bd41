package org.clientele.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.clientele.core.job.ProgressListener;

/**
 * A one-line progress bar on stderr, redrawn in place at most five times a second. It is drawn
 * only when stderr is a terminal ({@code System.console() != null}); when the output is piped or
 * redirected nothing at all is written, so logs and files stay clean.
 */
final class Progress implements ProgressListener.Phase {

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 28;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final LongSupplier done;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDrawn = started;
  private boolean drawn;
  private int calls;

  private final boolean enabled;

  private Progress(PrintWriter err, boolean enabled, String label, long total, LongSupplier done, String unit) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
    this.total = total;
    this.done = done;
    this.unit = unit;
  }

  /** Whether progress bars are shown in this process: only when stderr is a terminal. */
  static boolean terminal() {
    return System.console() != null;
  }

  /**
   * Starts a bar; a no-op bar when not enabled.
   *
   * @param total the amount at 100%, or 0 if unknown (then only the count is shown)
   * @param done reads the amount done so far (bytes read, rows classified)
   * @param unit {@code bytes} shows megabytes, anything else is printed after the count
   */
  static Progress start(PrintWriter err, boolean enabled, String label, long total, LongSupplier done, String unit) {
    return new Progress(err, enabled, label, total, done, unit);
  }

  /** The batch job's listener: a bar per phase on stderr, when enabled. */
  static ProgressListener listener(PrintWriter err, boolean enabled) {
    return (phase, total, unit, done) -> start(err, enabled, phase, Math.max(total, 0), done, unit);
  }

  /** Called often (per row); redraws when enough time has passed. */
  @Override
  public void tick() {
    if (!enabled || (++calls & 255) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      draw(now);
    }
  }

  /** Draws now, whatever the time: for tests. */
  void drawNow() {
    if (enabled) {
      draw(System.nanoTime());
    }
  }

  private void draw(long now) {
    long d = done.getAsLong();
    StringBuilder b = new StringBuilder("\r").append(label).append(' ');
    if (total > 0) {
      double f = Math.min(1.0, (double) d / total);
      int filled = (int) Math.round(f * WIDTH);
      b.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      b.append(String.format(Locale.ROOT, "%3d%% ", (int) Math.floor(f * 100)));
    }
    b.append(amount(d)).append(String.format(Locale.ROOT, "  %.0fs", (now - started) / 1e9));
    err.print(b);
    err.print("   ");
    err.flush();
    drawn = true;
  }

  private String amount(long d) {
    if (unit.equals("bytes")) {
      return String.format(Locale.ROOT, "%.1f MB", d / 1e6);
    }
    return String.format(Locale.ROOT, "%,d %s", d, unit);
  }

  /** Erases the bar, so that what follows starts on a clean line. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
