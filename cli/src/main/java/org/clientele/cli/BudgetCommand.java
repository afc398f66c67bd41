package org.clientele.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clientele.core.cycle.CustomerBudget;
import org.clientele.core.cycle.OutcomeAnalysis;
import org.clientele.core.cycle.ResponseBudget;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.io.OutcomeReader;
import org.clientele.core.io.OutcomeRecord;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clientele budget}: split an amount across rules, or across segments and customers, by
 * measured incremental return.
 */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    header = "Splits a budget by measured incremental return (per rule, or per segment and customer), with diminishing"
        + " returns, minimums and caps.",
    sortOptions = false,
    description = {
      "Measures each rule in an outcome file against its control group (as 'clientele outcomes' does), takes its"
          + " incremental revenue per unit spent, and splits the amount so that the expected return is largest, with"
          + " diminishing returns (each extra unit returns less), minimums and caps. Per rule by default; with"
          + " --results, across the segments and customers the rules of those results select (--per-customer FILE"
          + " writes each customer's amount). Exact to the cent; the same inputs give the same split. Warns when"
          + " the minimums add up to more than half of the amount, or the lines held at their caps take more than half.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele budget outcomes.csv --measured-on results-2024-07.jsonl --amount 50000 --minimum-each 1000",
      "  clientele budget outcomes.csv --control-share 0.2 --amount 50000 --cap value-core=20000",
      "  clientele budget outcomes.csv --measured-on results-2024-07.jsonl --results results-2025-01.jsonl \\",
      "      --amount 50000 --minimum-per-customer 2 --per-customer budget.csv",
      "",
      "Exit codes: 0 ok, 1 fatal error (or nothing could be placed), 2 usage error, 3 outcome rows rejected, 4 control-group leak."
    })
