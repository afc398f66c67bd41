package org.clientele.playbook;

import org.clientele.api.Customer;
import org.clientele.api.Feature;
import org.clientele.api.Segments;
import org.jspecify.annotations.Nullable;

/**
 * A rule resolved against the engine's dimensions: positions and label masks, so that matching a
 * customer is a handful of array reads and int comparisons, with no allocation.
 */
final class CompiledRule {

  final Rule rule;
  /** Position in the playbook, which settles ties in priority (earlier wins). */
  final int order;
  /** Engine dimension positions this rule constrains. */
  final int[] positions;
  /** For each constrained position, which label indexes match. */
  final boolean[][] allowed;
  /** For each constrained position, whether UNCLASSIFIED (label index -1) matches. */
  final boolean[] unclassified;

  final FeatureTest[] tests;

  CompiledRule(
      Rule rule, int order, int[] positions, boolean[][] allowed, boolean[] unclassified, FeatureTest[] tests) {
    this.rule = rule;
    this.order = order;
    this.positions = positions;
    this.allowed = allowed;
    this.unclassified = unclassified;
    this.tests = tests;
  }

  boolean matches(Customer customer, Segments segments) {
    boolean fallback = false;
    for (int i = 0; i < positions.length; i++) {
      int label = segments.labelIndex(positions[i]);
      if (label < 0 ? !unclassified[i] : label >= allowed[i].length || !allowed[i][label]) {
        return false;
      }
      fallback |= segments.isFallback(positions[i]);
    }
    return basisMatches(fallback) && featuresMatch(customer);
  }

  /** Whether the rule's {@link Rule#basis()} accepts labels of which some were ({@code fallback}) decided for lack of data. */
  boolean basisMatches(boolean fallback) {
    return switch (rule.basis()) {
      case ANY -> true;
      case MEASURED -> !fallback;
      case LACK_OF_DATA -> fallback;
    };
  }

  /** Checks the feature conditions only. */
  boolean featuresMatch(Customer customer) {
    for (FeatureTest t : tests) {
      if (!t.test(customer)) {
        return false;
      }
    }
    return true;
  }

  /** Matches on labels only (feature conditions ignored); labels indexed by engine position. */
  boolean labelsMatch(int[] labelByPosition) {
    for (int i = 0; i < positions.length; i++) {
      if (!allowed[i][labelByPosition[positions[i]]]) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #labelsMatch(int[])}, looking only at the positions marked known (the others may match). */
  boolean labelsMatch(int[] labelByPosition, boolean[] known) {
    for (int i = 0; i < positions.length; i++) {
      if (known[positions[i]] && !allowed[i][labelByPosition[positions[i]]]) {
        return false;
      }
    }
    return true;
  }

  /** True if every dimension this rule reads is marked known. */
  boolean readsOnly(boolean[] known) {
    for (int p : positions) {
      if (!known[p]) {
        return false;
      }
    }
    return true;
  }

  boolean conditional() {
    return tests.length > 0;
  }

  String id() {
    return rule.id();
  }

  /** One feature condition, with the feature resolved once. */
  static final class FeatureTest {
    private final @Nullable Feature<Double> number;
    private final @Nullable Feature<String> text;
    private final FeatureCondition.Operator operator;
    private final double threshold;
    private final @Nullable String value;
    private final boolean ifMissing;

    @SuppressWarnings("unchecked")
    FeatureTest(FeatureCondition condition, Feature<?> feature) {
      this.operator = condition.operator();
      this.ifMissing = condition.ifMissing();
      if (condition.number() != null) {
        this.number = (Feature<Double>) feature;
        this.text = null;
        this.threshold = condition.number();
        this.value = null;
      } else {
        this.number = null;
        this.text = (Feature<String>) feature;
        this.threshold = Double.NaN;
        this.value = condition.text();
      }
    }

    boolean test(Customer customer) {
      if (number != null) {
        double v = customer.number(number, Double.NaN);
        return Double.isNaN(v) ? ifMissing : operator.test(v, threshold);
      }
      String v = text == null ? null : customer.getOrNull(text);
      if (v == null) {
        return ifMissing;
      }
      return v.equals(value) == (operator == FeatureCondition.Operator.EQ);
    }
  }
}
