package org.clientele.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.api.Action;
import org.clientele.api.Assignment;
import org.clientele.api.PlanExplanation;
import org.clientele.api.PlanExplanation.RuleEntry;
import org.clientele.api.PlanExplanation.RuleStatus;
import org.clientele.api.Reason;
import org.clientele.core.Explanation;
import org.clientele.core.io.ExplanationJson;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.CustomerRejectedException;
import org.clientele.core.job.Segmentation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clientele explain <id>}: one customer's labels with their reasons, and its plan. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    header = "Explains one customer: labels with reasons, and its plan.",
    sortOptions = false,
    description = {
      "Explains one customer: its label on every dimension with the reasons (which figure, compared with"
          + " which threshold), its plan of actions with why, most urgent first, and the strategy's"
          + " rules: which won, which were outranked by a higher-priority rule, which were vetoed. Written for a"
          + " salesperson. With --config the thresholds are calibrated on the whole input first.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele explain A-0000042 --customers accounts.csv --transactions orders.csv",
      "  clientele explain 00042 --model model.json --transactions orders.csv --json"
    })
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The customer id, exactly as in the input.")
  String id;

  @ArgGroup(exclusive = true)
  @Nullable ConfigChoice config;

  @Mixin InputOptions in = new InputOptions();

  @Option(names = "--json", description = "Print the explanation as JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Segmentation job = in.job(config, err);
    Explanation e;
    try {
      e = job.explain(id, RejectionSink.discard()).orElseThrow(this::notFound);
    } catch (CustomerRejectedException rejected) {
      throw new CliException(rejected.getMessage() + "; correct the row and run again");
    }
    stdout.print(json ? ExplanationJson.write(e) : text(e));
    stdout.flush();
    return ExitCodes.OK;
  }

  private CliException notFound() {
    List<String> where = new ArrayList<>();
    if (in.customers != null) {
      where.add(String.valueOf(in.customers));
    }
    if (in.transactions != null) {
      where.add(in.transactions + (in.customers == null ? "" : " (before the reference date)"));
    }
    return new CliException("no customer with id \"" + id + "\" in " + String.join(" or ", where)
        + "; ids are matched exactly, including leading zeros and case");
  }

  /** The explanation as a salesperson reads it. */
  static String text(Explanation e) {
    StringBuilder b = new StringBuilder();
    b.append("Customer ").append(e.customerId()).append('\n');
    int width = 8;
    for (Assignment a : e.assignments()) {
      width = Math.max(width, a.dimension().id().length());
    }
    for (Assignment a : e.assignments()) {
      b.append('\n');
      b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s", a.dimension().id(), a.label()));
      if (!a.detail().isEmpty()) {
        b.append(" (").append(a.detail()).append(')');
      }
      if (a.fallback()) {
        b.append("   for lack of data, not measured");
      }
      if (!Double.isNaN(a.score())) {
        b.append("   score ").append(score(a.score()));
      }
      b.append('\n');
      for (Reason r : a.reasons()) {
        b.append(" ".repeat(width + 4)).append("- ").append(r.text()).append('\n');
      }
    }
    b.append('\n');
    List<Action> actions = e.plan().actions();
    if (actions.isEmpty()) {
      b.append("Plan: no actions.\n");
    } else {
      b.append("Plan, most urgent first:\n");
      int n = 0;
      for (Action a : actions) {
        n++;
        b.append(String.format(Locale.ROOT, "  %d. %s  [%s, priority %d]%n", n, a.description(),
            a.category().name().toLowerCase(Locale.ROOT).replace('_', ' '), a.priority()));
        if (!a.rationale().isEmpty()) {
          b.append("     Why: ").append(a.rationale()).append('\n');
        }
      }
    }
    rules(b, e.planExplanation());
    return b.toString();
  }

  /** The strategy's rules for this customer: which won, which were outranked, which were vetoed. */
  private static void rules(StringBuilder b, PlanExplanation p) {
    if (!p.explained()) {
      return;
    }
    b.append('\n');
    if (p.rules().isEmpty()) {
      b.append("Rules: none matched.\n");
      return;
    }
    b.append("Rules:\n");
    rules(b, p, RuleStatus.MATCHED_WINNER, "Winning");
    rules(b, p, RuleStatus.MATCHED_ALSO, "Added beside the winner");
    rules(b, p, RuleStatus.OUTRANKED, "Outranked");
    rules(b, p, RuleStatus.VETOED, "Vetoed");
  }

  private static void rules(StringBuilder b, PlanExplanation p, RuleStatus status, String heading) {
    List<RuleEntry> entries = p.rules(status);
    if (entries.isEmpty()) {
      return;
    }
    b.append("  ").append(heading).append(":\n");
    for (RuleEntry r : entries) {
      b.append("    - ").append(r.sentence()).append('\n');
    }
  }

  private static String score(double s) {
    if (s == Math.rint(s) && Math.abs(s) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) s);
    }
    return String.format(Locale.ROOT, Math.abs(s) >= 100 ? "%,.0f" : "%.2f", s);
  }
}
