package org.clientele.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;
import org.clientele.core.features.CustomerJoin;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.io.CustomerReader;
import org.clientele.core.io.InputConfig;
import org.clientele.core.io.InputException;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionReader;
import org.jspecify.annotations.Nullable;

/**
 * The reading side shared by the commands: the configuration, the transaction log turned into
 * features, and the stream of customers (the customers file joined with the derived features).
 * The customers can be streamed more than once (calibration, then classification); the transaction
 * log is read once (twice without a reference date) and kept as one small accumulator per customer.
 */
final class Pipeline {

  private final @Nullable Model model;
  private final InputConfig input;
  private final DerivationOptions derive;
  private final @Nullable Path customersFile;
  private final @Nullable Path transactionsFile;
  private final boolean strict;
  private final @Nullable Integer threads;
  private final PrintWriter err;
  private final boolean progress;

  private @Nullable FeatureDeriver deriver;
  private @Nullable ReadCounts transactionCounts;

  private Pipeline(@Nullable Model model, InputOptions in, PrintWriter err) {
    this.model = model;
    this.customersFile = in.customers;
    this.transactionsFile = in.transactions;
    this.strict = in.strict;
    this.threads = in.threads;
    this.err = err;
    this.progress = !in.noProgress && Progress.terminal();
    if (model == null) {
      input = InputConfig.defaults();
      derive = referenceDate(DerivationOptions.defaults(), in.referenceDate, "<default configuration>");
    } else {
      Sections s = readSections(model);
      input = s.input();
      derive = referenceDate(s.derive(), in.referenceDate, model.source());
    }
    if (customersFile == null && transactionsFile == null) {
      throw new CliException("no input: give --customers FILE, --transactions FILE, or both");
    }
    if (threads != null && threads < 1) {
      throw new CliException("--threads must be at least 1, was " + threads);
    }
  }

  /**
   * Reads a configuration and prepares the inputs.
   *
   * @param configFile a configuration or model file, or null for the default configuration
   */
  static Pipeline create(@Nullable Path configFile, InputOptions in, PrintWriter err) {
    Model model = configFile == null ? null : readModel(configFile);
    return new Pipeline(model, in, err);
  }

