package org.clientele.core.features;

import static org.clientele.api.StandardFeatures.AVERAGE_ORDER_VALUE;
import static org.clientele.api.StandardFeatures.CHANNEL;
import static org.clientele.api.StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.LAST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.ONLINE_SHARE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.ORDERS_PREV_12M;
import static org.clientele.api.StandardFeatures.PURCHASE_DAYS;
import static org.clientele.api.StandardFeatures.REFUNDS_12M;
import static org.clientele.api.StandardFeatures.REPEAT_PURCHASES;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.REVENUE_PREV_12M;
import static org.clientele.api.StandardFeatures.REVENUE_TOTAL;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.api.StandardFeatures.VISITS_12M;
import static org.clientele.api.StandardFeatures.VISITS_3M;

import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.function.Function;
import org.clientele.core.io.Records;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.core.internal.IdIndex;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.clientele.core.io.TransactionScan;
import java.util.NoSuchElementException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns a transaction log into per-customer features as of a reference date, in one pass over
 * the transactions in any order. Memory grows with the number of customers, never with the
 * number of transactions: primitive columns of running totals indexed by customer number (about
 * 100 bytes a customer, its id included) and, for a customer with more than one purchase day, a
 * small array of the gaps between those days (about a byte a day) for the distinct-day counts.
 * The {@code derive} methods return a complete deriver: those gaps and the last order ids are
 * reduced to the three counts the features read, and it takes no more transactions.
 *
 * <p>Standard mode, as of the reference date R (windows use calendar months: "12m" is {@code
 * [R - 12 months, R)}, "prev 12m" {@code [R - 24 months, R - 12 months)}, "3m" {@code [R - 3
 * months, R)}; transactions dated R or later are ignored and counted in {@link
 * #ignoredAfterReference()}). A transaction with an amount of zero or more is a purchase; a
 * negative amount is a refund, which lowers revenue but is not a purchase, order or visit.
 *
 * <ul>
 *   <li>{@code first_purchase_date}, {@code last_purchase_date}: the first and last purchase day;
 *   <li>{@code days_since_last_purchase} = R - last purchase day (1 for a purchase the day before
 *       R); {@code tenure_days} = R - first purchase day;
 *   <li>{@code purchase_days}: distinct purchase days; {@code repeat_purchases} = purchase days -
 *       1; {@code visits_12m}, {@code visits_3m}: distinct purchase days in the window;
 *   <li>{@code revenue_12m}, {@code revenue_prev_12m}, {@code revenue_total}: net amounts
 *       (purchases minus refunds) in the window or before R; {@code refunds_12m}: refunded value in
 *       the last 12 months, as a positive number;
 *   <li>{@code orders_12m}, {@code orders_prev_12m}: purchase orders in the window; a purchase row
 *       is one order, except that rows with the same order id that follow each other for the same
 *       customer are one order;
 *   <li>{@code average_order_value}: purchase amounts before R / orders before R;
 *   <li>{@code channel}: the channel of most purchase rows (ties: the alphabetically first);
 *   <li>{@code online_share}: online purchase rows over the purchase rows whose channel is a known
 *       online or offline name ({@link org.clientele.api.ChannelNames}); rows of any other channel
 *       are left out of it and listed by {@link #unrecognisedChannels()}.
 * </ul>
 *
 * <p>A customer with refunds only has the revenue, refund and order features but no purchase
 * dates. Lifetimes mode: see {@link LifetimesSummary}; every row counts as a transaction there,
 * whatever its amount, as in {@code lifetimes}.
 *
 * @since 0.1.0
 */
public final class FeatureDeriver {

  /**
   * The features a log gives each customer in the standard mode, in the order the demo's features
   * file writes them.
   *
   * @since 0.1.0
   */
  public static final List<Feature<?>> FEATURES = List.of(
      REVENUE_12M, REVENUE_PREV_12M, REVENUE_TOTAL, REFUNDS_12M, ORDERS_12M, ORDERS_PREV_12M,
      FIRST_PURCHASE_DATE, LAST_PURCHASE_DATE, DAYS_SINCE_LAST_PURCHASE, TENURE_DAYS, PURCHASE_DAYS,
      REPEAT_PURCHASES, VISITS_12M, VISITS_3M, AVERAGE_ORDER_VALUE, CHANNEL, ONLINE_SHARE);


  private final DerivationOptions.Mode mode;
  private final PeriodUnit unit;
  // Settled after the pass when the date is left open (see open()); fixed from the start otherwise.
  private LocalDate referenceDate;
  private long reference;
  private long from12m;
  private long from24m;
  private long from3m;
  /**
   * While the date is open (standard mode): the rows that may fall into a window, replayed once it
   * is settled; null once settled, and in lifetimes mode, which has no windows.
   */
  private @Nullable WindowRows windowRows;
  private boolean open;
  /** While open: the first day a window of any reference date after the last day seen can reach. */
  private long horizon = Long.MIN_VALUE;
  /** Customer ids numbered in the order of their first transaction used; the columns by number. */
  private final IdIndex ids = new IdIndex();
  private final CustomerColumns c = new CustomerColumns();
  private final IdIndex channels = new IdIndex();
  /** Whether the pass is over ({@link #finish}): no more transactions, the per-row state dropped. */
  private boolean finished;
  private long used;
  private long ignored;
  private long lastUsedDay = Long.MIN_VALUE;

  private FeatureDeriver(DerivationOptions.Mode mode, LocalDate referenceDate, PeriodUnit unit) {
    this.mode = mode;
    this.unit = unit;
    this.referenceDate = referenceDate;
    setReference(referenceDate);
  }

  private void setReference(LocalDate date) {
    referenceDate = date;
    reference = date.toEpochDay();
    from12m = date.minusMonths(12).toEpochDay();
    from24m = date.minusMonths(24).toEpochDay();
    from3m = date.minusMonths(3).toEpochDay();
  }

  /**
   * Starts a derivation whose date is settled after the pass ({@link #settle}): every row counts
   * (none is after the date), and the rows a window may hold are kept to be replayed.
   */
  private static FeatureDeriver open(DerivationOptions options) {
    FeatureDeriver d = new FeatureDeriver(options.mode(), LocalDate.EPOCH,
        options.mode() == DerivationOptions.Mode.LIFETIMES ? options.unit() : PeriodUnit.DAYS);
    d.open = true;
    d.reference = Long.MAX_VALUE;
    d.from12m = Long.MAX_VALUE; // no row is in a window until the date is settled
    d.from24m = Long.MAX_VALUE;
    d.from3m = Long.MAX_VALUE;
    if (options.mode() == DerivationOptions.Mode.STANDARD) {
      d.windowRows = new WindowRows(WindowRows.defaultBudget());
    }
    return d;
  }

  /**
   * Settles the date of an open derivation: every row added was before it. The kept rows are
   * replayed in file order into the window sums, the same additions in the same order as a
   * derivation that knew the date from the start.
   */
  private void settle(LocalDate lastDay) {
    if (!open) {
      throw new IllegalStateException("the reference date is already settled");
    }
    open = false;
    setReference(lastDay.plusDays(1)); // as create(options, lastDay): R, or the observation end + 1
    WindowRows rows = windowRows;
    if (rows == null) {
      return;
    }
    windowRows = null;
    try (rows) {
      rows.replay((n, newOrder, day, amount) -> {
        if (day >= reference) {
          throw new IllegalStateException("a row kept for the windows is dated " + LocalDate.ofEpochDay(day)
              + ", on or after the reference date " + referenceDate);
        }
        boolean inLast12 = day >= from12m;
        boolean inPrev12 = !inLast12 && day >= from24m;
        if (inLast12) {
          c.revenue12.add(n, amount);
        } else if (inPrev12) {
          c.revenuePrev12.add(n, amount);
        }
        if (amount < 0) {
          if (inLast12) {
            c.refunds12.add(n, -amount);
          }
        } else if (newOrder) {
          if (inLast12) {
            c.orders12.increment(n);
          } else if (inPrev12) {
            c.ordersPrev12.increment(n);
          }
        }
      });
    }
  }

  /**
   * Ends the pass of a derivation whose date is settled: what only the pass reads (the last order
   * id of every customer, the purchase days themselves) is reduced to what the features read (the
   * number of purchase days in all, in 12 and in 3 months), so that the classification that
   * follows has that memory. About 70 MB for a million customers.
   */
  private FeatureDeriver finish() {
    if (open) {
      throw new IllegalStateException("the reference date is not settled");
    }
    finished = true;
    c.finish(ids.size(), new long[] {from12m, from3m}, reference);
    return this;
  }

  /** Drops the kept rows of an open derivation that will not be settled. */
  private void discard() {
    WindowRows rows = windowRows;
    windowRows = null;
    if (rows != null) {
      rows.close();
    }
  }

  /**
   * Starts a standard-mode derivation.
   *
   * @param referenceDate the "as of" day; transactions on or after it are ignored
   * @return an empty deriver
   */
  public static FeatureDeriver asOf(LocalDate referenceDate) {
    return new FeatureDeriver(
        DerivationOptions.Mode.STANDARD, Objects.requireNonNull(referenceDate, "referenceDate"), PeriodUnit.DAYS);
  }

  /**
   * Starts a lifetimes-mode derivation.
   *
   * @param observationEnd the last day observed, included
   * @param unit days or weeks
   * @return an empty deriver
   */
  public static FeatureDeriver lifetimes(LocalDate observationEnd, PeriodUnit unit) {
    Objects.requireNonNull(observationEnd, "observationEnd");
    return new FeatureDeriver(
        DerivationOptions.Mode.LIFETIMES, observationEnd.plusDays(1), Objects.requireNonNull(unit, "unit"));
  }

  /**
   * Starts a derivation for options whose dates are set.
   *
   * @param options the options
   * @param lastTransaction the last transaction's day, used when the options leave the date open
   * @return an empty deriver
   */
  public static FeatureDeriver create(DerivationOptions options, LocalDate lastTransaction) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(lastTransaction, "lastTransaction");
    return switch (options.mode()) {
      case STANDARD -> asOf(options.referenceDate() != null ? options.referenceDate() : lastTransaction.plusDays(1));
      case LIFETIMES -> lifetimes(options.observationEnd() != null ? options.observationEnd() : lastTransaction, options.unit());
    };
  }

  /**
   * Reads a transaction log and derives the features; see {@link #derive(Function,
   * DerivationOptions, RejectionSink)}. A layout {@link TransactionScan} reads (UTF-8 CSV with a
   * header) is read by the scan, with no object per plain row, and the result, rejections and
   * counts are the same as through {@link TransactionReader}.
   *
   * @param file the transaction log
   * @param format its layout
   * @param options the mode and dates
   * @param sink receives the rejected rows (of the deriving pass)
   * @return the deriver, filled and complete (it takes no more transactions), and the counts of the file
   * @throws org.clientele.core.io.InputException if the file cannot be read
   */
  public static Result derive(Path file, TransactionFormat format, DerivationOptions options, RejectionSink sink) {
    return derive(file, format, options, sink, 1);
  }

  /**
   * Reads a transaction log and derives the features, as {@link #derive(Path, TransactionFormat,
   * DerivationOptions, RejectionSink)} does, the scan parsing the file on several threads (see
   * {@link TransactionScan#scan(InputStream, String, TransactionFormat, RejectionSink,
   * TransactionScan.Visitor, int)}): the same features, rejections and counts; the derivation
   * itself stays on the calling thread.
   *
   * @param file the transaction log
   * @param format its layout
   * @param options the mode and dates
   * @param sink receives the rejected rows (of the deriving pass)
   * @param threads the threads that parse a file the scan reads; 1 for the sequential scan
   * @return the deriver, filled and complete (it takes no more transactions), and the counts of the file
   * @throws org.clientele.core.io.InputException if the file cannot be read
   * @throws IllegalArgumentException if {@code threads} is less than 1
   * @since 0.1.0
   */
  public static Result derive(Path file, TransactionFormat format, DerivationOptions options, RejectionSink sink, int threads) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (!TransactionScan.supports(file, format)) {
      return derive(s -> TransactionReader.open(file, format, s), options, sink);
    }
    return derive(file, () -> openFile(file), format, options, sink, threads);
  }

  private static InputStream openFile(Path file) {
    try {
      return java.nio.file.Files.newInputStream(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new org.clientele.core.io.InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (java.io.IOException e) {
      throw new org.clientele.core.io.InputException(file.toString(), 0, "cannot open the file: " + e, e);
    }
  }

  /**
   * Reads a transaction log whose bytes the caller opens (to count them for a progress bar, for
   * example) and derives the features, as {@link #derive(Path, TransactionFormat,
   * DerivationOptions, RejectionSink)} does.
   *
   * @param file the transaction log: its name and extension (the layout's format)
   * @param open opens the file's bytes from the start; called once per pass (once, except after
   *     a gap in the dates, see {@link #derive(Function, DerivationOptions, RejectionSink)}); the
   *     stream is closed when the pass ends
   * @param format its layout
   * @param options the mode and dates
   * @param sink receives the rejected rows (of the deriving pass)
   * @return the deriver, filled and complete (it takes no more transactions), and the counts of the file
   * @throws org.clientele.core.io.InputException if the file cannot be read
   * @since 0.1.0
   */
  public static Result derive(
      Path file, Supplier<? extends InputStream> open, TransactionFormat format, DerivationOptions options, RejectionSink sink) {
    return derive(file, open, format, options, sink, 1);
  }

  /**
   * Reads a transaction log whose bytes the caller opens and derives the features, as {@link
   * #derive(Path, Supplier, TransactionFormat, DerivationOptions, RejectionSink)} does, the scan
   * parsing the file on several threads (the derivation stays on the calling thread; the result,
   * rejections and counts are the same).
   *
   * @param file the transaction log: its name and extension (the layout's format)
   * @param open opens the file's bytes from the start; called once per pass; closed when the pass ends
   * @param format its layout
   * @param options the mode and dates
   * @param sink receives the rejected rows (of the deriving pass)
   * @param threads the threads that parse a file the scan reads; 1 for the sequential scan
   * @return the deriver, filled and complete (it takes no more transactions), and the counts of the file
   * @throws org.clientele.core.io.InputException if the file cannot be read
   * @throws IllegalArgumentException if {@code threads} is less than 1
   * @since 0.1.0
   */
  public static Result derive(Path file, Supplier<? extends InputStream> open, TransactionFormat format,
      DerivationOptions options, RejectionSink sink, int threads) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (!TransactionScan.supports(file, format)) {
      return derive(s -> TransactionReader.open(open.get(), source, format, s), options, sink);
    }
    // One pass without an object per plain row; the same rows, rejections and counts (TransactionScan).
    return derive((deriver, s, days, latest) -> {
      ScanVisitor visitor = new ScanVisitor(deriver, s, source, format.dateColumn(), days, latest);
      ReadCounts counts = TransactionScan.scan(open.get(), source, format, s, visitor, threads);
      return DateGuard.moved(counts, visitor.implausible);
    }, options, sink);
  }

  /** Feeds a scan's rows to a deriver, rejecting the dates that cannot be real as {@link DateGuard} does. */
  private static final class ScanVisitor implements TransactionScan.Visitor {
    private final FeatureDeriver deriver;
    private final RejectionSink sink;
    private final String source;
    private final String dateColumn;
    private final DateGuard.@Nullable DayCounts days;
    private final @Nullable LocalDate latest;
    private final long latestDay;
    private long implausible;

    ScanVisitor(FeatureDeriver deriver, RejectionSink sink, String source, String dateColumn,
        DateGuard.@Nullable DayCounts days, @Nullable LocalDate latest) {
      this.deriver = deriver;
      this.sink = sink;
      this.source = source;
      this.dateColumn = dateColumn;
      this.days = days;
      this.latest = latest;
      this.latestDay = latest == null ? Long.MAX_VALUE : latest.toEpochDay();
    }

    /**
     * True (and rejected) if the day cannot be real, as the reader's {@link DateGuard} decides; the
     * rejection names the file's date column and text ({@code raw} null: the date as ISO text).
     */
    private boolean rejected(long day, long line, @Nullable String raw) {
      if (DateGuard.isImplausible(day) || day > latestDay) {
        implausible++;
        sink.reject(Objects.requireNonNull(
            DateGuard.check(LocalDate.ofEpochDay(day), latest, latest, source, line, dateColumn, raw)));
        return true;
      }
      DateGuard.DayCounts d = days;
      if (d != null) {
        d.add(day);
      }
      return false;
    }

    @Override
    public void row(TransactionScan.Row row) {
      // The scan reads ISO dates only, so the date's ISO text is the file's.
      if (!rejected(row.epochDay(), row.line(), null)) {
        deriver.add(row.epochDay(), row.customerId(), row.amount(), row.orderId(), row.channel());
      }
    }

    @Override
    public void transaction(Transaction t, long line, @Nullable String dateText) {
      if (!rejected(t.date().toEpochDay(), line, dateText)) {
        deriver.add(t);
      }
    }
  }

  private static String givenBasis(DerivationOptions options) {
    return "given (input.derive." + (options.mode() == DerivationOptions.Mode.STANDARD ? "referenceDate" : "observationEnd")
        + " or --reference-date)";
  }

  /**
   * Derives the features from transactions that can be read more than once, in one pass. When
   * the options leave the reference date (or observation end) open, it is settled after the pass:
   * the day after the last plausible transaction's day (the observation end: that day). The rows
   * a 12- or 24-month window may hold are kept meanwhile (16 bytes each, in memory up to an eighth
   * of the heap, then in a temporary file) and replayed in file order, so every feature is exactly
   * what a derivation that knew the date from the start gives. Dates that cannot be real are
   * rejected as {@link org.clientele.core.io.RejectionReason#IMPLAUSIBLE_DATE}: before 1900 and
   * system placeholders (9999-12-31, 1900-01-01) always; when the date is left open, also the few
   * rows after a gap of more than {@link DerivationOptions#implausibleGapDays()} days, so that a
   * mistyped year never becomes "today". Such a gap is known only after the pass: the log is then
   * read a second time, as of the day before the gap, and that pass reports the rejections and
   * gives the counts. Until the date is settled the rejections are held back (those of a failing
   * pass are dropped, as are those of a pass read again): past {@value Deferred#LIMIT} of them
   * they are passed on, and a second pass then adds only the rows after the gap, at the end.
   *
   * @param open opens one pass over the transactions, sending its rejections to the given sink
   * @param options the mode and dates
   * @param sink receives the rejected rows (of the deriving pass)
   * @return the deriver, filled and complete (it takes no more transactions: the last order ids and
   *     the purchase days are reduced to the features' counts, to leave the memory to what follows),
   *     the counts of the deriving pass, and how the date was chosen
   * @since 0.1.0
   */
  public static Result derive(
      Function<RejectionSink, ? extends Records<Transaction>> open, DerivationOptions options, RejectionSink sink) {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    return derive((deriver, s, days, latest) -> {
      try (Records<Transaction> reader = new DateGuard(open.apply(s), s, latest, latest)) {
        while (reader.hasNext()) {
          Transaction t = reader.next();
          if (days != null) {
            days.add(t.date().toEpochDay());
          }
          deriver.add(t);
        }
        return reader.counts();
      }
    }, options, sink);
  }

  /** One pass over a log into a deriver, its implausible dates rejected (and those after {@code latest}). */
  @FunctionalInterface
  private interface Pass {
    ReadCounts run(FeatureDeriver into, RejectionSink sink, DateGuard.@Nullable DayCounts days, @Nullable LocalDate latest);
  }

  private static Result derive(Pass pass, DerivationOptions options, RejectionSink sink) {
    LocalDate given = options.mode() == DerivationOptions.Mode.STANDARD ? options.referenceDate() : options.observationEnd();
    if (given != null) {
      FeatureDeriver deriver = create(options, given);
      ReadCounts counts = pass.run(deriver, sink, null, null);
      return new Result(deriver.finish(), counts, givenBasis(options));
    }
    // Strict: the first rejection stops the run, in this pass as in any other.
    Deferred deferred = sink.isStrict() ? null : new Deferred(sink);
    FeatureDeriver open = open(options);
    DateGuard.DayCounts perDay = new DateGuard.DayCounts();
    ReadCounts counts;
    try {
      counts = pass.run(open, deferred != null ? deferred : sink, perDay, null);
    } catch (RuntimeException e) {
      open.discard();
      throw e;
    }
    NavigableMap<Long, Long> days = perDay.toMap();
    LocalDate latest = DateGuard.lastPlausibleDay(days, options.implausibleGapDays());
    if (latest == null) {
      if (deferred != null) {
        deferred.flush();
      }
      LocalDate last = days.isEmpty() ? null : LocalDate.ofEpochDay(days.lastKey());
      open.settle(last != null ? last : LocalDate.EPOCH); // an empty log derives nobody
      return new Result(open.finish(), counts, dataBasis(options, last));
    }
    // A gap: the rows after it are rejected, so the pass is made again as of the day before it.
    open.discard();
    long after = days.tailMap(latest.toEpochDay(), false).values().stream().mapToLong(Long::longValue).sum();
    String basis = dataBasis(options, latest) + "; " + after + " row" + (after == 1 ? "" : "s")
        + " dated after a gap of more than " + options.implausibleGapDays() + " days rejected as implausible_date";
    FeatureDeriver deriver = create(options, latest);
    RejectionSink second = deferred != null && deferred.overflowed() ? afterGapOnly(sink) : sink;
    ReadCounts counts2 = pass.run(deriver, second, null, latest);
    return new Result(deriver.finish(), counts2, basis);
  }

  private static String dataBasis(DerivationOptions options, @Nullable LocalDate last) {
    return last == null ? "no transaction" : options.mode() == DerivationOptions.Mode.STANDARD
        ? "the day after the last transaction (" + last + ")" : "the last transaction's day (" + last + ")";
  }

  /** Passes on only the rejections of rows dated after the gap (the others were passed on already). */
  private static RejectionSink afterGapOnly(RejectionSink sink) {
    // Told apart by the rejection's own marker, not by its value (the file's text, in whatever date
    // pattern the file uses) nor by its message.
    return r -> {
      if (r.afterGap()) {
        sink.reject(r);
      }
    };
  }

  /** Holds a pass's rejections back until the date is settled, up to a limit. */
  private static final class Deferred implements RejectionSink {
    static final int LIMIT = 10_000;
    private final RejectionSink sink;
    private final List<org.clientele.core.io.Rejection> held = new ArrayList<>();
    private boolean overflowed;

    Deferred(RejectionSink sink) {
      this.sink = sink;
    }

    @Override
    public void reject(org.clientele.core.io.Rejection rejection) {
      if (overflowed) {
        sink.reject(rejection);
        return;
      }
      held.add(rejection);
      if (held.size() > LIMIT) {
        overflowed = true;
        flush();
      }
    }

    boolean overflowed() {
      return overflowed;
    }

    void flush() {
      held.forEach(sink::reject);
      held.clear();
    }
  }

  /**
   * Applies the deriving pass's date rules to one transaction, for a derivation that reads the log
   * in pieces (a Spark job): dates before 1900 and system placeholders are implausible everywhere;
   * with a last plausible day ({@link #lastPlausibleDay}), so are the dates after it.
   *
   * @param t the transaction
   * @param lastPlausibleDay the last plausible day, or null when the reference date was given
   * @param source the input's name, for the rejection
   * @param line the row's line or position, for the rejection
   * @return the rejection ({@link org.clientele.core.io.RejectionReason#IMPLAUSIBLE_DATE}), or
   *     empty if the date is plausible
   * @since 0.1.0
   */
  public static Optional<org.clientele.core.io.Rejection> implausibleDate(
      Transaction t, @Nullable LocalDate lastPlausibleDay, String source, long line) {
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(source, "source");
    return Optional.ofNullable(DateGuard.check(t, lastPlausibleDay, lastPlausibleDay, source, line));
  }

  /**
   * Finds the last plausible day of a log from its rows per day, as {@link #derive(Function,
   * DerivationOptions, RejectionSink)} does when the options leave the date open: the day before a
   * gap of more than {@link DerivationOptions#implausibleGapDays()} days after which at most 1% of
   * the rows remain.
   *
   * @param rowsPerDay rows by epoch day, of the transactions whose dates passed {@link
   *     #implausibleDate} without a last day
   * @param options the derivation options (their gap)
   * @return the last plausible day, or empty if every day is plausible
   * @since 0.1.0
   */
  public static Optional<LocalDate> lastPlausibleDay(NavigableMap<Long, Long> rowsPerDay, DerivationOptions options) {
    Objects.requireNonNull(rowsPerDay, "rowsPerDay");
    Objects.requireNonNull(options, "options");
    return Optional.ofNullable(DateGuard.lastPlausibleDay(rowsPerDay, options.implausibleGapDays()));
  }

  /**
   * A filled deriver and the counts of the file it read.
   *
   * @param features the deriver holding every customer's running totals
   * @param counts read, accepted and rejected rows of the transaction log
   * @param referenceBasis how the reference date (observation end) was chosen, in words: given,
   *     or the day after the last (plausible) transaction
   */
  public record Result(FeatureDeriver features, ReadCounts counts, String referenceBasis) {
    /**
     * Validates the parts.
     *
     * @param features the deriver holding every customer's running totals
     * @param counts read, accepted and rejected rows of the transaction log
     * @param referenceBasis how the reference date was chosen
     */
    public Result {
      Objects.requireNonNull(features, "features");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(referenceBasis, "referenceBasis");
    }
  }

  /**
   * Adds one transaction. Transactions dated on or after the reference date (after the
   * observation end in lifetimes mode) are ignored and counted.
   *
   * @param t the transaction
   * @throws IllegalStateException if this deriver came from one of the {@code derive} methods: it
   *     is complete, its per-row state reduced to the features (start one with {@link #asOf} or
   *     {@link #lifetimes} to add transactions)
   */
  public void add(Transaction t) {
    add(t.date().toEpochDay(), t.customerId(), t.amount(), t.orderId(), t.channel());
  }

  /** Adds one transaction given by its values (a scan's reused row, or a record's). */
  private void add(long day, CharSequence customerId, double amount, @Nullable CharSequence order, @Nullable CharSequence channel) {
    if (finished) {
      throw new IllegalStateException("this deriver is complete: the derive methods return a deriver whose per-row"
          + " state (the purchase days, the last order ids) was reduced to the features; to add transactions,"
          + " start one with FeatureDeriver.asOf or FeatureDeriver.lifetimes");
    }
    if (day >= reference) {
      ignored++;
      return;
    }
    used++;
    if (day > lastUsedDay) {
      lastUsedDay = day;
      if (windowRows != null) {
        horizon = LocalDate.ofEpochDay(day + 1).minusMonths(24).toEpochDay();
      }
    }
    int n = ids.add(customerId);
    CustomerColumns c = this.c;
    boolean inLast12 = day >= from12m;
    boolean inPrev12 = !inLast12 && day >= from24m;
    c.revenueTotal.add(n, amount);
    if (inLast12) {
      c.revenue12.add(n, amount);
    } else if (inPrev12) {
      c.revenuePrev12.add(n, amount);
    }
    WindowRows rows = windowRows;
    if (amount < 0 && mode == DerivationOptions.Mode.STANDARD) {
      if (inLast12) {
        c.refunds12.add(n, -amount);
      }
      if (rows != null && day >= horizon) {
        rows.add(n, false, (int) day, amount, horizon);
      }
      return;
    }
    int d = (int) day;
    DaySets days = c.days;
    if (days.isEmpty(n) || d < days.min(n)) {
      c.firstDayAmount.set(n, amount);
    } else if (d == days.min(n)) {
      c.firstDayAmount.add(n, amount);
    }
    days.add(n, d);
    c.purchases.add(n, amount);
    long orderCode = order == null ? CustomerColumns.NO_ORDER : CustomerColumns.orderCode(order);
    boolean newOrder = order == null || !c.isLastOrder(n, orderCode, order);
    if (newOrder) {
      c.orders.increment(n);
      if (inLast12) {
        c.orders12.increment(n);
      } else if (inPrev12) {
        c.ordersPrev12.increment(n);
      }
    }
    if (rows != null && day >= horizon) {
      // A row before the horizon lies before every window of any date after the last day seen.
      rows.add(n, newOrder, d, amount, horizon);
    }
    c.setLastOrder(n, orderCode, order);
    if (channel != null) {
      c.countChannel(n, channels.add(channel));
    }
  }

  /**
   * Returns the features this derivation gives a customer with purchases: the standard features
   * listed above, or in lifetimes mode the summary's. What an input check counts as present when
   * a transaction log is given.
   *
   * @return the features
   * @since 0.1.0
   */
  public java.util.Set<org.clientele.api.Feature<?>> derivedFeatures() {
    if (mode == DerivationOptions.Mode.LIFETIMES) {
      return java.util.Set.of(LifetimesSummary.FREQUENCY, LifetimesSummary.RECENCY, LifetimesSummary.T,
          LifetimesSummary.MONETARY_VALUE);
    }
    return java.util.Set.of(REVENUE_12M, REVENUE_PREV_12M, REVENUE_TOTAL, REFUNDS_12M, ORDERS_12M, ORDERS_PREV_12M,
        FIRST_PURCHASE_DATE, LAST_PURCHASE_DATE, DAYS_SINCE_LAST_PURCHASE, TENURE_DAYS, PURCHASE_DAYS,
        REPEAT_PURCHASES, VISITS_12M, VISITS_3M, AVERAGE_ORDER_VALUE, CHANNEL, ONLINE_SHARE);
  }

  /**
   * Returns the reference date: the first day not observed.
   *
   * @return R in standard mode; the observation end plus one day in lifetimes mode
   */
  public LocalDate referenceDate() {
    return referenceDate;
  }

  /**
   * Returns the mode.
   *
   * @return standard or lifetimes
   */
  public DerivationOptions.Mode mode() {
    return mode;
  }

  /**
   * Returns how many customers have at least one transaction before the reference date.
   *
   * @return the customer count
   */
  public int customerCount() {
    return ids.size();
  }

  /**
   * Returns how many transactions were used.
   *
   * @return transactions dated before the reference date
   */
  public long used() {
    return used;
  }

  /**
   * Returns how many transactions were ignored for being dated on or after the reference date.
   *
   * @return the count
   */
  public long ignoredAfterReference() {
    return ignored;
  }

  /**
   * Returns the day of the last transaction used.
   *
   * @return the day, or empty if none was used
   */
  public Optional<LocalDate> lastTransactionDate() {
    return lastUsedDay == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(lastUsedDay));
  }

  /**
   * Returns one customer's derived features.
   *
   * @param id the customer id
   * @return the customer (lifetimes mode: with the {@code lifetimes_*} features), or empty if the
   *     id has no transaction before the reference date
   */
  public Optional<Customer> customer(String id) {
    int n = ids.find(id);
    return n < 0 ? Optional.empty() : Optional.of(toCustomer(n));
  }

  /**
   * Returns every customer with derived features, built one at a time, in the order of their first
   * transaction in the log.
   *
   * @return an iterator; the deriver must not change while it is used
   */
  public Iterator<Customer> customers() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ids.size();
      }

      @Override
      public Customer next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = next++;
        return toCustomer(n);
      }
    };
  }

  /**
   * Returns every customer's lifetimes summary (in either mode; in standard mode refunds are left
   * out, the observation end is the day before the reference date and the unit is days).
   *
   * @return an iterator in the order of first transactions
   */
  public Iterator<LifetimesSummary> summaries() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        while (next < ids.size() && c.days.isEmpty(next)) {
          next++;
        }
        return next < ids.size();
      }

      @Override
      public LifetimesSummary next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = next++;
        return summary(n);
      }
    };
  }

  /**
   * Returns one customer's lifetimes summary.
   *
   * @param id the customer id
   * @return the summary, or empty without a purchase before the reference date
   */
  public Optional<LifetimesSummary> summary(String id) {
    int n = ids.find(id);
    return n < 0 || c.days.isEmpty(n) ? Optional.empty() : Optional.of(summary(n));
  }

  /**
   * Returns the number of a customer of the log: its place in the order of first transactions,
   * from 0 to {@link #customerCount()} - 1. Lets a join or a duplicate check remember the log's
   * customers by number (a bit, a long) instead of holding every id a second time.
   *
   * @param id the customer id, as any character sequence
   * @return the number, or -1 if the id has no transaction before the reference date
   * @since 0.1.0
   */
  public int customerNumber(CharSequence id) {
    return ids.find(Objects.requireNonNull(id, "id"));
  }

  /** The id of the customer with this number, below {@link #customerCount()}. */
  String id(int n) {
    return ids.text(n);
  }

  /** The derived features of the customer with this number, below {@link #customerCount()}. */
  Customer customer(int n) {
    return toCustomer(n);
  }

  private LifetimesSummary summary(int n) {
    DaySets d = c.days;
    int days = d.count(n);
    double frequency = days - 1;
    double period = unit.days();
    double recency = (d.max(n) - d.min(n)) / period;
    double t = (reference - 1 - d.min(n)) / period;
    double monetary = days > 1 ? (c.purchases.get(n) - c.firstDayAmount.get(n)) / frequency : 0;
    return new LifetimesSummary(ids.text(n), frequency, recency, t, monetary, unit);
  }

  private Customer toCustomer(int n) {
    if (mode == DerivationOptions.Mode.LIFETIMES) {
      return summary(n).toCustomer();
    }
    Customer.Builder b = Customer.builder(ids.text(n))
        .set(REVENUE_12M, c.revenue12.get(n))
        .set(REVENUE_PREV_12M, c.revenuePrev12.get(n))
        .set(REVENUE_TOTAL, c.revenueTotal.get(n))
        .set(REFUNDS_12M, c.refunds12.get(n))
        .set(ORDERS_12M, c.orders12.get(n))
        .set(ORDERS_PREV_12M, c.ordersPrev12.get(n));
    DaySets d = c.days;
    if (!d.isEmpty(n)) {
      int days = d.count(n);
      b.set(FIRST_PURCHASE_DATE, LocalDate.ofEpochDay(d.min(n)))
          .set(LAST_PURCHASE_DATE, LocalDate.ofEpochDay(d.max(n)))
          .set(DAYS_SINCE_LAST_PURCHASE, reference - d.max(n))
          .set(TENURE_DAYS, reference - d.min(n))
          .set(PURCHASE_DAYS, days)
          .set(REPEAT_PURCHASES, days - 1)
          .set(VISITS_12M, d.count(n, from12m, reference))
          .set(VISITS_3M, d.count(n, from3m, reference));
    }
    if (c.orders.get(n) > 0) {
      b.set(AVERAGE_ORDER_VALUE, c.purchases.get(n) / c.orders.get(n));
    }
    int channel = mainChannel(n);
    if (channel >= 0) {
      b.set(CHANNEL, channels.text(channel));
      double share = onlineShare(n);
      if (!Double.isNaN(share)) {
        b.set(ONLINE_SHARE, share);
      }
    }
    return b.build();
  }

  /** The channel of most purchase rows (ties: the alphabetically first), or -1 without one. */
  private int mainChannel(int n) {
    int best = -1;
    int bestRows = 0;
    for (int i = 0, size = channels.size(); i < size; i++) {
      int rows = c.channelRows(n, i);
      if (rows == 0) {
        continue;
      }
      if (best < 0 || rows > bestRows || (rows == bestRows && channels.text(i).compareTo(channels.text(best)) < 0)) {
        best = i;
        bestRows = rows;
      }
    }
    return best;
  }

  // --- channel mix: the names are read once per distinct channel, not once per row

  private static final byte ONLINE = 1;
  private static final byte OFFLINE = 2;
  private static final byte NEITHER = 3;
  private byte[] channelKinds = new byte[0];

  /** Filled lazily when customers are built; a race only recomputes the same byte. */
  private byte channelKind(int index) {
    if (index >= channelKinds.length) {
      channelKinds = Arrays.copyOf(channelKinds, channels.size());
    }
    if (channelKinds[index] == 0) {
      String name = channels.text(index);
      channelKinds[index] = org.clientele.api.ChannelNames.isOneOf(name, org.clientele.api.ChannelNames.ONLINE) ? ONLINE
          : org.clientele.api.ChannelNames.isOneOf(name, org.clientele.api.ChannelNames.OFFLINE) ? OFFLINE : NEITHER;
    }
    return channelKinds[index];
  }

  /** Online rows over online and offline rows; NaN when no row has a known channel name. */
  private double onlineShare(int n) {
    long online = 0;
    long known = 0;
    for (int i = 0, size = channels.size(); i < size; i++) {
      int rows = c.channelRows(n, i);
      if (rows > 0) {
        byte kind = channelKind(i);
        if (kind != NEITHER) {
          known += rows;
          online += kind == ONLINE ? rows : 0;
        }
      }
    }
    return known == 0 ? Double.NaN : (double) online / known;
  }

  /**
   * Returns the channel values of the purchase rows that are neither a known online nor a known
   * offline name ({@link org.clientele.api.ChannelNames}), with their row counts, most rows first:
   * those rows are left out of {@code online_share}, and a run says so. Counted over every customer
   * on demand, not while reading.
   *
   * @return channel value to purchase rows, in descending order of rows; empty when every channel is known
   * @since 0.1.0
   */
  public java.util.Map<String, Long> unrecognisedChannels() {
    long[] rows = new long[channels.size()];
    for (int n = 0; n < ids.size(); n++) {
      for (int i = 0; i < rows.length; i++) {
        rows[i] += c.channelRows(n, i);
      }
    }
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    java.util.stream.IntStream.range(0, rows.length)
        .filter(i -> rows[i] > 0 && channelKind(i) == NEITHER)
        .boxed()
        .sorted((x, y) -> rows[y] != rows[x] ? Long.compare(rows[y], rows[x]) : channels.text(x).compareTo(channels.text(y)))
        .forEach(i -> out.put(channels.text(i), rows[i]));
    return out;
  }
}
