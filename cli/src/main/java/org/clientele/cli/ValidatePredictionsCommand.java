package org.clientele.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.clientele.core.Model;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.features.LifetimesSummary;
import org.clientele.core.features.PeriodUnit;
import org.clientele.core.io.InputConfig;
import org.clientele.core.io.ReadCounts;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.RejectionWriter;
import org.clientele.core.io.Transaction;
import org.clientele.core.io.TransactionFormat;
import org.clientele.core.io.TransactionReader;
import org.clientele.predict.BgNbd;
import org.clientele.predict.HoldoutValidation;
import org.clientele.predict.ModelFit;
import org.clientele.predict.ParetoNbd;
import org.clientele.predict.PurchaseModel;
import org.clientele.predict.PurchasePatterns;
import org.clientele.predict.PurchaseTracking;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clientele validate-predictions}: fits the purchase model on a calibration period of a
 * transaction log and compares its predictions with the holdout period that follows.
 */
@Command(
    name = "validate-predictions",
    mixinStandardHelpOptions = true,
    header = "Checks the purchase model on your own log: fit on a calibration period, compare with the holdout.",
    sortOptions = false,
    description = {
      "Splits a transaction log at --calibration-end, fits the model (Pareto/NBD or BG/NBD, the one the predictions"
          + " step and the churn dimension use) on the customers whose first purchase lies in the calibration period,"
          + " and compares its predictions with what they did in the holdout period up to --holdout-end:"
          + " actual vs expected mean purchases by calibration frequency (0, 1, ..., 7+), the weekly and cumulative"
          + " repeat purchases of the whole cohort across both periods, and error figures. Purchases on one day count"
          + " once and the first purchase is not a repeat (the lifetimes conventions, docs/predictions.md).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele validate-predictions -c examples/cdnow/predictions.json --transactions CDNOW_master.txt \\",
      "      --calibration-end 1997-09-30 --json validation.json",
      "",
      "Exit codes: 0 ok, 1 fatal error, 2 usage error, 3 rows rejected, 4 the fit is not reliable (did not converge,"
          + " or warnings)."
    })
