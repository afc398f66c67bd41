package org.clientele.core.io;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.clientele.api.Customer;
import org.jspecify.annotations.Nullable;

/**
 * A host's own customers read the way a customers file is: each one checked as a file's row is
 * after parsing (every standard number within its range, such as no negative count and a
 * satisfaction from 1 to 5; no first purchase after the last; no last purchase longer ago than the
 * first), and one that fails is rejected with the reason, its position and the feature, not
 * classified. {@code Customer.Builder} already refuses non-finite numbers and blank texts; a
 * negative {@code orders_12m} from a bad join is a valid {@code Customer} all the same, and would
 * give a confident label. Counts add up: read = accepted + rejected.
 *
 * @since 0.1.0
 */
public final class HostCustomers {

  private HostCustomers() {}

  /**
   * Wraps the host's customers.
   *
   * @param customers the customers; a null element fails the read, naming its position
   * @param source a name for counts and messages, for example {@code "accounts (host)"}
   * @param sink receives each rejected customer; its line is the 1-based position
   * @return a pass over the accepted customers
   * @since 0.1.0
   */
  public static Records<Customer> of(Iterator<? extends Customer> customers, String source, RejectionSink sink) {
    return new Checked(Records.of(customers, source), source, Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Checks one customer as {@link #of} does, for a reader of its own (Spark's rows).
   *
   * @param customer the customer
   * @param source the input's name for the rejection
   * @param line the customer's 1-based position, or 0 if unknown
   * @return the rejection, or empty if the customer passes
   * @since 0.1.0
   */
  public static Optional<Rejection> check(Customer customer, String source, long line) {
    CustomerChecks.Problem p = CustomerChecks.outOfRange(customer);
    if (p == null) {
      p = CustomerChecks.contradiction(customer);
    }
    return p == null ? Optional.empty()
        : Optional.of(new Rejection(source, line, p.field(), p.value(), p.reason(), "customer " + customer.id() + ": " + p.message(), p.fix()));
  }

  private static final class Checked implements Records<Customer> {
    private final Records<Customer> all;
    private final String source;
    private final RejectionSink sink;
    private final Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
    /** The rejected customers' ids and positions, for a join that must not classify them from a log alone. */
    private final Map<String, Long> rejectedAt = new HashMap<>();
    private long read;
    private long rejected;
    private long line;
    private long nextLine;
    private @Nullable Customer next;

    Checked(Records<Customer> all, String source, RejectionSink sink) {
      this.all = all;
      this.source = source;
      this.sink = sink;
    }

    @Override
    public boolean hasNext() {
      while (next == null && all.hasNext()) {
        Customer c = all.next();
        read++;
        Optional<Rejection> r = check(c, source, read);
        if (r.isEmpty()) {
          next = c;
          nextLine = read;
        } else {
          rejected++;
          byReason.merge(r.get().reason(), 1L, Long::sum);
          rejectedAt.putIfAbsent(c.id(), read);
          sink.reject(r.get());
        }
      }
      return next != null;
    }

    @Override
    public Customer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Customer c = Objects.requireNonNull(next);
      next = null;
      line = nextLine;
      return c;
    }

    @Override
    public ReadCounts counts() {
      return new ReadCounts(source, read, read - rejected, rejected, byReason, List.of());
    }

    @Override
    public long line() {
      return line;
    }

    @Override
    public boolean wasRejected(String id) {
      return rejectedAt.containsKey(id);
    }

    @Override
    public OptionalLong rejectedLine(String id) {
      Long at = rejectedAt.get(id);
      return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    @Override
    public void close() {
      all.close();
    }
  }
}
