package org.clientele.core.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clientele.core.io.ReadCounts;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Segmentation} run read and did: per input the rows read, accepted and rejected
 * (read = accepted + rejected, always), the transactions ignored because they fall on or after the
 * reference date, and the customers classified with where they came from.
 *
 * @param customersFile the customers input's counts, or null without one
 * @param transactionsFile the transaction input's counts, or null without one
 * @param ignoredTransactions accepted transactions dated on or after the reference date (after the
 *     observation end in lifetimes mode): read, valid, and not part of any feature
 * @param derivedCustomers customers with at least one transaction before the reference date
 * @param classified customers classified (one result each)
 * @param fromCustomersFile classified customers that came from the customers input
 * @param onlyInTransactions classified customers found in the transactions but not in the customers
 *     input
 * @param referenceDate the reference date of the derived features, or null without transactions
 * @param referenceBasis how the reference date was chosen (given, or the day after the last
 *     plausible transaction), or null without transactions
 * @since 0.1.0
 */
public record RunCounts(
    @Nullable ReadCounts customersFile,
    @Nullable ReadCounts transactionsFile,
    long ignoredTransactions,
    long derivedCustomers,
    long classified,
    long fromCustomersFile,
    long onlyInTransactions,
    @Nullable LocalDate referenceDate,
    @Nullable String referenceBasis) {

  /**
   * Returns the inputs' counts, customers first.
   *
   * @return one or two counts
   */
  public List<ReadCounts> files() {
    List<ReadCounts> out = new ArrayList<>(2);
    if (customersFile != null) {
      out.add(customersFile);
    }
    if (transactionsFile != null) {
      out.add(transactionsFile);
    }
    return out;
  }

  /**
   * Returns the rows rejected over every input.
   *
   * @return the sum
   */
  public long rejected() {
    return files().stream().mapToLong(ReadCounts::rejected).sum();
  }

  /**
   * Returns the rejected rows by reason code over every input, in a stable order.
   *
   * @return reason code to count
   */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> out = new TreeMap<>();
    for (ReadCounts c : files()) {
      c.rejectedByReason().forEach((reason, n) -> out.merge(reason.code(), n, Long::sum));
    }
    return out;
  }

  /**
   * Returns the summary as a few lines for a terminal or a log.
   *
   * @param rejectionsFile where the rejected rows were written, or null if nowhere
   * @return the lines
   */
  public List<String> lines(@Nullable String rejectionsFile) {
    List<String> out = new ArrayList<>();
    if (customersFile != null) {
      ReadCounts c = customersFile;
      out.add(String.format(Locale.ROOT, "%s: %,d rows read = %,d classified + %,d rejected",
          c.source(), c.read(), c.accepted(), c.rejected()));
    }
    if (transactionsFile != null) {
      ReadCounts t = transactionsFile;
      out.add(String.format(Locale.ROOT, "%s: %,d rows read = %,d accepted + %,d rejected; %,d customers with purchases as of %s",
          t.source(), t.read(), t.accepted(), t.rejected(), derivedCustomers, referenceDate));
      out.add("reference date " + referenceDate + ": " + referenceBasis);
      if (ignoredTransactions > 0) {
        out.add(String.format(Locale.ROOT,
            "%s: %,d accepted rows are dated on or after the reference date %s and are ignored (not in any feature)",
            t.source(), ignoredTransactions, referenceDate));
      }
    }
    for (ReadCounts c : files()) {
      for (String note : c.notes()) {
        out.add("note: " + note);
      }
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Classified %,d customers", classified));
    if (customersFile != null && transactionsFile != null && onlyInTransactions > 0) {
      b.append(String.format(Locale.ROOT, " (%,d from %s, %,d found only in %s)",
          fromCustomersFile, customersFile.source(), onlyInTransactions, transactionsFile.source()));
    }
    long rejected = rejected();
    if (rejected == 0) {
      b.append("; no rows rejected.");
    } else {
      b.append(String.format(Locale.ROOT, "; %,d row%s rejected (", rejected, rejected == 1 ? "" : "s"));
      StringBuilder reasons = new StringBuilder();
      rejectedByReason().forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", n, reason)));
      b.append(reasons).append(')');
      b.append(rejectionsFile != null ? ", written to " + rejectionsFile + "." : "; write them to a file with --rejections FILE.");
    }
    out.add(b.toString());
    return out;
  }

  /**
   * Returns the counts as JSON-compatible values, as the report file holds them under {@code
   * input}.
   *
   * @return an ordered map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> files = new ArrayList<>();
    for (ReadCounts c : files()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", c.source());
      f.put("kind", c == customersFile ? "customers" : "transactions");
      f.put("read", c.read());
      f.put("accepted", c.accepted());
      f.put("rejected", c.rejected());
      if (c == transactionsFile) {
        f.put("ignored", ignoredTransactions);
      }
      Map<String, Long> reasons = new TreeMap<>();
      c.rejectedByReason().forEach((r, n) -> reasons.put(r.code(), n));
      f.put("rejectedByReason", reasons);
      f.put("notes", c.notes());
      files.add(f);
    }
    out.put("files", files);
    out.put("classified", classified);
    if (transactionsFile != null) {
      out.put("referenceDate", String.valueOf(referenceDate));
      out.put("referenceBasis", referenceBasis);
      out.put("customersWithPurchases", derivedCustomers);
    }
    if (customersFile != null && transactionsFile != null) {
      out.put("onlyInTransactions", onlyInTransactions);
    }
    out.put("rejected", rejected());
    out.put("rejectedByReason", rejectedByReason());
    return out;
  }
}
