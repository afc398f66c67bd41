package org.clientele.core.io;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an outcome file ({@link OutcomeReader}): what happened to one customer after one
 * playbook rule selected it, whether the customer was contacted (treated) or held out.
 *
 * @param customerId the customer
 * @param rule the playbook rule that selected the customer
 * @param action the action code, or null when the file does not say
 * @param date the day the outcome was recorded
 * @param response whether the customer responded (accepted, declined, no response)
 * @param revenueAfter the customer's revenue in the measurement window after the action, {@code >= 0}
 * @param cost what the action cost for this customer, {@code >= 0} (0 for a held-out customer)
 * @param group the group the file says the customer was in, or null when it does not say
 * @since 0.1.0
 */
public record OutcomeRecord(
    String customerId,
    String rule,
    @Nullable String action,
    LocalDate date,
    Response response,
    double revenueAfter,
    double cost,
    @Nullable Group group) {

  /**
   * Checks the parts.
   *
   * @param customerId the customer
   * @param rule the rule
   * @param action the action code, or null
   * @param date the day
   * @param response the response
   * @param revenueAfter revenue after, {@code >= 0}
   * @param cost the cost, {@code >= 0}
   * @param group the recorded group, or null
   */
  public OutcomeRecord {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(response, "response");
    if (!(revenueAfter >= 0) || Double.isInfinite(revenueAfter) || !(cost >= 0) || Double.isInfinite(cost)) {
      throw new IllegalArgumentException("revenueAfter and cost must be finite and >= 0");
    }
  }

  /**
   * A customer's response to an action.
   *
   * @since 0.1.0
   */
  public enum Response {
    /** The customer took the offer (bought, renewed, replied yes). */
    ACCEPTED,
    /** The customer said no. */
    DECLINED,
    /** Nothing happened: also the usual value for a held-out customer who bought nothing. */
    NO_RESPONSE;

    /**
     * Returns the name as written in files.
     *
     * @return for example {@code no_response}
     */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Which side of a control group a customer was on.
   *
   * @since 0.1.0
   */
  public enum Group {
    /** The customer got the rule's action. */
    TREATED,
    /** The customer was held out: no action, measured for comparison. */
    HELD_OUT;

    /**
     * Returns the name as written in files.
     *
     * @return {@code treated} or {@code held_out}
     */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
