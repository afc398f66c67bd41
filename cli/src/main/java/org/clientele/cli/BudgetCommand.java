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
import org.clientele.core.cycle.ControlGroup;
import org.clientele.core.cycle.OutcomeAnalysis;
import org.clientele.core.cycle.ResponseBudget;
import org.clientele.core.io.OutcomeReader;
import org.clientele.core.io.OutcomeRecord;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clientele budget}: split an amount across rules by their measured incremental return. */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    header = "Splits a budget across playbook rules by measured incremental return, with diminishing returns, minimums and caps.",
    sortOptions = false,
    description = {
      "Measures each rule in an outcome file against its control group (as 'clientele outcomes' does), takes its"
          + " incremental revenue per unit spent, and splits the amount so that the expected return is largest, with"
          + " diminishing returns (each extra unit on a rule returns less), minimums and caps. Exact to the cent; the"
          + " same inputs give the same split. Warns when minimums or caps decide more than half of the amount.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele budget outcomes.csv --control-share 0.2 --amount 50000 --minimum-each 1000",
      "  clientele budget outcomes.csv --control-share 0.2 --amount 50000 --cap value-core=20000",
      "",
      "Exit codes: 0 ok, 1 fatal error, 2 usage error, 3 outcome rows rejected, 4 control-group leak."
    })
final class BudgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTCOMES", description = "The outcome file (CSV or JSON Lines).")
  Path outcomes;

  @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount to split (at most 2 decimals).")
  BigDecimal amount;

  @Option(names = "--control-share", required = true, paramLabel = "SHARE", description = "The share given to 'clientele classify --control-share'.")
  double controlShare;

  @Option(names = "--control-salt", paramLabel = "TEXT", defaultValue = "", description = "The --control-salt of classify.")
  String controlSalt = "";

  @Option(names = "--minimum-each", paramLabel = "AMOUNT", description = "The least every rule gets (default 0).")
  @Nullable BigDecimal minimumEach;

  @Option(names = "--cap-each", paramLabel = "AMOUNT", description = "The most any rule gets (default: no cap).")
  @Nullable BigDecimal capEach;

  @Option(names = "--minimum", paramLabel = "RULE=AMOUNT", description = "The least one rule gets (repeatable; overrides --minimum-each).")
  Map<String, BigDecimal> minimum = new LinkedHashMap<>();

  @Option(names = "--cap", paramLabel = "RULE=AMOUNT", description = "The most one rule gets (repeatable; overrides --cap-each).")
  Map<String, BigDecimal> cap = new LinkedHashMap<>();

  @Option(names = "--min-sample", paramLabel = "N", defaultValue = "30",
      description = "A rule with fewer customers than this in a group has no measured return (default: ${DEFAULT-VALUE}).")
  int minSample;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ControlGroup control;
    try {
      control = new ControlGroup(controlShare, controlSalt);
    } catch (IllegalArgumentException e) {
      throw new CliException("--control-share: " + String.valueOf(e.getMessage()), e);
    }
    List<OutcomeRecord> rows = new ArrayList<>();
    ReadCounts counts;
    try (OutcomeReader reader = OutcomeReader.open(outcomes, RejectionSink.discard())) {
      reader.forEachRemaining(rows::add);
      counts = reader.counts();
    }
    OutcomeAnalysis analysis = OutcomeAnalysis.analyse(rows, control, null, Math.max(2, minSample));
    out.printf(Locale.ROOT, "%s: %,d rows read = %,d accepted + %,d rejected%n", counts.source(), counts.read(),
        counts.accepted(), counts.rejected());
    List<ResponseBudget.Line> lines = new ArrayList<>();
    for (OutcomeAnalysis.Lift l : analysis.rows()) {
      boolean measured = l.revenue().verdict() != OutcomeAnalysis.Verdict.TOO_SMALL && l.treated().cost() > 0;
      double r = measured ? l.returnPerUnit() : Double.NaN;
      BigDecimal min = minimum.getOrDefault(l.key(), minimumEach == null ? BigDecimal.ZERO : minimumEach);
      BigDecimal c = cap.containsKey(l.key()) ? cap.get(l.key()) : capEach;
      lines.add(new ResponseBudget.Line(l.key(), r, l.treated().cost() > 0 ? l.treated().cost() : 1, min, c));
    }
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
    if (lines.isEmpty()) {
      throw new CliException(outcomes + ": no outcome rows, nothing to base a budget on");
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
      out.printf(Locale.ROOT, "%-40s %14s %,14.2f %,16.2f  %s%n", s.name(),
          Double.isNaN(l.returnPerUnit()) ? "not measured" : String.format(Locale.ROOT, "%.2f", l.returnPerUnit()),
          s.amount(), s.expectedReturn(), s.atCap() ? "at cap" : s.atMinimum() ? "at minimum" : "");
    }
    out.printf(Locale.ROOT, "%-40s %14s %,14.2f%n", "total", "", split.total());
    for (String w : split.warnings()) {
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
}
