package org.clientele.classifiers.internal;

import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A classifier whose hot path and explanation run the same evaluation: {@link #classify} passes no
 * reason list, so the evaluation allocates nothing, and {@link #explain} passes one and reads the
 * label back through a {@link Verdict}. One code path, so the two can never disagree.
 */
public abstract class ExplainingClassifier implements Classifier {

  private final Dimension dimension;

  /**
   * Creates the classifier.
   *
   * @param dimension the dimension it labels
   */
  protected ExplainingClassifier(Dimension dimension) {
    this.dimension = dimension;
  }

  @Override
  public final Dimension dimension() {
    return dimension;
  }

  @Override
  public final void classify(Customer customer, LabelSink out) {
    evaluate(customer, out, null);
  }

  @Override
  public final Assignment explain(Customer customer) {
    List<Reason> why = new ArrayList<>();
    Verdict verdict = new Verdict();
    evaluate(customer, verdict, why);
    return new Assignment(dimension, verdict.label(), verdict.score(), "", why);
  }

  /**
   * Classifies a customer: calls the sink exactly once and, when {@code why} is given, adds the
   * reasons. Must allocate nothing when {@code why} is null.
   *
   * @param customer the customer
   * @param out receives the label index and score
   * @param why receives the reasons, or null on the hot path
   */
  protected abstract void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why);
}
