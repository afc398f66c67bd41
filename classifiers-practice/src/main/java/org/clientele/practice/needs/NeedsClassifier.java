package org.clientele.practice.needs;

import static org.clientele.practice.internal.Text.MISSING;
import static org.clientele.practice.internal.Text.UNPLACED;
import static org.clientele.practice.internal.Text.percent;
import static org.clientele.practice.internal.Text.plain;

import java.util.List;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ExplainingClassifier;
import org.clientele.practice.internal.Plausible;
import org.jspecify.annotations.Nullable;

/** See {@link NeedsClassifierProvider}. Immutable, so safe to share across threads. */
final class NeedsClassifier extends ExplainingClassifier {

  static final int PRODUCT = 0;
  static final int SERVICE = 1;
  static final int SOLUTION = 2;
  static final int UNKNOWN = 3;

  private final NeedsSettings settings;
  private final double cutoff;
  private final String cutoffRule;

  NeedsClassifier(Dimension dimension, NeedsSettings settings, double cutoff, String cutoffRule) {
    super(dimension);
    this.settings = settings;
    this.cutoff = cutoff;
    this.cutoffRule = cutoffRule;
  }

  static Dimension dimension(String id) {
    return Dimension.of(id, "PRODUCT", "SERVICE", "SOLUTION", "UNKNOWN");
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double projects = customer.number(settings.projects(), Double.NaN);
    double lines = customer.number(settings.productLines(), Double.NaN);
    double share = customer.number(settings.serviceShare(), Double.NaN);
    Reason implausible = implausible(projects, lines, share);
    if (implausible != null) {
      if (why != null) {
        why.add(implausible);
      }
      out.acceptFallback(UNKNOWN, Double.NaN);
      return;
    }
    boolean projectsMet = projects >= settings.minProjects();
    boolean linesMet = lines >= settings.minProductLines();
    if (why != null) {
      why.add(solutionReason(settings.projects(), projects, settings.minProjects(), "project or bundle purchases"));
      why.add(solutionReason(settings.productLines(), lines, settings.minProductLines(), "product lines"));
    }
    if (projectsMet && linesMet) {
      if (why != null) {
        why.add(Reason.conclusion("needs", "Projects or bundles across several product lines: needs SOLUTION"));
      }
      out.accept(SOLUTION, share);
      return;
    }
    if (why != null) {
      why.add(Double.isNaN(share)
          ? Reason.missing(settings.serviceShare(), "No service ticket share known: whether the customer leans on"
              + " service cannot be told")
          : Reason.of(settings.serviceShare(), share, (share >= cutoff ? ">= " : "< ") + cutoffRule,
              "Service tickets are " + percent(share) + " of tickets and orders, "
                  + (share >= cutoff ? "at or above" : "below") + " the service cut-off " + cutoffRule));
    }
    if (share >= cutoff) {
      out.accept(SERVICE, share);
      return;
    }
    // PRODUCT claims "no solution, little service": both must be known, or the label is a guess.
    boolean solutionRuledOut = (!Double.isNaN(projects) && !projectsMet) || (!Double.isNaN(lines) && !linesMet);
    if (!Double.isNaN(share) && solutionRuledOut) {
      out.accept(PRODUCT, share);
      return;
    }
    if (why != null) {
      why.add(Reason.conclusion("needs", Double.isNaN(share)
          ? "Without " + settings.serviceShare().name() + " a customer who is not a solution buyer may be a service or a"
              + " product buyer: needs UNKNOWN (" + MISSING + "); add the column to the customers"
          : "Without " + settings.projects().name() + " or " + settings.productLines().name() + " a solution buyer"
              + " cannot be ruled out: needs UNKNOWN (" + MISSING + "); add the columns to the customers"));
    }
    out.acceptFallback(UNKNOWN, share);
  }

  /** The reason naming the first value that cannot be what its column says, or null if all can (or are missing). */
  private @Nullable Reason implausible(double projects, double lines, double share) {
    if (!Double.isNaN(projects) && !Plausible.count(projects)) {
      return notACount(settings.projects(), projects, "project or bundle purchases");
    }
    if (!Double.isNaN(lines) && !Plausible.count(lines)) {
      return notACount(settings.productLines(), lines, "product lines");
    }
    if (!Double.isNaN(share) && !Plausible.share(share)) {
      return Reason.of(settings.serviceShare(), share, "0 to 1", "Service ticket share " + plain(share) + " is not a"
          + " share between 0 and 1 (a percentage? write 0.3 for 30%): needs UNKNOWN (" + UNPLACED + ")");
    }
    return null;
  }

  private static Reason notACount(Feature<Double> feature, double value, String what) {
    return Reason.of(feature, value, "a whole number >= 0", plain(value) + " " + what + " is not a count: needs UNKNOWN"
        + " (" + UNPLACED + "); write how many, a whole number >= 0");
  }

  private static Reason solutionReason(Feature<Double> feature, double value, double minimum, String what) {
    return Double.isNaN(value)
        ? Reason.missing(feature, "No " + what + " known: a SOLUTION buyer needs at least " + plain(minimum))
        : Reason.of(feature, value, (value >= minimum ? ">= " : "< ") + plain(minimum),
            plain(value) + " " + what + " in the last 12 months, " + (value >= minimum ? "at least " : "fewer than ")
                + plain(minimum) + " (a SOLUTION buyer's minimum)");
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(settings.projects(), settings.productLines(), settings.serviceShare());
  }
}
