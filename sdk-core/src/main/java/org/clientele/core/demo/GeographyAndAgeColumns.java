package org.clientele.core.demo;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The demo's columns for the practice dimensions geography and age (clientele-classifiers-practice),
 * kept apart from the generator's other attributes: every label of both dimensions occurs in {@code
 * clientele demo}, including UNKNOWN with its reasons. Drawn from a random source of their own,
 * seeded by the account id, so the other columns are exactly what they were without them.
 */
final class GeographyAndAgeColumns {

  /** Region types the geography dimension's default mapping does not know: UNKNOWN, named in the reason. */
  private static final String[] UNRECOGNISED_REGION_TYPES = {"coastal", "island", "border zone"};

  private GeographyAndAgeColumns() {}

  private static SplittableRandom random(String id, long salt) {
    return new SplittableRandom(id.hashCode() * 0x9E3779B97F4A7C15L + salt);
  }

  /**
   * The region type as the CRM holds it: for 3% of accounts a value no default mapping covers, else
   * the generated one (city, rural or mountain).
   */
  static String regionType(String id, String generated) {
    SplittableRandom r = random(id, 1);
    return r.nextInt(100) < 3 ? UNRECOGNISED_REGION_TYPES[r.nextInt(UNRECOGNISED_REGION_TYPES.length)] : generated;
  }

  /**
   * The age of the account's buyer (for a consumer book; the demo's accounts are businesses, so
   * read it as the age of the purchasing contact): 5% not filled in, 1% implausible (130, a typo;
   * 38.5, a ratio in the wrong column), else spread so that every band from under 20 to 50 and over
   * holds customers.
   */
  static @Nullable Double age(String id) {
    SplittableRandom r = random(id, 2);
    int u = r.nextInt(1000);
    if (u < 50) {
      return null;
    }
    if (u < 55) {
      return 130.0;
    }
    if (u < 60) {
      return 38.5;
    }
    if (u < 120) {
      return (double) r.nextInt(16, 20); // under 20: students, first jobs
    }
    return (double) Math.round(Math.max(20, Math.min(85, 41 + 12 * TransactionPopulation.gaussian(r))));
  }
}
