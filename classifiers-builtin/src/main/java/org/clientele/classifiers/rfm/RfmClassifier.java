package org.clientele.classifiers.rfm;

import static org.clientele.classifiers.internal.Text.num;
import static org.clientele.classifiers.internal.Text.pct;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.internal.Configs;
import org.clientele.classifiers.internal.Verdict;
import org.jspecify.annotations.Nullable;

/** See {@link RfmClassifierProvider}. */
final class RfmClassifier implements Classifier {

  static final List<String> SEGMENTS =
      List.of(
          "CHAMPIONS",
          "LOYAL",
          "POTENTIAL_LOYALIST",
          "NEW_CUSTOMERS",
          "PROMISING",
          "NEED_ATTENTION",
          "ABOUT_TO_SLEEP",
          "AT_RISK",
          "CANNOT_LOSE",
          "HIBERNATING",
          "LOST");

  /**
   * The default R x F grid: row R = 5 down to 1, column F = 1 to 5. The common ten-segment grid,
   * with its hibernating corner split so that R1 F1 (oldest purchase, fewest) is LOST.
   */
  static final String[][] DEFAULT_GRID = {
    /* R5 */ {"NEW_CUSTOMERS", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "CHAMPIONS", "CHAMPIONS"},
    /* R4 */ {"PROMISING", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "LOYAL", "LOYAL"},
    /* R3 */ {"ABOUT_TO_SLEEP", "ABOUT_TO_SLEEP", "NEED_ATTENTION", "LOYAL", "LOYAL"},
    /* R2 */ {"HIBERNATING", "HIBERNATING", "AT_RISK", "AT_RISK", "CANNOT_LOSE"},
    /* R1 */ {"LOST", "HIBERNATING", "AT_RISK", "AT_RISK", "CANNOT_LOSE"},
  };

  private static final Pattern CELL = Pattern.compile("[1-5][1-5]");

  private final Dimension dimension;
  private final Feature<Double> recency;
  private final Feature<Double> frequency;
  private final Feature<Double> monetary;
  private final double[] recencyBreaks;
  private final double[] frequencyBreaks;
  private final double[] monetaryBreaks;
  private final int missingScore;
  private final double lapsedDays;
  /** Segment label index by {@code (R - 1) * 5 + (F - 1)}. */
  private final int[] grid;
  private final String basis;

  private RfmClassifier(
      Dimension dimension, RfmSettings s, double[] r, double[] f, double[] m, int missingScore,
      int[] grid, String basis) {
    this.dimension = dimension;
    this.recency = s.recency();
    this.frequency = s.frequency();
    this.monetary = s.monetary();
    this.recencyBreaks = r;
    this.frequencyBreaks = f;
    this.monetaryBreaks = m;
    this.missingScore = missingScore;
    this.lapsedDays = s.lapsedDays();
    this.grid = grid;
    this.basis = basis;
  }

  /**
   * The dimension for a configuration, with its {@code grid} checked (the part of the
   * configuration that is not calibration and not {@link RfmSettings}).
   */
  static Dimension dimension(PluginConfig config) {
    Dimension dimension = new Dimension(config.id(), SEGMENTS);
    grid(config, dimension);
    return dimension;
  }

  static RfmClassifier create(PluginConfig config) {
    Dimension dimension = new Dimension(config.id(), SEGMENTS);
    RfmSettings s = RfmSettings.read(config);
    double[] r;
    double[] f;
    double[] m;
    String basis;
    if (s.calibrated()) {
      PluginConfig cal = Configs.calibration(config, s.method().key());
      Configs.calibratedOn(cal, "recencyFeature", s.recency());
      Configs.calibratedOn(cal, "frequencyFeature", s.frequency());
      Configs.calibratedOn(cal, "monetaryFeature", s.monetary());
      r = Configs.requiredBreaks(cal, "recencyBreaks", 4);
      f = Configs.requiredBreaks(cal, "frequencyBreaks", 4);
      m = Configs.requiredBreaks(cal, "monetaryBreaks", 4);
      double population = cal.number("population", 0);
      boolean exact = cal.flag("exact", true);
      double error = cal.number("rankError", 0);
      boolean lapsedSplit = cal.string("recencySplit", "quintiles").equals("lapsed");
      basis = "quintiles of " + num(population) + " customers"
          + (exact ? " (exact)" : " (sketch, rank error " + pct(error) + ")")
          + (lapsedSplit ? "; recency split at " + num(s.lapsedDays()) + " days (lapsedDays): R5-R3 are the thirds"
              + " of the customers who bought within it, R2-R1 the halves of those who did not" : "");
    } else {
      // RfmSettings.read gives threshold settings all three breaks.
      r = Objects.requireNonNull(s.recencyBreaks(), "recencyBreaks");
      f = Objects.requireNonNull(s.frequencyBreaks(), "frequencyBreaks");
      m = Objects.requireNonNull(s.monetaryBreaks(), "monetaryBreaks");
      basis = "configured cut points";
    }
    int missingScore = config.integer("missingScore", 1);
    if (missingScore < 1 || missingScore > 5) {
      throw config.error("missingScore", "expected a whole number from 1 to 5, found " + missingScore);
    }
    int[] grid = grid(config, dimension);
    return new RfmClassifier(dimension, s, r, f, m, missingScore, grid, basis);
  }

