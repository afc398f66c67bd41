package org.clientele.core.cycle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clientele.api.Action;

/**
 * A deterministic control group: of the customers a playbook rule selects, a share is held out
 * (gets none of that rule's actions) so that the rule's effect can be measured against them.
 *
 * <p>Membership depends only on the customer id, the rule id and the salt: the first 8 bytes of
 * SHA-256 over the UTF-8 text {@code rule + '\u0000' + customerId + '\u0000' + salt}, read as an
 * unsigned number and divided by 2^64, is below {@code share}. So the same customers are held out
 * every run, on every machine and with any number of threads, and a customer held out of one rule
 * is independent of being held out of another. Change the salt to draw a fresh group.
 *
 * @param share the fraction of each rule's customers held out, in [0, 1)
 * @param salt mixed into the hash; empty by default
 * @since 0.1.0
 */
public record ControlGroup(double share, String salt) {

  /** No control group: nobody is held out. */
  public static final ControlGroup NONE = new ControlGroup(0, "");

  /**
   * Checks the parts.
   *
   * @param share the fraction held out, in [0, 1)
   * @param salt mixed into the hash
   */
  public ControlGroup {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("the control group share must be in [0, 1), not " + share);
    }
    Objects.requireNonNull(salt, "salt");
  }

  /**
   * Returns a control group with the default (empty) salt.
   *
   * @param share the fraction of each rule's customers held out, in [0, 1)
   * @return the control group
   */
  public static ControlGroup of(double share) {
    return new ControlGroup(share, "");
  }

  /**
   * Tells whether a customer is held out of a rule.
   *
   * @param customerId the customer id
   * @param rule the rule id
   * @return true if the customer gets none of this rule's actions
   */
  public boolean heldOut(String customerId, String rule) {
    return share > 0 && position(customerId, rule) < share;
  }

  /**
   * Returns the customer's position in [0, 1) for a rule: held out when below the share.
   *
   * @param customerId the customer id
   * @param rule the rule id
   * @return the position
   */
  public double position(String customerId, String rule) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    byte[] h = sha.digest((rule + '\u0000' + customerId + '\u0000' + salt).getBytes(StandardCharsets.UTF_8));
    long bits = ByteBuffer.wrap(h, 0, 8).getLong();
    return (bits >>> 11) * 0x1.0p-53; // the top 53 bits: exact in a double
  }

  /**
   * Splits a customer's actions into those it gets and those held out.
   *
   * @param customerId the customer id
   * @param actions the plan's actions
   * @return the actions kept, in order, and the held-out rules, in order of first appearance
   */
  public Split split(String customerId, List<Action> actions) {
    if (share == 0) {
      return new Split(actions, List.of());
    }
    List<Action> kept = new ArrayList<>(actions.size());
    List<String> held = new ArrayList<>();
    for (Action a : actions) {
      if (heldOut(customerId, a.rule())) {
        if (!held.contains(a.rule())) {
          held.add(a.rule());
        }
      } else {
        kept.add(a);
      }
    }
    return new Split(kept, held);
  }

  /**
   * A customer's actions after the control group.
   *
   * @param kept the actions the customer gets
   * @param heldOutRules the rules the customer is held out of
   * @since 0.1.0
   */
  public record Split(List<Action> kept, List<String> heldOutRules) {
    /**
     * Copies the lists.
     *
     * @param kept the actions the customer gets
     * @param heldOutRules the rules the customer is held out of
     */
    public Split {
      kept = List.copyOf(kept);
      heldOutRules = List.copyOf(heldOutRules);
    }
  }
}
