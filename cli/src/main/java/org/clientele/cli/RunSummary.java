package org.clientele.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clientele.core.io.ReadCounts;
import org.jspecify.annotations.Nullable;

/**
 * What a run read and did: per input file the rows read, accepted and rejected (read = accepted +
 * rejected, always), the customers classified and where they came from. Printed as a few lines
 * and written into the report file.
 *
 * @param customersFile the customers file's counts, or null without one
 * @param transactionsFile the transaction log's counts, or null without one
 * @param derivedCustomers customers with at least one transaction before the reference date
 * @param classified customers classified (one result each)
 * @param fromCustomersFile classified customers that came from the customers file
 * @param onlyInTransactions classified customers found in the log but not in the customers file
 * @param referenceDate the reference date of the derived features, or null without a log
 * @param rejectionsFile where the rejected rows were written, or null
 */
record RunSummary(
    @Nullable ReadCounts customersFile,
    @Nullable ReadCounts transactionsFile,
    long derivedCustomers,
    long classified,
    long fromCustomersFile,
    long onlyInTransactions,
    @Nullable String referenceDate,
    @Nullable String rejectionsFile) {

  List<ReadCounts> files() {
    List<ReadCounts> out = new ArrayList<>(2);
    if (customersFile != null) {
      out.add(customersFile);
    }
    if (transactionsFile != null) {
      out.add(transactionsFile);
    }
    return out;
  }

  long rejected() {
    return files().stream().mapToLong(ReadCounts::rejected).sum();
  }

  Map<String, Long> rejectedByReason() {
    return Pipeline.rejectedByReason(files());
  }

  /** The lines printed at the end of a run. */
  List<String> lines() {
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

  /** The summary as JSON-compatible values, for the report file. */
  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> files = new ArrayList<>();
    for (ReadCounts c : files()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", c.source());
      f.put("kind", c == customersFile ? "customers" : "transactions");
      f.put("read", c.read());
      f.put("accepted", c.accepted());
      f.put("rejected", c.rejected());
      Map<String, Long> reasons = new java.util.TreeMap<>();
      c.rejectedByReason().forEach((r, n) -> reasons.put(r.code(), n));
      f.put("rejectedByReason", reasons);
      f.put("notes", c.notes());
      files.add(f);
    }
    out.put("files", files);
    out.put("classified", classified);
    if (transactionsFile != null) {
      out.put("referenceDate", referenceDate);
      out.put("customersWithPurchases", derivedCustomers);
    }
    if (customersFile != null && transactionsFile != null) {
      out.put("onlyInTransactions", onlyInTransactions);
    }
    out.put("rejected", rejected());
    out.put("rejectedByReason", rejectedByReason());
    if (rejectionsFile != null) {
      out.put("rejectionsFile", rejectionsFile);
    }
    return out;
  }
}