final class BudgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTCOMES", description = "The outcome file (CSV or JSON Lines).")
  Path outcomes;

  @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount to split (at most 2 decimals).")
  BigDecimal amount;

  @Mixin ControlGroupOptions control = new ControlGroupOptions();

  @Option(names = "--measured-on", paramLabel = "FILE",
      description = "The results the outcomes were recorded against: their segments (for the per-segment returns) and"
          + " the control group recorded beside them. Default: --results.")
  @Nullable Path measuredOn;

  @Option(names = "--results", paramLabel = "FILE",
      description = "Split across the segments and customers of these results: every customer a rule selects (and does"
          + " not hold out) gets an amount for that rule.")
  @Nullable Path results;

  @Option(names = "--dimension", paramLabel = "ID", defaultValue = "value",
      description = "With --results: the dimension whose label is the segment (default: ${DEFAULT-VALUE}).")
  String dimension = "value";

  @Option(names = "--per-customer", paramLabel = "FILE",
      description = "With --results: write customer_id,rule,segment,amount for every customer funded (CSV).")
  @Nullable Path perCustomer;

  @Option(names = "--minimum-per-customer", paramLabel = "AMOUNT",
      description = "With --results: the least each customer gets for each rule that selects it (default 0).")
  @Nullable BigDecimal minimumPerCustomer;

  @Option(names = "--cap-per-customer", paramLabel = "AMOUNT",
      description = "With --results: the most each customer gets for each rule (default: no cap).")
  @Nullable BigDecimal capPerCustomer;

  @Option(names = "--minimum-each", paramLabel = "AMOUNT", description = "Per rule: the least every rule gets (default 0).")
  @Nullable BigDecimal minimumEach;

  @Option(names = "--cap-each", paramLabel = "AMOUNT", description = "Per rule: the most any rule gets (default: no cap).")
  @Nullable BigDecimal capEach;

  @Option(names = "--minimum", paramLabel = "RULE=AMOUNT", description = "Per rule: the least one rule gets (repeatable; overrides --minimum-each).")
  Map<String, BigDecimal> minimum = new LinkedHashMap<>();

  @Option(names = "--cap", paramLabel = "RULE=AMOUNT", description = "Per rule: the most one rule gets (repeatable; overrides --cap-each).")
  Map<String, BigDecimal> cap = new LinkedHashMap<>();

  @Option(names = "--min-sample", paramLabel = "N", defaultValue = "30",
      description = "A rule (or segment) with fewer customers than this in a group has no measured return of its own"
          + " (default: ${DEFAULT-VALUE}).")
  int minSample;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      // Checked before any file is read: a usage error, as for any other malformed argument.
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--amount': " + amount.toPlainString()
              + " (give a positive amount with at most 2 decimals, for example 50000 or 1234.50)");
    }
    if (results == null && (perCustomer != null || minimumPerCustomer != null || capPerCustomer != null)) {
      throw new CliException("--per-customer, --minimum-per-customer and --cap-per-customer split across customers:"
          + " give --results FILE (the results whose customers to fund)");
    }
    if (results != null && (minimumEach != null || capEach != null || !minimum.isEmpty() || !cap.isEmpty())) {
      throw new CliException("--minimum-each, --cap-each, --minimum and --cap bound a rule's total in the per-rule split;"
          + " with --results the bounds are per customer: use --minimum-per-customer and --cap-per-customer");
    }
    Snapshot funded = results == null ? null : Snapshot.read(results);
    Snapshot acted = measuredOn != null ? Snapshot.read(measuredOn) : funded;
    if (acted != null && funded != null && !acted.dimensions().contains(dimension)) {
      throw new CliException(acted.name() + ": no dimension '" + dimension + "' among " + acted.dimensions());
    }
    ControlGroupOptions.Resolved group = control.resolve(acted, "--measured-on");
    List<OutcomeRecord> rows = new ArrayList<>();
    ReadCounts counts;
    try (OutcomeReader reader = OutcomeReader.open(outcomes, RejectionSink.discard())) {
      reader.forEachRemaining(rows::add);
      counts = reader.counts();
    }
    if (rows.isEmpty()) {
      throw new CliException(outcomes + ": no outcome rows, nothing to base a budget on");
    }
    Snapshot segments = funded == null ? null : acted;
    OutcomeAnalysis analysis = OutcomeAnalysis.analyse(rows, group.group(),
        segments == null ? null : id -> segments.label(id, dimension), Math.max(2, minSample));
    out.printf(Locale.ROOT, "%s: %,d rows read = %,d accepted + %,d rejected%n", counts.source(), counts.read(),
        counts.accepted(), counts.rejected());
    out.println(group.describe());
    List<String> warnings = funded == null ? perRule(out, analysis) : perCustomer(out, funded, analysis);
    for (String w : warnings) {
      out.println("WARNING: " + w);
    }
    out.flush();
    if (!analysis.leaks().isEmpty()) {
      out.println("CONTROL GROUP LEAK: " + analysis.leaks().size() + " rows disagree with the control group (see 'clientele outcomes')");
      out.flush();
      return ExitCodes.QUALITY;
    }
    return counts.rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
  }

  /** The per-rule split: one line per rule of the outcome file. */
  private List<String> perRule(PrintWriter out, OutcomeAnalysis analysis) {
    for (String rule : minimum.keySet()) {
      if (analysis.row(rule) == null) {
        throw new CliException("--minimum " + rule + ": no such rule in " + outcomes);
      }
    }
    for (String rule : cap.keySet()) {
      if (analysis.row(rule) == null) {
        throw new CliException("--cap " + rule + ": no such rule in " + outcomes);
      }
    }
    List<ResponseBudget.Line> lines = new ArrayList<>();
    for (OutcomeAnalysis.Lift l : analysis.rows()) {
      BigDecimal min = minimum.getOrDefault(l.key(), minimumEach == null ? BigDecimal.ZERO : minimumEach);
      BigDecimal c = cap.containsKey(l.key()) ? cap.get(l.key()) : capEach;
      lines.add(ResponseBudget.Line.of(l, min, c));
    }
    ResponseBudget.Allocation split;
    try {
      split = ResponseBudget.allocate(amount, lines);
    } catch (IllegalArgumentException e) {
      throw new CliException(String.valueOf(e.getMessage()), e);
    }
    out.printf(Locale.ROOT, "%-40s %14s %14s %16s  %s%n", "rule", "return / unit", "budget", "expected return", "");
    for (int i = 0; i < lines.size(); i++) {
      ResponseBudget.Line l = lines.get(i);
      ResponseBudget.Share s = split.shares().get(i);
      out.printf(Locale.ROOT, "%-40s %14s %,14.2f %,16.2f  %s%n", s.name(), perUnit(l.returnPerUnit()),
          s.amount(), s.expectedReturn(), s.atCap() ? "at cap" : s.atMinimum() ? "at minimum" : "");
    }
    BigDecimal placed = split.total().subtract(split.unallocated());
    out.printf(Locale.ROOT, "%-40s %14s %,14.2f%n", "total placed", "", placed);
    notPlaced(out, placed, split.unallocated());
    return split.warnings();
  }

  /** The split across segments and customers of --results. */
  private List<String> perCustomer(PrintWriter out, Snapshot funded, OutcomeAnalysis analysis) {
    CustomerBudget.Split split;
    try {
      split = CustomerBudget.allocate(amount, funded, dimension, analysis,
          minimumPerCustomer == null ? BigDecimal.ZERO : minimumPerCustomer, capPerCustomer);
    } catch (IllegalArgumentException e) {
      throw new CliException(String.valueOf(e.getMessage()), e);
    }
    out.printf(Locale.ROOT, "Funding %s: %,d (customer, rule) pairs selected by the rules in the outcomes;"
        + " %,d held out by the control group get nothing%n", funded.name(), split.customers().size(), split.heldOut());
    if (!split.rulesWithoutOutcomes().isEmpty()) {
      out.printf(Locale.ROOT, "Not funded: %d rules without outcomes (%s)%n", split.rulesWithoutOutcomes().size(),
          String.join(", ", split.rulesWithoutOutcomes()));
    }
    out.printf(Locale.ROOT, "%-44s %9s %14s  %-9s %14s %13s %16s%n", "rule | segment", "customers", "return / unit",
        "measured", "budget", "per customer", "expected return");
    for (CustomerBudget.Cell c : split.cells()) {
      String where = switch (c.measured()) {
        case SEGMENT -> "segment";
        case RULE -> "rule";
        case NOT_MEASURED -> "-";
      };
      out.printf(Locale.ROOT, "%-44s %,9d %14s  %-9s %,14.2f %,13.2f %,16.2f%n", c.rule() + " | " + c.segment(),
          c.customers(), perUnit(c.returnPerUnit()), where, c.amount(),
          c.amount().divide(BigDecimal.valueOf(c.customers()), 2, java.math.RoundingMode.HALF_EVEN), c.expectedReturn());
    }
    BigDecimal placed = split.total().subtract(split.unallocated());
    out.printf(Locale.ROOT, "%-44s %,9d %14s  %-9s %,14.2f%n", "total placed", split.customers().size(), "", "", placed);
    notPlaced(out, placed, split.unallocated());
    if (perCustomer != null) {
      StringBuilder csv = new StringBuilder("customer_id,rule,segment,amount\n");
      for (CustomerBudget.CustomerShare s : split.customers()) {
        csv.append(Csv.cell(s.customerId())).append(',').append(Csv.cell(s.rule())).append(',')
            .append(Csv.cell(s.segment())).append(',').append(s.amount().toPlainString()).append('\n');
      }
      Output.writeString(perCustomer, csv.toString());
      out.printf(Locale.ROOT, "Per customer: %s (%,d rows: customer_id,rule,segment,amount)%n", perCustomer,
          split.customers().size());
    }
    return split.warnings();
  }

  /**
   * What the split could not place, on its own line; nothing placed at all is an error (the table
   * above says why), not a budget of zeros with exit code 0.
   */
  private void notPlaced(PrintWriter out, BigDecimal placed, BigDecimal unallocated) {
    if (unallocated.signum() == 0) {
      return;
    }
    out.printf(Locale.ROOT, "%-40s %14s %,14.2f%n", "not placed", "", unallocated);
    if (placed.signum() == 0) {
      out.flush();
      throw new CliException(String.format(Locale.ROOT, "nothing of the %,.2f could be placed: no rule has a measured"
          + " positive return that could take it (see 'return / unit' above: 'not measured' needs at least --min-sample"
          + " customers in each group, a return at or below 0 gets nothing). Record more outcomes, lower --min-sample,"
          + " or split the amount by hand", unallocated));
    }
  }

  private static String perUnit(double r) {
    return Double.isNaN(r) ? "not measured" : String.format(Locale.ROOT, "%.2f", r);
  }
}
