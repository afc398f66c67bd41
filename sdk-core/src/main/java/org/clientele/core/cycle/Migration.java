package org.clientele.core.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clientele.core.internal.Formats;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two snapshots ({@link SnapshotComparison#compare}): per dimension the
 * transition matrix, and per moving customer the move and, when explanations were available, its
 * reason. Immutable.
 *
 * @param before the older snapshot's name
 * @param after the newer snapshot's name
 * @param beforeInfo where the older snapshot came from, or null (no sidecar)
 * @param afterInfo where the newer snapshot came from, or null (no sidecar)
 * @param dimensions one per dimension the two snapshots share, in the newer snapshot's order
 * @param moves every customer that changed label on a dimension, dimension by dimension in
 *     customer order of the newer snapshot
 * @since 0.1.0
 */
public record Migration(
    String before,
    String after,
    @Nullable SnapshotInfo beforeInfo,
    @Nullable SnapshotInfo afterInfo,
    List<DimensionMigration> dimensions,
    List<Move> moves) {

  /**
   * Checks and copies the parts.
   *
   * @param before the older snapshot's name
   * @param after the newer snapshot's name
   * @param beforeInfo the older snapshot's description, or null
   * @param afterInfo the newer snapshot's description, or null
   * @param dimensions one per shared dimension
   * @param moves every move
   */
  public Migration {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    dimensions = List.copyOf(dimensions);
    moves = List.copyOf(moves);
  }

  /**
   * Tells whether both snapshots were classified by the same model (same fingerprint). When they
   * were not, a label can change because the model changed; {@code --same-model} separates the two.
   *
   * @return true if both have a sidecar and the fingerprints are equal
   */
  public boolean sameModel() {
    return beforeInfo != null && afterInfo != null && beforeInfo.modelFingerprint().equals(afterInfo.modelFingerprint());
  }

  /**
   * Returns one dimension's migration.
   *
   * @param dimension the dimension id
   * @return the migration, or empty if the snapshots do not share the dimension
   */
  public Optional<DimensionMigration> dimension(String dimension) {
    return dimensions.stream().filter(d -> d.dimension().equals(dimension)).findFirst();
  }

  /**
   * One dimension's transition matrix.
   *
   * @param dimension the dimension id
   * @param labels the labels, rows and columns of the matrix, in the dimension's order when known
   * @param customers {@code customers[i][j]}: customers labelled {@code labels[i]} before and
   *     {@code labels[j]} after (customers in both snapshots only)
   * @param revenueBefore {@code revenueBefore[i][j]}: the same customers' revenue in the older
   *     snapshot (the revenue dimension's score), or null when there is no revenue
   * @param revenueAfter the same in the newer snapshot, or null
   * @param added per label, customers only in the newer snapshot
   * @param gone per label, customers only in the older snapshot
   * @since 0.1.0
   */
  public record DimensionMigration(
      String dimension,
      List<String> labels,
      List<List<Long>> customers,
      @Nullable List<List<BigDecimal>> revenueBefore,
      @Nullable List<List<BigDecimal>> revenueAfter,
      List<Long> added,
      List<Long> gone) {

    /**
     * Checks the shapes and copies the lists.
     *
     * @param dimension the dimension id
     * @param labels the labels
     * @param customers the customer counts
     * @param revenueBefore the older revenue, or null
     * @param revenueAfter the newer revenue, or null
     * @param added customers only in the newer snapshot, per label
     * @param gone customers only in the older snapshot, per label
     */
    public DimensionMigration {
      Objects.requireNonNull(dimension, "dimension");
      labels = List.copyOf(labels);
      int n = labels.size();
      customers = square(customers, n);
      if ((revenueBefore == null) != (revenueAfter == null)) {
        throw new IllegalArgumentException("give both revenue matrices or neither");
      }
      revenueBefore = revenueBefore == null ? null : square(revenueBefore, n);
      revenueAfter = revenueAfter == null ? null : square(revenueAfter, n);
      added = List.copyOf(added);
      gone = List.copyOf(gone);
      if (added.size() != n || gone.size() != n) {
        throw new IllegalArgumentException("added and gone need one count per label");
      }
    }

    private static <T> List<List<T>> square(List<List<T>> m, int n) {
      if (m.size() != n || m.stream().anyMatch(r -> r.size() != n)) {
        throw new IllegalArgumentException("the matrix needs " + n + " rows of " + n);
      }
      return m.stream().map(List::copyOf).toList();
    }

    private long cell(int i, int j) {
      return customers.get(i).get(j);
    }

    /**
     * Returns the customers labelled {@code from} before and {@code to} after.
     *
     * @param from a label of the older snapshot
     * @param to a label of the newer snapshot
     * @return the count (0 for an unknown label)
     */
    public long count(String from, String to) {
      int i = labels.indexOf(from);
      int j = labels.indexOf(to);
      return i < 0 || j < 0 ? 0 : cell(i, j);
    }

    /**
     * Returns the customers in both snapshots with the same label.
     *
     * @return the diagonal's sum
     */
    public long stayers() {
      long s = 0;
      for (int i = 0; i < labels.size(); i++) {
        s += cell(i, i);
      }
      return s;
    }

    /**
     * Returns the customers in both snapshots with another label.
     *
     * @return the sum off the diagonal
     */
    public long movers() {
      long s = 0;
      for (int i = 0; i < labels.size(); i++) {
        for (int j = 0; j < labels.size(); j++) {
          s += i == j ? 0 : cell(i, j);
        }
      }
      return s;
    }

    /**
     * Returns the customers only in the newer snapshot.
     *
     * @return the count
     */
    public long newCustomers() {
      long s = 0;
      for (long a : added) {
        s += a;
      }
      return s;
    }

    /**
     * Returns the customers only in the older snapshot.
     *
     * @return the count
     */
    public long goneCustomers() {
      long s = 0;
      for (long g : gone) {
        s += g;
      }
      return s;
    }

    /**
     * Returns the moves between two different labels, largest first (ties in label order).
     *
     * @return the flows
     */
    public List<Flow> flows() {
      List<Flow> out = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        long row = 0;
        for (long c : customers.get(i)) {
          row += c;
        }
        for (int j = 0; j < labels.size(); j++) {
          if (i != j && cell(i, j) > 0) {
            out.add(new Flow(labels.get(i), labels.get(j), cell(i, j), row,
                revenueBefore == null ? null : revenueBefore.get(i).get(j),
                revenueAfter == null ? null : revenueAfter.get(i).get(j)));
          }
        }
      }
      out.sort((a, b) -> Long.compare(b.customers(), a.customers()));
      return out;
    }

    @Override
    public String toString() {
      return "DimensionMigration[" + dimension + ", " + stayers() + " stayers, " + movers() + " movers]";
    }
  }

  /**
   * Customers that moved from one label to another.
   *
   * @param from the older label
   * @param to the newer label
   * @param customers how many moved
   * @param fromTotal how many customers of both snapshots had the older label
   * @param revenueBefore their revenue in the older snapshot, or null
   * @param revenueAfter their revenue in the newer snapshot, or null
   * @since 0.1.0
   */
  public record Flow(String from, String to, long customers, long fromTotal,
      @Nullable BigDecimal revenueBefore, @Nullable BigDecimal revenueAfter) {

    /**
     * Checks the parts.
     *
     * @param from the older label
     * @param to the newer label
     * @param customers how many moved
     * @param fromTotal how many had the older label
     * @param revenueBefore their older revenue, or null
     * @param revenueAfter their newer revenue, or null
     */
    public Flow {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * One customer's change of label on one dimension.
   *
   * @param customerId the customer
   * @param dimension the dimension id
   * @param from the older label
   * @param to the newer label
   * @param reason why, in words (the feature that crossed a threshold), or null when the
   *     snapshots' explanations were not available
   * @param feature the deciding feature, or null
   * @since 0.1.0
   */
  public record Move(String customerId, String dimension, String from, String to,
      @Nullable String reason, @Nullable String feature) {

    /**
     * Checks the parts.
     *
     * @param customerId the customer
     * @param dimension the dimension id
     * @param from the older label
     * @param to the newer label
     * @param reason why, or null
     * @param feature the deciding feature, or null
     */
    public Move {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * Describes the migration for people: the provenance of both snapshots, then per dimension the
   * matrix, stayers / movers / new / gone and the largest flows in words.
   *
   * @param topFlows how many flows to describe per dimension
   * @return lines of text, ending in a newline
   */
  public String toText(int topFlows) {
    StringBuilder out = new StringBuilder();
    out.append("Before: ").append(describe(before, beforeInfo)).append('\n');
    out.append("After:  ").append(describe(after, afterInfo)).append('\n');
    if (beforeInfo == null || afterInfo == null) {
      out.append("Model: unknown for a snapshot without its .snapshot.json sidecar; labels may have moved because the model moved.\n");
    } else if (sameModel()) {
      out.append("Model: the same in both (").append(afterInfo.shortFingerprint()).append("): every move is a change in the customers.\n");
    } else {
      out.append("Model: DIFFERENT (").append(beforeInfo.shortFingerprint()).append(" then ").append(afterInfo.shortFingerprint())
          .append("): a label can move because the thresholds moved; use --same-model to separate the two.\n");
    }
    for (DimensionMigration d : dimensions) {
      out.append('\n').append(table(d));
      List<Flow> flows = d.flows();
      for (int k = 0; k < Math.min(topFlows, flows.size()); k++) {
        Flow f = flows.get(k);
        out.append("  ").append(sentence(d.dimension(), f)).append('\n');
      }
    }
    return out.toString();
  }

  private String sentence(String dimension, Flow f) {
    StringBuilder s = new StringBuilder();
    s.append(Formats.count(f.customers())).append(' ').append(f.from()).append(" customers became ").append(f.to())
        .append(" (").append(Formats.percent(f.fromTotal() == 0 ? 0 : (double) f.customers() / f.fromTotal()))
        .append(" of ").append(f.from()).append(')');
    BigDecimal rb = f.revenueBefore();
    BigDecimal ra = f.revenueAfter();
    if (rb != null && ra != null) {
      s.append("; revenue ").append(Formats.money(rb.doubleValue())).append(" -> ").append(Formats.money(ra.doubleValue()));
    }
    Map<String, Long> features = new java.util.TreeMap<>();
    String example = null;
    for (Move m : moves) {
      if (m.dimension().equals(dimension) && m.from().equals(f.from()) && m.to().equals(f.to()) && m.feature() != null) {
        features.merge(m.feature(), 1L, Long::sum);
        if (example == null) {
          example = m.customerId() + ": " + m.reason();
        }
      }
    }
    if (!features.isEmpty()) {
      List<Map.Entry<String, Long>> byCount = new ArrayList<>(features.entrySet());
      byCount.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
      s.append(": the deciding feature was ");
      for (int i = 0; i < Math.min(3, byCount.size()); i++) {
        s.append(i == 0 ? "" : ", ").append(byCount.get(i).getKey()).append(" for ").append(Formats.count(byCount.get(i).getValue()));
      }
      s.append(" (e.g. ").append(example).append(')');
    }
    return s.toString();
  }

  private static String describe(String name, @Nullable SnapshotInfo info) {
    if (info == null) {
      return name + " (no .snapshot.json: reference date and model unknown)";
    }
    LocalDate d = info.referenceDate();
    return name + " (as of " + (d == null ? "no reference date" : d) + ", model " + info.shortFingerprint() + ")";
  }

  /** The matrix as a table: rows before, columns after, then new and gone. */
  private static String table(DimensionMigration d) {
    List<String> labels = d.labels();
    int w = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
    StringBuilder out = new StringBuilder();
    out.append(d.dimension()).append(": ").append(Formats.count(d.stayers())).append(" stayed, ")
        .append(Formats.count(d.movers())).append(" moved, ").append(Formats.count(d.newCustomers())).append(" new, ")
        .append(Formats.count(d.goneCustomers())).append(" gone\n");
    out.append(String.format(Locale.ROOT, "  %-" + w + "s", "before \\ after"));
    for (String l : labels) {
      out.append(String.format(Locale.ROOT, "%" + w + "s", l));
    }
    out.append(String.format(Locale.ROOT, "%" + w + "s%n", "gone"));
    for (int i = 0; i < labels.size(); i++) {
      out.append(String.format(Locale.ROOT, "  %-" + w + "s", labels.get(i)));
      for (int j = 0; j < labels.size(); j++) {
        out.append(String.format(Locale.ROOT, "%" + w + "s", Formats.count(d.customers().get(i).get(j))));
      }
      out.append(String.format(Locale.ROOT, "%" + w + "s%n", Formats.count(d.gone().get(i))));
    }
    out.append(String.format(Locale.ROOT, "  %-" + w + "s", "new"));
    for (int j = 0; j < labels.size(); j++) {
      out.append(String.format(Locale.ROOT, "%" + w + "s", Formats.count(d.added().get(j))));
    }
    out.append('\n');
    return out.toString();
  }
}
