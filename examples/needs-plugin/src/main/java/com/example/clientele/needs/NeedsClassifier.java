package com.example.clientele.needs;

import java.util.List;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ExplainingClassifier;
import org.jspecify.annotations.Nullable;

/**
 * SOLUTION for project buyers across several lines, else SERVICE at or above the service-share
 * cut-off, else PRODUCT; UNKNOWN when no input is known. The score is the service share (NaN if
 * missing). Immutable, so safe to share across threads.
 */
final class NeedsClassifier extends ExplainingClassifier {

  private final NeedsSettings settings;
  private final double cutoff;
  private final String cutoffRule;

  NeedsClassifier(Dimension dimension, NeedsSettings settings, double cutoff, String cutoffRule) {
    super(dimension);
    this.settings = settings;
    this.cutoff = cutoff;
    this.cutoffRule = cutoffRule;
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double projects = customer.number(settings.projects(), Double.NaN);
    double lines = customer.number(settings.productLines(), Double.NaN);
    double share = customer.number(settings.serviceShare(), Double.NaN);
    if (Double.isNaN(projects) && Double.isNaN(lines) && Double.isNaN(share)) {
      if (why != null) {
        why.add(Reason.conclusion("needs_inputs", "No " + settings.projects().name() + ", " + settings.productLines().name()
            + " or " + settings.serviceShare().name() + " known: needs UNKNOWN"));
      }
      out.accept(Need.UNKNOWN.ordinal(), Double.NaN);
      return;
    }
    boolean solution = projects >= settings.minProjects() && lines >= settings.minProductLines();
    if (why != null) {
      why.add(solutionReason(settings.projects(), projects, settings.minProjects(), "project or bundle purchases"));
      why.add(solutionReason(settings.productLines(), lines, settings.minProductLines(), "product lines"));
    }
    if (solution) {
      if (why != null) {
        why.add(Reason.conclusion("acme-needs", "Projects across several product lines: needs SOLUTION"));
      }
      out.accept(Need.SOLUTION.ordinal(), share);
      return;
    }
    if (why != null) {
      why.add(Double.isNaN(share)
          ? Reason.missing(settings.serviceShare(), "No service share known: not SERVICE, judged on purchases alone")
          : Reason.of(settings.serviceShare(), share, (share >= cutoff ? ">= " : "< ") + cutoffRule,
              "Service share " + percent(share) + (share >= cutoff ? " is at or above " : " is below ") + "the cut-off "
                  + cutoffRule));
    }
    out.accept((share >= cutoff ? Need.SERVICE : Need.PRODUCT).ordinal(), share);
  }

  private static Reason solutionReason(Feature<Double> feature, double value, double minimum, String what) {
    return Double.isNaN(value)
        ? Reason.missing(feature, "No " + what + " known: not a SOLUTION customer")
        : Reason.of(feature, value, (value >= minimum ? ">= " : "< ") + plain(minimum),
            plain(value) + " " + what + (value >= minimum ? ", at least " : ", fewer than ") + plain(minimum));
  }

  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(settings.projects(), settings.productLines(), settings.serviceShare());
  }
}
