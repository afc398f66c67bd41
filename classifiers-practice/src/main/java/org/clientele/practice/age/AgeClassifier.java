package org.clientele.practice.age;

import static org.clientele.api.StandardFeatures.AGE;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.TENURE_DAYS;
import static org.clientele.practice.PracticeFeatures.BIRTH_DATE;
import static org.clientele.practice.internal.Text.MISSING;
import static org.clientele.practice.internal.Text.UNPLACED;

import java.time.LocalDate;
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
 * See {@link AgeClassifierProvider}. One decision path serves {@code classify} and {@code explain};
 * immutable, so safe to share across threads.
 */
final class AgeClassifier extends ExplainingClassifier {

  /**
   * What the dimension reads. {@code first_purchase_date} and {@code tenure_days}, which give the
   * log's reference date for a birth date, are left out: the report's measurable share would
   * otherwise count a prospect with a known age as placed on missing data.
   */
  static final Set<Feature<?>> INPUTS = Set.of(AGE, BIRTH_DATE);

  /** The rule a reason names for a value that is not an age: the word users search reasons for. */
  static final String IMPLAUSIBLE = "implausible";

  private final int[] edges;
  private final int maxAge;
  private final boolean wholeYearsOnly;
  private final @Nullable LocalDate asOf;
  private final int unknown;

  AgeClassifier(Dimension dimension, int[] edges, int maxAge, boolean wholeYearsOnly, @Nullable LocalDate asOf) {
    super(dimension);
    this.edges = edges.clone();
    this.maxAge = maxAge;
    this.wholeYearsOnly = wholeYearsOnly;
    this.asOf = asOf;
    this.unknown = dimension.size() - 1;
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    double age = customer.number(AGE, Double.NaN);
    if (!Double.isNaN(age)) {
      if (age < 0 || age > maxAge || (wholeYearsOnly && age != Math.rint(age))) {
        if (why != null) {
          why.add(Reason.of(AGE, age, IMPLAUSIBLE + ": 0 to " + maxAge + (wholeYearsOnly ? " whole years" : ""),
              "Age " + plain(age) + " is not a plausible age (" + problem(age)
                  + "): not banded, UNKNOWN (" + UNPLACED + "). Correct the record"));
        }
        out.acceptFallback(unknown, Double.NaN);
        return;
      }
      int years = (int) Math.floor(age);
      int band = band(years);
      if (why != null) {
        why.add(Reason.of(AGE, age, range(band), "Age " + plain(age) + " is in band "
            + dimension().label(band) + " (" + range(band) + ")"));
      }
      out.accept(band, years);
      return;
    }
    LocalDate birth = customer.getOrNull(BIRTH_DATE);
    if (birth == null) {
      if (why != null) {
        why.add(Reason.missing(AGE, "No age and no birth date: age UNKNOWN (" + MISSING + ")"));
      }
      out.acceptFallback(unknown, Double.NaN);
      return;
    }
    LocalDate reference = asOf != null ? asOf : logReferenceDate(customer);
    if (reference == null) {
      if (why != null) {
        why.add(Reason.of(BIRTH_DATE, birth, "no reference date",
            "Birth date " + birth + " is known but not the date to count the age to: age UNKNOWN (" + MISSING
                + ": the reference date). Set asOf, or give a transaction log (its reference date is used)"));
      }
      out.acceptFallback(unknown, Double.NaN);
      return;
    }
    int years = completedYears(birth, reference);
    if (years < 0 || years > maxAge) {
      if (why != null) {
        why.add(Reason.of(BIRTH_DATE, birth, IMPLAUSIBLE + ": 0 to " + maxAge,
            "Birth date " + birth + " gives age " + years + " on " + reference + ", not a plausible age ("
                + (years < 0 ? "born after the reference date" : "over maxAge " + maxAge) + "): not banded, UNKNOWN ("
                + UNPLACED + "). Correct the record"));
      }
      out.acceptFallback(unknown, Double.NaN);
      return;
    }
    int band = band(years);
    if (why != null) {
      why.add(Reason.missing(AGE, "No age: counted from the birth date"));
      why.add(Reason.of(BIRTH_DATE, birth, range(band),
          "Birth date " + birth + " gives age " + years + " on " + reference
              + (asOf != null ? " (asOf)" : " (the transaction log's reference date)") + ": band " + dimension().label(band)));
    }
    out.accept(band, years);
  }

  /** A customer UNKNOWN with an age, or with a birth date and a reference date, has an implausible one. */
  @Override
  public Set<Feature<?>> unplacedInputs() {
    return Set.of(AGE);
  }

  @Override
  public Set<Feature<?>> features() {
    return INPUTS;
  }

  private int band(int years) {
    int band = 0;
    while (band < edges.length && years >= edges[band]) {
      band++;
    }
    return band;
  }

  /** The band's rule, for example {@code 30 <= age < 40}. */
  private String range(int band) {
    if (band == 0) {
      return "age < " + edges[0];
    }
    if (band == edges.length) {
      return "age >= " + edges[band - 1];
    }
    return edges[band - 1] + " <= age < " + edges[band];
  }

  private String problem(double age) {
    if (age < 0) {
      return "negative";
    }
    if (age > maxAge) {
      return "over maxAge " + maxAge + "; a birth year or a typo?";
    }
    return "not a whole number of years; a score or a ratio in the age column? Set wholeYearsOnly false to band"
        + " fractional ages by their completed years";
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** The reference date of the log the customer's purchase features were derived from, or null. */
  private static @Nullable LocalDate logReferenceDate(Customer customer) {
    LocalDate first = customer.getOrNull(FIRST_PURCHASE_DATE);
    double tenure = customer.number(TENURE_DAYS, Double.NaN);
    if (first == null || Double.isNaN(tenure) || tenure != Math.rint(tenure)) {
      return null;
    }
    return first.plusDays((long) tenure);
  }

  /** Whole years from birth to the date, as {@code Period.between(...).getYears()}, without allocating. */
  static int completedYears(LocalDate birth, LocalDate on) {
    int years = on.getYear() - birth.getYear();
    if (on.getMonthValue() < birth.getMonthValue()
        || (on.getMonthValue() == birth.getMonthValue() && on.getDayOfMonth() < birth.getDayOfMonth())) {
      years--;
    }
    return years;
  }
}