  static Model readModel(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(file + ": configuration file not found; check the path");
    }
    return Model.read(file);
  }

  /** The {@code input} and {@code output} sections of a configuration, validated. */
  record Sections(InputConfig input, DerivationOptions derive, PluginConfig output) {}

  /**
   * Reads and checks the sections the command-line tool owns: {@code input} (transactions,
   * customers, derive) and {@code output} (format, report), rejecting unknown keys as typos.
   */
  static Sections readSections(Model model) {
    PluginConfig in = model.section("input");
    InputConfig input = InputConfig.fromConfig(in);
    DerivationOptions derive = DerivationOptions.fromConfig(in.section("derive"));
    rejectUnread(in);
    PluginConfig out = model.section("output");
    out.choice("format", ResultFormat.class, ResultFormat.JSONL);
    ReportSupport.options(out);
    rejectUnread(out);
    return new Sections(input, derive, out);
  }

  private static void rejectUnread(PluginConfig section) {
    Set<String> unread = section.unreadKeys();
    if (!unread.isEmpty()) {
      throw new ConfigurationException(
          section.source() + " " + unread.iterator().next(),
          "unknown key" + (unread.size() > 1 ? " (also " + new ArrayList<>(unread).subList(1, unread.size()) + ")" : "")
              + "; check the spelling against docs/input.md and docs/cli.md, or remove it");
    }
  }

  private static DerivationOptions referenceDate(DerivationOptions options, @Nullable LocalDate date, String source) {
    if (date == null) {
      return options;
    }
    if (options.mode() == DerivationOptions.Mode.LIFETIMES) {
      throw new CliException(
          "--reference-date applies to the standard derivation; " + source
              + " uses the lifetimes mode: set input.derive.observationEnd instead");
    }
    return DerivationOptions.asOf(date);
  }

  /** The configuration, or null for the default one (every discovered classifier). */
  @Nullable Model model() {
    return model;
  }

  /** An engine builder for this configuration. */
  EngineBuilder engineBuilder() {
    EngineBuilder b = org.clientele.core.Engine.builder();
    if (model != null) {
      b.model(model);
    }
    if (threads != null) {
      b.parallelism(threads);
    }
    return b;
  }

  /**
   * Reads the transaction log, if any, into per-customer features. Rejections go to the sink;
   * without a reference date the log is read twice (the first pass only finds the last date).
   */
  void deriveFeatures(RejectionSink sink) {
    if (transactionsFile == null || deriver != null) {
      return;
    }
    LocalDate given = derive.mode() == DerivationOptions.Mode.STANDARD ? derive.referenceDate() : derive.observationEnd();
    LocalDate last = given;
    if (given == null) {
      RejectionSink first = sink.isStrict() ? sink : RejectionSink.discard();
      try (Opened f = open(transactionsFile);
          TransactionReader r = TransactionReader.open(f.reader(), f.name(), input.transactions(), first);
          Progress bar = bar("Scanning dates", f)) {
        while (r.hasNext()) {
          LocalDate d = r.next().date();
          if (last == null || d.isAfter(last)) {
            last = d;
          }
          bar.tick();
        }
      }
    }
    FeatureDeriver d = FeatureDeriver.create(derive, last != null ? last : LocalDate.EPOCH);
    try (Opened f = open(transactionsFile);
        TransactionReader r = TransactionReader.open(f.reader(), f.name(), input.transactions(), sink);
        Progress bar = bar("Deriving features", f)) {
      while (r.hasNext()) {
        Transaction t = r.next();
        d.add(t);
        bar.tick();
      }
      transactionCounts = r.counts();
    }
    deriver = d;
  }

  /** The derived features, after {@link #deriveFeatures}; null without a transaction log. */
  @Nullable FeatureDeriver deriver() {
    return deriver;
  }

  /** The transaction log's counts, after {@link #deriveFeatures}; null without a log. */
  @Nullable ReadCounts transactionCounts() {
    return transactionCounts;
  }

  /**
   * Streams the customers: the customers file joined with the derived features, or the derived
   * customers alone. Call {@link #deriveFeatures} first.
   *
   * @param sink receives the customers file's rejected rows
   * @param label the progress bar's label
   */
  CustomerStream customers(RejectionSink sink, String label) {
    if (transactionsFile != null && deriver == null) {
      throw new IllegalStateException("deriveFeatures() first");
    }
    return new CustomerStream(sink, label);
  }

  /** A lazily opened customer stream: nothing is read unless someone asks for a customer. */
  final class CustomerStream implements Iterator<Customer>, AutoCloseable {
    private final RejectionSink sink;
    private final String label;
    private @Nullable Iterator<Customer> it;
    private @Nullable CustomerReader reader;
    private @Nullable CustomerJoin join;
    private @Nullable Opened file;
    private @Nullable Progress bar;
    private long count;

    private CustomerStream(RejectionSink sink, String label) {
      this.sink = sink;
      this.label = label;
    }

    private Iterator<Customer> it() {
      if (it == null) {
        if (customersFile != null) {
          file = open(customersFile);
          reader = CustomerReader.open(file.reader(), file.name(), input.customers(), sink);
          bar = bar(label, file);
          if (deriver != null) {
            join = CustomerJoin.of(reader, deriver);
            it = join;
          } else {
            it = reader;
          }
        } else {
          FeatureDeriver d = java.util.Objects.requireNonNull(deriver);
          bar = Progress.start(err, progress, label, d.customerCount(), () -> count, "customers");
          it = d.customers();
        }
      }
      return it;
    }

    @Override
    public boolean hasNext() {
      return it().hasNext();
    }

    @Override
    public Customer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Customer c = it().next();
      count++;
      if (bar != null) {
        bar.tick();
      }
      return c;
    }

    /** Customers handed out so far. */
    long count() {
      return count;
    }

    /** The customers file's counts (null without one), valid once the stream is exhausted. */
    @Nullable ReadCounts customerCounts() {
      it();
      return reader == null ? null : reader.counts();
    }

    /** The join's counts: matched, customers-file only, transactions only (null without a join). */
    long @Nullable [] joinCounts() {
      return join == null ? null : new long[] {join.matched(), join.attributesOnly(), join.derivedOnly()};
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
      if (reader != null) {
        reader.close();
      }
      if (file != null) {
        file.close();
      }
    }
  }

  /** Rejected rows by reason code over every file read, in a stable order. */
  static Map<String, Long> rejectedByReason(List<ReadCounts> counts) {
    Map<String, Long> out = new TreeMap<>();
    for (ReadCounts c : counts) {
      c.rejectedByReason().forEach((reason, n) -> out.merge(reason.code(), n, Long::sum));
    }
    return out;
  }

  private Progress bar(String label, Opened f) {
    return Progress.start(err, progress, label, f.size(), f.in()::count, "bytes");
  }

  /** An input file opened for reading, counting its bytes for the progress bar. */
  record Opened(String name, CountingInputStream in, Reader reader, long size) implements AutoCloseable {
    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // Closing a file we only read: nothing was lost.
      }
    }
  }

  static Opened open(Path file) {
    InputStream raw;
    long size;
    try {
      raw = Files.newInputStream(file);
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "file not found; check the path", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open the file: " + e.getMessage(), e);
    }
    CountingInputStream in = new CountingInputStream(raw);
    // The same decoding as the readers' own file opening: bad bytes become U+FFFD, so the row is
    // rejected as invalid_encoding instead of the file failing.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    Reader reader = new java.io.BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    Path name = file.getFileName();
    return new Opened(name == null ? file.toString() : name.toString(), in, reader, size);
  }
}
