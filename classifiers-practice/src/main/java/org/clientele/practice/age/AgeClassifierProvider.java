package org.clientele.practice.age;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * The {@code age} classifier (demographics, for consumer books): the practice's age bands under
 * 20, 20 to 30, 30 to 40, 40 to 50 and 50 and over, as labels {@code UNDER_20}, {@code AGE_20_29},
 * {@code AGE_30_39}, {@code AGE_40_49}, {@code AGE_50_PLUS}, then {@code UNKNOWN}.
 *
 * <p>Ages are completed years, and each edge opens the band above it: 29 is {@code AGE_20_29}, 30
 * is {@code AGE_30_39}. The age is {@code age} if the customer has it, else the completed years from
 * {@code birth_date} to the reference date: {@code asOf} if configured, else the reference date of
 * the run's transaction log, which the customer carries as {@code first_purchase_date + tenure_days}
 * (both derived as of that date). A birthday on 29 February is reached on 1 March in other years.
 *
 * <p>An implausible age is never banded: negative, above {@code maxAge} (a birth year typed in the
 * age column, a typo), not a whole number of years (a score or a ratio in the wrong column), or a
 * birth date after the reference date. Such a customer is {@code UNKNOWN} with a reason naming the
 * value, as is one without age or birth date, or with a birth date and no reference date.
 *
 * <p>Configuration keys (all optional):
 *
 * <ul>
 *   <li>{@code edges}: the band edges, whole numbers in increasing order; default {@code [20, 30,
 *       40, 50]}. The labels follow: edges {@code [18, 25, 35, 50, 65]} give {@code UNDER_18,
 *       AGE_18_24, AGE_25_34, AGE_35_49, AGE_50_64, AGE_65_PLUS, UNKNOWN}.
 *   <li>{@code maxAge}: the oldest plausible age; default 120.
 *   <li>{@code wholeYearsOnly}: default {@code true}; {@code false} bands a fractional age (34.5) by
 *       its completed years.
 *   <li>{@code asOf}: the ISO date birth dates are counted to; default the transaction log's
 *       reference date.
 * </ul>
 *
 * <p>The score is the age in years; NaN when UNKNOWN. No calibration; not part of the default
 * configuration (a configuration names it).
 *
 * @since 0.1.0
 */
public final class AgeClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "age";

  /** The practice's band edges: under 20, 20 to 30, 30 to 40, 40 to 50, 50 and over. */
  public static final List<Double> DEFAULT_EDGES = List.of(20.0, 30.0, 40.0, 50.0);

  /** The oldest age taken as plausible by default. */
  public static final int DEFAULT_MAX_AGE = 120;

  /** Creates the provider; does nothing else. */
  public AgeClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    int maxAge = config.integer("maxAge", DEFAULT_MAX_AGE);
    if (maxAge < 1 || maxAge > 200) {
      throw config.error("maxAge", "expected a whole number of years from 1 to 200, found " + maxAge);
    }
    List<Double> list = config.numbers("edges", DEFAULT_EDGES);
    if (list.isEmpty()) {
      throw config.error("edges", "expected at least one edge, for example [20, 30, 40, 50]");
    }
    int[] edges = new int[list.size()];
    for (int i = 0; i < edges.length; i++) {
      double e = list.get(i);
      if (e != Math.rint(e) || e < 1 || e > maxAge) {
        throw config.error("edges", "expected whole numbers of years from 1 to maxAge " + maxAge + ", found " + plain(list));
      }
      edges[i] = (int) e;
      if (i > 0 && edges[i] <= edges[i - 1]) {
        throw config.error("edges", "expected edges in increasing order, each once, found " + plain(list));
      }
    }
    boolean wholeYearsOnly = config.flag("wholeYearsOnly", true);
    LocalDate asOf = asOf(config);
    return new AgeClassifier(new Dimension(config.id(), labels(edges)), edges, maxAge, wholeYearsOnly, asOf);
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    return Optional.of(create(config).dimension());
  }

  @Override
  public Set<Feature<?>> features(PluginConfig config) {
    return AgeClassifier.INPUTS;
  }

  /** Opt-in: a default run on an export without an age column stays as it was. */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }

  /**
   * The labels for band edges: {@code UNDER_<first>}, {@code AGE_<from>_<to>} with {@code to} the
   * last year of the band, {@code AGE_<last>_PLUS}, then {@code UNKNOWN}.
   *
   * @param edges whole years in increasing order, at least one
   * @return the labels, in order
   */
  static List<String> labels(int[] edges) {
    List<String> labels = new ArrayList<>();
    labels.add("UNDER_" + edges[0]);
    for (int i = 0; i + 1 < edges.length; i++) {
      labels.add("AGE_" + edges[i] + "_" + (edges[i + 1] - 1));
    }
    labels.add("AGE_" + edges[edges.length - 1] + "_PLUS");
    labels.add("UNKNOWN");
    return labels;
  }

  private static String plain(List<Double> numbers) {
    return numbers.stream().map(d -> d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString())
        .toList().toString();
  }

  private static @Nullable LocalDate asOf(PluginConfig config) {
    if (!config.has("asOf")) {
      return null;
    }
    String text = config.string("asOf", "");
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw config.error("asOf", "expected an ISO date such as \"2024-07-01\", found \"" + text + "\"");
    }
  }
}
