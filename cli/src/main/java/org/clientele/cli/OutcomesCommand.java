package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.clientele.api.spi.DidYouMean;
import org.clientele.core.cycle.OutcomeAnalysis;
import org.clientele.core.cycle.Snapshot;
import org.clientele.core.io.OutcomeReader;
import org.clientele.core.io.OutcomeRecord;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clientele outcomes}: does each rule work? Treated against held out, with the lift's interval. */
@Command(
    name = "outcomes",
    mixinStandardHelpOptions = true,
    header = "Measures each playbook rule against its control group: response and revenue lift with a 95%% interval.",
    sortOptions = false,
    description = {
      "Reads an outcome file (customer_id, rule, action, date, response, revenue_after, cost, group; see docs/cycle.md)"
          + " and, per rule and per segment, compares the customers who got the rule's action with those held out by"
          + " the control group of 'clientele classify --control-share': response rate and revenue per customer, the"
          + " lift with its 95%% confidence interval, and whether the sample is too small to tell. Rows whose group"
          + " disagrees with the control group (a leak) are reported and make the exit code 4.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele outcomes outcomes.csv --results results.csv --dimension value",
      "  clientele outcomes outcomes.csv --control-share 0.2",
      "",
      "Exit codes: 0 ok, 1 fatal error, 2 usage error, 3 rows rejected, 4 control-group leak."
    })
final class OutcomesCommand implements Callable<Integer> {

  /**
   * Rule ids of the outcome rows that no customer of the results got (or was held out of): a typo
   * or another playbook's rule, whose rows would otherwise make a row of their own, compared with
   * nothing. One sentence per id, with the row count and the nearest known rule.
   */
  static List<String> unknownRules(List<OutcomeRecord> rows, Snapshot results) {
    if (!results.hasRules()) {
      return List.of(); // a note says so
    }
    Set<String> known = new TreeSet<>();
    for (String id : results.ids()) {
      known.addAll(results.rules(id));
      known.addAll(results.heldOutRules(id));
    }
    Map<String, Integer> unknown = new TreeMap<>();
    for (OutcomeRecord r : rows) {
      if (!known.contains(r.rule())) {
        unknown.merge(r.rule(), 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>();
    unknown.forEach((rule, n) -> out.add(String.format(Locale.ROOT,
        "rule '%s' (%,d outcome row%s) is not a rule of %s: no customer got or was held out of it%s;"
            + " its row above compares nothing the results planned. Correct the rule id, or give the results it was"
            + " recorded against. Rules of %s: %s",
        rule, n, n == 1 ? "" : "s", results.name(), DidYouMean.suffix(rule, known), results.name(), known)));
    return out;
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTCOMES", description = "The outcome file (CSV or JSON Lines).")
  Path outcomes;

  @Mixin ControlGroupOptions control = new ControlGroupOptions();

  @Option(names = "--results", paramLabel = "FILE",
      description = "The results the outcomes were recorded against: adds rows per rule and segment, and its snapshot"
          + " sidecar says which control group they were written with.")
  @Nullable Path results;

  @Option(names = "--dimension", paramLabel = "ID", defaultValue = "value",
      description = "The dimension whose label is the segment (default: ${DEFAULT-VALUE}).")
  String dimension = "value";

  @Option(names = "--min-sample", paramLabel = "N", defaultValue = "30",
      description = "Fewer customers than this in either group: too small to tell (default: ${DEFAULT-VALUE}).")
  int minSample;

  @Option(names = "--rejections", paramLabel = "FILE", description = "Write rejected outcome rows here.")
  @Nullable Path rejections;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (minSample < 2) {
      throw new CliException("--min-sample must be at least 2");
    }
    List<OutcomeRecord> rows = new ArrayList<>();
    ReadCounts counts;
    try (RejectionWriter rejected = rejections == null ? null : RejectionWriter.open(rejections);
        OutcomeReader reader = OutcomeReader.open(outcomes, rejected == null ? RejectionSink.discard() : rejected)) {
      reader.forEachRemaining(rows::add);
      counts = reader.counts();
    }
    Snapshot segments = results == null ? null : Snapshot.read(results);
    if (segments != null && !segments.dimensions().contains(dimension)) {
      throw new CliException(results + ": no dimension '" + dimension + "' among " + segments.dimensions());
    }
    List<String> unknownRules = segments == null ? List.of() : unknownRules(rows, segments);
    ControlGroupOptions.Resolved group = control.resolve(segments, "--results");
    OutcomeAnalysis analysis = OutcomeAnalysis.analyse(rows, group.group(),
        segments == null ? null : id -> segments.label(id, dimension), minSample);
    out.printf(Locale.ROOT, "%s: %,d rows read = %,d accepted + %,d rejected%s%n", counts.source(), counts.read(),
        counts.accepted(), counts.rejected(), rejections == null || counts.rejected() == 0 ? "" : " (see " + rejections + ")");
    out.println(group.describe());
    out.print(analysis.toText());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    unknownRules.forEach(w -> err.println("warning: " + w));
    if (segments == null || !segments.hasRules()) {
      err.println("note: rule ids not checked: " + (segments == null ? "give --results to check them against the rules"
          + " the results name" : results + " does not name each action's rule (written before the rules column)"));
    }
    err.flush();
    if (!analysis.leaks().isEmpty() || !unknownRules.isEmpty()) {
      return ExitCodes.QUALITY;
    }
    return counts.rejected() > 0 ? ExitCodes.REJECTIONS : ExitCodes.OK;
  }
}
