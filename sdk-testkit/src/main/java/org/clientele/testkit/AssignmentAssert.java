package org.clientele.testkit;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.clientele.api.Assignment;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.Reason;

/**
 * Assertions on an {@link Assignment}; start with {@link ClienteleAssertions#assertThatAssignment}.
 *
 * @since 0.1.0
 */
public final class AssignmentAssert extends AbstractAssert<AssignmentAssert, Assignment> {

  AssignmentAssert(Assignment actual) {
    super(actual, AssignmentAssert.class);
  }

  /**
   * Checks the label.
   *
   * @param label the expected label, for example {@code CORE}
   * @return this assertion
   */
  public AssignmentAssert hasLabel(String label) {
    isNotNull();
    if (!actual.label().equals(label)) {
      failWithMessage("Expected label %s on dimension '%s' but was %s; reasons: %s",
          label, actual.dimension().id(), actual.label(), texts());
    }
    return this;
  }

  /**
   * Checks that the label is one of several.
   *
   * @param labels the accepted labels
   * @return this assertion
   */
  public AssignmentAssert hasLabelIn(String... labels) {
    isNotNull();
    if (!Arrays.asList(labels).contains(actual.label())) {
      failWithMessage("Expected a label in %s on dimension '%s' but was %s; reasons: %s",
          Arrays.toString(labels), actual.dimension().id(), actual.label(), texts());
    }
    return this;
  }

  /**
   * Checks that the dimension could not be classified ({@link Dimension#UNCLASSIFIED}).
   *
   * @return this assertion
   */
  public AssignmentAssert isUnclassified() {
    return hasLabel(Dimension.UNCLASSIFIED);
  }

  /**
   * Checks the dimension's id.
   *
   * @param id the expected dimension id
   * @return this assertion
   */
  public AssignmentAssert hasDimension(String id) {
    isNotNull();
    if (!actual.dimension().id().equals(id)) {
      failWithMessage("Expected dimension '%s' but was '%s'", id, actual.dimension().id());
    }
    return this;
  }

  /**
   * Checks the score exactly ({@code NaN} matches {@code NaN}).
   *
   * @param score the expected score
   * @return this assertion
   */
  public AssignmentAssert hasScore(double score) {
    isNotNull();
    if (!sameScore(actual.score(), score)) {
      failWithMessage("Expected score %s but was %s", score, actual.score());
    }
    return this;
  }

  /**
   * Checks the score within a tolerance.
   *
   * @param score the expected score
   * @param tolerance the largest accepted difference
   * @return this assertion
   */
  public AssignmentAssert hasScoreCloseTo(double score, double tolerance) {
    isNotNull();
    if (!(Math.abs(actual.score() - score) <= tolerance)) {
      failWithMessage("Expected score %s ± %s but was %s", score, tolerance, actual.score());
    }
    return this;
  }

  /**
   * Checks that there is no score ({@code NaN}).
   *
   * @return this assertion
   */
  public AssignmentAssert hasNoScore() {
    return hasScore(Double.NaN);
  }

  /**
   * Checks the refining code, such as the RFM code {@code "545"}.
   *
   * @param detail the expected detail
   * @return this assertion
   */
  public AssignmentAssert hasDetail(String detail) {
    isNotNull();
    if (!actual.detail().equals(detail)) {
      failWithMessage("Expected detail \"%s\" but was \"%s\"", detail, actual.detail());
    }
    return this;
  }

  /**
   * Checks that a reason names a feature (or derived quantity).
   *
   * @param feature the feature's name, for example {@code revenue_12m}
   * @return this assertion
   */
  public AssignmentAssert hasReasonAbout(String feature) {
    isNotNull();
    if (actual.reasons().stream().noneMatch(r -> r.feature().equals(feature))) {
      failWithMessage("Expected a reason about '%s' but the reasons are about %s: %s",
          feature, features(), texts());
    }
    return this;
  }

  /**
   * Checks that a reason names a feature.
   *
   * @param feature the feature
   * @return this assertion
   */
  public AssignmentAssert hasReasonAbout(Feature<?> feature) {
    return hasReasonAbout(feature.name());
  }

  /**
   * Checks that a reason says the feature was missing.
   *
   * @param feature the feature
   * @return this assertion
   */
  public AssignmentAssert hasReasonAboutMissing(Feature<?> feature) {
    isNotNull();
    if (actual.reasons().stream().noneMatch(r -> r.feature().equals(feature.name()) && r.isMissing())) {
      failWithMessage("Expected a reason saying '%s' is missing but the reasons are %s", feature.name(), texts());
    }
    return this;
  }

  /**
   * Checks that a reason's sentence contains a text.
   *
   * @param text part of the expected sentence
   * @return this assertion
   */
  public AssignmentAssert hasReasonContaining(String text) {
    isNotNull();
    if (actual.reasons().stream().noneMatch(r -> r.text().contains(text))) {
      failWithMessage("Expected a reason containing \"%s\" but the reasons are %s", text, texts());
    }
    return this;
  }

  /**
   * Checks that there is at least one reason and that every reason has a sentence.
   *
   * @return this assertion
   */
  public AssignmentAssert hasReasons() {
    isNotNull();
    if (actual.reasons().isEmpty() || actual.reasons().stream().anyMatch(r -> r.text().isBlank())) {
      failWithMessage("Expected reasons with a sentence each for label %s but were %s",
          actual.label(), actual.reasons());
    }
    return this;
  }

  private List<String> texts() {
    return actual.reasons().stream().map(Reason::text).toList();
  }

  private List<String> features() {
    return actual.reasons().stream().map(Reason::feature).toList();
  }

  static boolean sameScore(double a, double b) {
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }
}