final class ValidatePredictionsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Configuration (JSON) whose input.transactions section describes the log (its format, columns,"
          + " date pattern). Default: the standard transaction format (docs/input.md).")
  @Nullable Path config;

  @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "The transaction log.")
  Path transactions;

  @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
      description = "The last day of the calibration period (ISO date, included).")
  String calibrationEnd;

  @Option(names = "--holdout-end", paramLabel = "DATE",
      description = "The last day of the holdout period (ISO date, included). Default: the last day of the log.")
  @Nullable String holdoutEnd;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "paretonbd",
      description = "paretonbd or bgnbd (default: ${DEFAULT-VALUE}).")
  String model = "paretonbd";

  @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "weeks",
      description = "weeks or days: the model's time unit and the tracking period (default: ${DEFAULT-VALUE}).")
  String unit = "weeks";

  @Option(names = "--max-frequency", paramLabel = "N", defaultValue = "7",
      description = "The last row of the table by calibration frequency; it collects every higher one (default: ${DEFAULT-VALUE}).")
  int maxFrequency = 7;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the whole validation as JSON here.")
  @Nullable Path json;

  @Option(names = "--rejections", paramLabel = "FILE", description = "Write rejected rows here (CSV).")
  @Nullable Path rejections;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDate calEnd = date("--calibration-end", calibrationEnd);
    PeriodUnit periodUnit = switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "weeks" -> PeriodUnit.WEEKS;
      case "days" -> PeriodUnit.DAYS;
      default -> throw new CliException("--unit: expected weeks or days, found \"" + unit + "\"");
    };
    String modelName = model.trim().toLowerCase(Locale.ROOT);
    if (!modelName.equals("paretonbd") && !modelName.equals("bgnbd")) {
      throw new CliException("--model: expected paretonbd or bgnbd, found \"" + model + "\"");
    }
    if (maxFrequency < 1) {
      throw new CliException("--max-frequency: expected 1 or more, found " + maxFrequency);
    }
    TransactionFormat format = config == null
        ? InputConfig.defaults().transactions()
        : InputConfig.fromConfig(Model.read(config).section("input")).transactions();

    // One read: the calibration summary comes from the lifetimes derivation (the one home of its
    // conventions); the purchase days of every customer feed the holdout counts and the tracking.
    FeatureDeriver calibration = FeatureDeriver.lifetimes(calEnd, periodUnit);
    Map<String, TreeSet<Long>> days = new HashMap<>();
    long firstDay = Long.MAX_VALUE;
    long lastDay = Long.MIN_VALUE;
    ReadCounts counts;
    try (RejectionWriter rejected = rejections == null ? null : RejectionWriter.open(rejections);
        TransactionReader reader = TransactionReader.open(transactions, format,
            rejected == null ? RejectionSink.discard() : rejected)) {
      while (reader.hasNext()) {
        Transaction t = reader.next();
        calibration.add(t);
        long d = t.date().toEpochDay();
        days.computeIfAbsent(t.customerId(), k -> new TreeSet<>()).add(d);
        firstDay = Math.min(firstDay, d);
        lastDay = Math.max(lastDay, d);
      }
      counts = reader.counts();
    }
    if (days.isEmpty()) {
      throw new CliException(transactions + ": no transaction accepted (" + counts.rejected() + " rejected)");
    }
    LocalDate end = holdoutEnd == null ? LocalDate.ofEpochDay(lastDay) : date("--holdout-end", holdoutEnd);
    if (!end.isAfter(calEnd)) {
      throw new CliException("--holdout-end " + end + " must come after --calibration-end " + calEnd
          + (holdoutEnd == null ? " (the log ends on " + end + "): choose an earlier calibration end" : ""));
    }
    if (calEnd.toEpochDay() < firstDay) {
      throw new CliException("--calibration-end " + calEnd + " is before the log's first day "
          + LocalDate.ofEpochDay(firstDay) + ": nothing to fit on");
    }
    double period = periodUnit.days();
    double holdout = (end.toEpochDay() - calEnd.toEpochDay()) / period;

    PurchasePatterns patterns = new PurchasePatterns();
    List<LifetimesSummary> cohort = new ArrayList<>();
    for (Iterator<LifetimesSummary> it = calibration.summaries(); it.hasNext(); ) {
      LifetimesSummary s = it.next();
      patterns.add(s.frequency(), s.recency(), s.t());
      cohort.add(s);
    }
    ModelFit<? extends PurchaseModel> fit = modelName.equals("bgnbd") ? BgNbd.fit(patterns) : ParetoNbd.fit(patterns);
    PurchaseModel m = fit.model();

    HoldoutValidation byFrequency = HoldoutValidation.of(m, holdout, maxFrequency);
    double calEndFromOrigin = (calEnd.toEpochDay() + 1 - firstDay) / period;
    int periods = (int) Math.ceil((end.toEpochDay() + 1 - firstDay) / period);
    PurchaseTracking tracking = PurchaseTracking.of(m, calEndFromOrigin, periods);
    long origin = firstDay;
    long calEndDay = calEnd.toEpochDay();
    long endDay = end.toEpochDay();
    for (LifetimesSummary s : cohort) {
      TreeSet<Long> d = java.util.Objects.requireNonNull(days.get(s.customerId()), "derived without purchase days");
      long first = d.first();
      double holdoutPurchases = d.subSet(calEndDay, false, endDay, true).size();
      byFrequency.add(s.frequency(), s.recency(), s.t(), holdoutPurchases);
      tracking.add((first - origin) / period,
          d.subSet(first, false, endDay, true).stream().mapToDouble(x -> (x - origin) / period).toArray());
    }

    String u = periodUnit == PeriodUnit.WEEKS ? "week" : "day";
    out.printf(Locale.ROOT, "%s: %,d rows read = %,d accepted + %,d rejected; %,d customers%n", transactions,
        counts.read(), counts.accepted(), counts.rejected(), days.size());
    out.printf(Locale.ROOT, "Calibration %s to %s (%.2f %ss), holdout to %s (%.2f %ss); %,d customers first bought in the"
            + " calibration period (%,d later ones are not predicted)%n",
        LocalDate.ofEpochDay(firstDay), calEnd, calEndFromOrigin, u, end, holdout, u, cohort.size(),
        days.size() - cohort.size());
    out.printf(Locale.ROOT, "Fit: %s; log-likelihood %.2f; standard errors %s; %s%n", m.describe(), fit.logLikelihood(),
        fit.standardErrors(m.parameterNames()).entrySet().stream()
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3g", e.getValue())).toList(),
        fit.reliable() ? "converged, no warnings" : (fit.converged() ? "converged" : "DID NOT CONVERGE")
            + (fit.warnings().isEmpty() ? "" : "; WARNING: " + String.join("; ", fit.warnings())));
    out.println();
    out.print(byFrequency.toText());
    out.println();
    out.print(tracking.toText(u));
    out.flush();
    if (json != null) {
      writeJson(json, fit, byFrequency, tracking, calEnd, end, LocalDate.ofEpochDay(firstDay), holdout, cohort.size(), u);
      out.println("Validation JSON: " + json);
    }
    if (counts.rejected() > 0) {
      spec.commandLine().getErr().printf(Locale.ROOT, "%,d rows rejected%s%n", counts.rejected(),
          rejections == null ? " (--rejections FILE lists them)" : ": " + rejections);
      return ExitCodes.REJECTIONS;
    }
    return fit.reliable() ? ExitCodes.OK : ExitCodes.QUALITY;
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new CliException(option + ": expected an ISO date such as 1997-09-30, found \"" + text + "\"", e);
    }
  }

  private void writeJson(
      Path file, ModelFit<? extends PurchaseModel> fit, HoldoutValidation byFrequency, PurchaseTracking tracking,
      LocalDate calEnd, LocalDate end, LocalDate origin, double holdout, int cohort, String u) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", fit.model().describe());
    root.put("parameters", fit.model().parameters());
    root.put("standardErrors", finite(fit.standardErrors(fit.model().parameterNames())));
    root.put("logLikelihood", fit.logLikelihood());
    root.put("converged", fit.converged());
    root.put("warnings", fit.warnings());
    root.put("origin", origin.toString());
    root.put("calibrationEnd", calEnd.toString());
    root.put("holdoutEnd", end.toString());
    root.put("unit", u + "s");
    root.put("holdoutLength", holdout);
    root.put("customers", cohort);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HoldoutValidation.Row r : byFrequency.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("frequency", r.frequency());
      row.put("customers", r.customers());
      row.put("actual", Double.isFinite(r.actual()) ? r.actual() : null);
      row.put("expected", Double.isFinite(r.expected()) ? r.expected() : null);
      rows.add(row);
    }
    Map<String, Object> freq = new LinkedHashMap<>();
    freq.put("rows", rows);
    freq.put("totalActual", byFrequency.totalActual());
    freq.put("totalExpected", byFrequency.totalExpected());
    freq.put("meanAbsoluteError", byFrequency.meanAbsoluteError());
    freq.put("rootMeanSquaredError", byFrequency.rootMeanSquaredError());
    root.put("byFrequency", freq);
    Map<String, Object> track = new LinkedHashMap<>();
    track.put("rows", tracking.rows());
    PurchaseTracking.Errors err = tracking.errors();
    track.put("errors", err);
    root.put("tracking", track);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new CliException(file + ": cannot write: " + e.getMessage(), new UncheckedIOException(e));
    }
  }

  private static Map<String, Double> finite(Map<String, Double> in) {
    Map<String, Double> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      if (Double.isFinite(v)) {
        out.put(k, v);
      }
    });
    return out;
  }
}