  /** The default grid with the {@code grid} key's cells ("RF" to segment) laid over it. */
  static int[] grid(PluginConfig config, Dimension dimension) {
    int[] grid = new int[25];
    for (int row = 0; row < 5; row++) {
      for (int col = 0; col < 5; col++) {
        int rScore = 5 - row;
        grid[(rScore - 1) * 5 + col] = dimension.indexOf(DEFAULT_GRID[row][col]);
      }
    }
    for (Map.Entry<String, String> e : config.textMap("grid").entrySet()) {
      String cell = e.getKey().trim();
      if (!CELL.matcher(cell).matches()) {
        throw config.error("grid." + e.getKey(),
            "a cell is two digits 1-5, R then F, for example \"55\"; found \"" + e.getKey() + "\"");
      }
      String label = e.getValue().trim().replace('-', '_').toUpperCase(Locale.ROOT);
      int index = dimension.indexOf(label);
      if (index < 0) {
        throw config.error("grid." + cell, "expected one of " + dimension.labels() + ", found \"" + e.getValue() + "\"");
      }
      grid[(cell.charAt(0) - '1') * 5 + (cell.charAt(1) - '1')] = index;
    }
    return grid;
  }

  @Override
  public Dimension dimension() {
    return dimension;
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.copyOf(List.of(recency, frequency, monetary));
  }

  @Override
  public void classify(Customer customer, LabelSink out) {
    int r = recencyScore(customer.number(recency, Double.NaN));
    int f = higherScore(customer.number(frequency, Double.NaN), frequencyBreaks);
    int m = higherScore(customer.number(monetary, Double.NaN), monetaryBreaks);
    out.accept(grid[(r - 1) * 5 + (f - 1)], r * 100 + f * 10 + m);
  }

  @Override
  public Assignment explain(Customer customer) {
    Verdict verdict = new Verdict();
    classify(customer, verdict);
    List<Reason> why = new ArrayList<>();
    double rv = customer.number(recency, Double.NaN);
    double fv = customer.number(frequency, Double.NaN);
    double mv = customer.number(monetary, Double.NaN);
    int r = recencyScore(rv);
    int f = higherScore(fv, frequencyBreaks);
    int m = higherScore(mv, monetaryBreaks);
    boolean capped = !Double.isNaN(rv) && r < rawRecencyScore(rv);
    why.add(letter("R", recency, rv, capped ? rawRecencyScore(rv) : r, recencyBreaks, "below"));
    if (capped) {
      why.add(Reason.of(recency, rv, "<= " + num(lapsedDays),
          "R capped at 2: " + recency.name() + " " + num(rv) + " is more than " + num(lapsedDays)
              + " days (lapsedDays): a customer silent that long is not recent, whatever the quintiles"));
    }
    why.add(letter("F", frequency, fv, f, frequencyBreaks, "above"));
    why.add(letter("M", monetary, mv, m, monetaryBreaks, "above"));
    String code = "" + r + f + m;
    why.add(Reason.conclusion("rfm", code, "R" + r + " F" + f,
        "RFM " + code + ": cell R" + r + " F" + f + " of the R x F grid is "
            + dimension.label(verdict.label())));
    return new Assignment(dimension, verdict.label(), verdict.score(), code, why);
  }

  private Reason letter(String name, Feature<Double> feature, double v, int score, double[] breaks, String side) {
    if (Double.isNaN(v)) {
      return Reason.missing(feature, feature.name() + " is missing: " + name + " scored "
          + missingScore + " (missingScore)");
    }
    return Reason.of(feature, v, "cut points " + formatted(breaks),
        name + " = " + score + ": " + feature.name() + " " + num(v) + " is " + side + " "
            + (score - 1) + " of the cut points " + formatted(breaks) + " (" + basis
            + "; equal to a cut point scores lower)");
  }

  private static String formatted(double[] breaks) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < breaks.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(num(breaks[i]));
    }
    return sb.append(']').toString();
  }

  /**
   * Fewer days is better: 1 + the number of cut points the value is strictly below; at most 2 for
   * a customer silent for more than {@code lapsedDays}.
   */
  private int recencyScore(double v) {
    if (Double.isNaN(v)) {
      return missingScore;
    }
    int score = rawRecencyScore(v);
    return v > lapsedDays ? Math.min(score, 2) : score;
  }

  private int rawRecencyScore(double v) {
    int score = 1;
    for (double b : recencyBreaks) {
      if (v < b) {
        score++;
      }
    }
    return score;
  }

  /** More is better: 1 + the number of cut points the value is strictly above. */
  private int higherScore(double v, double[] breaks) {
    if (Double.isNaN(v)) {
      return missingScore;
    }
    int score = 1;
    for (double b : breaks) {
      if (v > b) {
        score++;
      }
    }
    return score;
  }
}
