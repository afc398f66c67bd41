package org.clientele.core.features;

import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.core.internal.IdIndex;
import org.jspecify.annotations.Nullable;

/**
 * Combines customers read from a customers file (attributes such as industry, region, credit)
 * with the features derived from a transaction log, by id. Streams the attributes; remembers the
 * customers already joined compactly: one bit per customer of the log (by the deriver's number, no
 * string), and the ids of the customers without transactions in a compact index.
 *
 * <p>Order: every attribute customer in file order (with its derived features when the log has the
 * id; without them otherwise: a prospect has no purchase features), then the customers found only
 * in the log, in the order of their first transaction. When both sides have the same feature the
 * derived value wins: the log is the fresher source.
 *
 * @since 0.1.0
 */
public final class CustomerJoin implements Iterator<Customer> {

  private final Iterator<Customer> attributes;
  private final FeatureDeriver derived;
  /** The log's customers already joined, by the deriver's number. */
  private final BitSet joinedDerived = new BitSet();
  /** The ids of the customers joined without transactions (to pass over a duplicate row). */
  private final IdIndex joinedAttributesOnly = new IdIndex();
  /** The next number of the log's customers to give once the attributes are done; -1 before. */
  private int rest = -1;
  private @Nullable Customer next;
  private long matched;
  private long attributesOnly;
  private long derivedOnly;
  private @Nullable String firstAttributesOnly;
  private @Nullable String firstDerivedOnly;
  // Per feature the log derives: customers whose file value it replaced, and customers without
  // transactions who kept the file's value (a cut-off over both mixes two sources).
  private final Map<String, long[]> sources = new TreeMap<>();

  private final Predicate<String> rejected;
  private long leftOut;
  private @Nullable String firstLeftOut;

  private CustomerJoin(Iterator<Customer> attributes, FeatureDeriver derived, Predicate<String> rejected) {
    this.attributes = attributes;
    this.derived = derived;
    this.rejected = rejected;
  }

  /**
   * Joins attributes with derived features.
   *
   * @param attributes the customers of a customers file, for example a {@link
   *     org.clientele.core.io.CustomerReader}
   * @param derived the filled deriver
   * @return the joined customers, one per distinct id
   */
  public static CustomerJoin of(Iterator<Customer> attributes, FeatureDeriver derived) {
    return of(attributes, derived, id -> false);
  }

  /**
   * Joins attributes with derived features, leaving out the log's customers whose customers row
   * was rejected: classifying them from the log alone would label them from half of their data.
   *
   * @param attributes the customers of a customers file
   * @param derived the filled deriver
   * @param rejected whether the customers file had a rejected row with this id ({@link
   *     org.clientele.core.io.Records#wasRejected})
   * @return the joined customers, one per distinct id
   * @since 0.1.0
   */
  public static CustomerJoin of(Iterator<Customer> attributes, FeatureDeriver derived, Predicate<String> rejected) {
    return new CustomerJoin(Objects.requireNonNull(attributes, "attributes"), Objects.requireNonNull(derived, "derived"),
        Objects.requireNonNull(rejected, "rejected"));
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (rest < 0 && attributes.hasNext()) {
        Customer a = attributes.next();
        int number = derived.customerNumber(a.id());
        if (number >= 0 ? joinedDerived.get(number) : joinedAttributesOnly.find(a.id()) >= 0) {
          continue; // a duplicate id the reader let through: the first row wins
        }
        if (number >= 0) {
          joinedDerived.set(number);
        } else {
          joinedAttributesOnly.add(a.id());
        }
        Customer d = number < 0 ? null : derived.customer(number);
        if (d == null) {
          attributesOnly++;
          if (firstAttributesOnly == null) {
            firstAttributesOnly = a.id();
          }
          for (Feature<?> f : FeatureDeriver.FEATURES) {
            if (a.has(f)) {
              sources.computeIfAbsent(f.name(), k -> new long[2])[1]++;
            }
          }
          next = a;
        } else {
          matched++;
          for (Feature<?> f : FeatureDeriver.FEATURES) {
            if (a.has(f) && d.has(f)) {
              sources.computeIfAbsent(f.name(), k -> new long[2])[0]++;
            }
          }
          next = merge(a, d);
        }
      } else {
        if (rest < 0) {
          rest = 0;
        }
        rest = joinedDerived.nextClearBit(rest);
        if (rest >= derived.customerCount()) {
          return false;
        }
        int number = rest++;
        String id = derived.id(number);
        if (rejected.test(id)) {
          leftOut++;
          if (firstLeftOut == null) {
            firstLeftOut = id;
          }
        } else {
          derivedOnly++;
          if (firstDerivedOnly == null) {
            firstDerivedOnly = id;
          }
          next = derived.customer(number);
        }
      }
    }
    return true;
  }

  @Override
  public Customer next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more customers");
    }
    Customer out = Objects.requireNonNull(next, "hasNext() returned true without a customer");
    next = null;
    return out;
  }

  /**
   * Returns how many customers had both attributes and transactions, so far.
   *
   * @return the count
   */
  public long matched() {
    return matched;
  }

  /**
   * Returns how many customers had attributes but no transaction before the reference date.
   *
   * @return the count
   */
  public long attributesOnly() {
    return attributesOnly;
  }

  /**
   * Returns how many customers had transactions but no row in the customers file.
   *
   * @return the count
   */
  public long derivedOnly() {
    return derivedOnly;
  }

  /**
   * Returns how many customers of the log were left out because their customers row was rejected.
   *
   * @return the count
   * @since 0.1.0
   */
  public long leftOut() {
    return leftOut;
  }

  /**
   * Returns the first id of a customer left out because its customers row was rejected.
   *
   * @return the id; empty if none
   * @since 0.1.0
   */
  public Optional<String> firstLeftOut() {
    return Optional.ofNullable(firstLeftOut);
  }

  /**
   * Returns the first id, in input order, of a customer with attributes but no transaction.
   *
   * @return the id; empty if there is none (so far)
   * @since 0.1.0
   */
  public Optional<String> firstAttributesOnly() {
    return Optional.ofNullable(firstAttributesOnly);
  }

  /**
   * Returns the first id, in the log's order, of a customer with transactions but no attributes.
   *
   * @return the id; empty if there is none (so far)
   * @since 0.1.0
   */
  public Optional<String> firstDerivedOnly() {
    return Optional.ofNullable(firstDerivedOnly);
  }

  /**
   * Returns, for each feature that both the customers file and the log give, how many customers
   * took the log's value (the file's was replaced) and how many kept the file's (they have no
   * transaction). A feature with both counts above zero comes from two sources in one run.
   *
   * @return feature name to {replaced by the log, kept from the file}, by name; only features the
   *     file gives
   * @since 0.1.0
   */
  public Map<String, long[]> featureSources() {
    Map<String, long[]> out = new TreeMap<>();
    sources.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Customer merge(Customer attributes, Customer derived) {
    Customer.Builder b = attributes.toBuilder();
    for (Map.Entry<Feature<?>, Object> e : derived.features().entrySet()) {
      b.set((Feature<Object>) e.getKey(), e.getValue());
    }
    return b.build();
  }
}
