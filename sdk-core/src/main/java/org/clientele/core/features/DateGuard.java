package org.clientele.core.features;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.Records;
import org.clientele.core.io.Rejection;
import org.clientele.core.io.RejectionReason;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Rejects transactions whose date cannot be real: before 1900, a system placeholder, or (once the
 * whole log was seen) after the last plausible day. A mistyped year (2098 for 1998) or an ERP's
 * 9999-12-31 would otherwise become "today" for the whole population and turn nearly everyone
 * LOST. The rejection names the line, the date and the fix; the counts move the row from accepted
 * to rejected, so read = accepted + rejected still holds.
 */
final class DateGuard implements Records<Transaction> {

  /** The first plausible day: nothing a CRM exports predates 1900. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 2);

  /** Dates systems write for "none": rejected wherever they appear. */
  static final Set<LocalDate> PLACEHOLDERS =
      Set.of(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(9999, 1, 1), LocalDate.of(2999, 12, 31));

  private static final long EARLIEST_DAY = EARLIEST.toEpochDay();
  private static final long[] PLACEHOLDER_DAYS = PLACEHOLDERS.stream().mapToLong(LocalDate::toEpochDay).toArray();

  private final Records<Transaction> inner;
  private final RejectionSink sink;
  private final @Nullable LocalDate latest;
  private final @Nullable LocalDate bulkEnd;
  private long rejected;
  private @Nullable Transaction next;

  /**
   * Guards a pass.
   *
   * @param latest the last plausible day, or null to check only the early and placeholder dates
   * @param bulkEnd the last day of the rest of the log, named in the message
   */
  DateGuard(Records<Transaction> inner, RejectionSink sink, @Nullable LocalDate latest, @Nullable LocalDate bulkEnd) {
    this.inner = inner;
    this.sink = sink;
    this.latest = latest;
    this.bulkEnd = bulkEnd;
  }

  @Override
  public boolean hasNext() {
    while (next == null && inner.hasNext()) {
      Transaction t = inner.next();
      Rejection r = check(t, latest, bulkEnd, inner.counts().source(), inner.line(), inner.column(DATE),
          inner.rawText(DATE));
      if (r != null) {
        rejected++;
        sink.reject(r);
      } else {
        next = t;
      }
    }
    return next != null;
  }

  /** True for a day before 1900 or a placeholder: rejected wherever it appears. */
  static boolean isImplausible(long epochDay) {
    if (epochDay < EARLIEST_DAY) {
      return true;
    }
    for (long placeholder : PLACEHOLDER_DAYS) {
      if (epochDay == placeholder) {
        return true;
      }
    }
    return false;
  }

  /** The field a rejection names when the input does not say how it wrote it. */
  static final String DATE = "date";

  /** The rejection of a day before 1900 or a placeholder, naming the column and text as the file has them. */
  static Rejection rejection(String source, long line, String column, @Nullable String raw, LocalDate d) {
    return new Rejection(source, line, column, raw != null ? raw : d.toString(), RejectionReason.IMPLAUSIBLE_DATE,
        "the date " + d + (PLACEHOLDERS.contains(d) ? " is a placeholder systems write for \"no date\"" : " is before 1900"),
        "write the transaction's real date, or leave the row out of the export");
  }

  /** The counts of a pass with {@code moved} accepted rows rejected afterwards as implausible dates. */
  static ReadCounts moved(ReadCounts c, long moved) {
    if (moved == 0) {
      return c;
    }
    Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
    byReason.putAll(c.rejectedByReason());
    byReason.merge(RejectionReason.IMPLAUSIBLE_DATE, moved, Long::sum);
    return new ReadCounts(c.source(), c.read(), c.accepted() - moved, c.rejected() + moved, byReason, c.notes());
  }

  /** The rejection of a transaction whose date cannot be real, or null if it can. */
  static @Nullable Rejection check(
      Transaction t, @Nullable LocalDate latest, @Nullable LocalDate bulkEnd, String source, long line) {
    return check(t.date(), latest, bulkEnd, source, line, DATE, null);
  }

  /** As {@link #check(Transaction, LocalDate, LocalDate, String, long)}, naming the column and text as the file has them. */
  static @Nullable Rejection check(
      Transaction t, @Nullable LocalDate latest, @Nullable LocalDate bulkEnd, String source, long line, String column,
      @Nullable String raw) {
    return check(t.date(), latest, bulkEnd, source, line, column, raw);
  }

