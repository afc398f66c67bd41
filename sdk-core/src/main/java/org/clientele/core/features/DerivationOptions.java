package org.clientele.core.features;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * How features are derived from a transaction log.
 *
 * @param mode {@link Mode#STANDARD} (the {@link org.clientele.api.StandardFeatures}) or {@link
 *     Mode#LIFETIMES} (frequency, recency and T as the Python {@code lifetimes} library computes
 *     them)
 * @param referenceDate standard mode: the "as of" day; transactions on or after it are ignored.
 *     Null means the day after the last transaction (the log is then read twice)
 * @param observationEnd lifetimes mode: the last day observed, included. Null means the day of the
 *     last transaction (the log is then read twice)
 * @param unit lifetimes mode: days or weeks
 * @since 0.1.0
 */
public record DerivationOptions(
    Mode mode,
    @Nullable LocalDate referenceDate,
    @Nullable LocalDate observationEnd,
    PeriodUnit unit,
    int implausibleGapDays) {

  /** The default of {@link #implausibleGapDays()}: a year with no transaction at all. */
  public static final int DEFAULT_IMPLAUSIBLE_GAP_DAYS = 365;

  /** The kind of features derived. */
  public enum Mode {
    /** The standard RFM, visit, tenure and refund features. */
    STANDARD,
    /** The {@code lifetimes} summary: frequency, recency, T and monetary value. */
    LIFETIMES
  }

  /**
   * Checks that each date belongs to its mode.
   *
   * @param mode {@link Mode#STANDARD} (the {@link org.clientele.api.StandardFeatures}) or {@link
   *     Mode#LIFETIMES} (frequency, recency and T as the Python {@code lifetimes} library computes
   *     them)
   * @param referenceDate standard mode: the "as of" day; transactions on or after it are ignored.
   *     Null means the day after the last transaction (the log is then read twice)
   * @param observationEnd lifetimes mode: the last day observed, included. Null means the day of the
   *     last transaction (the log is then read twice)
   * @param unit lifetimes mode: days or weeks
   * @param implausibleGapDays when the reference date (observation end) is left open: transactions
   *     after a gap of more than this many days with no transaction, if they are at most 1% of the
   *     rows, are rejected as implausible dates (a mistyped year, a placeholder) instead of moving
   *     "today" years ahead; 0 turns the check off
   */
  public DerivationOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
    if (implausibleGapDays < 0) {
      throw new IllegalArgumentException("implausibleGapDays must be 0 (off) or more, was " + implausibleGapDays);
    }
    if (mode == Mode.STANDARD && observationEnd != null) {
      throw new IllegalArgumentException(
          "observationEnd belongs to the lifetimes mode; in the standard mode set referenceDate"
              + " (the day after the last day observed)");
    }
    if (mode == Mode.LIFETIMES && referenceDate != null) {
      throw new IllegalArgumentException(
          "referenceDate belongs to the standard mode; in the lifetimes mode set observationEnd"
              + " (the last day observed, included)");
    }
  }

  /**
   * Returns the standard mode as of the day after the last transaction.
   *
   * @return the defaults
   */
  public static DerivationOptions defaults() {
    return new DerivationOptions(Mode.STANDARD, null, null, PeriodUnit.DAYS, DEFAULT_IMPLAUSIBLE_GAP_DAYS);
  }

  /**
   * Returns the standard mode as of a given day.
   *
   * @param referenceDate the "as of" day; transactions on or after it are ignored
   * @return the options
   */
  public static DerivationOptions asOf(LocalDate referenceDate) {
    return new DerivationOptions(
        Mode.STANDARD, Objects.requireNonNull(referenceDate, "referenceDate"), null, PeriodUnit.DAYS,
        DEFAULT_IMPLAUSIBLE_GAP_DAYS);
  }

  /**
   * Returns the lifetimes mode.
   *
   * @param observationEnd the last day observed (included), or null for the last transaction's day
   * @param unit days or weeks
   * @return the options
   */
  public static DerivationOptions lifetimes(@Nullable LocalDate observationEnd, PeriodUnit unit) {
    return new DerivationOptions(Mode.LIFETIMES, null, observationEnd, unit, DEFAULT_IMPLAUSIBLE_GAP_DAYS);
  }

  /**
   * Reads the {@code derive} section (conventionally {@code $.input.derive}). Keys: {@code mode}
   * ({@code standard} or {@code lifetimes}), {@code referenceDate} (ISO date, standard mode),
   * {@code observationEnd} (ISO date, lifetimes mode), {@code unit} ({@code days} or {@code
   * weeks}, lifetimes mode; default {@code days}), {@code implausibleGapDays} (default 365; 0
   * turns the implausible-date check off).
   *
   * @param config the section
   * @return the options
   * @throws ConfigurationException naming the file and JSON path of a bad key
   */
  public static DerivationOptions fromConfig(PluginConfig config) {
    Objects.requireNonNull(config, "config");
    Mode mode = config.choice("mode", Mode.class, Mode.STANDARD);
    LocalDate reference = date(config, "referenceDate");
    LocalDate end = date(config, "observationEnd");
    PeriodUnit unit = config.choice("unit", PeriodUnit.class, PeriodUnit.DAYS);
    int gap = config.integer("implausibleGapDays", DEFAULT_IMPLAUSIBLE_GAP_DAYS);
    if (gap < 0) {
      throw config.error("implausibleGapDays", "expected 0 (off) or a number of days, found " + gap);
    }
    try {
      return new DerivationOptions(mode, reference, end, unit, gap);
    } catch (IllegalArgumentException e) {
      throw config.error(mode == Mode.STANDARD ? "observationEnd" : "referenceDate", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  private static @Nullable LocalDate date(PluginConfig config, String key) {
    if (!config.has(key)) {
      return null;
    }
    String text = config.string(key, "");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw config.error(key, "expected an ISO date such as 2024-03-31, found \"" + text + "\"");
    }
  }
}