  /**
   * The rejection of a date that cannot be real, or null if it can, naming the column and the text
   * as the file has them ({@code raw} null: the date as ISO text).
   */
  static @Nullable Rejection check(
      LocalDate d, @Nullable LocalDate latest, @Nullable LocalDate bulkEnd, String source, long line, String column,
      @Nullable String raw) {
    if (isImplausible(d.toEpochDay())) {
      return rejection(source, line, column, raw, d);
    }
    if (latest != null && d.isAfter(latest)) {
      return new Rejection(source, line, column, raw != null ? raw : d.toString(), RejectionReason.IMPLAUSIBLE_DATE,
          "the date " + d + " lies far after the rest of the file, which ends on " + bulkEnd
              + " (a mistyped year or a placeholder?); it would have become \"today\" for every customer",
          "correct the date; or, if it is right, set input.derive.referenceDate (--reference-date),"
              + " or input.derive.implausibleGapDays to 0", true);
    }
    return null;
  }

  @Override
  public Transaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Transaction t = next;
    next = null;
    return java.util.Objects.requireNonNull(t);
  }

  @Override
  public ReadCounts counts() {
    return moved(inner.counts(), rejected);
  }

  @Override
  public long line() {
    return inner.line();
  }

  @Override
  public String column(String field) {
    return inner.column(field);
  }

  @Override
  public @Nullable String rawText(String field) {
    return inner.rawText(field);
  }

  @Override
  public void close() {
    inner.close();
  }

  /**
   * Finds the last plausible day of a log from the number of rows per day: the day before the
   * first gap of more than {@code gapDays} days after which at most 1% of the rows (at least one)
   * remain. A genuine log rarely pauses for a year and then resumes with a handful of rows; a
   * mistyped year or a placeholder does exactly that.
   *
   * @param rowsPerDay rows by epoch day, of the early-checked dates
   * @param gapDays the gap; 0 for no check
   * @return the last plausible day, or null if every day is plausible
   */
  static @Nullable LocalDate lastPlausibleDay(NavigableMap<Long, Long> rowsPerDay, int gapDays) {
    if (gapDays <= 0 || rowsPerDay.size() < 2) {
      return null;
    }
    long total = rowsPerDay.values().stream().mapToLong(Long::longValue).sum();
    long allowedTail = Math.max(1, total / 100);
    long seen = 0;
    Long previous = null;
    for (Map.Entry<Long, Long> e : rowsPerDay.entrySet()) {
      if (previous != null && e.getKey() - previous > gapDays && total - seen <= allowedTail) {
        return LocalDate.ofEpochDay(previous);
      }
      seen += e.getValue();
      previous = e.getKey();
    }
    return null;
  }

  /** Rows per day, as the scanning pass counts them. */
  static NavigableMap<Long, Long> histogram() {
    return new TreeMap<>();
  }

  /**
   * Rows per day without an object per row: one counter per day of a dense span (a log's real
   * history), and a sorted map for the few days far outside it (a mistyped year, a placeholder).
   */
  static final class DayCounts {
    /** The widest dense span, in days (about 550 years): what a real log covers, with room. */
    private static final int MAX_SPAN = 200_000;
    private long[] counts = new long[0];
    private long base;
    private final TreeMap<Long, Long> far = new TreeMap<>();

    void add(long day) {
      if (counts.length == 0) {
        counts = new long[64];
        base = day - 32;
      }
      long offset = day - base;
      if (offset < 0 || offset >= counts.length) {
        long from = Math.min(base, day - 32);
        long to = Math.max(base + counts.length, day + 33);
        if (to - from > MAX_SPAN) {
          far.merge(day, 1L, Long::sum);
          return;
        }
        // Grow to at least twice the size (bounded by the span), so a long history grows in few steps.
        long size = Math.min(MAX_SPAN, Math.max(to - from, 2L * counts.length));
        long newBase = from < base ? Math.max(to - size, to - MAX_SPAN) : from;
        long[] grown = new long[(int) Math.max(to - newBase, size)];
        System.arraycopy(counts, 0, grown, (int) (base - newBase), counts.length);
        counts = grown;
        base = newBase;
        offset = day - base;
      }
      counts[(int) offset]++;
    }

    /** The counts as {@link #lastPlausibleDay} reads them. */
    NavigableMap<Long, Long> toMap() {
      NavigableMap<Long, Long> out = new TreeMap<>(far);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          out.merge(base + i, counts[i], Long::sum);
        }
      }
      return out;
    }
  }
}
